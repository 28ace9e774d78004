import { createElement } from 'lwc';
import StatementItemManualSettlement from 'c/statementItemManualSettlement';
import { getOpenEntries, settleStatementItems } from 'c/cmApex';
import openEntries from './data/openEntries.json';

jest.mock('c/cmApex', () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { getOpenEntries: createApexTestWireAdapter(jest.fn()), settleStatementItems: jest.fn() };
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function build(props = {}) {
    const element = createElement('c-statement-item-manual-settlement', { is: StatementItemManualSettlement });
    Object.assign(element, { itemId: 'a0E000000000001AAA', amount: '1385.00', moneyIn: true, currencyCode: 'EUR', ...props });
    document.body.appendChild(element);
    await flush();
    return element;
}

async function pickAccount(element) {
    $(element, 'lightning-record-picker').dispatchEvent(new CustomEvent('change', { detail: { recordId: '001000000000001AAA' } }));
    await flush();
    getOpenEntries.emit(openEntries);
    await flush();
}

async function typeAmount(element, id, value) {
    const input = $(element, 'c-cm-allocation-editor').shadowRoot.querySelector(`lightning-input[data-id="${id}"]`);
    input.value = value;
    input.dispatchEvent(new CustomEvent('change'));
    await flush();
}

describe('c-statement-item-manual-settlement', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('asks for an account first', async () => {
        const element = await build();
        expect($(element, 'c-cm-allocation-editor')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers the receivables of the chosen account for money in', async () => {
        const element = await build();
        await pickAccount(element);
        expect($(element, 'c-cm-allocation-editor').rows.map((r) => r.label)).toEqual(['E-000123', 'E-000124']);
        expect($(element, 'c-cm-allocation-editor').total).toBe('1385.00');
    });

    it('offers payables for money out', async () => {
        const element = await build({ moneyIn: false, amount: '240.00' });
        await pickAccount(element);
        expect($(element, 'c-cm-allocation-editor').rows.map((r) => [r.label, r.limit])).toEqual([['E-000125', '240.00']]);
    });

    it('settles the split by hand and tells the page', async () => {
        settleStatementItems.mockResolvedValue(1);
        const element = await build();
        const settled = jest.fn();
        element.addEventListener('settled', settled);
        await pickAccount(element);
        await typeAmount(element, 'a02000000000001AAA', '790');
        await typeAmount(element, 'a02000000000002AAA', '595');
        $(element, 'lightning-button[data-action="settle"]').click();
        await flush();
        expect(settleStatementItems).toHaveBeenCalledWith([
            {
                itemId: 'a0E000000000001AAA',
                allocations: [
                    { entryId: 'a02000000000001AAA', amount: '790.00' },
                    { entryId: 'a02000000000002AAA', amount: '595.00' }
                ],
                matchingResult: 'Manually settled'
            }
        ]);
        expect(settled).toHaveBeenCalled();
    });

    it('shows why the settlement failed', async () => {
        settleStatementItems.mockRejectedValue({ body: { message: 'Bank statement item BSI-000042 has no payment yet.' } });
        const element = await build();
        await pickAccount(element);
        await typeAmount(element, 'a02000000000001AAA', '10');
        $(element, 'lightning-button[data-action="settle"]').click();
        await flush();
        expect($(element, '.error').textContent).toBe('Bank statement item BSI-000042 has no payment yet.');
    });
});
