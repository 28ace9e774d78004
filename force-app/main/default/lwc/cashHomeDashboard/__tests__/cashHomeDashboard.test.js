import { createElement } from 'lwc';
import CashHomeDashboard from 'c/cashHomeDashboard';
import { refreshApex } from '@salesforce/apex';
import { getDashboard } from 'c/cmApex';
import dashboard from './data/dashboard.json';

jest.mock('c/cmApex', () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { getDashboard: createApexTestWireAdapter(jest.fn()) };
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

async function build(data = dashboard) {
    const element = createElement('c-cash-home-dashboard', { is: CashHomeDashboard });
    document.body.appendChild(element);
    getDashboard.emit(data);
    await flush();
    return element;
}

describe('c-cash-home-dashboard', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows receivables, payables and overdue amounts per currency', async () => {
        const element = await build();
        expect($$(element, '.receivables').map((n) => [n.currencyCode, n.value])).toEqual([
            ['CHF', '12500.00'],
            ['EUR', '48210.50']
        ]);
        expect($$(element, '.payables').map((n) => n.value)).toEqual(['0.00', '-9120.00']);
        expect($$(element, '.overdue-count').map((n) => n.textContent)).toEqual(['0 overdue entries', '4 overdue entries']);
        await expect(element).toBeAccessible();
    });

    it('shows the items to reconcile and each bank account with its last statement and balance', async () => {
        const element = await build();
        expect($(element, '.unmatched').textContent).toBe('7 bank statement items to reconcile');
        const rows = $$(element, '.accounts tbody tr');
        expect(rows.map((r) => r.querySelector('th').textContent)).toEqual(['Operating account', 'Swiss account']);
        expect(rows[0].querySelector('lightning-formatted-number').value).toBe('48210.77');
    });

    it('has empty states for a new org', async () => {
        const element = await build({ currencies: [], unmatchedItems: 0, accounts: [] });
        expect($(element, '.no-entries').textContent).toBe('No open receivables or payables.');
        expect($(element, '.no-accounts').textContent).toBe('No active bank accounts.');
        expect($(element, '.unmatched').textContent).toBe('All bank statement items are reconciled.');
        await expect(element).toBeAccessible();
    });

    it('shows a load error and refreshes on demand', async () => {
        const element = createElement('c-cash-home-dashboard', { is: CashHomeDashboard });
        document.body.appendChild(element);
        getDashboard.error({ message: 'You do not have access to the Apex class named CashManagementController.' });
        await flush();
        expect($(element, '.load-error').textContent).toContain('CashManagementController');
        $(element, 'lightning-button-icon').click();
        expect(refreshApex).toHaveBeenCalled();
    });
});
