// Entry record page: the entry's amounts, its entry items (with undo), and settlement against one or
// several available payments of the same account and currency.
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { RecordRepresentation, WireResult } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import type { RelatedListRecordCollection } from 'lightning/uiRelatedListApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import NAME_FIELD from '@salesforce/schema/Entry__c.Name';
import STATUS_FIELD from '@salesforce/schema/Entry__c.Status__c';
import CURRENCY_FIELD from '@salesforce/schema/Entry__c.Currency__c';
import ACCOUNT_FIELD from '@salesforce/schema/Entry__c.Account__c';
import OPEN_FIELD from '@salesforce/schema/Entry__c.OpenAmount__c';
import ASSIGNED_FIELD from '@salesforce/schema/Entry__c.AssignedAmount__c';
import EXPECTED_FIELD from '@salesforce/schema/Entry__c.ExpectedAmount__c';
import OUTSTANDING_FIELD from '@salesforce/schema/Entry__c.Amount__c';
import PAYABLE_FIELD from '@salesforce/schema/Entry__c.PayableAmount__c';
import CBS_FIELD from '@salesforce/schema/Entry__c.CancellationCBS__c';
import { getAvailablePayments, settle, undoSettlement } from 'c/cmApex';
import type { PaymentOption } from 'c/cmApex';
import type { AllocationChange, AllocationRow } from 'c/cmAllocationEditor';
import { errorText } from 'c/cmErrors';
import { absMinor, fromMinor, toMinor } from 'c/cmMoney';

const FIELDS = [NAME_FIELD, STATUS_FIELD, CURRENCY_FIELD, ACCOUNT_FIELD, OPEN_FIELD, ASSIGNED_FIELD, EXPECTED_FIELD, OUTSTANDING_FIELD, PAYABLE_FIELD, CBS_FIELD];
const ITEM_FIELDS = [
    'EntryItem__c.Id',
    'EntryItem__c.Name',
    'EntryItem__c.Amount__c',
    'EntryItem__c.ExpectedAmount__c',
    'EntryItem__c.PaymentDate__c',
    'EntryItem__c.BusinessProcess__c',
    'EntryItem__c.IsReversed__c',
    'EntryItem__c.ReversedItem__c',
    'EntryItem__c.Payment__r.Name'
];

const ITEM_COLUMNS = [
    { label: 'Entry item', fieldName: 'name' },
    { label: 'Payment', fieldName: 'paymentName' },
    { label: 'Assigned', fieldName: 'amount', type: 'currency', typeAttributes: { currencyCode: { fieldName: 'currency' } } },
    { label: 'Expected', fieldName: 'expected', type: 'currency', typeAttributes: { currencyCode: { fieldName: 'currency' } } },
    { label: 'Payment date', fieldName: 'paymentDate', type: 'date-local' },
    { label: 'Process', fieldName: 'process' },
    { label: 'State', fieldName: 'state' }
];

interface ItemRow {
    id: string;
    name: string;
    paymentName: string;
    amount: unknown;
    expected: unknown;
    currency: string;
    paymentDate: unknown;
    process: unknown;
    state: string;
    undoable: boolean;
}

function field(record: RecordRepresentation, name: string): unknown {
    const parts = name.split('.');
    let value: unknown = record;
    for (const part of parts) {
        value = (value as RecordRepresentation | null)?.fields?.[part]?.value;
    }
    return value;
}

export default class EntrySettlement extends LightningElement {
    @api recordId?: string;

    itemColumns = ITEM_COLUMNS;
    selectedItemIds: string[] = [];
    undoReason = '';
    showUndo = false;
    allocation: AllocationChange | null = null;
    busy = false;
    actionError = '';

    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    entry?: WireResult<RecordRepresentation>;

    @wire(getRelatedListRecords, { parentRecordId: '$recordId', relatedListId: 'EntryItems__r', fields: ITEM_FIELDS, sortBy: ['EntryItem__c.Name'] })
    items?: WireResult<RelatedListRecordCollection>;

    @wire(getAvailablePayments, { accountId: '$accountId', currencyCode: '$currency' })
    payments?: WireResult<PaymentOption[]>;

    get record(): RecordRepresentation | undefined {
        return this.entry?.data;
    }

    get loadError(): string {
        const error = this.entry?.error ?? this.items?.error ?? this.payments?.error;
        return error ? errorText(error) : '';
    }

    get accountId(): string | undefined {
        return (getFieldValue(this.record, ACCOUNT_FIELD) as string | null) ?? undefined;
    }

    get currency(): string | undefined {
        return (getFieldValue(this.record, CURRENCY_FIELD) as string | null) ?? undefined;
    }

    get isOpen(): boolean {
        return getFieldValue(this.record, STATUS_FIELD) === 'Open';
    }

    get status(): string {
        return String(getFieldValue(this.record, STATUS_FIELD) ?? '');
    }

