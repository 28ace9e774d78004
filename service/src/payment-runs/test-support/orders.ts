import type { LedgerContext } from '../../domain/ledger-port.js';
import { newEntry } from '../../domain/new-entry.js';
import type { Services } from '../../runtime/services.js';

let seq = 0;

/**
 * An order as a run leaves it, under a message id a bank report quotes: one pending direct debit
 * of 10.00 per transaction, each expected by its own entry.
 */
export async function orderAsRunLeavesIt(
  services: Services,
  ctx: LedgerContext,
  businessEntityId: string,
  messageId: string,
  transactions: { endToEndId: string; block: string }[],
) {
  const rows = [];
  for (const [position, tx] of transactions.entries()) {
    seq += 1;
    const entry = await services.ledger.createEntry(
      ctx,
      newEntry({ number: `R-${messageId}-${seq}`, type: 'Debit', currency: 'EUR', amount: '10.00', account: { name: 'Debtor' } }),
    );
    const payment = await services.ledger.createPayment(ctx, {
      type: 'Direct Debit', status: 'Pending', currency: 'EUR', amount: 1000n, party: { name: 'Debtor', iban: null, bic: null },
      accountId: null, externalId: null, endToEndId: `${messageId}/${tx.endToEndId}`.slice(-35), paymentDate: '2026-12-01', statusDetails: null,
    });
    await services.ledger.settle(ctx, [{ entryId: entry.id, paymentId: payment.id, amount: 1000n }]);
    rows.push({
      position, endToEndId: tx.endToEndId, paymentInformationId: tx.block, recordKind: 'entry' as const, recordId: entry.id,
      paymentId: payment.id, instrumentId: null, sequenceType: null, amount: '10.00',
    });
  }
  await services.paymentRuns.store.createOrder(ctx.tenantId, {
    businessEntityId, kind: 'direct-debit', format: 'pain.008.001.02', messageId, requestedDate: '2026-12-01', batchBooking: true,
    transactionCount: rows.length, total: '20.00', fileXml: '<Document/>', excluded: [], warnings: [], createdBy: 'test', transactions: rows,
  });
  return rows;
}
