// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Cancels an open entry with a reason and, optionally, a credit balance strategy that overrides the
// business entity's default for what happens to money already assigned.
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { cancelEntry } from 'c/cmApex';
import { errorText } from 'c/cmErrors';
const ENTITY_DEFAULT = '';
const STRATEGIES = [
    { label: 'Business entity default', value: ENTITY_DEFAULT },
    { label: 'Future Settlement: keep the money for later entries', value: 'Future Settlement' },
    { label: 'Prepared Refund: prepare a refund for approval', value: 'Prepared Refund' },
    { label: 'Direct Refund: refund at once', value: 'Direct Refund' }
];
export default class EntryCancellation extends LightningElement {
    @api
    recordId;
    @api
    defaultStrategy = null;
    open = false;
    reason = '';
    strategy = null;
    busy = false;
    error = '';
    strategies = STRATEGIES;
    get selectedStrategy() {
        return this.strategy ?? this.defaultStrategy ?? ENTITY_DEFAULT;
    }
    get confirmDisabled() {
        return this.busy || this.reason.trim() === '';
    }
    handleOpen() {
        this.open = true;
    }
    handleBack() {
        this.open = false;
        this.reason = '';
        this.strategy = null;
        this.error = '';
    }
    handleReason(event) {
        this.reason = event.detail.value ?? '';
    }
    handleStrategy(event) {
        this.strategy = event.detail.value;
    }
    async handleConfirm() {
        if (!this.recordId) {
            return;
        }
        this.busy = true;
        this.error = '';
        try {
            const strategy = this.selectedStrategy === ENTITY_DEFAULT ? null : this.selectedStrategy;
            await cancelEntry(this.recordId, this.reason.trim(), strategy);
            this.dispatchEvent(new ShowToastEvent({ title: 'Entry canceled', message: 'Its payments were released.', variant: 'success' }));
            this.dispatchEvent(new CustomEvent('cancelled'));
            this.handleBack();
        }
        catch (error) {
            this.error = errorText(error);
        }
        finally {
            this.busy = false;
        }
    }
}
