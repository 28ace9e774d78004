import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../domain/ledger-port.js';
import { newEntry } from '../domain/new-entry.js';
import { seedDemo } from '../runtime/demo.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { xsdErrors } from '../formats/sepa/test-support/xsd.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { seedPaymentRunDemo } from './demo-setup.js';
import { createMandateInstrument } from './instruments.js';
import { statusReport } from './test-support/status-report.js';

let services: Services;
let ctx: LedgerContext;
const today = '2026-11-27';
const request = { kind: 'direct-debit' as const, businessEntity: 'DEMO', until: '2026-12-31', today };

const entryNumbered = async (number: string) => (await services.ledger.listEntries(ctx, { number }, 1, null)).items[0]!;

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  const tenant = await services.tenants.createTenant('Runs');
  ctx = { tenantId: tenant.id, actor: 'test', businessProcess: 'Test' };
  await seedDemo(services.ledger, tenant.id);
  await seedPaymentRunDemo(services.paymentRuns, tenant.id);
});
afterAll(() => services.close());

describe('a direct-debit run on the demo data', () => {
  let created: Awaited<ReturnType<Services['paymentRuns']['create']>>;

  it('the demo entries, stored before the tenant had a business entity, belong to its first one', async () => {
    const demo = await services.paymentRuns.store.getBusinessEntity(ctx.tenantId, 'DEMO');
    expect((await entryNumbered('RE-2026-0001')).businessEntityId).toBe(demo.id);
    expect((await entryNumbered('ER-2026-0002')).businessEntityId).toBe(demo.id);
  });

  it('previews what would be collected and what is excluded and why, changing nothing', async () => {
    const preview = await services.paymentRuns.preview(ctx, request);
    expect(preview.included.map((i) => [i.label, i.amount, i.sequenceType])).toEqual([
      ['RE-2026-0002', '1380.00', 'FRST'],
      ['RE-2026-0008', '1190.00', 'FRST'],
      ['RE-2026-0009', '714.00', 'FRST'],
      ['RE-2026-0010', '238.00', 'FRST'],
    ]);
    expect(preview.total).toBe('3522.00');
    expect(preview.excluded.map((e) => [e.label, e.code])).toEqual([
      ['RE-2026-0006', 'MANDATE_MISSING'],
      ['RE-2026-0011', 'MANDATE_MISSING'],
      ['RE-2026-0012', 'MANDATE_MISSING'],
    ]);
    expect((await services.paymentRuns.store.listOrders(ctx.tenantId, 10, null)).items).toEqual([]);
    expect((await entryNumbered('RE-2026-0006')).excludeFromPaymentRun).toBe(false);
  });

  it('produces a schema-valid file, payments with end-to-end ids and expected entry items', async () => {
    created = await services.paymentRuns.create(ctx, request);
    const { order } = created;
    expect(order).toMatchObject({ status: 'Prepared', kind: 'direct-debit', format: 'pain.008.001.08', transactionCount: 4, total: '3522.00', batchBooking: true });
    const file = await services.paymentRuns.store.orderFile(ctx.tenantId, order.id);
    expect(await xsdErrors(file.xml, 'pain.008.001.08')).toEqual([]);
    expect(file.xml).toContain(`<MsgId>${order.messageId}</MsgId>`);
    expect(file.xml).toMatch(/<CdtrSchmeId>\s*<Id>\s*<PrvtId>\s*<Othr>\s*<Id>DE98ZZZ09999999999<\/Id>/);

    const { transactions } = await services.paymentRuns.order(ctx, order.id);
    expect(transactions).toHaveLength(4);
    for (const tx of transactions) {
      expect(file.xml).toContain(`<EndToEndId>${tx.endToEndId}</EndToEndId>`);
      const payment = await services.ledger.getPayment(ctx, tx.paymentId!);
      expect(payment).toMatchObject({ type: 'Direct Debit', status: 'Pending', endToEndId: tx.endToEndId, currency: 'EUR' });
      const items = await services.ledger.listEntryItems(ctx, { paymentId: payment.id });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ entryId: tx.recordId, amount: 0n, expectedAmount: -payment.amount });
    }
    const collected = await entryNumbered('RE-2026-0008');
    expect(collected.expectedAmount).toBe(-119000n);
    expect(collected.status).toBe('Open');
  });

  it('flags the entries that could not go in, with the reason, and lists them on the order', async () => {
    const excluded = await entryNumbered('RE-2026-0011');
    expect(excluded.excludeFromPaymentRun).toBe(true);
    expect(excluded.errorMessages).toEqual([expect.stringContaining('MANDATE_MISSING')]);
    expect(created.order.excluded.map((e) => e.label)).toEqual(['RE-2026-0006', 'RE-2026-0011', 'RE-2026-0012']);
  });

  it('does not collect the same entries twice: a second run finds nothing to collect, and says again why the rest stay out', async () => {
    const again = await services.paymentRuns.preview(ctx, request);
    expect(again.included).toEqual([]);
    expect(again.excluded.map((e) => [e.label, e.code, e.message])).toEqual([
      ['RE-2026-0006', 'MANDATE_MISSING', 'entry RE-2026-0006 has no active SEPA mandate'],
      ['RE-2026-0011', 'MANDATE_MISSING', 'entry RE-2026-0011 has no active SEPA mandate'],
      ['RE-2026-0012', 'MANDATE_MISSING', 'entry RE-2026-0012 has no active SEPA mandate'],
    ]);
  });

  it('a pain.002 rejection for one transaction fails exactly that payment and reopens its entry', async () => {
    const { order } = created;
    await services.paymentRuns.markSubmitted(ctx, order.id);
    const { transactions } = await services.paymentRuns.order(ctx, order.id);
    const rejected = transactions.find((t) => t.recordId === (created.summary.included.find((i) => i.label === 'RE-2026-0009')!.recordId))!;
    const report = statusReport(order.messageId, 'PART', [
      { paymentInformationId: rejected.paymentInformationId!, transactions: [{ endToEndId: rejected.endToEndId, status: 'RJCT', reason: 'AC04', info: 'Konto erloschen' }] },
    ]);

    const applied = await services.paymentRuns.applyStatusReport(ctx, report);
    expect(applied).toMatchObject({ orderStatus: 'Partially accepted', accepted: 3, rejected: 1, pending: 0, unknown: 0 });

    const failed = await services.ledger.getPayment(ctx, rejected.paymentId!);
    expect(failed.status).toBe('Failed');
    expect(failed.statusDetails).toContain('AC04 closed account number');
    const reopened = await entryNumbered('RE-2026-0009');
    expect(reopened).toMatchObject({ status: 'Open', expectedAmount: 0n, assignedAmount: 0n });
    for (const other of transactions.filter((t) => t !== rejected)) {
      expect((await services.ledger.getPayment(ctx, other.paymentId!)).status).toBe('Pending');
      expect((await services.ledger.getEntry(ctx, other.recordId)).expectedAmount).not.toBe(0n);
    }
    const after = await services.paymentRuns.order(ctx, order.id);
    expect(after.status).toBe('Partially accepted');
    expect(after.transactions.find((t) => t.endToEndId === rejected.endToEndId)).toMatchObject({ status: 'Rejected', statusCode: 'RJCT' });

    // AC04: the account is closed, so the mandate is ended with the reason instead of collecting FRST again
    const next = await services.paymentRuns.preview(ctx, request);
    expect(next.included).toEqual([]);
    expect(next.excluded.find((e) => e.label === 'RE-2026-0009')).toMatchObject({
      code: 'MANDATE_INACTIVE',
      message: expect.stringContaining('AC04 closed account number'),
    });
  });

  it('applying the same report again changes nothing', async () => {
    const payments = await services.ledger.listPayments(ctx, { status: 'Failed' }, 50, null);
    const applied = await services.paymentRuns.applyStatusReport(
      ctx,
      statusReport(created.order.messageId, 'PART', [
        {
          paymentInformationId: 'x',
          transactions: [{ endToEndId: payments.items[0]!.endToEndId!, status: 'RJCT', reason: 'AC04' }],
        },
      ]),
    );
    expect(applied.rejected).toBe(1);
    expect((await services.ledger.listPayments(ctx, { status: 'Failed' }, 50, null)).items).toHaveLength(1);
  });

  it('a later report that accepts the rest keeps the earlier rejection on the order', async () => {
    const applied = await services.paymentRuns.applyStatusReport(ctx, statusReport(created.order.messageId, 'ACCP', []));
    expect(applied).toMatchObject({ orderStatus: 'Partially accepted', accepted: 4 });
    expect((await services.ledger.listPayments(ctx, { status: 'Failed' }, 50, null)).items).toHaveLength(1);
  });

  it('refuses a status report for a message it never sent', async () => {
    await expect(services.paymentRuns.applyStatusReport(ctx, statusReport('CM-UNKNOWN', 'ACCP', []))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a credit-transfer run on the demo data', () => {
  it('pays the approved supplier bill and lists the unapproved one as excluded', async () => {
    const { order, summary } = await services.paymentRuns.create(ctx, { kind: 'credit-transfer', businessEntity: 'DEMO', until: '2026-12-31', today });
    expect(summary.included.map((i) => [i.label, i.amount])).toEqual([['ER-2026-0001', '412.80']]);
    expect(summary.excluded.map((e) => [e.label, e.code])).toEqual([['ER-2026-0002', 'ENTRY_NOT_APPROVED']]);
    const file = await services.paymentRuns.store.orderFile(ctx.tenantId, order.id);
    expect(await xsdErrors(file.xml, 'pain.001.001.09')).toEqual([]);
    const [tx] = (await services.paymentRuns.order(ctx, order.id)).transactions;
    expect(await services.ledger.getPayment(ctx, tx!.paymentId!)).toMatchObject({ type: 'Credit Transfer', direction: 'out', status: 'Pending' });
    expect((await entryNumbered('ER-2026-0001')).expectedAmount).toBe(41280n);
  });
});

describe('refunds in a credit-transfer run', () => {
  it('pays an approved refund back to the account the money came from, and a rejection fails the refund', async () => {
    const payment = await services.ledger.createPayment(ctx, {
      type: 'Payment', status: 'Collected', currency: 'EUR', amount: 5000n,
      party: { name: 'Muster Logistik AG', iban: 'DE02120300000000202051', bic: null },
      accountId: 'C-10002', externalId: null, endToEndId: null, paymentDate: '2026-11-20', statusDetails: null,
    });
    const unapproved = await services.ledger.createRefund(ctx, payment.id, { amount: 1000n, reason: 'not yet approved', method: 'SEPA Credit Transfer' });
    const refund = await services.ledger.createRefund(ctx, payment.id, { amount: 2500n, reason: 'Gutschrift 4711', method: 'SEPA Credit Transfer' });
    await services.ledger.setRefundStatus(ctx, refund.id, 'Approved', null);

    const { order, summary } = await services.paymentRuns.create(ctx, { kind: 'credit-transfer', businessEntity: 'DEMO', until: '2026-12-31', today });
    expect(summary.included).toEqual([expect.objectContaining({ recordKind: 'refund', recordId: refund.id, amount: '25.00' })]);
    expect(summary.excluded).toEqual(
      expect.arrayContaining([expect.objectContaining({ recordKind: 'refund', recordId: unapproved.id, code: 'REFUND_NOT_APPROVED' })]),
    );
    const file = await services.paymentRuns.store.orderFile(ctx.tenantId, order.id);
    expect(file.xml).toContain('<IBAN>DE02120300000000202051</IBAN>');
    expect(file.xml).toContain('<Ustrd>Gutschrift 4711</Ustrd>');
    expect((await services.ledger.getRefund(ctx, refund.id)).status).toBe('Pending');

    const [tx] = (await services.paymentRuns.order(ctx, order.id)).transactions;
    await services.paymentRuns.applyStatusReport(
      ctx,
      statusReport(order.messageId, 'RJCT', [{ paymentInformationId: tx!.paymentInformationId!, transactions: [{ endToEndId: tx!.endToEndId, status: 'RJCT', reason: 'AC04' }] }]),
    );
    expect((await services.ledger.getRefund(ctx, refund.id)).status).toBe('Failed');
  });
});

describe('mandate expiry', () => {
  it('ends a mandate after 36 months without a collection and lists its entry as excluded with that reason', async () => {
    const mandate = await createMandateInstrument(
      services.paymentRuns.store,
      ctx,
      { businessEntity: 'DEMO', accountId: 'OLD-1', scheme: 'CORE', signatureDate: '2023-10-01', accountHolder: 'Old Customer', iban: 'DE91100000000123456789' },
      today,
    );
    await services.ledger.createEntry(ctx, newEntry({ number: 'OLD-INV', type: 'Debit', currency: 'EUR', amount: '42.00', dueDate: '2026-12-14', account: { id: 'OLD-1', name: 'Old Customer' } }));
    // something the run can collect, so that it is created
    await createMandateInstrument(services.paymentRuns.store, ctx, { businessEntity: 'DEMO', accountId: 'NEW-1', scheme: 'CORE', signatureDate: '2026-06-01', accountHolder: 'New Customer', iban: 'DE91100000000123456789' }, today);
    await services.ledger.createEntry(ctx, newEntry({ number: 'NEW-INV', type: 'Debit', currency: 'EUR', amount: '12.00', dueDate: '2026-12-14', account: { id: 'NEW-1', name: 'New Customer' } }));
    const { summary } = await services.paymentRuns.create(ctx, { ...request, until: '2026-12-15' });
    expect(summary.excluded).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'OLD-INV', code: 'MANDATE_EXPIRED' })]));
    const after = await services.paymentRuns.store.getInstrument(ctx.tenantId, mandate.id);
    expect(after).toMatchObject({ active: false, deactivationReason: 'Expired: no collection for 36 months' });
  });
});

describe('batch booking', () => {
  it('follows the bank account: asked per run where it asks, refused where it is fixed', async () => {
    const asked = await services.paymentRuns.preview(ctx, { ...request, batchBooking: false });
    expect(asked.batchBooking).toBe(false);
    const fixed = await services.paymentRuns.store.createBusinessEntity(ctx.tenantId, {
      code: 'FIXED',
      creditorName: 'Fixed GmbH',
      creditorId: 'DE98ZZZ09999999999',
      address: null,
      account: { iban: 'DE91100000000123456789', bic: null, name: null, currency: 'EUR' },
      settings: { batchBooking: 'off' },
    });
    expect((await services.paymentRuns.preview(ctx, { ...request, businessEntity: fixed.code })).batchBooking).toBe(false);
    await expect(services.paymentRuns.preview(ctx, { ...request, businessEntity: fixed.code, batchBooking: true })).rejects.toMatchObject({
      code: 'BATCH_BOOKING_FIXED',
    });
  });
});
