// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Payment Runs tab: choose a direct-debit or credit-transfer run, preview what the service would
// collect or pay and what it would exclude and why, then start the run and follow it live.
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { startPaymentRun } from 'c/cmApex';
import { errorText } from 'c/cmErrors';
import { readPreview } from './paymentRunPreview';
const RUN_TYPES = [
    { label: 'SEPA direct debit: collect open receivables', value: 'Direct Debit' },
    { label: 'SEPA credit transfer: pay approved payables and refunds', value: 'Credit Transfer' }
];
const INCLUDED_COLUMNS = [
    { label: 'Entry', fieldName: 'name' },
    { label: 'Account', fieldName: 'accountName' },
    { label: 'Amount', fieldName: 'amount', type: 'currency', typeAttributes: { currencyCode: { fieldName: 'currency' } } },
    { label: 'Due date', fieldName: 'dueDate', type: 'date-local' }
];
const EXCLUDED_COLUMNS = [
    { label: 'Entry', fieldName: 'name' },
    { label: 'Account', fieldName: 'accountName' },
    { label: 'Amount', fieldName: 'amount', type: 'currency', typeAttributes: { currencyCode: { fieldName: 'currency' } } },
    { label: 'Why excluded', fieldName: 'reason', wrapText: true }
];
function isoDate(date) {
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
export default class PaymentRunLauncher extends LightningElement {
    runType = 'Direct Debit';
    bankAccountId = null;
    executionDate = null;
    previewCorrelationId = null;
    runCorrelationId = null;
    preview = null;
    runFinished = false;
    busy = false;
    actionError = '';
    runTypes = RUN_TYPES;
    includedColumns = INCLUDED_COLUMNS;
    excludedColumns = EXCLUDED_COLUMNS;
    get today() {
        return isoDate(new Date(Date.now()));
    }
    get effectiveDate() {
        if (this.executionDate) {
            return this.executionDate;
        }
        const tomorrow = new Date(Date.now());
        tomorrow.setDate(tomorrow.getDate() + 1);
        return isoDate(tomorrow);
    }
    get dateProblem() {
        return this.effectiveDate < this.today ? 'The execution date must not be in the past.' : '';
    }
    get previewDisabled() {
        return this.busy || !this.bankAccountId || this.dateProblem !== '';
    }
    get startDisabled() {
        return this.previewDisabled || !this.preview || this.preview.included.length === 0 || this.runCorrelationId !== null;
    }
    get startLabel() {
        const count = this.preview?.included.length ?? 0;
        return this.runType === 'Direct Debit' ? `Collect ${count} entr${count === 1 ? 'y' : 'ies'}` : `Pay ${count} entr${count === 1 ? 'y' : 'ies'}`;
    }
    get includedRows() {
        const currency = this.preview?.currency ?? 'EUR';
        return (this.preview?.included ?? []).map((line) => ({ ...line, currency }));
    }
    get excludedRows() {
        const currency = this.preview?.currency ?? 'EUR';
        return (this.preview?.excluded ?? []).map((line) => ({ ...line, currency }));
    }
    get hasIncluded() {
        return this.includedRows.length > 0;
    }
    get hasExcluded() {
        return this.excludedRows.length > 0;
    }
    get summary() {
        if (!this.preview) {
            return '';
        }
        const verb = this.runType === 'Direct Debit' ? 'collected' : 'paid';
        return `${this.preview.included.length} entr${this.preview.included.length === 1 ? 'y' : 'ies'} will be ${verb}; ${this.preview.excluded.length} excluded.`;
    }
    get previewTotal() {
        return this.preview?.total ?? '0.00';
    }
    get previewCurrency() {
        return this.preview?.currency ?? 'EUR';
    }
    handleRunType(event) {
        this.runType = event.detail.value === 'Credit Transfer' ? 'Credit Transfer' : 'Direct Debit';
        this.reset();
    }
    handleBankAccount(event) {
        this.bankAccountId = event.detail.recordId ?? null;
        this.reset();
    }
    handleDate(event) {
        this.executionDate = event.detail.value || null;
        this.reset();
    }
    reset() {
        this.preview = null;
        this.previewCorrelationId = null;
        this.runCorrelationId = null;
        this.runFinished = false;
        this.actionError = '';
    }
    async handlePreview() {
        const bankAccountId = this.bankAccountId;
        if (!bankAccountId) {
            return;
        }
        const runType = this.runType;
        const date = this.effectiveDate;
        this.reset();
        await this.send(async () => {
            this.previewCorrelationId = await startPaymentRun(runType, bankAccountId, date, true);
        });
    }
    async handleStart() {
        const bankAccountId = this.bankAccountId;
        if (!bankAccountId) {
            return;
        }
        const runType = this.runType;
        const date = this.effectiveDate;
        await this.send(async () => {
            this.runCorrelationId = await startPaymentRun(runType, bankAccountId, date, false);
        });
    }
    handlePreviewFinished(event) {
        const notification = event.detail;
        if (notification.status === 'succeeded') {
            this.preview = readPreview(notification.payload);
            if (!this.preview) {
                this.actionError = 'The service answered without a preview; try again.';
            }
        }
    }
    handleRunFinished(event) {
        const notification = event.detail;
        this.runFinished = true;
        const succeeded = notification.status === 'succeeded';
        this.dispatchEvent(new ShowToastEvent({
            title: succeeded ? 'Payment run submitted' : 'Payment run failed',
            message: notification.message || (succeeded ? 'The order was sent to the bank.' : 'See the error report.'),
            variant: succeeded ? 'success' : 'error'
        }));
    }
    async send(action) {
        this.busy = true;
        this.actionError = '';
        try {
            await action();
        }
        catch (error) {
            this.actionError = errorText(error);
        }
        finally {
            this.busy = false;
        }
    }
}
