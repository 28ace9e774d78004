// Bank Statement Item record page: the service's match suggestions with their score breakdown, to
// accept (settles through the item's payment) or reject, and manual settlement across entries.
// Updates live when the service reports about this item.
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, getRecords, notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import type { RecordRepresentation, WireResult } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import ID_FIELD from '@salesforce/schema/BankStatementItem__c.Id';
import NAME_FIELD from '@salesforce/schema/BankStatementItem__c.Name';
import AMOUNT_FIELD from '@salesforce/schema/BankStatementItem__c.SignedAmount__c';
import CURRENCY_FIELD from '@salesforce/schema/BankStatementItem__c.Currency__c';
import BOOKING_DATE_FIELD from '@salesforce/schema/BankStatementItem__c.BookingDate__c';
import REFERENCE_FIELD from '@salesforce/schema/BankStatementItem__c.Reference__c';
import RESULT_FIELD from '@salesforce/schema/BankStatementItem__c.MatchingResult__c';
import BEST_SCORE_FIELD from '@salesforce/schema/BankStatementItem__c.BestMatchScore__c';
import SUGGESTIONS_FIELD from '@salesforce/schema/BankStatementItem__c.MatchSuggestions__c';
import PAYMENT_FIELD from '@salesforce/schema/BankStatementItem__c.Payment__c';
import ENTRY_NAME_FIELD from '@salesforce/schema/Entry__c.Name';
import ENTRY_TITLE_FIELD from '@salesforce/schema/Entry__c.Title__c';
import { settleStatementItems } from 'c/cmApex';
import { follow, mentions } from 'c/cmNotifications';
import type { Unfollow } from 'c/cmNotifications';
import { parseSuggestions, withoutSuggestion } from 'c/cmSuggestions';
import type { Suggestion } from 'c/cmSuggestions';
import { errorText } from 'c/cmErrors';
import { absMinor, fromMinor, toMinor } from 'c/cmMoney';

const FIELDS = [NAME_FIELD, AMOUNT_FIELD, CURRENCY_FIELD, BOOKING_DATE_FIELD, REFERENCE_FIELD, RESULT_FIELD, BEST_SCORE_FIELD, SUGGESTIONS_FIELD, PAYMENT_FIELD];
const OPEN_RESULTS = ['Unmatched', 'Unmatched, multiple results', 'Rejected'];

export default class StatementItemSuggestions extends LightningElement {
    @api recordId?: string;

    busy = false;
    actionError = '';
    stop: Unfollow | null = null;

    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    item?: WireResult<RecordRepresentation>;

    @wire(getRecords, { records: '$entryRequest' })
    entries?: WireResult<{ results: { statusCode: number; result: RecordRepresentation }[] }>;

