import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../domain/ledger-port.js';
import { newEntry } from '../domain/new-entry.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';

/**
 * Real banks' status reports (the MIT / Apache-2.0 regression copies beside the reader) applied to
 * orders that carry their message ids: whatever level the bank rejects at (group, payment block,
 * transaction), exactly the payments it covers fail and their entries open again.
 */
const fixture = (name: string) => readFileSync(new URL(`../formats/pain002/fixtures/${name}`, import.meta.url));

let services: Services;
let ctx: LedgerContext;
let entityId: string;
let seq = 0;

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  ctx = { tenantId: (await services.tenants.createTenant('Reports')).id, actor: 'test', businessProcess: 'Test' };
  entityId = (
    await services.paymentRuns.store.createBusinessEntity(ctx.tenantId, {
      code: 'BANKS',
      creditorName: 'Banks Test AG',
      creditorId: 'DE98ZZZ09999999999',
      address: null,
      account: { iban: 'DE44500105175407324931', bic: null, name: null, currency: 'EUR' },
    })
  ).id;
});
afterAll(() => services.close());

/** An order as a run leaves it: one pending direct debit per transaction, each expected by its entry. */
async function orderFor(messageId: string, transactions: { endToEndId: string; block: string }[]) {
  const rows = [];
  for (const [position, tx] of transactions.entries()) {
    seq += 1;
    const entry = await services.ledger.createEntry(ctx, newEntry({ number: `R-${seq}`, type: 'Debit', currency: 'EUR', amount: '10.00', account: { name: 'Debtor' } }));
    const payment = await services.ledger.createPayment(ctx, {
      type: 'Direct Debit', status: 'Pending', currency: 'EUR', amount: 1000n, party: { name: 'Debtor', iban: null, bic: null },
      accountId: null, externalId: null, endToEndId: tx.endToEndId, paymentDate: '2026-12-01', statusDetails: null,
    });
    await services.ledger.settle(ctx, [{ entryId: entry.id, paymentId: payment.id, amount: 1000n }]);
    rows.push({ position, endToEndId: tx.endToEndId, paymentInformationId: tx.block, recordKind: 'entry' as const, recordId: entry.id, paymentId: payment.id, instrumentId: null, sequenceType: null, amount: '10.00' });
  }
  await services.paymentRuns.store.createOrder(ctx.tenantId, {
    businessEntityId: entityId, kind: 'direct-debit', format: 'pain.008.001.02', messageId, requestedDate: '2026-12-01', batchBooking: true,
    transactionCount: rows.length, total: '20.00', fileXml: '<Document/>', excluded: [], warnings: [], createdBy: 'test', transactions: rows,
  });
  return rows;
}

const cases = [
  {
    file: 'iso20022js_nordea_pain002.v3.group-reject.xml',
    messageId: 'MSGID-PS-TEST-0708-01',
    transactions: [{ endToEndId: 'G-1', block: 'B-1' }, { endToEndId: 'G-2', block: 'B-2' }],
    failed: ['G-1', 'G-2'],
    order: 'Rejected',
    reason: 'DU01',
  },
  {
    file: 'iso20022js_nordea_pain002.v3.payment-reject.xml',
    messageId: 'MSGID-COM-SCE25-1707-01',
    transactions: [{ endToEndId: 'P-1', block: 'PMTINFID-COM-SCE25-1707-01' }, { endToEndId: 'P-2', block: 'OTHER-BLOCK' }],
    failed: ['P-1'],
    order: 'Partially accepted',
    reason: 'NARR',
  },
  {
    file: 'iso20022js_nordea_pain002.v3.txn-reject.xml',
    messageId: 'MSGID-950-TEST2-2807-01',
    transactions: [{ endToEndId: 'ENDTOENDID-950-TEST2-2807-01', block: 'PMTINFID-950-TEST2-2807-01' }, { endToEndId: 'ENDTOENDID-950-TEST2-2807-02', block: 'PMTINFID-950-TEST2-2807-01' }],
    failed: ['ENDTOENDID-950-TEST2-2807-01', 'ENDTOENDID-950-TEST2-2807-02'],
    order: 'Rejected',
    reason: 'NARR',
  },
  {
    file: 'moov_postfinance-ch_pain002.v3ch02.epo-b.xml',
    messageId: 'MsgId-001',
    transactions: [{ endToEndId: 'EndToEndId-001-03-04', block: 'PmtInfId-001-03' }, { endToEndId: 'EndToEndId-001-03-01', block: 'PmtInfId-001-03' }],
    failed: ['EndToEndId-001-03-04'],
    order: 'Partially accepted',
    reason: 'AC01 incorrect account number',
  },
  {
    file: 'moov_postfinance-ch_pain002.v3ch02.rjct.xml',
    messageId: 'MsgId-006',
    transactions: [{ endToEndId: 'EndToEndId-006-01-01', block: 'PmtInfId-006-01' }],
    failed: ['EndToEndId-006-01-01'],
    order: 'Rejected',
    reason: 'AC01',
  },
];

describe('real status reports applied to their orders', () => {
  it.each(cases)('$file fails exactly the payments it rejects', async (c) => {
    const rows = await orderFor(c.messageId, c.transactions);
    const applied = await services.paymentRuns.applyStatusReport(ctx, fixture(c.file));
    expect(applied.orderStatus).toBe(c.order);
    expect(applied.rejected).toBe(c.failed.length);
    for (const row of rows) {
      const payment = await services.ledger.getPayment(ctx, row.paymentId);
      const entry = await services.ledger.getEntry(ctx, row.recordId);
      if (c.failed.includes(row.endToEndId)) {
        expect(payment.status).toBe('Failed');
        expect(payment.statusDetails).toContain(c.reason);
        expect(entry).toMatchObject({ status: 'Open', expectedAmount: 0n });
      } else {
        expect(payment.status).toBe('Pending');
        expect(entry.expectedAmount).toBe(-1000n);
      }
    }
  });
});
