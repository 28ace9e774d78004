// Live updates from the service: subscribes to the CashNotification__e platform event through
// lightning/empApi and hands components typed notifications, optionally only for their own commands.
import { onError, subscribe, unsubscribe } from 'lightning/empApi';
import type { EmpMessage } from 'lightning/empApi';

export const CHANNEL = '/event/CashNotification__e';

export type NotificationStatus = 'accepted' | 'progress' | 'succeeded' | 'failed';

export interface CashNotification {
    correlationId: string;
    command: string;
    status: NotificationStatus;
    progress: number | null;
    message: string;
    payload: Record<string, unknown> | null;
    version: string | null;
}

interface RawNotification {
    CorrelationId__c?: unknown;
    Command__c?: unknown;
    Status__c?: unknown;
    Progress__c?: unknown;
    Message__c?: unknown;
    Payload__c?: unknown;
    Version__c?: unknown;
}

const STATUSES: NotificationStatus[] = ['accepted', 'progress', 'succeeded', 'failed'];

function parsePayload(text: unknown): Record<string, unknown> | null {
    if (typeof text !== 'string' || text.trim() === '') {
        return null;
    }
    try {
        const parsed: unknown = JSON.parse(text);
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
        // A malformed payload must not break the page; the message and status still show.
        return null;
    }
}

/** Reads one event payload; null when it lacks a correlation id or has an unknown status. */
export function toNotification(raw: RawNotification | undefined): CashNotification | null {
    if (!raw || typeof raw.CorrelationId__c !== 'string' || !STATUSES.includes(raw.Status__c as NotificationStatus)) {
        return null;
    }
    const progress = typeof raw.Progress__c === 'number' ? Math.max(0, Math.min(100, raw.Progress__c)) : null;
    return {
        correlationId: raw.CorrelationId__c,
        command: typeof raw.Command__c === 'string' ? raw.Command__c : '',
        status: raw.Status__c as NotificationStatus,
        progress,
        message: typeof raw.Message__c === 'string' ? raw.Message__c : '',
        payload: parsePayload(raw.Payload__c),
        version: raw.Version__c === undefined || raw.Version__c === null ? null : String(raw.Version__c)
    };
}

export function isFinal(notification: CashNotification): boolean {
    return notification.status === 'succeeded' || notification.status === 'failed';
}

/** Whether the notification's payload names the record (statement item, payment, bank account, …). */
export function mentions(notification: CashNotification, recordId: string | undefined): boolean {
    if (!recordId || !notification.payload) {
        return false;
    }
    // Salesforce ids appear in 15- or 18-character form; the first 15 characters identify the record.
    return JSON.stringify(notification.payload).includes(recordId.slice(0, 15));
}

export type Unfollow = () => Promise<void>;

/**
 * Subscribes to new notifications (replay -1: only events from now on) and calls `onNotification`
 * for each one that passes `accept`. Resolves to a function that ends the subscription.
 */
export async function follow(
    onNotification: (notification: CashNotification) => void,
    accept: (notification: CashNotification) => boolean = () => true,
    onStreamingError: (error: unknown) => void = () => undefined
): Promise<Unfollow> {
    onError(onStreamingError);
    const subscription = await subscribe<RawNotification>(CHANNEL, -1, (message: EmpMessage<RawNotification>) => {
        const notification = toNotification(message.data.payload);
        if (notification && accept(notification)) {
            onNotification(notification);
        }
    });
    return async () => {
        await unsubscribe(subscription);
    };
}
