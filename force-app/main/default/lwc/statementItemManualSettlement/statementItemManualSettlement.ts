// Settles a bank statement item by hand: pick the account, split the item's amount across its open
// entries (receivables for money in, payables for money out).
import { LightningElement, api, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getOpenEntries, settleStatementItems } from 'c/cmApex';
import type { EntryOption } from 'c/cmApex';
import type { AllocationChange, AllocationRow } from 'c/cmAllocationEditor';
import type { WireResult } from 'lightning/uiRecordApi';
import { errorText } from 'c/cmErrors';
import { absMinor, fromMinor, toMinor } from 'c/cmMoney';

export default class StatementItemManualSettlement extends LightningElement {
    @api itemId?: string;
    /** The item's amount as a positive decimal string. */
    @api amount = '0.00';
    @api moneyIn = false;
    @api currencyCode = 'EUR';

    accountId: string | null = null;
    allocation: AllocationChange | null = null;
    busy = false;
    error = '';

    @wire(getOpenEntries, { accountId: '$accountId', currencyCode: '$currencyCode' })
    entries?: WireResult<EntryOption[]>;

    get hasAccount(): boolean {
        return this.accountId !== null;
    }

    get loadError(): string {
        return this.entries?.error ? errorText(this.entries.error) : '';
    }

    get entryRows(): AllocationRow[] {
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

    get settleDisabled(): boolean {
        return this.busy || !this.allocation?.valid;
    }

    handleAccount(event: CustomEvent<{ recordId: string | null }>): void {
        this.accountId = event.detail.recordId ?? null;
        this.allocation = null;
    }

    handleAllocationChange(event: CustomEvent<AllocationChange>): void {
        this.allocation = event.detail;
    }

    async handleSettle(): Promise<void> {
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
        } catch (error) {
            this.error = errorText(error);
        } finally {
            this.busy = false;
        }
    }
}
