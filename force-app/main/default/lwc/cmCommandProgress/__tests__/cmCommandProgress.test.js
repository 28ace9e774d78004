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
});
