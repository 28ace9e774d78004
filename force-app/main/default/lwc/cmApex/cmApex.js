// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
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
export const getAvailablePayments = getAvailablePaymentsMethod;
export const getOpenEntries = getOpenEntriesMethod;
export const getReconciliationItems = getReconciliationItemsMethod;
export const getDashboard = getDashboardMethod;
/** Settles entries against payments; resolves to the ids of the entry items written. */
export function settle(allocations) {
    return settleMethod({ allocationsJson: JSON.stringify(allocations) });
}
/** Accepts suggestions or manual splits of bank statement items; resolves to the number settled. */
export function settleStatementItems(settlements) {
    return settleStatementItemsMethod({ settlementsJson: JSON.stringify(settlements) });
}
export function undoSettlement(entryItemIds, reason) {
    return undoSettlementMethod({ entryItemIds, reason });
}
export function cancelEntry(entryId, reason, creditBalanceStrategy) {
    return cancelEntryMethod({ entryId, reason, creditBalanceStrategy });
}
/** Creates a refund in status Prepared; resolves to its id. */
export function createRefund(paymentId, amount, reason) {
    return createRefundMethod({ paymentId, amount, reason });
}
/** Each command resolves to the correlation id that CashNotification__e events carry back. */
export function retrieveStatements(bankAccountId, fromDate, toDate) {
    return retrieveStatementsMethod({ bankAccountId, fromDate, toDate });
}
/** Imports a statement file uploaded to Salesforce Files (the ContentVersion the upload created). */
export function importStatementFile(bankAccountId, contentVersionId) {
    return importStatementFileMethod({ bankAccountId, contentVersionId });
}
/** Asks the service to rerun matching and automatic settlement for bank statement items. */
export function settleAutomatically(statementItemIds) {
    return settleAutomaticallyMethod({ statementItemIds });
}
/** Starts a payment run; with `preview` the service only reports what it would include and exclude. */
export function startPaymentRun(runType, bankAccountId, executionDate, preview) {
    return startPaymentRunMethod({ runType, bankAccountId, executionDate, preview });
}
