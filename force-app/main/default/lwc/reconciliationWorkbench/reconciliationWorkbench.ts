// Reconciliation tab: booked bank statement items that still need a decision, with filters, bulk
// acceptance of the best suggestion above a score, and a review panel per item. Refreshes live when
// the service finishes importing statements or settling automatically.
import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import { getReconciliationItems, settleAutomatically, settleStatementItems } from 'c/cmApex';
import type { ReconciliationItem, StatementItemSettlement } from 'c/cmApex';
import type { WireResult } from 'lightning/uiRecordApi';
import { follow, isFinal } from 'c/cmNotifications';
import type { Unfollow } from 'c/cmNotifications';
import { bestSuggestion } from 'c/cmSuggestions';
import { errorText } from 'c/cmErrors';

const REFRESHING_COMMANDS = ['retrieve-statements', 'import-file', 'settle-automatically'];
const DEFAULT_THRESHOLD = 90;

const RESULT_OPTIONS = [
    { label: 'All open items', value: '' },
    { label: 'Unmatched', value: 'Unmatched' },
    { label: 'Unmatched, multiple results', value: 'Unmatched, multiple results' },
    { label: 'Rejected', value: 'Rejected' }
];

const COLUMNS = [
    { label: 'Item', fieldName: 'name' },
    { label: 'Booking date', fieldName: 'bookingDate', type: 'date-local' },
    { label: 'Amount', fieldName: 'amount', type: 'currency', typeAttributes: { currencyCode: { fieldName: 'currencyCode' } } },
    { label: 'Counterparty', fieldName: 'counterparty' },
    { label: 'Reference', fieldName: 'reference', wrapText: true },
    { label: 'Result', fieldName: 'matchingResult' },
    { label: 'Best score', fieldName: 'bestScore', type: 'number' },
    { type: 'action', typeAttributes: { rowActions: [{ label: 'Review', name: 'review' }] } }
];

export default class ReconciliationWorkbench extends LightningElement {
    bankAccountId: string | null = null;
    fromDate: string | null = null;
    toDate: string | null = null;
    minScore: number | null = null;
    matchingResult: string | null = null;
    threshold = DEFAULT_THRESHOLD;
    selectedItemId: string | null = null;
    checkedItemIds: string[] = [];
    rerunCorrelationId: string | null = null;
    busy = false;
    actionError = '';
    liveNote = '';
    columns = COLUMNS;
    resultOptions = RESULT_OPTIONS;
    stop: Unfollow | null = null;

    @wire(getReconciliationItems, { bankAccountId: '$bankAccountId', fromDate: '$fromDate', toDate: '$toDate', minScore: '$minScore', matchingResult: '$matchingResult' })
    items?: WireResult<ReconciliationItem[]>;

    override connectedCallback(): void {
        follow(
            (notification) => {
                this.liveNote = notification.message || 'New bank data arrived.';
                refreshApex(this.items).catch(() => undefined);
            },
            (notification) => isFinal(notification) && notification.status === 'succeeded' && REFRESHING_COMMANDS.includes(notification.command)
        )
            .then((stop) => {
                this.stop = stop;
            })
            .catch(() => undefined);
    }

    override disconnectedCallback(): void {
        if (this.stop) {
            this.stop().catch(() => undefined);
            this.stop = null;
        }
    }

    get rows(): ReconciliationItem[] {
        return this.items?.data ?? [];
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get loadError(): string {
        return this.items?.error ? errorText(this.items.error) : '';
    }

    get loading(): boolean {
        return !this.items || (!this.items.data && !this.items.error);
    }

    get matchingResultValue(): string {
        return this.matchingResult ?? '';
    }

    /** Items whose best suggestion reaches the threshold and whose payment exists. */
    get eligible(): StatementItemSettlement[] {
        return this.rows
            .map((item) => ({ item, best: bestSuggestion(item.suggestionsJson) }))
            .filter(({ item, best }) => best !== null && best.score >= this.threshold && item.paymentId !== null)
            .map(({ item, best }) => ({ itemId: item.id, allocations: best?.allocations ?? [], matchingResult: 'Matched' as const }));
    }

    get bulkLabel(): string {
        const count = this.eligible.length;
        return `Accept best suggestion for ${count} item${count === 1 ? '' : 's'} scoring ${this.threshold} or more`;
    }

    get bulkDisabled(): boolean {
        return this.busy || this.eligible.length === 0;
    }

    handleBankAccount(event: CustomEvent<{ recordId: string | null }>): void {
        this.bankAccountId = event.detail.recordId ?? null;
    }

    handleFilter(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field;
        const value = event.detail.value;
        if (field === 'from') {
            this.fromDate = value || null;
        } else if (field === 'to') {
            this.toDate = value || null;
        } else if (field === 'minScore') {
            this.minScore = value === '' || value === null || value === undefined ? null : Number(value);
        } else if (field === 'result') {
            this.matchingResult = value || null;
        }
    }

    handleThreshold(event: CustomEvent<{ value: string }>): void {
        const value = Number(event.detail.value);
        this.threshold = Number.isFinite(value) ? value : DEFAULT_THRESHOLD;
    }

    handleRowAction(event: CustomEvent<{ action: { name: string }; row: ReconciliationItem }>): void {
        if (event.detail.action.name === 'review') {
            this.selectedItemId = event.detail.row.id;
        }
    }

    handleRowSelection(event: CustomEvent<{ selectedRows: ReconciliationItem[] }>): void {
        this.checkedItemIds = event.detail.selectedRows.map((row) => row.id);
    }

    get rerunLabel(): string {
        return `Settle automatically (${this.checkedItemIds.length})`;
    }

    get rerunDisabled(): boolean {
        return this.busy || this.checkedItemIds.length === 0;
    }

    /** Reruns the service's matching for the checked items; the list refreshes when it is done. */
    async handleSettleAutomatically(): Promise<void> {
        this.busy = true;
        this.actionError = '';
        try {
            this.rerunCorrelationId = await settleAutomatically(this.checkedItemIds);
        } catch (error) {
            this.actionError = errorText(error);
        } finally {
            this.busy = false;
        }
    }

    handleCloseReview(): void {
        this.selectedItemId = null;
    }

    async handleBulkAccept(): Promise<void> {
        const settlements = this.eligible;
        this.busy = true;
        this.actionError = '';
        try {
            const settled = await settleStatementItems(settlements);
            this.dispatchEvent(new ShowToastEvent({ title: 'Suggestions accepted', message: `${settled} item${settled === 1 ? '' : 's'} settled.`, variant: 'success' }));
            await refreshApex(this.items);
        } catch (error) {
            this.actionError = errorText(error);
        } finally {
            this.busy = false;
        }
    }
}
