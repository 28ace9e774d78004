import { subscribe, unsubscribe, onError } from 'lightning/empApi';
import { CHANNEL, follow, isFinal, mentions, toNotification } from 'c/cmNotifications';
import progressEvent from './data/progressEvent.json';

function deliver(payload) {
    const handler = subscribe.mock.calls[subscribe.mock.calls.length - 1][2];
    handler({ channel: CHANNEL, data: { payload, event: { replayId: 7 } } });
}

describe('c/cmNotifications', () => {
    afterEach(() => {
        jest.clearAllMocks();
    });

    it('reads a progress event with its JSON payload', () => {
        expect(toNotification(progressEvent)).toEqual({
            correlationId: 'c0ffee00-0000-4000-8000-000000000001',
            command: 'retrieveStatements',
            status: 'progress',
            progress: 40,
            message: '2 of 5 statements imported',
            payload: { bankAccountId: 'a0B000000000001AAA', imported: 2 },
            version: '1'
        });
    });

    it('ignores events without a correlation id or with an unknown status, and survives a bad payload', () => {
        expect(toNotification({ ...progressEvent, CorrelationId__c: null })).toBeNull();
        expect(toNotification({ ...progressEvent, Status__c: 'exploded' })).toBeNull();
        expect(toNotification(undefined)).toBeNull();
        const broken = toNotification({ ...progressEvent, Payload__c: '{not json', Progress__c: 250 });
        expect(broken.payload).toBeNull();
        expect(broken.progress).toBe(100);
    });

    it('tells final statuses apart', () => {
        expect(isFinal({ status: 'succeeded' })).toBe(true);
        expect(isFinal({ status: 'failed' })).toBe(true);
        expect(isFinal({ status: 'progress' })).toBe(false);
    });

    it('tells whether a payload names a record, in 15- or 18-character form', () => {
        const notification = toNotification(progressEvent);
        expect(mentions(notification, 'a0B000000000001AAA')).toBe(true);
        expect(mentions(notification, 'a0B000000000001')).toBe(true);
        expect(mentions(notification, 'a0B000000000002AAA')).toBe(false);
        expect(mentions(notification, undefined)).toBe(false);
        expect(mentions({ ...notification, payload: null }, 'a0B000000000001AAA')).toBe(false);
    });

    it('subscribes from now on, filters, and unsubscribes', async () => {
        const seen = [];
        const stop = await follow(
            (n) => seen.push(n.status),
            (n) => n.correlationId === progressEvent.CorrelationId__c
        );
        expect(subscribe).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));
        expect(onError).toHaveBeenCalled();

        deliver(progressEvent);
        deliver({ ...progressEvent, CorrelationId__c: 'someone-else' });
        deliver({ ...progressEvent, Status__c: 'succeeded', Progress__c: 100 });
        expect(seen).toEqual(['progress', 'succeeded']);

        await stop();
        expect(unsubscribe).toHaveBeenCalledTimes(1);
    });
});
