// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Settles a bank statement item by hand: pick the account, split the item's amount across its open
// entries (receivables for money in, payables for money out).
import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getOpenEntries, settleStatementItems } from 'c/cmApex';
import { errorText } from 'c/cmErrors';
import { absMinor, fromMinor, toMinor } from 'c/cmMoney';
export default class StatementItemManualSettlement extends LightningElement {
    @api
    itemId;
    /** The item's amount as a positive decimal string. */
    @api
    amount = '0.00';
    @api
    moneyIn = false;
    @api
    currencyCode = 'EUR';
    accountId = null;
    allocation = null;
    busy = false;
    error = '';
    @wire(getOpenEntries, { accountId: '$accountId', currencyCode: '$currencyCode' })
    entries;
    get hasAccount() {
        return this.accountId !== null;
    }
    get loadError() {
        return this.entries?.error ? errorText(this.entries.error) : '';
    }
    get entryRows() {
        return (this.entries?.data ?? [])
            .filter((e) => {
            const payable = toMinor(e.payable) ?? 0n;
            return this.moneyIn ? payable > 0n : payable < 0n;
        })
            .map((e) => ({
            id: e.id,
            label: e.name,
            detail: [e.title, e.dueDate ? `due ${e.dueDate}` : null].filter(Boolean).join(' · '),
            limit: fromMinor(absMinor(toMinor(e.payable) ?? 0n))
        }));
    }
    get settleDisabled() {
        return this.busy || !this.allocation?.valid;
    }
    handleAccount(event) {
        this.accountId = event.detail.recordId ?? null;
        this.allocation = null;
    }
    handleAllocationChange(event) {
        this.allocation = event.detail;
    }
    async handleSettle() {
        const itemId = this.itemId;
        const allocations = (this.allocation?.allocations ?? []).map((a) => ({ entryId: a.id, amount: a.amount }));
        if (!itemId || allocations.length === 0) {
            return;
        }
        this.busy = true;
        this.error = '';
        try {
            await settleStatementItems([{ itemId, allocations, matchingResult: 'Manually settled' }]);
            this.dispatchEvent(new ShowToastEvent({ title: 'Item settled', message: `${allocations.length} entr${allocations.length === 1 ? 'y' : 'ies'} settled by hand.`, variant: 'success' }));
            this.dispatchEvent(new CustomEvent('settled'));
            this.allocation = null;
        }
        catch (error) {
            this.error = errorText(error);
        }
        finally {
            this.busy = false;
        }
    }
}
