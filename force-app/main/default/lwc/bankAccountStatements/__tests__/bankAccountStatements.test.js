import { createElement } from 'lwc';
import BankAccountStatements from 'c/bankAccountStatements';
import { getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { subscribe } from 'lightning/empApi';
import { importStatementFile, retrieveStatements } from 'c/cmApex';
import bankAccountRecord from './data/bankAccountRecord.json';
import bankStatements from './data/bankStatements.json';

jest.mock('c/cmApex', () => ({ retrieveStatements: jest.fn(), importStatementFile: jest.fn() }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const TODAY = new Date(2026, 10, 27, 10, 0, 0).getTime();

async function build(record = bankAccountRecord, statements = bankStatements) {
    const element = createElement('c-bank-account-statements', { is: BankAccountStatements });
    element.recordId = bankAccountRecord.id;
    document.body.appendChild(element);
    getRecord.emit(record);
    getRelatedListRecords.emit(statements);
    await flush();
    return element;
}

function deliver(fields) {
    for (const call of subscribe.mock.calls) {
        call[2]({ channel: '/event/CashNotification__e', data: { payload: { Command__c: 'retrieve-statements', Version__c: 1, ...fields } } });
    }
}

describe('c-bank-account-statements', () => {
    beforeEach(() => {
        jest.spyOn(Date, 'now').mockReturnValue(TODAY);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.restoreAllMocks();
        jest.clearAllMocks();
    });

    it('shows balance, latest statements with signed closing balances, and is accessible', async () => {
        const element = await build();
        expect($(element, '.iban').textContent).toBe('DE89370400440532013000');
        expect($(element, '.balance').value).toBe(48210.77);
        const closings = [...element.shadowRoot.querySelectorAll('.statements tbody lightning-formatted-number')].map((n) => n.value);
        expect(closings).toEqual(['48210.77', '-1520.40']);
        await expect(element).toBeAccessible();
    });

    it('proposes the days after the latest statement up to yesterday', async () => {
        const element = await build();
        expect($(element, 'lightning-input[data-field="from"]').value).toBe('2026-11-21');
        expect($(element, 'lightning-input[data-field="to"]').value).toBe('2026-11-26');
        expect($(element, 'lightning-input[data-field="to"]').max).toBe('2026-11-26');
    });

    it('retrieves statements and follows the command live until it is done', async () => {
        retrieveStatements.mockResolvedValue('corr-7');
        const element = await build();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);

        $(element, 'lightning-button[data-action="retrieve"]').click();
        await flush();
        expect(retrieveStatements).toHaveBeenCalledWith(bankAccountRecord.id, '2026-11-21', '2026-11-26');
        const progress = $(element, 'c-cm-command-progress');
        expect(progress.correlationId).toBe('corr-7');
        expect(progress.label).toBe('Retrieval 2026-11-21 to 2026-11-26');

        deliver({ CorrelationId__c: 'corr-7', Status__c: 'succeeded', Message__c: '6 statements imported', Payload__c: '{"bankAccountIds":["a0B000000000001AAA"]}' });
        await flush();
        expect(toast.mock.calls[0][0].detail.message).toBe('6 statements imported');
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: bankAccountRecord.id }]);
    });

    it('refuses a range that ends today or starts after it ends', async () => {
        const element = await build();
        $(element, 'lightning-input[data-field="to"]').dispatchEvent(new CustomEvent('change', { detail: { value: '2026-11-27' } }));
        await flush();
        expect($(element, '.range-problem').textContent).toBe('Booked statements are available up to yesterday.');
        expect($(element, 'lightning-button[data-action="retrieve"]').disabled).toBe(true);

        $(element, 'lightning-input[data-field="to"]').dispatchEvent(new CustomEvent('change', { detail: { value: '2026-11-10' } }));
        await flush();
        expect($(element, '.range-problem').textContent).toBe('The start date must not be after the end date.');
    });

    it('imports every uploaded file by its content version', async () => {
        importStatementFile.mockResolvedValueOnce('corr-a').mockResolvedValueOnce('corr-b');
        const element = await build();
        const files = [
            { name: 'camt053_2026-11-21.xml', documentId: '069000000000001AAA', contentVersionId: '068000000000001AAA' },
            { name: 'mt940_2026-11-22.sta', documentId: '069000000000002AAA', contentVersionId: '068000000000002AAA' }
        ];
        $(element, 'lightning-file-upload').dispatchEvent(new CustomEvent('uploadfinished', { detail: { files } }));
        await flush();
        expect(importStatementFile.mock.calls).toEqual([
            [bankAccountRecord.id, '068000000000001AAA'],
            [bankAccountRecord.id, '068000000000002AAA']
        ]);
        expect([...element.shadowRoot.querySelectorAll('c-cm-command-progress')].map((p) => p.label)).toEqual([
            'Import of mt940_2026-11-22.sta',
            'Import of camt053_2026-11-21.xml'
        ]);
    });

    it('shows why a retrieval could not be sent', async () => {
        retrieveStatements.mockRejectedValue({ body: { message: 'No active EBICS credential for this account.' } });
        const element = await build();
        $(element, 'lightning-button[data-action="retrieve"]').click();
        await flush();
        expect($(element, '.action-error').textContent).toBe('No active EBICS credential for this account.');
    });

    it('explains an inactive account and an account without statements', async () => {
        const inactive = { ...bankAccountRecord, fields: { ...bankAccountRecord.fields, Active__c: { value: false, displayValue: null }, LastBankStatement__c: { value: null, displayValue: null } } };
        const element = await build(inactive, { count: 0, records: [] });
        expect($(element, '.inactive')).not.toBeNull();
        expect($(element, 'lightning-button[data-action="retrieve"]')).toBeNull();
        expect($(element, '.no-statements').textContent).toContain('No statements yet');
        await expect(element).toBeAccessible();
    });
});
