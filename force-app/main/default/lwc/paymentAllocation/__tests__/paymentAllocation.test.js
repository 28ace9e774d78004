import { createElement } from 'lwc';
import PaymentAllocation from 'c/paymentAllocation';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getOpenEntries, settle } from 'c/cmApex';
import paymentRecord from './data/paymentRecord.json';
import openEntries from './data/openEntries.json';

jest.mock('c/cmApex', () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { getOpenEntries: createApexTestWireAdapter(jest.fn()), settle: jest.fn(), createRefund: jest.fn() };
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

function withFields(fields) {
    return { ...paymentRecord, fields: { ...paymentRecord.fields, ...fields } };
}

async function build(record = paymentRecord, entries = openEntries) {
    const element = createElement('c-payment-allocation', { is: PaymentAllocation });
    element.recordId = paymentRecord.id;
    document.body.appendChild(element);
    getRecord.emit(record);
    getOpenEntries.emit(entries);
    await flush();
    return element;
}

async function typeAmount(element, id, value) {
    const input = $(element, 'c-cm-allocation-editor').shadowRoot.querySelector(`lightning-input[data-id="${id}"]`);
    input.value = value;
    input.dispatchEvent(new CustomEvent('change'));
    await flush();
}

describe('c-payment-allocation', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows amount, available, assigned and blocked amounts', async () => {
        const element = await build();
        expect($(element, '.amount').value).toBe(1500);
        expect($(element, '.available').value).toBe(1000.1);
        expect($(element, '.assigned').value).toBe(-399.9);
        expect($(element, '.blocked').value).toBe(100);
        await expect(element).toBeAccessible();
    });

    it('offers the open receivables of the account for money received', async () => {
        const element = await build();
        const editor = $(element, 'c-cm-allocation-editor');
        expect(editor.total).toBe('1000.10');
        expect(editor.rows.map((r) => [r.label, r.limit, r.detail])).toEqual([
            ['E-000123', '790.00', 'Invoice 2026-0411 · 2026-0411 · due 2026-11-15'],
            ['E-000124', '595.00', 'Invoice 2026-0420 · 2026-0420 · due 2026-11-30']
        ]);
    });

    it('offers the open payables of the account for money paid out', async () => {
        const element = await build(
            withFields({ Amount__c: { value: -300, displayValue: null }, AvailableAmount__c: { value: -300, displayValue: null }, BlockedAmount__c: { value: 0, displayValue: null } })
        );
        const editor = $(element, 'c-cm-allocation-editor');
        expect(editor.total).toBe('300.00');
        expect(editor.rows.map((r) => [r.label, r.limit])).toEqual([['E-000125', '240.00']]);
        expect($(element, 'c-payment-refund')).toBeNull();
    });

    it('allocates to several entries with edited amounts', async () => {
        settle.mockResolvedValue(['x', 'y']);
        const element = await build();
        await typeAmount(element, 'a02000000000001AAA', '790');
        await typeAmount(element, 'a02000000000002AAA', '210.10');
        const remainder = $(element, 'c-cm-allocation-editor').shadowRoot.querySelector('.remainder lightning-formatted-number');
        expect(remainder.value).toBe('0.00');

        $(element, 'lightning-button[data-action="allocate"]').click();
        await flush();
        expect(settle).toHaveBeenCalledWith([
            { entryId: 'a02000000000001AAA', paymentId: paymentRecord.id, amount: '790.00' },
            { entryId: 'a02000000000002AAA', paymentId: paymentRecord.id, amount: '210.10' }
        ]);
        expect(notifyRecordUpdateAvailable).toHaveBeenCalled();
    });

    it('reports a rejected allocation', async () => {
        settle.mockRejectedValue({ body: { pageErrors: [{ message: 'Entry E-000123 would be over-allocated.' }] } });
        const element = await build();
        await typeAmount(element, 'a02000000000001AAA', '100');
        $(element, 'lightning-button[data-action="allocate"]').click();
        await flush();
        expect($(element, '.action-error').textContent).toBe('Entry E-000123 would be over-allocated.');
    });

    it('explains why a pending payment cannot be allocated and offers no refund', async () => {
        const element = await build(withFields({ Status__c: { value: 'Pending', displayValue: 'Pending' } }));
        expect($(element, 'c-cm-allocation-editor')).toBeNull();
        expect($(element, '.unassignable').textContent).toContain('status Pending');
        expect($(element, 'c-payment-refund')).toBeNull();
    });

    it('explains a fully assigned payment', async () => {
        const element = await build(withFields({ AvailableAmount__c: { value: 0, displayValue: 'EUR 0.00' } }));
        expect($(element, '.unassignable').textContent).toContain('All money of this payment is assigned');
        await expect(element).toBeAccessible();
    });

    it('offers a refund of the available money for a collected payment', async () => {
        const element = await build();
        const refund = $(element, 'c-payment-refund');
        expect(refund.available).toBe('1000.10');
        expect(refund.paymentId).toBe(paymentRecord.id);
    });

    it('shows an empty editor when the account has no open entries', async () => {
        const element = await build(paymentRecord, []);
        expect($(element, 'c-cm-allocation-editor').rows).toEqual([]);
    });
});
