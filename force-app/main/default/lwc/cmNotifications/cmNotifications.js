// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Live updates from the service: subscribes to the CashNotification__e platform event through
// lightning/empApi and hands components typed notifications, optionally only for their own commands.
import { onError, subscribe, unsubscribe } from 'lightning/empApi';
export const CHANNEL = '/event/CashNotification__e';
const STATUSES = ['accepted', 'progress', 'succeeded', 'failed'];
function parsePayload(text) {
    if (typeof text !== 'string' || text.trim() === '') {
        return null;
    }
    try {
        const parsed = JSON.parse(text);
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
    }
    catch {
        // A malformed payload must not break the page; the message and status still show.
        return null;
    }
}
/** Reads one event payload; null when it lacks a correlation id or has an unknown status. */
export function toNotification(raw) {
    if (!raw || typeof raw.CorrelationId__c !== 'string' || !STATUSES.includes(raw.Status__c)) {
        return null;
    }
    const progress = typeof raw.Progress__c === 'number' ? Math.max(0, Math.min(100, raw.Progress__c)) : null;
    return {
        correlationId: raw.CorrelationId__c,
        command: typeof raw.Command__c === 'string' ? raw.Command__c : '',
        status: raw.Status__c,
        progress,
        message: typeof raw.Message__c === 'string' ? raw.Message__c : '',
        payload: parsePayload(raw.Payload__c),
        version: raw.Version__c === undefined || raw.Version__c === null ? null : String(raw.Version__c)
    };
}
export function isFinal(notification) {
    return notification.status === 'succeeded' || notification.status === 'failed';
}
/** Whether the notification's payload names the record (statement item, payment, bank account, …). */
export function mentions(notification, recordId) {
    if (!recordId || !notification.payload) {
        return false;
    }
    // Salesforce ids appear in 15- or 18-character form; the first 15 characters identify the record.
    return JSON.stringify(notification.payload).includes(recordId.slice(0, 15));
}
/**
 * Subscribes to new notifications (replay -1: only events from now on) and calls `onNotification`
 * for each one that passes `accept`. Resolves to a function that ends the subscription.
 */
export async function follow(onNotification, accept = () => true, onStreamingError = () => undefined) {
    onError(onStreamingError);
    const subscription = await subscribe(CHANNEL, -1, (message) => {
        const notification = toNotification(message.data.payload);
        if (notification && accept(notification)) {
            onNotification(notification);
        }
    });
    return async () => {
        await unsubscribe(subscription);
    };
}