    override connectedCallback(): void {
        follow(
            () => {
                if (this.recordId) {
                    notifyRecordUpdateAvailable([{ recordId: this.recordId }]).catch(() => undefined);
                }
            },
            (notification) => mentions(notification, this.recordId)
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

    get record(): RecordRepresentation | undefined {
        return this.item?.data;
    }

    get loadError(): string {
        const error = this.item?.error;
        return error ? errorText(error) : '';
    }

    get suggestionsJson(): string {
        return String(getFieldValue(this.record, SUGGESTIONS_FIELD) ?? '');
    }

    get suggestions(): Suggestion[] {
        return parseSuggestions(this.suggestionsJson);
    }

    get entryIds(): string[] {
        return [...new Set(this.suggestions.flatMap((s) => s.allocations.map((a) => a.entryId)))];
    }

    get entryRequest(): { recordIds: string[]; fields: unknown[]; optionalFields: unknown[] }[] | undefined {
        const ids = this.entryIds;
        return ids.length > 0 ? [{ recordIds: ids, fields: [ENTRY_NAME_FIELD], optionalFields: [ENTRY_TITLE_FIELD] }] : undefined;
    }

    get entryLabels(): Map<string, string> {
        const labels = new Map<string, string>();
        for (const { statusCode, result } of this.entries?.data?.results ?? []) {
            if (statusCode === 200) {
                const title = result.fields.Title__c?.value;
                labels.set(result.id, [result.fields.Name?.value, title].filter(Boolean).join(' · '));
            }
        }
        return labels;
    }

    get suggestionCards() {
        const labels = this.entryLabels;
        return this.suggestions.map((s, rank) => ({
            key: `s${s.index}`,
            index: s.index,
            title: rank === 0 ? `Best suggestion · score ${s.score}` : `Suggestion · score ${s.score}`,
            score: s.score,
            configuration: s.configuration,
            breakdown: s.breakdown.map((part) => ({ key: part.signal, text: `${part.signal}: ${part.points}` })),
            allocations: s.allocations.map((a) => ({ key: a.entryId, label: labels.get(a.entryId) ?? a.entryId, amount: a.amount }))
        }));
    }

    get hasSuggestions(): boolean {
        return this.suggestions.length > 0;
    }

    get matchingResult(): string {
        return String(getFieldValue(this.record, RESULT_FIELD) ?? '');
    }

    get isOpen(): boolean {
        return OPEN_RESULTS.includes(this.matchingResult);
    }

    get hasPayment(): boolean {
        return Boolean(getFieldValue(this.record, PAYMENT_FIELD));
    }

    get actionsDisabled(): boolean {
        return this.busy || !this.hasPayment;
    }

    get currency(): string {
        return String(getFieldValue(this.record, CURRENCY_FIELD) ?? 'EUR');
    }

    get signedAmount(): unknown {
        return getFieldValue(this.record, AMOUNT_FIELD);
    }

    get amountMagnitude(): string {
        return fromMinor(absMinor(toMinor(this.signedAmount) ?? 0n));
    }

    get moneyIn(): boolean {
        return (toMinor(this.signedAmount) ?? 0n) >= 0n;
    }

    get bookingDate(): unknown {
        return getFieldValue(this.record, BOOKING_DATE_FIELD);
    }

    get reference(): unknown {
        return getFieldValue(this.record, REFERENCE_FIELD);
    }

    async handleAccept(event: Event): Promise<void> {
        const index = Number((event.currentTarget as HTMLElement).dataset.index);
        const suggestion = this.suggestions.find((s) => s.index === index);
        const itemId = this.recordId;
        if (!suggestion || !itemId) {
            return;
        }
        await this.run(async () => {
            await settleStatementItems([{ itemId, allocations: suggestion.allocations, matchingResult: 'Matched' }]);
            this.dispatchEvent(new ShowToastEvent({ title: 'Suggestion accepted', message: `${suggestion.allocations.length} entr${suggestion.allocations.length === 1 ? 'y' : 'ies'} settled.`, variant: 'success' }));
            await notifyRecordUpdateAvailable([{ recordId: itemId }, ...suggestion.allocations.map((a) => ({ recordId: a.entryId }))]);
        });
    }

    /** Rejection only edits the stored suggestions: LDS writes the item, no Apex needed. */
    async handleReject(event: Event): Promise<void> {
        const index = Number((event.currentTarget as HTMLElement).dataset.index);
        const itemId = this.recordId;
        if (!itemId) {
            return;
        }
        const { json, bestScore } = withoutSuggestion(this.suggestionsJson, index);
        await this.run(async () => {
            await updateRecord({
                fields: {
                    [ID_FIELD.fieldApiName]: itemId,
                    [SUGGESTIONS_FIELD.fieldApiName]: json,
                    [BEST_SCORE_FIELD.fieldApiName]: bestScore,
                    [RESULT_FIELD.fieldApiName]: bestScore === null ? 'Rejected' : this.matchingResult
                }
            });
        });
    }

    async handleManuallySettled(): Promise<void> {
        if (this.recordId) {
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        }
    }

    async run(action: () => Promise<void>): Promise<void> {
        this.busy = true;
        this.actionError = '';
        try {
            await action();
        } catch (error) {
            this.actionError = errorText(error);
        } finally {
            this.busy = false;
        }
    }
}
