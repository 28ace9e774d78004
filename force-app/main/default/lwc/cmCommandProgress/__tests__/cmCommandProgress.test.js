import { createElement } from 'lwc';
import CmCommandProgress from 'c/cmCommandProgress';
import { subscribe, unsubscribe } from 'lightning/empApi';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

function deliver(fields) {
    const handler = subscribe.mock.calls[subscribe.mock.calls.length - 1][2];
    handler({ channel: '/event/CashNotification__e', data: { payload: { Command__c: 'retrieve-statements', Version__c: 1, ...fields } } });
}

async function build() {
    const element = createElement('c-cm-command-progress', { is: CmCommandProgress });
    element.label = 'Retrieval';
    document.body.appendChild(element);
    await flush();
    return element;
}

describe('c-cm-command-progress', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('renders nothing until a command is tracked', async () => {
        const element = await build();
        expect($(element, '.progress')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('follows progress of its own command only and reports the end', async () => {
        const element = await build();
        const finished = jest.fn();
        element.addEventListener('finished', finished);
        element.correlationId = 'corr-1';
        await flush();
        expect($(element, '.status').textContent).toBe('Sent; waiting for the service');

        deliver({ CorrelationId__c: 'corr-1', Status__c: 'progress', Progress__c: 40, Message__c: '2 of 5 days retrieved' });
        deliver({ CorrelationId__c: 'other', Status__c: 'failed', Message__c: 'not ours' });
        await flush();
        expect($(element, 'lightning-progress-bar').value).toBe(40);
        expect($(element, '.message').textContent).toBe('2 of 5 days retrieved');

        deliver({ CorrelationId__c: 'corr-1', Status__c: 'succeeded', Message__c: '5 statements imported', Payload__c: '{"statements":5}' });
        await flush();
        expect($(element, 'lightning-progress-bar').value).toBe(100);
        expect(finished).toHaveBeenCalledTimes(1);
        expect(finished.mock.calls[0][0].detail.payload).toEqual({ statements: 5 });
        await expect(element).toBeAccessible();
    });

    it('does not lose a result that arrived before the correlation id was known', async () => {
        const element = await build();
        const finished = jest.fn();
        element.addEventListener('finished', finished);
        deliver({ CorrelationId__c: 'corr-2', Status__c: 'failed', Message__c: 'EBICS credential is not active.' });
        element.correlationId = 'corr-2';
        await flush();
        expect($(element, '.message').textContent).toBe('EBICS credential is not active.');
        expect($(element, '.message').getAttribute('role')).toBe('alert');
        expect(finished).toHaveBeenCalledTimes(1);
    });

    it('says so when live updates cannot start, and unsubscribes when removed', async () => {
        subscribe.mockRejectedValueOnce(new Error('Streaming is disabled'));
        const broken = await build();
        expect($(broken, '.stream-error').textContent).toBe('Live updates are unavailable: Streaming is disabled');
        document.body.removeChild(broken);

        const element = await build();
        document.body.removeChild(element);
        expect(unsubscribe).toHaveBeenCalledTimes(1);
    });

    describe('when the service does not answer', () => {
        beforeEach(() => jest.useFakeTimers());
        afterEach(() => jest.useRealTimers());

        async function settle() {
            await Promise.resolve();
            await Promise.resolve();
        }

        async function buildNow() {
            const element = createElement('c-cm-command-progress', { is: CmCommandProgress });
            element.label = 'Payment run';
            document.body.appendChild(element);
            await settle();
            return element;
        }

        it('gives up waiting for the first answer with a message a person can act on, and takes a late answer', async () => {
            const element = await buildNow();
            element.answerTimeoutSeconds = 30;
            const noAnswer = jest.fn();
            element.addEventListener('noanswer', noAnswer);
            element.correlationId = 'corr-silent';
            await settle();

            jest.advanceTimersByTime(29_000);
            await settle();
            expect($(element, '.status').textContent).toBe('Sent; waiting for the service');
            expect($(element, 'lightning-spinner')).not.toBeNull();

            jest.advanceTimersByTime(1_000);
            await settle();
            expect(noAnswer).toHaveBeenCalledTimes(1);
            expect(noAnswer.mock.calls[0][0].detail).toEqual({ correlationId: 'corr-silent' });
            expect($(element, '.status').textContent).toBe('No answer from the service');
            expect($(element, '.message').getAttribute('role')).toBe('alert');
            expect($(element, '.message').textContent).toContain('did not answer within 30 seconds');
            expect($(element, '.message').textContent).toContain('cash org status');
            expect($(element, 'lightning-spinner')).toBeNull();

            deliver({ CorrelationId__c: 'corr-silent', Status__c: 'accepted', Message__c: 'Queued' });
            await settle();
            expect($(element, '.status').textContent).toBe('Accepted by the service');
            expect($(element, '.message').textContent).toBe('Queued');
        });

        it('tells the user when an accepted command goes quiet, and not before', async () => {
            const element = await buildNow();
            element.silenceTimeoutMinutes = 10;
            element.correlationId = 'corr-quiet';
            await settle();
            deliver({ CorrelationId__c: 'corr-quiet', Status__c: 'accepted' });
            await settle();

            jest.advanceTimersByTime(9 * 60_000);
            deliver({ CorrelationId__c: 'corr-quiet', Status__c: 'progress', Progress__c: 50, Message__c: 'half done' });
            await settle();
            jest.advanceTimersByTime(9 * 60_000);
            await settle();
            expect($(element, '.status').textContent).toBe('In progress');

            jest.advanceTimersByTime(60_000);
            await settle();
            expect($(element, '.status').textContent).toBe('No news from the service');
            expect($(element, '.message').textContent).toContain('No news from the service for 10 minutes');
        });

        it('never gives up on a command that has finished, nor after it was removed', async () => {
            const element = await buildNow();
            const noAnswer = jest.fn();
            element.addEventListener('noanswer', noAnswer);
            element.correlationId = 'corr-done';
            await settle();
            deliver({ CorrelationId__c: 'corr-done', Status__c: 'succeeded', Message__c: 'Done' });
            await settle();
            jest.advanceTimersByTime(60 * 60_000);
            await settle();
            expect($(element, '.status').textContent).toBe('Done');

            const removed = await buildNow();
            removed.addEventListener('noanswer', noAnswer);
            removed.correlationId = 'corr-removed';
            await settle();
            document.body.removeChild(removed);
            jest.advanceTimersByTime(60 * 60_000);
            expect(noAnswer).not.toHaveBeenCalled();
        });
    });
});
