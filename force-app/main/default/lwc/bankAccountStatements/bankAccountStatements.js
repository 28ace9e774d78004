// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Bank Account record page: balance and latest statements, retrieval of statements for a date range
// from the bank, and import of uploaded statement files, each followed live until the service is done.
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import NAME_FIELD from '@salesforce/schema/BankAccount__c.Name';
import IBAN_FIELD from '@salesforce/schema/BankAccount__c.IBAN__c';
import CURRENCY_FIELD from '@salesforce/schema/BankAccount__c.Currency__c';
import BALANCE_FIELD from '@salesforce/schema/BankAccount__c.BankAccountBalance__c';
import LAST_STATEMENT_FIELD from '@salesforce/schema/BankAccount__c.LastBankStatement__c';
import ACTIVE_FIELD from '@salesforce/schema/BankAccount__c.Active__c';
import { importStatementFile, retrieveStatements } from 'c/cmApex';
import { errorText } from 'c/cmErrors';
import { fromMinor, toMinor } from 'c/cmMoney';
const FIELDS = [NAME_FIELD, IBAN_FIELD, CURRENCY_FIELD, BALANCE_FIELD, LAST_STATEMENT_FIELD, ACTIVE_FIELD];
const STATEMENT_FIELDS = [
    'BankStatement__c.Id',
    'BankStatement__c.Name',
    'BankStatement__c.Date__c',
    'BankStatement__c.ToDate__c',
    'BankStatement__c.ClosingBalance__c',
    'BankStatement__c.ClosingBalanceCDI__c',
    'BankStatement__c.ItemCount__c',
    'BankStatement__c.Format__c'
];
const ACCEPTED_FORMATS = ['.xml', '.camt', '.053', '.sta', '.mt940', '.940', '.txt', '.csv'];
/** yyyy-mm-dd of a date in the user's time zone. */
function isoDate(date) {
    const month = String(date.getMonth() + 1).padStart(2, '0');
    const day = String(date.getDate()).padStart(2, '0');
    return `${date.getFullYear()}-${month}-${day}`;
}
function addDays(iso, days) {
    const [year = 1970, month = 1, day = 1] = iso.split('-').map(Number);
    // The Date constructor rolls day overflow into the next month or year.
    return isoDate(new Date(year, month - 1, day + days));
}
export default class BankAccountStatements extends LightningElement {
    @api
    recordId;
    fromDate = null;
    toDate = null;
    commands = [];
    busy = false;
    actionError = '';
    acceptedFormats = ACCEPTED_FORMATS;
    @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
    account;
    @wire(getRelatedListRecords, { parentRecordId: '$recordId', relatedListId: 'BankStatements__r', fields: STATEMENT_FIELDS, sortBy: ['-BankStatement__c.ToDate__c'], pageSize: 10 })
    statements;
    get record() {
        return this.account?.data;
    }
    get loadError() {
        const error = this.account?.error ?? this.statements?.error;
        return error ? errorText(error) : '';
    }
    get currency() {
        return String(getFieldValue(this.record, CURRENCY_FIELD) ?? 'EUR');
    }
    get iban() {
        return getFieldValue(this.record, IBAN_FIELD);
    }
    get balance() {
        return getFieldValue(this.record, BALANCE_FIELD);
    }
    get lastStatement() {
        return getFieldValue(this.record, LAST_STATEMENT_FIELD);
    }
    get isActive() {
        return getFieldValue(this.record, ACTIVE_FIELD) === true;
    }
    /** Booked statements exist up to yesterday. */
    get yesterday() {
        return addDays(isoDate(new Date(Date.now())), -1);
    }
    get defaultFrom() {
        const last = this.lastStatement;
        return typeof last === 'string' && last !== '' ? addDays(last, 1) : addDays(this.yesterday, -6);
    }
    get effectiveFrom() {
        return this.fromDate ?? this.defaultFrom;
    }
    get effectiveTo() {
        return this.toDate ?? this.yesterday;
    }
    get rangeProblem() {
        if (this.effectiveTo > this.yesterday) {
            return 'Booked statements are available up to yesterday.';
        }
        if (this.effectiveFrom > this.effectiveTo) {
            return 'The start date must not be after the end date.';
        }
        return '';
    }
    get retrieveDisabled() {
        return this.busy || !this.isActive || this.rangeProblem !== '';
    }
    get statementRows() {
        return (this.statements?.data?.records ?? []).map((record) => {
            const closing = toMinor(record.fields.ClosingBalance__c?.value);
            const debit = record.fields.ClosingBalanceCDI__c?.value === 'Debit';
            return {
                id: record.id,
                name: String(record.fields.Name?.value ?? ''),
                period: record.fields.Date__c?.value ?? record.fields.ToDate__c?.value,
                // The balance is stored unsigned with a credit/debit indicator; debit means overdrawn.
                closing: closing === null ? null : fromMinor(debit ? -closing : closing),
                items: record.fields.ItemCount__c?.value,
                format: record.fields.Format__c?.value
            };
        });
    }
    get hasStatements() {
        return this.statementRows.length > 0;
    }
    get hasCommands() {
        return this.commands.length > 0;
    }
    handleFrom(event) {
        this.fromDate = event.detail.value || null;
    }
    handleTo(event) {
        this.toDate = event.detail.value || null;
    }
    async handleRetrieve() {
        const bankAccountId = this.recordId;
        if (!bankAccountId) {
            return;
        }
        const from = this.effectiveFrom;
        const to = this.effectiveTo;
        await this.send(async () => [{ correlationId: await retrieveStatements(bankAccountId, from, to), label: `Retrieval ${from} to ${to}` }]);
    }
    async handleUploadFinished(event) {
        const bankAccountId = this.recordId;
        if (!bankAccountId) {
            return;
        }
        const files = event.detail.files;
        await this.send(() => Promise.all(files.map(async (file) => ({ correlationId: await importStatementFile(bankAccountId, file.contentVersionId), label: `Import of ${file.name}` }))));
    }
    async handleFinished(event) {
        const notification = event.detail;
        if (notification.status === 'succeeded') {
            this.dispatchEvent(new ShowToastEvent({ title: 'Statements updated', message: notification.message || 'The service has finished.', variant: 'success' }));
            if (this.recordId) {
                await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
            }
            await refreshApex(this.statements);
        }
    }
    /** Sends commands and tracks each one, newest first. */
    async send(commands) {
        this.busy = true;
        this.actionError = '';
        try {
            const sent = await commands();
            this.commands = [...sent.reverse(), ...this.commands];
        }
        catch (error) {
            this.actionError = errorText(error);
        }
        finally {
            this.busy = false;
        }
    }
}
