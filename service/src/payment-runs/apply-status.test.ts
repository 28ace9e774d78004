import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../domain/ledger-port.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { orderAsRunLeavesIt } from './test-support/orders.js';

/**
 * Real banks' status reports (the MIT / Apache-2.0 regression copies beside the reader) applied to
 * orders that carry their message ids: whatever level the bank rejects at (group, payment block,
 * transaction), exactly the payments it covers fail and their entries open again.
 */
const fixture = (name: string) => readFileSync(new URL(`../formats/pain002/fixtures/${name}`, import.meta.url));

let services: Services;
let ctx: LedgerContext;
let entityId: string;

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
    const rows = await orderAsRunLeavesIt(services, ctx, entityId, c.messageId, c.transactions);
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
