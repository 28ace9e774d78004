// Platform modules that @salesforce/lightning-types does not describe. This file must stay free of
// top-level imports: wildcard module declarations inside a module file become augmentations.

declare module '@salesforce/schema/*' {
    const field: { objectApiName: string; fieldApiName: string };
    export default field;
}

declare module '@salesforce/apex/*' {
    import type { WireAdapterConstructor } from 'lwc';
    // Callable imperatively and usable as a wire adapter for cacheable methods.
    type ApexMethod = ((params?: object) => Promise<unknown>) & WireAdapterConstructor<any, any, any>;
    const method: ApexMethod;
    export default method;
}

declare module '@salesforce/apex' {
    export function refreshApex(wired: unknown): Promise<void>;
}

declare module 'lightning/uiRecordApi' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface FieldValue {
        value: unknown;
        displayValue: string | null;
    }
    export interface RecordRepresentation {
        id: string;
        apiName: string;
        fields: Record<string, FieldValue>;
    }
    /** What an LDS wire adapter provisions: data once loaded, or an error. */
    export interface WireResult<T> {
        data?: T;
        error?: unknown;
    }
    export const getRecord: WireAdapterConstructor<any, WireResult<RecordRepresentation>, any>;
    export const getRecords: WireAdapterConstructor<any, WireResult<{ results: { statusCode: number; result: RecordRepresentation }[] }>, any>;
    export function updateRecord(recordInput: { fields: Record<string, unknown> }): Promise<RecordRepresentation>;
    export function getFieldValue(record: RecordRepresentation | undefined, field: unknown): unknown;
    export function getFieldDisplayValue(record: RecordRepresentation | undefined, field: unknown): string | null | undefined;
    export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

declare module 'lightning/uiRelatedListApi' {
    import type { WireAdapterConstructor } from 'lwc';
    import type { RecordRepresentation, WireResult } from 'lightning/uiRecordApi';
    export interface RelatedListRecordCollection {
        records: RecordRepresentation[];
        count: number;
    }
    export const getRelatedListRecords: WireAdapterConstructor<any, WireResult<RelatedListRecordCollection>, any>;
}

declare module 'lightning/empApi' {
    export interface EmpMessage<T = unknown> {
        channel: string;
        data: { payload: T; event?: { replayId: number } };
    }
    export interface EmpSubscription {
        channel: string;
        id?: string;
    }
    export function subscribe<T>(channel: string, replayId: number, onMessage: (message: EmpMessage<T>) => void): Promise<EmpSubscription>;
    export function unsubscribe(subscription: EmpSubscription, callback?: (response: unknown) => void): Promise<unknown>;
    export function onError(callback: (error: unknown) => void): void;
    export function isEmpEnabled(): Promise<boolean>;
}

declare module 'lightning/platformShowToastEvent' {
    export class ShowToastEvent extends CustomEvent<unknown> {
        constructor(toast: { title: string; message?: string; variant?: 'info' | 'success' | 'warning' | 'error'; mode?: 'dismissible' | 'pester' | 'sticky' });
    }
}
