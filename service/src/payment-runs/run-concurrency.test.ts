import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { newEntry } from '../domain/new-entry.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { createBusinessEntity, createMandateInstrument } from './instruments.js';
import { PaymentRuns } from './payment-runs.js';

let services: Services;
let ctx: LedgerContext;
const today = '2026-11-27';
const request = { kind: 'direct-debit' as const, businessEntity: 'ONE', until: '2026-12-31', today };
let account = 0;

/** Another receivable due in the run, from a debtor with a mandate. */
async function dueEntry(amount = '25.00') {
  account += 1;
  const id = `K-${account}`;
  await createMandateInstrument(services.paymentRuns.store, ctx, { businessEntity: 'ONE', accountId: id, scheme: 'CORE', signatureDate: '2026-01-05', accountHolder: `Holder ${id}`, iban: 'DE89370400440532013000' }, today);
  return services.ledger.createEntry(ctx, newEntry({ number: `INV-${id}`, type: 'Debit', currency: 'EUR', amount, dueDate: '2026-12-10', account: { id, name: id } }));
}

const failedPayments = async () => (await services.ledger.listPayments(ctx, { status: 'Failed' }, 100, null)).items;

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  ctx = { tenantId: (await services.tenants.createTenant('Concurrent')).id, actor: 'test', businessProcess: 'Test' };
  await createBusinessEntity(services.paymentRuns.store, ctx, {
    code: 'ONE', creditorName: 'One GmbH', creditorId: 'DE98ZZZ09999999999', address: null,
    account: { iban: 'DE44500105175407324931', bic: null, name: null, currency: 'EUR' },
  });
});
afterAll(() => services.close());

describe('one run per business entity and kind at a time', () => {
  it('refuses the second of two parallel runs with RUN_IN_PROGRESS, and it writes nothing', async () => {
    for (let i = 0; i < 6; i++) await dueEntry();
    const outcomes = await Promise.allSettled([services.paymentRuns.create(ctx, request), services.paymentRuns.create(ctx, request)]);
    const created = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code: string }] : []));
    expect(created).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual(['RUN_IN_PROGRESS']);
    expect(await failedPayments()).toEqual([]);
    const orders = (await services.paymentRuns.store.listOrders(ctx.tenantId, 10, null)).items;
    expect(orders.map((o) => o.transactionCount)).toEqual([6]);
  });

  it('lets the next run start once the first has finished', async () => {
    await dueEntry('40.00');
    const { order } = await services.paymentRuns.create(ctx, request);
    expect(order).toMatchObject({ transactionCount: 1, total: '40.00' });
  });

  it('keeps a run lock while its job is queued or running, and gives it up when the job has died for good', async () => {
    const store = services.paymentRuns.store;
    const entity = await store.getBusinessEntity(ctx.tenantId, 'ONE');
    const key = { businessEntityId: entity.id, kind: 'direct-debit' as const };
    const job = await services.jobs.enqueue(ctx.tenantId, 'payment-run.create', request, 'test');
    expect(await store.acquireRunLock(ctx.tenantId, key, job.id, job.id)).toBe(true);
    await dueEntry();

    await services.db.query(`UPDATE payment_run_locks SET heartbeat_at = now() - interval '1 hour'`);
    await expect(services.paymentRuns.create(ctx, request)).rejects.toMatchObject({ code: 'RUN_IN_PROGRESS' });

    expect((await services.jobs.claim('gone'))?.id).toBe(job.id);
    await services.jobs.finish(job.id, 'gone', { status: 'failed', error: { code: 'JOB_ABANDONED', message: 'worker gone' } });
    const { order } = await services.paymentRuns.create(ctx, request);
    expect(order.transactionCount).toBe(1);
  });
});

describe('a run that stops midway', () => {
  it('is finished exactly by the next run of that entity and kind, which books nothing twice', async () => {
    const entries = [];
    for (let i = 0; i < 5; i++) entries.push(await dueEntry('12.00'));
    // the ledger goes away after the third payment (the process died, the database dropped out)
    let payments = 0;
    const failing = new Proxy(services.ledger, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as (...args: unknown[]) => Promise<unknown>;
        if (property !== 'createPayment') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          if (++payments > 3) throw new Error('connection terminated');
          return value.apply(target, args);
        };
      },
    }) as Ledger;
    await expect(new PaymentRuns(failing, services.paymentRuns.store).create(ctx, request)).rejects.toThrow('connection terminated');

    const { order, summary, resumed } = await services.paymentRuns.create(ctx, request);
    expect(resumed).toBe(true);
    expect(summary.count).toBe(5);
    const transactions = await services.paymentRuns.store.orderTransactions(ctx.tenantId, order.id);
    expect(transactions.map((t) => t.recordId).sort()).toEqual(entries.map((e) => e.id).sort());
    for (const t of transactions) {
      expect((await services.ledger.listPayments(ctx, { endToEndId: t.endToEndId }, 10, null)).items.map((p) => p.id)).toEqual([t.paymentId]);
      expect(await services.ledger.getEntry(ctx, t.recordId)).toMatchObject({ expectedAmount: -1200n });
    }
    expect(await failedPayments()).toEqual([]);
  });
});

describe('marking a file submitted', () => {
  it('lets exactly one of two parallel requests move the order from Prepared to Submitted', async () => {
    await dueEntry();
    const { order } = await services.paymentRuns.create(ctx, request);
    const outcomes = await Promise.allSettled([services.paymentRuns.markSubmitted(ctx, order.id), services.paymentRuns.markSubmitted(ctx, order.id)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code: string }).code] : []))).toEqual(['PAYMENT_ORDER_NOT_PREPARED']);
    expect((await services.paymentRuns.store.getOrder(ctx.tenantId, order.id)).status).toBe('Submitted');
  });
});
