import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../domain/ledger-port.js';
import { newEntry } from '../domain/new-entry.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { createRun } from './create-run.js';
import { createEntry } from './entry-business-entity.js';
import { createBusinessEntity, createMandateInstrument } from './instruments.js';
import { planRun } from './plan-run.js';
import { statusReport } from './test-support/status-report.js';

let services: Services;
let ctx: LedgerContext;
const today = '2026-11-27';

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  ctx = { tenantId: (await services.tenants.createTenant('Race')).id, actor: 'test', businessProcess: 'Test' };
  const store = services.paymentRuns.store;
  await createBusinessEntity(store, ctx, {
    code: 'RACE', creditorName: 'Race GmbH', creditorId: 'DE98ZZZ09999999999', address: null,
    account: { iban: 'DE44500105175407324931', bic: null, name: null, currency: 'EUR' },
  });
  for (const [account, iban] of [['K-X', 'DE89370400440532013000'], ['K-Y', 'DE02120300000000202051']] as const) {
    await createMandateInstrument(store, ctx, { businessEntity: 'RACE', accountId: account, scheme: 'CORE', signatureDate: '2026-01-05', accountHolder: `Holder ${account}`, iban }, today);
    await services.ledger.createEntry(ctx, newEntry({ number: `INV-${account}`, type: 'Debit', currency: 'EUR', amount: '30.00', dueDate: '2026-12-10', account: { id: account, name: account } }));
  }
});
afterAll(() => services.close());

describe('creating a run whose entries changed after it was planned', () => {
  it('writes only what the ledger took: an entry paid meanwhile is excluded, not collected twice', async () => {
    const request = { kind: 'direct-debit' as const, businessEntity: 'RACE', until: '2026-12-31', today };
    const plan = await planRun(services.ledger, services.paymentRuns.store, ctx, request);
    expect(plan.included.map((i) => i.label)).toEqual(['INV-K-X', 'INV-K-Y']);

    // the customer of INV-K-Y pays by transfer before the run is created
    const [paidEntry] = (await services.ledger.listEntries(ctx, { number: 'INV-K-Y' }, 1, null)).items;
    const transfer = await services.ledger.createPayment(ctx, {
      type: 'Payment', status: 'Collected', currency: 'EUR', amount: 3000n, party: { name: 'K-Y', iban: null, bic: null },
      accountId: 'K-Y', externalId: null, endToEndId: null, paymentDate: '2026-11-27', statusDetails: null,
    });
    await services.ledger.settle(ctx, [{ entryId: paidEntry!.id, paymentId: transfer.id, amount: 3000n }]);

    const { order, plan: created } = await createRun(services.ledger, services.paymentRuns.store, ctx, plan);
    expect(order).toMatchObject({ transactionCount: 1, total: '30.00' });
    expect(created.excluded).toEqual([expect.objectContaining({ label: 'INV-K-Y', code: 'ENTRY_BALANCED' })]);
    const file = await services.paymentRuns.store.orderFile(ctx.tenantId, order.id);
    expect(file.xml).toContain('<NbOfTxs>1</NbOfTxs>');
    expect(file.xml).not.toContain('Holder K-Y');

    const refused = plan.included.find((i) => i.label === 'INV-K-Y')!;
    const [attempt] = (await services.ledger.listPayments(ctx, { endToEndId: refused.endToEndId }, 1, null)).items;
    expect(attempt).toMatchObject({ status: 'Failed', statusDetails: expect.stringContaining('not submitted') });
    expect((await services.ledger.getEntry(ctx, paidEntry!.id)).status).toBe('Balanced');
  });
});

describe('a bank account whose payments start as Collected', () => {
  it('assigns the amount at once (the entry is balanced), and a rejection reverses it and opens the entry again', async () => {
    const store = services.paymentRuns.store;
    await createBusinessEntity(store, ctx, {
      code: 'TRUST', creditorName: 'Trust GmbH', creditorId: 'DE98ZZZ09999999999', address: null,
      account: { iban: 'DE91100000000123456789', bic: null, name: null, currency: 'EUR' },
      settings: { initialPaymentStatus: 'Collected' },
    });
    await createMandateInstrument(store, ctx, { businessEntity: 'TRUST', accountId: 'K-Z', scheme: 'B2B', signatureDate: '2026-02-01', accountHolder: 'Z AG', iban: 'DE02120300000000202051' }, today);
    const entry = await createEntry(services.ledger, store, ctx, { number: 'INV-K-Z', type: 'Debit', currency: 'EUR', amount: '70.00', dueDate: '2026-12-10', account: { id: 'K-Z', name: 'Z AG' }, businessEntity: 'TRUST' });

    const { order } = await services.paymentRuns.create(ctx, { kind: 'direct-debit', businessEntity: 'TRUST', until: '2026-12-31', today });
    const { transactions } = await services.paymentRuns.order(ctx, order.id);
    expect(transactions.map((t) => t.recordId)).toEqual([entry.id]);
    expect(await services.ledger.getPayment(ctx, transactions[0]!.paymentId!)).toMatchObject({ status: 'Collected', assignedAmount: 7000n });
    expect(await services.ledger.getEntry(ctx, entry.id)).toMatchObject({ status: 'Balanced', assignedAmount: -7000n });

    const tx = transactions[0]!;
    await services.paymentRuns.applyStatusReport(ctx, statusReport(order.messageId, 'RJCT', [{ paymentInformationId: tx.paymentInformationId!, transactions: [{ endToEndId: tx.endToEndId, status: 'RJCT', reason: 'MD07' }] }]));
    expect(await services.ledger.getPayment(ctx, tx.paymentId!)).toMatchObject({ status: 'Reversed', statusDetails: expect.stringContaining('MD07') });
    expect(await services.ledger.getEntry(ctx, entry.id)).toMatchObject({ status: 'Open', assignedAmount: 0n });
  });
});
