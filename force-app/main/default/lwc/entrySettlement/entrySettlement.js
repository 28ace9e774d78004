// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Entry record page: the entry's amounts, its entry items (with undo), and settlement against one or
// several available payments of the same account and currency.
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
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
function field(record, name) {
    const parts = name.split('.');
    let value = record;
    for (const part of parts) {
        value = value?.fields?.[part]?.value;
    }
    return value;
}
export default class EntrySettlement extends LightningElement {
    @api
    recordId;
    itemColumns = ITEM_COLUMNS;
    selectedItemIds = [];
    undoReason = '';
    showUndo = false;
    allocation = null;
    busy = false;
    actionError = '';
    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    entry;
    @wire(getRelatedListRecords, { parentRecordId: '$recordId', relatedListId: 'EntryItems__r', fields: ITEM_FIELDS, sortBy: ['EntryItem__c.Name'] })
    items;
    @wire(getAvailablePayments, { accountId: '$accountId', currencyCode: '$currency' })
    payments;
    get record() {
        return this.entry?.data;
    }
    get loadError() {
        const error = this.entry?.error ?? this.items?.error ?? this.payments?.error;
        return error ? errorText(error) : '';
    }
    get accountId() {
        return getFieldValue(this.record, ACCOUNT_FIELD) ?? undefined;
    }
    get currency() {
        return getFieldValue(this.record, CURRENCY_FIELD) ?? undefined;
    }
    get isOpen() {
        return getFieldValue(this.record, STATUS_FIELD) === 'Open';
    }
    get status() {
        return String(getFieldValue(this.record, STATUS_FIELD) ?? '');
    }
    get defaultStrategy() {
        return getFieldValue(this.record, CBS_FIELD) ?? null;
    }
    get openAmount() {
        return getFieldValue(this.record, OPEN_FIELD);
    }
    get assignedAmount() {
        return getFieldValue(this.record, ASSIGNED_FIELD);
    }
    get expectedAmount() {
        return getFieldValue(this.record, EXPECTED_FIELD);
    }
    get outstandingAmount() {
        return getFieldValue(this.record, OUTSTANDING_FIELD);
    }
    /** A receivable (positive outstanding) takes incoming money, a payable outgoing money. */
    get isReceivable() {
        return (toMinor(this.openAmount) ?? 0n) >= 0n;
    }
    /** What new payments may still cover: outstanding plus what pending payments are expected to bring. */
    get payableMagnitude() {
        return fromMinor(absMinor(toMinor(getFieldValue(this.record, PAYABLE_FIELD)) ?? 0n));
    }
    get itemRows() {
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
    get hasItems() {
        return this.itemRows.length > 0;
    }
    get paymentRows() {
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
    get canSettle() {
        return this.isOpen && this.paymentRows.length > 0 && this.payableMagnitude !== '0.00';
    }
    get settleDisabled() {
        return this.busy || !this.allocation?.valid;
    }
    get undoDisabled() {
        return this.busy || this.selectedItemIds.length === 0;
    }
    get confirmUndoDisabled() {
        return this.busy || this.undoReason.trim() === '';
    }
    handleItemSelection(event) {
        this.selectedItemIds = event.detail.selectedRows.filter((row) => row.undoable).map((row) => row.id);
    }
    handleUndoStart() {
        this.showUndo = true;
    }
    handleUndoCancel() {
        this.showUndo = false;
        this.undoReason = '';
    }
    handleUndoReason(event) {
        this.undoReason = event.detail.value ?? '';
    }
    async handleUndoConfirm() {
        await this.run(async () => {
            await undoSettlement(this.selectedItemIds, this.undoReason.trim());
            this.toast('Settlement undone', `${this.selectedItemIds.length} entry item(s) reversed.`);
            this.selectedItemIds = [];
            this.handleUndoCancel();
        });
    }
    handleAllocationChange(event) {
        this.allocation = event.detail;
    }
    async handleSettle() {
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
    async handleCancelled() {
        await this.refresh();
    }
    async run(action) {
        this.busy = true;
        this.actionError = '';
        try {
            await action();
            await this.refresh();
        }
        catch (error) {
            this.actionError = errorText(error);
        }
        finally {
            this.busy = false;
        }
    }
    async refresh() {
        if (this.recordId) {
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        }
        await Promise.all([refreshApex(this.items), refreshApex(this.payments)]);
    }
    toast(title, message) {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant: 'success' }));
    }
}
