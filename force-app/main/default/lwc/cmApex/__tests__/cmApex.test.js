import { cancelEntry, createRefund, importStatementFile, retrieveStatements, settle, settleAutomatically, settleStatementItems, startPaymentRun, undoSettlement } from 'c/cmApex';
import settleAutomaticallyMethod from '@salesforce/apex/CashManagementController.settleAutomatically';
import settleMethod from '@salesforce/apex/CashManagementController.settle';
import settleStatementItemsMethod from '@salesforce/apex/CashManagementController.settleStatementItems';
import undoSettlementMethod from '@salesforce/apex/CashManagementController.undoSettlement';
import cancelEntryMethod from '@salesforce/apex/CashManagementController.cancelEntry';
import createRefundMethod from '@salesforce/apex/CashManagementController.createRefund';
import retrieveStatementsMethod from '@salesforce/apex/CashManagementController.retrieveStatements';
import importStatementFileMethod from '@salesforce/apex/CashManagementController.importStatementFile';
import startPaymentRunMethod from '@salesforce/apex/CashManagementController.startPaymentRun';

jest.mock('@salesforce/apex/CashManagementController.settle', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CashManagementController.settleStatementItems', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CashManagementController.undoSettlement', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CashManagementController.cancelEntry', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CashManagementController.createRefund', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CashManagementController.retrieveStatements', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CashManagementController.importStatementFile', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CashManagementController.settleAutomatically', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/CashManagementController.startPaymentRun', () => ({ default: jest.fn() }), { virtual: true });

describe('c/cmApex', () => {
    afterEach(() => {
        jest.clearAllMocks();
    });

    it('sends allocations as JSON with decimal-string amounts', async () => {
        settleMethod.mockResolvedValue(['a05000000000001AAA']);
        const ids = await settle([{ entryId: 'e1', paymentId: 'p1', amount: '10.50' }]);
        expect(ids).toEqual(['a05000000000001AAA']);
        expect(settleMethod).toHaveBeenCalledWith({ allocationsJson: '[{"entryId":"e1","paymentId":"p1","amount":"10.50"}]' });
    });

    it('sends statement item settlements as JSON', async () => {
        settleStatementItemsMethod.mockResolvedValue(1);
        const settlement = { itemId: 'b1', allocations: [{ entryId: 'e1', amount: '5.00' }], matchingResult: 'Matched' };
        await expect(settleStatementItems([settlement])).resolves.toBe(1);
        expect(JSON.parse(settleStatementItemsMethod.mock.calls[0][0].settlementsJson)).toEqual([settlement]);
    });

    it('passes named parameters to the other controller methods', async () => {
        undoSettlementMethod.mockResolvedValue(undefined);
        cancelEntryMethod.mockResolvedValue(undefined);
        createRefundMethod.mockResolvedValue('a07000000000001AAA');
        retrieveStatementsMethod.mockResolvedValue('corr-1');
        importStatementFileMethod.mockResolvedValue('corr-2');
        startPaymentRunMethod.mockResolvedValue('corr-3');
        settleAutomaticallyMethod.mockResolvedValue('corr-4');

        await undoSettlement(['i1'], 'Wrong customer');
        await cancelEntry('e1', 'Invoice canceled', 'Prepared Refund');
        await expect(createRefund('p1', '12.00', 'Overpayment')).resolves.toBe('a07000000000001AAA');
        await expect(retrieveStatements('b1', '2026-11-01', '2026-11-26')).resolves.toBe('corr-1');
        await expect(importStatementFile('b1', '068000000000001AAA')).resolves.toBe('corr-2');
        await expect(startPaymentRun('Direct Debit', 'b1', '2026-12-01', true)).resolves.toBe('corr-3');
        await expect(settleAutomatically(['i1', 'i2'])).resolves.toBe('corr-4');

        expect(undoSettlementMethod).toHaveBeenCalledWith({ entryItemIds: ['i1'], reason: 'Wrong customer' });
        expect(cancelEntryMethod).toHaveBeenCalledWith({ entryId: 'e1', reason: 'Invoice canceled', creditBalanceStrategy: 'Prepared Refund' });
        expect(createRefundMethod).toHaveBeenCalledWith({ paymentId: 'p1', amount: '12.00', reason: 'Overpayment' });
        expect(retrieveStatementsMethod).toHaveBeenCalledWith({ bankAccountId: 'b1', fromDate: '2026-11-01', toDate: '2026-11-26' });
        expect(importStatementFileMethod).toHaveBeenCalledWith({ bankAccountId: 'b1', contentVersionId: '068000000000001AAA' });
        expect(settleAutomaticallyMethod).toHaveBeenCalledWith({ statementItemIds: ['i1', 'i2'] });
        expect(startPaymentRunMethod).toHaveBeenCalledWith({ runType: 'Direct Debit', bankAccountId: 'b1', executionDate: '2026-12-01', preview: true });
    });

    it('lets Apex errors reach the caller', async () => {
        settleMethod.mockRejectedValue({ body: { message: 'Over-allocation' } });
        await expect(settle([])).rejects.toEqual({ body: { message: 'Over-allocation' } });
    });
});
