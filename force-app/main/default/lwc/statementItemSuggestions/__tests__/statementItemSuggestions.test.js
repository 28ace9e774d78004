import { createElement } from 'lwc';
import StatementItemSuggestions from 'c/statementItemSuggestions';
import { getRecord, getRecords, notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import { subscribe } from 'lightning/empApi';
import { settleStatementItems } from 'c/cmApex';
import statementItem from './data/statementItem.json';
import suggestedEntries from './data/suggestedEntries.json';

jest.mock('c/cmApex', () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { getOpenEntries: createApexTestWireAdapter(jest.fn()), settleStatementItems: jest.fn() };
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

function withFields(fields) {
    return { ...statementItem, fields: { ...statementItem.fields, ...fields } };
}

async function build(record = statementItem) {
    const element = createElement('c-statement-item-suggestions', { is: StatementItemSuggestions });
    element.recordId = statementItem.id;
    document.body.appendChild(element);
    getRecord.emit(record);
    await flush();
    getRecords.emit(suggestedEntries);
    await flush();
    return element;
}

describe('c-statement-item-suggestions', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('lists suggestions best first with score breakdown and entry names', async () => {
        const element = await build();
        const cards = $$(element, 'article.suggestion');
        expect(cards.map((c) => c.querySelector('h3').textContent)).toEqual(['Best suggestion · score 93.5', 'Suggestion · score 64']);
        expect([...cards[0].querySelectorAll('.breakdown li')].map((li) => li.textContent)).toEqual(['reference: 70', 'amount: 20', 'date: 3.5']);
        expect([...cards[0].querySelectorAll('.entry')].map((e) => e.textContent)).toEqual(['E-000123 · Invoice 2026-0411', 'E-000124 · Invoice 2026-0420']);
        await expect(element).toBeAccessible();
    });

    it('accepts a suggestion through the item payment and refreshes item and entries', async () => {
        settleStatementItems.mockResolvedValue(1);
        const element = await build();
        $(element, 'article.suggestion lightning-button[data-action="accept"]').click();
        await flush();
        expect(settleStatementItems).toHaveBeenCalledWith([
            {
                itemId: statementItem.id,
                allocations: [
                    { entryId: 'a02000000000001AAA', amount: '790.00' },
                    { entryId: 'a02000000000002AAA', amount: '595.00' }
                ],
                matchingResult: 'Matched'
            }
        ]);
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: statementItem.id }, { recordId: 'a02000000000001AAA' }, { recordId: 'a02000000000002AAA' }]);
    });

    it('rejects one suggestion by rewriting the stored list and best score', async () => {
        updateRecord.mockResolvedValue({});
        const element = await build();
        $$(element, 'lightning-button[data-action="reject"]')[0].click();
        await flush();
        const fields = updateRecord.mock.calls[0][0].fields;
        expect(fields.Id).toBe(statementItem.id);
        expect(fields.BestMatchScore__c).toBe(64);
        expect(fields.MatchingResult__c).toBe('Unmatched, multiple results');
        expect(JSON.parse(fields.MatchSuggestions__c).suggestions.map((s) => s.score)).toEqual([64]);
    });

    it('marks the item Rejected when the last suggestion is rejected', async () => {
        updateRecord.mockResolvedValue({});
        const only = JSON.stringify({ version: 1, suggestions: [{ entryIds: ['a02000000000002AAA'], amounts: ['595.00'], score: 64, breakdown: {}, configuration: 'Find entry by amount' }] });
        const element = await build(withFields({ MatchSuggestions__c: { value: only, displayValue: null } }));
        $(element, 'lightning-button[data-action="reject"]').click();
        await flush();
        const fields = updateRecord.mock.calls[0][0].fields;
        expect(fields.BestMatchScore__c).toBeNull();
        expect(fields.MatchingResult__c).toBe('Rejected');
    });

    it('shows the error when accepting fails', async () => {
        settleStatementItems.mockRejectedValue({ body: { message: 'Entry E-000124 has only 95.00 EUR left to settle.' } });
        const element = await build();
        $(element, 'lightning-button[data-action="accept"]').click();
        await flush();
        expect($(element, '.action-error').textContent).toBe('Entry E-000124 has only 95.00 EUR left to settle.');
    });

    it('offers manual settlement of the item amount for money in', async () => {
        const element = await build();
        const manual = $(element, 'c-statement-item-manual-settlement');
        expect(manual.amount).toBe('1385.00');
        expect(manual.moneyIn).toBe(true);
        expect(manual.itemId).toBe(statementItem.id);
    });

    it('has empty, waiting and settled states', async () => {
        const empty = await build(withFields({ MatchSuggestions__c: { value: null, displayValue: null } }));
        expect($(empty, '.no-suggestions')).not.toBeNull();
        await expect(empty).toBeAccessible();

        const waiting = await build(withFields({ Payment__c: { value: null, displayValue: null } }));
        expect($(waiting, '.no-payment')).not.toBeNull();

        const settled = await build(withFields({ MatchingResult__c: { value: 'Matched', displayValue: 'Matched' } }));
        expect($(settled, '.settled').textContent).toBe('Settled: Matched.');
        expect($(settled, 'article.suggestion')).toBeNull();
    });

    it('refreshes when the service reports about this item', async () => {
        await build();
        const handler = subscribe.mock.calls[subscribe.mock.calls.length - 1][2];
        handler({ data: { payload: { CorrelationId__c: 'c', Command__c: 'settle-automatically', Status__c: 'succeeded', Payload__c: JSON.stringify({ statementItemIds: [statementItem.id] }) } } });
        await flush();
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: statementItem.id }]);
    });
});
