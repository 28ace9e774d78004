// Payment record page: available, assigned and blocked amounts, allocation of the available money to
// several open entries of the payer's account with a live remainder, and refunds.
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { RecordRepresentation, WireResult } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import NAME_FIELD from '@salesforce/schema/Payment__c.Name';
import ACCOUNT_FIELD from '@salesforce/schema/Payment__c.Account__c';
import CURRENCY_FIELD from '@salesforce/schema/Payment__c.Currency__c';
import STATUS_FIELD from '@salesforce/schema/Payment__c.Status__c';
import TYPE_FIELD from '@salesforce/schema/Payment__c.Type__c';
import AMOUNT_FIELD from '@salesforce/schema/Payment__c.Amount__c';
import AVAILABLE_FIELD from '@salesforce/schema/Payment__c.AvailableAmount__c';
import ASSIGNED_FIELD from '@salesforce/schema/Payment__c.AssignedAmount2__c';
import BLOCKED_FIELD from '@salesforce/schema/Payment__c.BlockedAmount__c';
import { getOpenEntries, settle } from 'c/cmApex';
import type { EntryOption } from 'c/cmApex';
import type { AllocationChange, AllocationRow } from 'c/cmAllocationEditor';
import { errorText } from 'c/cmErrors';
import { absMinor, fromMinor, toMinor } from 'c/cmMoney';

const FIELDS = [NAME_FIELD, ACCOUNT_FIELD, CURRENCY_FIELD, STATUS_FIELD, TYPE_FIELD, AMOUNT_FIELD, AVAILABLE_FIELD, ASSIGNED_FIELD, BLOCKED_FIELD];

/** Only confirmed money may be assigned to entries by hand. */
const ASSIGNABLE_STATUSES = ['Collected', 'Final', 'Reversed'];
const REFUNDABLE_STATUSES = ['Collected', 'Final'];

export default class PaymentAllocation extends LightningElement {
    @api recordId?: string;

    allocation: AllocationChange | null = null;
    busy = false;
    actionError = '';

    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    payment?: WireResult<RecordRepresentation>;

    @wire(getOpenEntries, { accountId: '$accountId', currencyCode: '$currency' })
    entries?: WireResult<EntryOption[]>;

    get record(): RecordRepresentation | undefined {
        return this.payment?.data;
    }

    get loadError(): string {
        const error = this.payment?.error ?? this.entries?.error;
        return error ? errorText(error) : '';
    }

    get accountId(): string | undefined {
        return (getFieldValue(this.record, ACCOUNT_FIELD) as string | null) ?? undefined;
    }

    get currency(): string | undefined {
        return (getFieldValue(this.record, CURRENCY_FIELD) as string | null) ?? undefined;
    }

    get status(): string {
        return String(getFieldValue(this.record, STATUS_FIELD) ?? '');
    }

    get amount(): unknown {
        return getFieldValue(this.record, AMOUNT_FIELD);
    }

    get availableAmount(): unknown {
        return getFieldValue(this.record, AVAILABLE_FIELD);
    }

    get assignedAmount(): unknown {
        return getFieldValue(this.record, ASSIGNED_FIELD);
    }

    get blockedAmount(): unknown {
        return getFieldValue(this.record, BLOCKED_FIELD);
    }

    get availableMinor(): bigint {
        return toMinor(this.availableAmount) ?? 0n;
    }

    get availableMagnitude(): string {
        return fromMinor(absMinor(this.availableMinor));
    }

    get hasAccount(): boolean {
        return Boolean(this.accountId);
    }

    get isAssignable(): boolean {
        return ASSIGNABLE_STATUSES.includes(this.status) && this.availableMinor !== 0n;
    }

    get canRefund(): boolean {
        return getFieldValue(this.record, TYPE_FIELD) === 'Payment' && REFUNDABLE_STATUSES.includes(this.status) && this.availableMinor > 0n;
    }

    /** Money received settles receivables; money paid out settles payables. */
    get entryRows(): AllocationRow[] {
        const incoming = this.availableMinor > 0n;
        return (this.entries?.data ?? [])
            .filter((e) => {
                const payable = toMinor(e.payable) ?? 0n;
                return incoming ? payable > 0n : payable < 0n;
            })
            .map((e) => ({
                id: e.id,
                label: e.name,
                detail: [e.title, e.statementNumber, e.dueDate ? `due ${e.dueDate}` : null].filter(Boolean).join(' · '),
                limit: fromMinor(absMinor(toMinor(e.payable) ?? 0n))
            }));
    }

    get allocateDisabled(): boolean {
        return this.busy || !this.allocation?.valid;
    }

    get unassignableReason(): string {
        if (!this.hasAccount) {
            return 'Set the account of this payment to allocate it to entries.';
        }
        if (!ASSIGNABLE_STATUSES.includes(this.status)) {
            return `A payment in status ${this.status} cannot be assigned by hand; wait until it is collected.`;
        }
        return 'All money of this payment is assigned or reserved for refunds.';
    }

    handleAllocationChange(event: CustomEvent<AllocationChange>): void {
        this.allocation = event.detail;
    }

    async handleAllocate(): Promise<void> {
        const paymentId = this.recordId;
        const allocations = this.allocation?.allocations ?? [];
        if (!paymentId || allocations.length === 0) {
            return;
        }
        this.busy = true;
        this.actionError = '';
        try {
            await settle(allocations.map((a) => ({ entryId: a.id, paymentId, amount: a.amount })));
            this.dispatchEvent(new ShowToastEvent({ title: 'Payment allocated', message: `${allocations.length} entr${allocations.length === 1 ? 'y' : 'ies'} settled.`, variant: 'success' }));
            this.allocation = null;
            await this.refresh();
        } catch (error) {
            this.actionError = errorText(error);
        } finally {
            this.busy = false;
        }
    }

    async handleRefunded(): Promise<void> {
        await this.refresh();
    }

    async refresh(): Promise<void> {
        if (this.recordId) {
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        }
        await refreshApex(this.entries);
    }
}
