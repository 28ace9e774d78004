import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../src/domain/ledger-port.js';
import { orderAsRunLeavesIt } from '../src/payment-runs/test-support/orders.js';
import { servicesFor, type Services } from '../src/runtime/services.js';
import { openTestDb } from '../src/store/test-support/test-db.js';
import { sharedDir } from './shared-dir.js';

/**
 * The shared status reports that may not be copied into the repository (AGPL libeufin, LGPL
 * hbci4java) applied to orders carrying their message ids: acceptance leaves payments on their way,
 * rejection at group or block level fails exactly the covered payments, Verification-of-Payee
 * results keep them pending.
 */
const report = (name: string) => readFileSync(join(sharedDir(), 'fixtures/pain002', name));

let services: Services;
let ctx: LedgerContext;
let entityId: string;

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  ctx = { tenantId: (await services.tenants.createTenant('Shared reports')).id, actor: 'test', businessProcess: 'Test' };
  entityId = (
    await services.paymentRuns.store.createBusinessEntity(ctx.tenantId, {
      code: 'SHARED', creditorName: 'Shared AG', creditorId: 'DE98ZZZ09999999999', address: null,
      account: { iban: 'DE44500105175407324931', bic: null, name: null, currency: 'EUR' },
    })
  ).id;
}, 120_000);
afterAll(() => services.close());

const cases = [
  { file: 'libeufin_sps-ch_pain002.v10.a-actc.xml', messageId: 'MsgId-001', blocks: ['B-1', 'B-2'], failed: [] as number[], order: 'Accepted' },
  { file: 'libeufin_sps-ch_pain002.v10.a-rjct.xml', messageId: 'MsgId-005', blocks: ['B-1', 'B-2'], failed: [0, 1], order: 'Rejected' },
  { file: 'libeufin_sps-ch_pain002.v10.b-c-rjct.xml', messageId: 'MSG-02-QRR-SCOR', blocks: ['PMTINF-01', 'PMTINF-02'], failed: [1], order: 'Partially accepted' },
  { file: 'hbci4java_de_pain002.v10.vop-no-namespace.xml', messageId: '2025-10-20T23:33:49:0045', blocks: ['2025-10-20T23:33:49:0045'], failed: [], order: 'Submitted' },
];

describe('shared pain.002 reports applied to their orders', () => {
  it.each(cases)('$file: $order', async (c) => {
    const rows = await orderAsRunLeavesIt(services, ctx, entityId, c.messageId, c.blocks.map((block, i) => ({ endToEndId: `E-${i + 1}`, block })));
    const applied = await services.paymentRuns.applyStatusReport(ctx, report(c.file));
    expect(applied.orderStatus).toBe(c.order);
    for (const [i, row] of rows.entries()) {
      const payment = await services.ledger.getPayment(ctx, row.paymentId);
      expect(payment.status).toBe(c.failed.includes(i) ? 'Failed' : 'Pending');
      expect((await services.ledger.getEntry(ctx, row.recordId)).expectedAmount).toBe(c.failed.includes(i) ? 0n : -1000n);
    }
  }, 60_000);
});