    get defaultStrategy(): string | null {
        return (getFieldValue(this.record, CBS_FIELD) as string | null) ?? null;
    }

    get openAmount(): unknown {
        return getFieldValue(this.record, OPEN_FIELD);
    }

    get assignedAmount(): unknown {
        return getFieldValue(this.record, ASSIGNED_FIELD);
    }

    get expectedAmount(): unknown {
        return getFieldValue(this.record, EXPECTED_FIELD);
    }

    get outstandingAmount(): unknown {
        return getFieldValue(this.record, OUTSTANDING_FIELD);
    }

    /** A receivable (positive outstanding) takes incoming money, a payable outgoing money. */
    get isReceivable(): boolean {
        return (toMinor(this.openAmount) ?? 0n) >= 0n;
    }

    /** What new payments may still cover: outstanding plus what pending payments are expected to bring. */
    get payableMagnitude(): string {
        return fromMinor(absMinor(toMinor(getFieldValue(this.record, PAYABLE_FIELD)) ?? 0n));
    }

    get itemRows(): ItemRow[] {
        const currency = this.currency ?? '';
        return (this.items?.data?.records ?? []).map((record) => {
            const reversed = field(record, 'IsReversed__c') === true;
            const reversal = Boolean(field(record, 'ReversedItem__c'));
            return {
                id: record.id,
                name: String(field(record, 'Name') ?? ''),
                paymentName: String(field(record, 'Payment__r.Name') ?? ''),
                amount: field(record, 'Amount__c'),
                expected: field(record, 'ExpectedAmount__c'),
                currency,
                paymentDate: field(record, 'PaymentDate__c'),
                process: field(record, 'BusinessProcess__c'),
                state: reversed ? 'Reversed' : reversal ? 'Reversal' : 'Active',
                undoable: !reversed && !reversal
            };
        });
    }

    get hasItems(): boolean {
        return this.itemRows.length > 0;
    }

    get paymentRows(): AllocationRow[] {
        const incoming = this.isReceivable;
        return (this.payments?.data ?? [])
            .filter((p) => {
                const available = toMinor(p.available) ?? 0n;
                return incoming ? available > 0n : available < 0n;
            })
            .map((p) => ({
                id: p.id,
                label: p.name,
                detail: [p.reference, p.collectionDate].filter(Boolean).join(' · '),
                limit: fromMinor(absMinor(toMinor(p.available) ?? 0n))
            }));
    }

    get canSettle(): boolean {
        return this.isOpen && this.paymentRows.length > 0 && this.payableMagnitude !== '0.00';
    }

    get settleDisabled(): boolean {
        return this.busy || !this.allocation?.valid;
    }

    get undoDisabled(): boolean {
        return this.busy || this.selectedItemIds.length === 0;
    }

    get confirmUndoDisabled(): boolean {
        return this.busy || this.undoReason.trim() === '';
    }

    handleItemSelection(event: CustomEvent<{ selectedRows: ItemRow[] }>): void {
        this.selectedItemIds = event.detail.selectedRows.filter((row) => row.undoable).map((row) => row.id);
    }

    handleUndoStart(): void {
        this.showUndo = true;
    }

    handleUndoCancel(): void {
        this.showUndo = false;
        this.undoReason = '';
    }

    handleUndoReason(event: CustomEvent<{ value: string }>): void {
        this.undoReason = event.detail.value ?? '';
    }

    async handleUndoConfirm(): Promise<void> {
        await this.run(async () => {
            await undoSettlement(this.selectedItemIds, this.undoReason.trim());
            this.toast('Settlement undone', `${this.selectedItemIds.length} entry item(s) reversed.`);
            this.selectedItemIds = [];
            this.handleUndoCancel();
        });
    }

    handleAllocationChange(event: CustomEvent<AllocationChange>): void {
        this.allocation = event.detail;
    }

    async handleSettle(): Promise<void> {
        const entryId = this.recordId;
        const allocations = this.allocation?.allocations ?? [];
        if (!entryId || allocations.length === 0) {
            return;
        }
        await this.run(async () => {
            await settle(allocations.map((a) => ({ entryId, paymentId: a.id, amount: a.amount })));
            this.toast('Entry settled', `${allocations.length} payment(s) applied.`);
            this.allocation = null;
        });
    }

    async handleCancelled(): Promise<void> {
        await this.refresh();
    }

    async run(action: () => Promise<void>): Promise<void> {
        this.busy = true;
        this.actionError = '';
        try {
            await action();
            await this.refresh();
        } catch (error) {
            this.actionError = errorText(error);
        } finally {
            this.busy = false;
        }
    }

    async refresh(): Promise<void> {
        if (this.recordId) {
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        }
        await Promise.all([refreshApex(this.items), refreshApex(this.payments)]);
    }

    toast(title: string, message: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant: 'success' }));
    }
}
