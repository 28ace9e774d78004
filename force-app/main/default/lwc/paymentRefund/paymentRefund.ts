// Creates a refund (status Prepared, awaiting approval) for part or all of a payment's available money.
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { createRefund } from 'c/cmApex';
import { errorText } from 'c/cmErrors';
import { fromMinor, toMinor } from 'c/cmMoney';

const REASONS = ['Default', 'Overpayment', 'Duplicate Payment', 'Goods Returned', 'Goodwill', 'Entry Canceled'].map((value) => ({ label: value, value }));

export default class PaymentRefund extends LightningElement {
    @api paymentId?: string;
    /** Most that may be refunded, as a positive decimal string. */
    @api available = '0.00';
    @api currencyCode = 'EUR';

    open = false;
    amount = '';
    reason = 'Default';
    busy = false;
    error = '';
    reasons = REASONS;

    get amountProblem(): string {
        const minor = toMinor(this.amount);
        if (minor === null || minor <= 0n) {
            return 'Enter a positive amount with at most two decimals.';
        }
        if (minor > (toMinor(this.available) ?? 0n)) {
            return 'More than the payment has available.';
        }
        return '';
    }

    get confirmDisabled(): boolean {
        return this.busy || this.amountProblem !== '';
    }

    handleOpen(): void {
        this.open = true;
        this.amount = this.available;
    }

    handleBack(): void {
        this.open = false;
        this.error = '';
    }

    handleAmount(event: CustomEvent<{ value: string }>): void {
        this.amount = String(event.detail.value ?? '');
    }

    handleReason(event: CustomEvent<{ value: string }>): void {
        this.reason = event.detail.value;
    }

    async handleConfirm(): Promise<void> {
        const minor = toMinor(this.amount);
        if (!this.paymentId || minor === null) {
            return;
        }
        this.busy = true;
        this.error = '';
        try {
            await createRefund(this.paymentId, fromMinor(minor), this.reason);
            this.dispatchEvent(new ShowToastEvent({ title: 'Refund prepared', message: 'It waits for approval before money is sent.', variant: 'success' }));
            this.dispatchEvent(new CustomEvent('refunded'));
            this.open = false;
        } catch (error) {
            this.error = errorText(error);
        } finally {
            this.busy = false;
        }
    }
}
