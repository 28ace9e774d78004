// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Home dashboard: open receivables and payables per currency, what is overdue, bank statement items
// waiting for a decision, and the last statement and balance of each active bank account.
import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { getDashboard } from 'c/cmApex';
import { errorText } from 'c/cmErrors';
export default class CashHomeDashboard extends LightningElement {
    @wire(getDashboard)
    dashboard;
    get data() {
        return this.dashboard?.data;
    }
    get loadError() {
        return this.dashboard?.error ? errorText(this.dashboard.error) : '';
    }
    get currencies() {
        return (this.data?.currencies ?? []).map((c) => ({
            ...c,
            overdueText: `${c.overdueCount} overdue entr${c.overdueCount === 1 ? 'y' : 'ies'}`
        }));
    }
    get hasCurrencies() {
        return this.currencies.length > 0;
    }
    get accounts() {
        return this.data?.accounts ?? [];
    }
    get hasAccounts() {
        return this.accounts.length > 0;
    }
    get unmatchedText() {
        const count = this.data?.unmatchedItems ?? 0;
        return count === 0 ? 'All bank statement items are reconciled.' : `${count} bank statement item${count === 1 ? '' : 's'} to reconcile`;
    }
    async handleRefresh() {
        await refreshApex(this.dashboard);
    }
}
