import { createElement } from 'lwc';
import EntrySettlement from 'c/entrySettlement';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getAvailablePayments, settle, undoSettlement } from 'c/cmApex';
import entryRecord from './data/entryRecord.json';
import entryItems from './data/entryItems.json';
import availablePayments from './data/availablePayments.json';

jest.mock('c/cmApex', () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return {
        getAvailablePayments: createApexTestWireAdapter(jest.fn()),
        settle: jest.fn(),
        undoSettlement: jest.fn(),
        cancelEntry: jest.fn()
    };
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function build() {
    const element = createElement('c-entry-settlement', { is: EntrySettlement });
    element.recordId = entryRecord.id;
    document.body.appendChild(element);
    getRecord.emit(entryRecord);
    getRelatedListRecords.emit(entryItems);
    getAvailablePayments.emit(availablePayments);
    await flush();
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function typeAmount(element, id, value) {
    const editor = $(element, 'c-cm-allocation-editor');
    const input = editor.shadowRoot.querySelector(`lightning-input[data-id="${id}"]`);
    input.value = value;
    input.dispatchEvent(new CustomEvent('change'));
    await flush();
}

describe('c-entry-settlement', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows open, assigned, expected and outstanding amounts in the entry currency', async () => {
        const element = await build();
        expect($(element, '.open').value).toBe(1190);
        expect($(element, '.assigned').value).toBe(-400);
        expect($(element, '.expected').value).toBe(0);
        expect($(element, '.outstanding').value).toBe(790);
        expect($(element, '.outstanding').currencyCode).toBe('EUR');
        await expect(element).toBeAccessible();
    });

    it('lists entry items and marks reversed items and reversals', async () => {
        const element = await build();
        const rows = $(element, 'lightning-datatable').data;
        expect(rows.map((r) => [r.name, r.paymentName, r.state])).toEqual([
            ['EI-0001', 'P-0001', 'Active'],
            ['EI-0002', 'P-0002', 'Reversed'],
            ['EI-0003', 'P-0002', 'Reversal']
        ]);
    });

    it('offers only incoming payments for a receivable, limited to the payable amount', async () => {
        const element = await build();
        const editor = $(element, 'c-cm-allocation-editor');
        expect(editor.total).toBe('790.00');
        expect(editor.rows.map((r) => [r.label, r.limit])).toEqual([
            ['P-0003', '500.00'],
            ['P-0004', '350.50']
        ]);
    });

    it('offers only outgoing payments for a payable', async () => {
        const payable = {
            ...entryRecord,
            fields: {
                ...entryRecord.fields,
                OpenAmount__c: { value: -240, displayValue: null },
                AssignedAmount__c: { value: 0, displayValue: null },
                Amount__c: { value: -240, displayValue: null },
                PayableAmount__c: { value: -240, displayValue: null }
            }
        };
        const element = createElement('c-entry-settlement', { is: EntrySettlement });
        element.recordId = entryRecord.id;
        document.body.appendChild(element);
        getRecord.emit(payable);
        getRelatedListRecords.emit(entryItems);
        getAvailablePayments.emit(availablePayments);
        await flush();
        const editor = $(element, 'c-cm-allocation-editor');
        expect(editor.total).toBe('240.00');
        expect(editor.rows.map((r) => [r.label, r.limit])).toEqual([['P-0005', '80.00']]);
    });

    it('settles against several payments and refreshes the record', async () => {
        settle.mockResolvedValue(['a05000000000009AAA', 'a05000000000010AAA']);
        const element = await build();
        const handler = jest.fn();
        element.addEventListener('lightning__showtoast', handler);

        await typeAmount(element, 'a04000000000003AAA', '500');
        await typeAmount(element, 'a04000000000004AAA', '290.00');
        $(element, 'lightning-button[data-action="settle"]').click();
        await flush();

        expect(settle).toHaveBeenCalledWith([
            { entryId: entryRecord.id, paymentId: 'a04000000000003AAA', amount: '500.00' },
            { entryId: entryRecord.id, paymentId: 'a04000000000004AAA', amount: '290.00' }
        ]);
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: entryRecord.id }]);
        expect(handler.mock.calls[0][0].detail.title).toBe('Entry settled');
    });

    it('keeps Settle disabled while the amounts exceed the outstanding amount', async () => {
        const element = await build();
        await typeAmount(element, 'a04000000000003AAA', '500');
        await typeAmount(element, 'a04000000000004AAA', '300');
        expect($(element, 'lightning-button[data-action="settle"]').disabled).toBe(true);
    });

    it('shows the server error when settlement fails', async () => {
        settle.mockRejectedValue({ body: { message: 'The payment no longer has that much available.' } });
        const element = await build();
        await typeAmount(element, 'a04000000000003AAA', '10');
        $(element, 'lightning-button[data-action="settle"]').click();
        await flush();
        expect($(element, '.action-error').textContent).toBe('The payment no longer has that much available.');
        await expect(element).toBeAccessible();
    });

    it('undoes only active selected items, with the reason given', async () => {
        undoSettlement.mockResolvedValue(undefined);
        const element = await build();
        const table = $(element, 'lightning-datatable');
        table.dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: table.data } }));
        await flush();
        $(element, 'lightning-button[data-action="undo"]').click();
        await flush();

        const confirm = $(element, 'lightning-button[data-action="undo-confirm"]');
        expect(confirm.disabled).toBe(true);
        const reason = $(element, '.undo-form lightning-textarea');
        reason.dispatchEvent(new CustomEvent('change', { detail: { value: ' Paid by the wrong customer ' } }));
        await flush();
        confirm.click();
        await flush();

        expect(undoSettlement).toHaveBeenCalledWith(['a05000000000001AAA'], 'Paid by the wrong customer');
        expect($(element, '.undo-form')).toBeNull();
    });

    it('shows empty states for an entry without items or matching payments', async () => {
        const element = createElement('c-entry-settlement', { is: EntrySettlement });
        element.recordId = entryRecord.id;
        document.body.appendChild(element);
        getRecord.emit(entryRecord);
        getRelatedListRecords.emit({ count: 0, records: [] });
        getAvailablePayments.emit([]);
        await flush();
        expect($(element, '.no-items').textContent).toContain('No payments are assigned');
        expect($(element, '.no-payments')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers no settlement or cancellation on a balanced entry', async () => {
        const element = createElement('c-entry-settlement', { is: EntrySettlement });
        element.recordId = entryRecord.id;
        document.body.appendChild(element);
        getRecord.emit({ ...entryRecord, fields: { ...entryRecord.fields, Status__c: { value: 'Balanced', displayValue: 'Balanced' } } });
        await flush();
        expect($(element, 'c-cm-allocation-editor')).toBeNull();
        expect($(element, 'c-entry-cancellation')).toBeNull();
        expect($(element, '.closed').textContent).toContain('Balanced');
    });

    it('shows a load error from the record wire', async () => {
        const element = createElement('c-entry-settlement', { is: EntrySettlement });
        element.recordId = entryRecord.id;
        document.body.appendChild(element);
        getRecord.error({ message: 'You do not have access to this entry.' });
        await flush();
        expect($(element, '.load-error').textContent).toBe('You do not have access to this entry.');
    });
});
