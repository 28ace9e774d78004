import { createElement } from 'lwc';
import PaymentProcessingStatus from 'c/paymentProcessingStatus';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { subscribe } from 'lightning/empApi';
import pendingPayment from './data/pendingPayment.json';
import paymentNotifications from './data/paymentNotifications.json';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

function withFields(fields) {
    return { ...pendingPayment, fields: { ...pendingPayment.fields, ...fields } };
}

async function build(record = pendingPayment, notifications = paymentNotifications) {
    const element = createElement('c-payment-processing-status', { is: PaymentProcessingStatus });
    element.recordId = pendingPayment.id;
    document.body.appendChild(element);
    getRecord.emit(record);
    getRelatedListRecords.emit(notifications);
    await flush();
    return element;
}

function deliver(fields) {
    const handler = subscribe.mock.calls[subscribe.mock.calls.length - 1][2];
    handler({ channel: '/event/CashNotification__e', data: { payload: { Command__c: 'refund', Version__c: 1, ...fields } } });
}

describe('c-payment-processing-status', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows the lifecycle path at the current status with the details', async () => {
        const element = await build();
        const path = $(element, 'lightning-progress-indicator');
        expect(path.currentStep).toBe('Pending');
        expect(path.hasError).toBe(false);
        expect([...element.shadowRoot.querySelectorAll('lightning-progress-step')].map((s) => s.value)).toEqual(['Issued', 'Pending', 'Collected', 'Final']);
        expect($(element, '.details').textContent).toBe('Authorised by Mollie; waiting for capture.');
        expect($(element, '.identifier').textContent).toBe('tr_WDqYK6vllg');
        await expect(element).toBeAccessible();
    });

    it('ends the path in the error state and shows the error', async () => {
        const element = await build(withFields({ Status__c: { value: 'Reversed', displayValue: 'Reversed' }, ErrorMessage__c: { value: 'MD06: refund requested by the debtor', displayValue: null } }));
        const path = $(element, 'lightning-progress-indicator');
        expect(path.hasError).toBe(true);
        expect([...element.shadowRoot.querySelectorAll('lightning-progress-step')].map((s) => s.value)).toEqual(['Issued', 'Pending', 'Reversed']);
        expect($(element, '.payment-error').textContent).toBe('MD06: refund requested by the debtor');
    });

    it('lists provider notifications, newest first', async () => {
        const element = await build();
        const items = [...element.shadowRoot.querySelectorAll('.notifications li strong')].map((n) => n.textContent);
        expect(items).toEqual(['payment.authorized', 'payment.open']);
    });

    it('refreshes live when the service reports about this payment only', async () => {
        const element = await build();
        deliver({ CorrelationId__c: 'c-1', Status__c: 'succeeded', Message__c: 'Captured 59.90 EUR', Payload__c: '{"paymentId":"a04000000000007AAA"}' });
        deliver({ CorrelationId__c: 'c-2', Status__c: 'succeeded', Message__c: 'Other payment', Payload__c: '{"paymentId":"a04000000000008AAA"}' });
        await flush();
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledTimes(1);
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: pendingPayment.id }]);
        expect($(element, '.last-update').textContent).toBe('Latest update: Captured 59.90 EUR');
    });

    it('shows an empty state and a load error', async () => {
        const element = await build(pendingPayment, { count: 0, records: [] });
        expect($(element, '.no-notifications')).not.toBeNull();
        getRecord.error({ message: 'Insufficient access' });
        await flush();
        expect($(element, '.load-error').textContent).toBe('Insufficient access');
    });
});
