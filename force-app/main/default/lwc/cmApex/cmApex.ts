// The one module through which components call Apex (CashManagementController). Reads that LDS
// cannot serve are exported as wire adapters; mutations are typed functions. Amounts travel as
// decimal strings in both directions so no money passes through a binary float.
import getAvailablePaymentsMethod from '@salesforce/apex/CashManagementController.getAvailablePayments';
import getOpenEntriesMethod from '@salesforce/apex/CashManagementController.getOpenEntries';
import getReconciliationItemsMethod from '@salesforce/apex/CashManagementController.getReconciliationItems';
import getDashboardMethod from '@salesforce/apex/CashManagementController.getDashboard';
import settleMethod from '@salesforce/apex/CashManagementController.settle';
import settleStatementItemsMethod from '@salesforce/apex/CashManagementController.settleStatementItems';
import undoSettlementMethod from '@salesforce/apex/CashManagementController.undoSettlement';
import cancelEntryMethod from '@salesforce/apex/CashManagementController.cancelEntry';
import createRefundMethod from '@salesforce/apex/CashManagementController.createRefund';
import retrieveStatementsMethod from '@salesforce/apex/CashManagementController.retrieveStatements';
import importStatementFileMethod from '@salesforce/apex/CashManagementController.importStatementFile';
import settleAutomaticallyMethod from '@salesforce/apex/CashManagementController.settleAutomatically';
import startPaymentRunMethod from '@salesforce/apex/CashManagementController.startPaymentRun';

/** Payments of an account with money left to assign (`available` is signed: + received, − paid out). */
export interface PaymentOption {
    id: string;
    name: string;
    available: string;
    status: string;
    collectionDate: string | null;
    reference: string | null;
}

/** Open entries of an account (`outstanding` is signed: + receivable, − payable). */
export interface EntryOption {
    id: string;
    name: string;
    title: string | null;
    statementNumber: string | null;
    dueDate: string | null;
    outstanding: string;
    payable: string;
}

export interface ReconciliationItem {
    id: string;
    name: string;
    bookingDate: string | null;
    amount: string;
    currencyCode: string;
    counterparty: string | null;
    reference: string | null;
    matchingResult: string;
    bestScore: number | null;
    suggestionsJson: string | null;
    paymentId: string | null;
}

export interface ReconciliationFilter {
    bankAccountId: string | null;
    fromDate: string | null;
    toDate: string | null;
    minScore: number | null;
    matchingResult: string | null;
}

export type RunType = 'Direct Debit' | 'Credit Transfer';

export interface DashboardCurrency {
    currencyCode: string;
    openReceivables: string;
    openPayables: string;
    overdueReceivables: string;
    overdueCount: number;
}

export interface DashboardAccount {
    id: string;
    name: string;
    iban: string | null;
    currencyCode: string;
    balance: string | null;
    lastStatement: string | null;
}

export interface Dashboard {
    currencies: DashboardCurrency[];
    unmatchedItems: number;
    accounts: DashboardAccount[];
}

/** Positive amount to move from one payment to one entry; Apex applies the sign convention. */
export interface Allocation {
    entryId: string;
    paymentId: string;
    amount: string;
}

export interface StatementItemSettlement {
    itemId: string;
    allocations: { entryId: string; amount: string }[];
    matchingResult: 'Matched' | 'Manually settled';
}

export const getAvailablePayments = getAvailablePaymentsMethod;
export const getOpenEntries = getOpenEntriesMethod;
export const getReconciliationItems = getReconciliationItemsMethod;
export const getDashboard = getDashboardMethod;

/** Settles entries against payments; resolves to the ids of the entry items written. */
export function settle(allocations: Allocation[]): Promise<string[]> {
    return settleMethod({ allocationsJson: JSON.stringify(allocations) }) as Promise<string[]>;
}

/** Accepts suggestions or manual splits of bank statement items; resolves to the number settled. */
export function settleStatementItems(settlements: StatementItemSettlement[]): Promise<number> {
    return settleStatementItemsMethod({ settlementsJson: JSON.stringify(settlements) }) as Promise<number>;
}

export function undoSettlement(entryItemIds: string[], reason: string): Promise<void> {
    return undoSettlementMethod({ entryItemIds, reason }) as Promise<void>;
}

export function cancelEntry(entryId: string, reason: string, creditBalanceStrategy: string | null): Promise<void> {
    return cancelEntryMethod({ entryId, reason, creditBalanceStrategy }) as Promise<void>;
}

/** Creates a refund in status Prepared; resolves to its id. */
export function createRefund(paymentId: string, amount: string, reason: string): Promise<string> {
    return createRefundMethod({ paymentId, amount, reason }) as Promise<string>;
}

/** Each command resolves to the correlation id that CashNotification__e events carry back. */
export function retrieveStatements(bankAccountId: string, fromDate: string, toDate: string): Promise<string> {
    return retrieveStatementsMethod({ bankAccountId, fromDate, toDate }) as Promise<string>;
}

/** Imports a statement file uploaded to Salesforce Files (the ContentVersion the upload created). */
export function importStatementFile(bankAccountId: string, contentVersionId: string): Promise<string> {
    return importStatementFileMethod({ bankAccountId, contentVersionId }) as Promise<string>;
}

/** Asks the service to rerun matching and automatic settlement for bank statement items. */
export function settleAutomatically(statementItemIds: string[]): Promise<string> {
    return settleAutomaticallyMethod({ statementItemIds }) as Promise<string>;
}

/** Starts a payment run; with `preview` the service only reports what it would include and exclude. */
export function startPaymentRun(runType: RunType, bankAccountId: string, executionDate: string, preview: boolean): Promise<string> {
    return startPaymentRunMethod({ runType, bankAccountId, executionDate, preview }) as Promise<string>;
}
