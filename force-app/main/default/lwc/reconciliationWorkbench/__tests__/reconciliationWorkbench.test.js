import { createElement } from 'lwc';
import ReconciliationWorkbench from 'c/reconciliationWorkbench';
import { subscribe } from 'lightning/empApi';
import { refreshApex } from '@salesforce/apex';
import { getReconciliationItems, settleAutomatically, settleStatementItems } from 'c/cmApex';
import reconciliationItems from './data/reconciliationItems.json';

jest.mock('c/cmApex', () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return {
        getReconciliationItems: createApexTestWireAdapter(jest.fn()),
        getOpenEntries: createApexTestWireAdapter(jest.fn()),
        settleStatementItems: jest.fn(),
        settleAutomatically: jest.fn()
    };
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function build(items = reconciliationItems) {
    const element = createElement('c-reconciliation-workbench', { is: ReconciliationWorkbench });
    document.body.appendChild(element);
    getReconciliationItems.emit(items);
    await flush();
    return element;
}

async function change(element, selector, value) {
    $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flush();
}

describe('c-reconciliation-workbench', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('lists the items that need a decision and is accessible', async () => {
        const element = await build();
        expect($(element, 'lightning-datatable').data.map((r) => r.name)).toEqual(['BSI-000042', 'BSI-000043', 'BSI-000044', 'BSI-000045']);
        await expect(element).toBeAccessible();
    });

    it('passes the filters to the query', async () => {
        const element = await build();
        $(element, 'lightning-record-picker').dispatchEvent(new CustomEvent('change', { detail: { recordId: 'a0B000000000001AAA' } }));
        await change(element, 'lightning-input[data-field="from"]', '2026-11-01');
        await change(element, 'lightning-input[data-field="to"]', '2026-11-24');
        await change(element, 'lightning-input[data-field="minScore"]', '50');
        await change(element, 'lightning-combobox[data-field="result"]', 'Rejected');
        expect(getReconciliationItems.getLastConfig()).toEqual({
            bankAccountId: 'a0B000000000001AAA',
            fromDate: '2026-11-01',
            toDate: '2026-11-24',
            minScore: 50,
            matchingResult: 'Rejected'
        });
    });

    it('bulk-accepts the best suggestion of items at or above the threshold that have a payment', async () => {
        settleStatementItems.mockResolvedValue(1);
        const element = await build();
        const button = $(element, 'lightning-button[data-action="bulk-accept"]');
        expect(button.label).toBe('Accept best suggestion for 1 item scoring 90 or more');
        button.click();
        await flush();
        expect(settleStatementItems).toHaveBeenCalledWith([
            {
                itemId: 'a0E000000000001AAA',
                allocations: [
                    { entryId: 'a02000000000001AAA', amount: '790.00' },
                    { entryId: 'a02000000000002AAA', amount: '595.00' }
                ],
                matchingResult: 'Matched'
            }
        ]);
        expect(refreshApex).toHaveBeenCalled();
    });

    it('widens the bulk selection when the threshold is lowered', async () => {
        const element = await build();
        await change(element, 'lightning-layout.bulk lightning-input', '60');
        expect($(element, 'lightning-button[data-action="bulk-accept"]').label).toBe('Accept best suggestion for 2 items scoring 60 or more');
    });

    it('reports a failed bulk acceptance', async () => {
        settleStatementItems.mockRejectedValue({ body: { message: 'Entry E-000124 is Canceled and cannot be settled.' } });
        const element = await build();
        $(element, 'lightning-button[data-action="bulk-accept"]').click();
        await flush();
        expect($(element, '.action-error').textContent).toBe('Entry E-000124 is Canceled and cannot be settled.');
    });

    it('reruns automatic settlement for the checked items and follows it', async () => {
        settleAutomatically.mockResolvedValue('corr-rerun');
        const element = await build();
        expect($(element, 'lightning-button[data-action="settle-automatically"]').disabled).toBe(true);
        const table = $(element, 'lightning-datatable');
        table.dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: [reconciliationItems[0], reconciliationItems[3]] } }));
        await flush();
        const button = $(element, 'lightning-button[data-action="settle-automatically"]');
        expect(button.label).toBe('Settle automatically (2)');
        button.click();
        await flush();
        expect(settleAutomatically).toHaveBeenCalledWith(['a0E000000000001AAA', 'a0E000000000004AAA']);
        expect($(element, 'c-cm-command-progress').correlationId).toBe('corr-rerun');
    });

    it('opens the review panel for a row', async () => {
        const element = await build();
        $(element, 'lightning-datatable').dispatchEvent(
            new CustomEvent('rowaction', { detail: { action: { name: 'review' }, row: reconciliationItems[2] } })
        );
        await flush();
        expect($(element, 'c-statement-item-suggestions').recordId).toBe('a0E000000000003AAA');
        $(element, 'lightning-button-icon').click();
        await flush();
        expect($(element, 'c-statement-item-suggestions')).toBeNull();
    });

    it('refreshes when the service finishes an import', async () => {
        const element = await build();
        const handler = subscribe.mock.calls[0][2];
        handler({ data: { payload: { CorrelationId__c: 'c-9', Command__c: 'import-file', Status__c: 'succeeded', Message__c: '14 items imported, 9 settled' } } });
        handler({ data: { payload: { CorrelationId__c: 'c-10', Command__c: 'refund', Status__c: 'succeeded', Message__c: 'not relevant' } } });
        await flush();
        expect(refreshApex).toHaveBeenCalledTimes(1);
        expect($(element, '.live-note').textContent).toBe('14 items imported, 9 settled');
    });

    it('shows empty and error states', async () => {
        const element = await build([]);
        expect($(element, '.empty').textContent).toBe('Nothing to reconcile for these filters.');
        expect($(element, 'lightning-button[data-action="bulk-accept"]').disabled).toBe(true);
        await expect(element).toBeAccessible();

        getReconciliationItems.error({ message: 'Query timeout' });
        await flush();
        expect($(element, '.load-error').textContent).toBe('Query timeout');
    });
});
