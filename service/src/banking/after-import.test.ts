import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { newEntry } from '../domain/new-entry.js';
import { jobHandlers } from '../jobs/handlers.js';
import { Worker } from '../jobs/worker.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { camtStatement } from './auto-match-demo.js';
import { MATCHING_RUN } from './auto-match-job.js';
import { importStatement } from './import-statement.js';

const feedbackFile = readFileSync(new URL('./__fixtures__/feedback_camt053.v8.xml', import.meta.url));
const services: Services = servicesFor(await openTestDb());
afterAll(() => services.close());
let ctx: LedgerContext;

beforeEach(async () => {
  ctx = { tenantId: (await services.tenants.createTenant(`After import ${Math.random()}`)).id, actor: 'test', businessProcess: 'Statement Import' };
});

/** The ledger, with one method failing once as if the process had lost its database connection there. */
function failingOnce(method: 'setPaymentStatus' | 'settle' | 'createPayment'): Ledger {
  const ledger: Ledger = Object.create(services.ledger);
  let failed = false;
  ledger[method] = (async (...args: unknown[]) => {
    if (!failed) {
      failed = true;
      throw new Error('connection terminated unexpectedly');
    }
    return (services.ledger[method] as (...a: unknown[]) => unknown).apply(services.ledger, args);
  }) as never;
  return ledger;
}

const paymentsOf = async (itemIds: string[]) => {
  const all = (await services.ledger.listPayments(ctx, {}, 500, null)).items;
  return itemIds.map((id) => all.filter((p) => p.externalId === `statement-item:${id}`).length);
};

const itemsOf = async (statementId: string) => (await services.statements.listItems(ctx.tenantId, { statementId }, 100, null)).items;

describe('work after the store commit of a statement import', () => {
  it('is redone by importing the file again when the bank feedback failed: the payment is collected, each item matched once', async () => {
    const entry = await services.ledger.createEntry(ctx, newEntry({ number: 'RE-1', type: 'Debit', currency: 'EUR', amount: '119.00', account: { name: 'Bäckerei' } }));
    const directDebit = await services.ledger.createPayment(ctx, {
      type: 'Direct Debit', status: 'Pending', currency: 'EUR', amount: 11900n, party: { name: null, iban: null, bic: null },
      accountId: null, externalId: null, endToEndId: 'E2E-DD-1', paymentDate: '2026-11-26', statusDetails: null,
    });
    await services.ledger.settle(ctx, [{ entryId: entry.id, paymentId: directDebit.id, amount: 11900n }]);

    await expect(importStatement({ ...services, ledger: failingOnce('setPaymentStatus') }, ctx, feedbackFile, { fileName: 'f.xml' })).rejects.toThrow(
      'connection terminated',
    );
    expect(await services.ledger.getPayment(ctx, directDebit.id)).toMatchObject({ status: 'Pending' });

    const again = await importStatement(services, ctx, feedbackFile, { fileName: 'f.xml' });
    expect(again).toMatchObject({ newItems: 0, duplicateItems: 4, feedback: { collected: 1 }, matching: { items: 3, jobId: null } });
    expect(await services.ledger.getPayment(ctx, directDebit.id)).toMatchObject({ status: 'Collected' });
    const items = await itemsOf(again.statements[0]!.id);
    expect(items.map((i) => i.matchingResult)).toEqual(['Payment Id matched', 'Unmatched', 'Unmatched', 'Unmatched']);
    expect(await paymentsOf(items.map((i) => i.id))).toEqual([0, 1, 1, 1]);

    const third = await importStatement(services, ctx, feedbackFile, { fileName: 'f.xml' });
    expect(third).toMatchObject({ feedback: { collected: 0, reversed: 0 }, matching: { items: 0 } });
    expect(await paymentsOf(items.map((i) => i.id))).toEqual([0, 1, 1, 1]);
  });

  it.each(['createPayment', 'settle'] as const)('is redone by importing the file again when matching failed in %s: the invoice is settled once', async (method) => {
    const invoice = await services.ledger.createEntry(
      ctx,
      newEntry({ number: 'RE-8001', type: 'Debit', currency: 'EUR', amount: '119.00', account: { id: 'C-1', name: 'Bäckerei Sonnenschein GmbH' }, paymentReference: 'RE-8001' }),
    );
    const file = camtStatement(
      [{ ref: 'B-1', amount: '119.00', creditDebit: 'CRDT', party: { name: 'Bäckerei Sonnenschein GmbH', iban: 'DE89370400440532013000' }, text: 'Rechnung RE-8001' }],
      '2027-04-01',
    );
    await expect(importStatement({ ...services, ledger: failingOnce(method) }, ctx, file, { fileName: 'm.xml' })).rejects.toThrow('connection terminated');
    expect(await services.ledger.getEntry(ctx, invoice.id)).toMatchObject({ status: 'Open' });

    const again = await importStatement(services, ctx, file, { fileName: 'm.xml' });
    expect(again).toMatchObject({ newItems: 0, matching: { items: 1, settled: 1 } });
    expect(await services.ledger.getEntry(ctx, invoice.id)).toMatchObject({ status: 'Balanced' });
    expect(await services.ledger.listEntryItems(ctx, { entryId: invoice.id })).toHaveLength(1);
    const [item] = await itemsOf(again.statements[0]!.id);
    expect(item).toMatchObject({ matchingResult: 'Matched' });
    expect(await paymentsOf([item!.id])).toEqual([1]);

    expect((await importStatement(services, ctx, file, { fileName: 'm.xml' })).matching).toMatchObject({ items: 0 });
    expect(await services.ledger.listEntryItems(ctx, { entryId: invoice.id })).toHaveLength(1);
  });

  it('queues one matching job for a large import, reuses it on re-import, and a retry of the failed job matches what is pending', async () => {
    const bookings = Array.from({ length: 501 }, (_, i) => ({
      ref: `L-${i}`, amount: '1.00', creditDebit: 'CRDT' as const, party: { name: 'Viele', iban: null }, text: `Posten ${i}`,
    }));
    const file = camtStatement(bookings, '2027-05-01');
    const first = await importStatement(services, ctx, file, { fileName: 'l.xml' });
    const again = await importStatement(services, ctx, file, { fileName: 'l.xml' });
    expect(first.matching.jobId).toEqual(expect.any(String));
    expect(again.matching.jobId).toBe(first.matching.jobId);

    await new Worker(services.jobs, jobHandlers(failingOnce('createPayment'), services)).drain();
    const failed = await services.jobs.get(ctx.tenantId, first.matching.jobId!);
    expect(failed).toMatchObject({ type: MATCHING_RUN, status: 'failed', error: { code: 'INTERNAL' } });
    expect(await services.matching.postImport.pending(ctx.tenantId, [first.statements[0]!.id], 'matching')).toHaveLength(501);

    await services.jobs.retry(ctx.tenantId, failed.id);
    await new Worker(services.jobs, jobHandlers(services.ledger, services)).drain();
    expect(await services.jobs.get(ctx.tenantId, failed.id)).toMatchObject({ status: 'succeeded', result: { items: 501, paymentsCreated: 501 } });
    expect(await services.matching.postImport.pending(ctx.tenantId, [first.statements[0]!.id], 'matching')).toEqual([]);
  }, 120_000);
});
