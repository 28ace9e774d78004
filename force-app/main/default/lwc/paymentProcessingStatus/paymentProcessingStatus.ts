// Payment record page: where the payment stands in its lifecycle (Issued → Pending → Collected →
// Final, or an error end state), the latest detail from the bank or provider, and the provider
// notifications received, refreshed live when the service reports about this payment.
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { RecordRepresentation, WireResult } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import type { RelatedListRecordCollection } from 'lightning/uiRelatedListApi';
import { refreshApex } from '@salesforce/apex';
import STATUS_FIELD from '@salesforce/schema/Payment__c.Status__c';
import DETAILS_FIELD from '@salesforce/schema/Payment__c.StatusDetails__c';
import ERROR_FIELD from '@salesforce/schema/Payment__c.ErrorMessage__c';
import METHOD_FIELD from '@salesforce/schema/Payment__c.PaymentMethod__c';
import COLLECTION_DATE_FIELD from '@salesforce/schema/Payment__c.CollectionDate__c';
import END_TO_END_FIELD from '@salesforce/schema/Payment__c.EndToEndId__c';
import EXTERNAL_ID_FIELD from '@salesforce/schema/Payment__c.ExternalId__c';
import CURRENCY_FIELD from '@salesforce/schema/Payment__c.Currency__c';
import { follow, mentions } from 'c/cmNotifications';
import type { CashNotification, Unfollow } from 'c/cmNotifications';
import { errorText } from 'c/cmErrors';

const FIELDS = [STATUS_FIELD, DETAILS_FIELD, ERROR_FIELD, METHOD_FIELD, COLLECTION_DATE_FIELD, END_TO_END_FIELD, EXTERNAL_ID_FIELD, CURRENCY_FIELD];
const NOTIFICATION_FIELDS = [
    'PaymentNotification__c.Id',
    'PaymentNotification__c.Name',
    'PaymentNotification__c.EventType__c',
    'PaymentNotification__c.ProcessingStatus__c',
    'PaymentNotification__c.ReceivedAt__c',
    'PaymentNotification__c.Amount__c'
];
const HAPPY_PATH = ['Issued', 'Pending', 'Collected', 'Final'];
const ERROR_STATES = ['Reversed', 'Failed', 'Rejected', 'Canceled'];

interface NotificationRow {
    id: string;
    name: string;
    eventType: unknown;
    processingStatus: unknown;
    receivedAt: unknown;
    amount: unknown;
    failed: boolean;
}

export default class PaymentProcessingStatus extends LightningElement {
    @api recordId?: string;

    lastUpdate: CashNotification | null = null;
    streamError = '';
    stop: Unfollow | null = null;

    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    payment?: WireResult<RecordRepresentation>;

    @wire(getRelatedListRecords, { parentRecordId: '$recordId', relatedListId: 'Notifications__r', fields: NOTIFICATION_FIELDS, sortBy: ['-PaymentNotification__c.ReceivedAt__c'], pageSize: 10 })
    notifications?: WireResult<RelatedListRecordCollection>;

    override connectedCallback(): void {
        follow(
            (notification) => {
                this.receive(notification).catch((error: unknown) => {
                    this.streamError = errorText(error);
                });
            },
            (notification) => mentions(notification, this.recordId)
        )
            .then((stop) => {
                this.stop = stop;
            })
            .catch((error: unknown) => {
                this.streamError = `Live updates are unavailable: ${errorText(error)}`;
            });
    }

    override disconnectedCallback(): void {
        if (this.stop) {
            this.stop().catch(() => undefined);
            this.stop = null;
        }
    }

    get record(): RecordRepresentation | undefined {
        return this.payment?.data;
    }

    get loadError(): string {
        const error = this.payment?.error ?? this.notifications?.error;
        return error ? errorText(error) : '';
    }

    get status(): string {
        return String(getFieldValue(this.record, STATUS_FIELD) ?? '');
    }

    get hasError(): boolean {
        return ERROR_STATES.includes(this.status);
    }

    /** The happy path, or the path up to Pending followed by the error end state. */
    get steps(): { label: string; value: string }[] {
        const path = this.hasError ? ['Issued', 'Pending', this.status] : HAPPY_PATH;
        return path.map((value) => ({ label: value, value }));
    }

    get details(): unknown {
        return getFieldValue(this.record, DETAILS_FIELD);
    }

    get errorMessage(): unknown {
        return getFieldValue(this.record, ERROR_FIELD);
    }

    get method(): unknown {
        return getFieldValue(this.record, METHOD_FIELD);
    }

    get collectionDate(): unknown {
        return getFieldValue(this.record, COLLECTION_DATE_FIELD);
    }

    get identifier(): unknown {
        return getFieldValue(this.record, END_TO_END_FIELD) ?? getFieldValue(this.record, EXTERNAL_ID_FIELD);
    }

    get currency(): string {
        return String(getFieldValue(this.record, CURRENCY_FIELD) ?? 'EUR');
    }

    get notificationRows(): NotificationRow[] {
        return (this.notifications?.data?.records ?? []).map((record) => ({
            id: record.id,
            name: String(record.fields.Name?.value ?? ''),
            eventType: record.fields.EventType__c?.value,
            processingStatus: record.fields.ProcessingStatus__c?.value,
            receivedAt: record.fields.ReceivedAt__c?.value,
            amount: record.fields.Amount__c?.value,
            failed: record.fields.ProcessingStatus__c?.value === 'Failed'
        }));
    }

    get hasNotifications(): boolean {
        return this.notificationRows.length > 0;
    }

    get lastUpdateText(): string {
        return this.lastUpdate ? this.lastUpdate.message || `The service reports: ${this.lastUpdate.status}` : '';
    }

    async receive(notification: CashNotification): Promise<void> {
        this.lastUpdate = notification;
        if (this.recordId) {
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        }
        await refreshApex(this.notifications);
    }
}
