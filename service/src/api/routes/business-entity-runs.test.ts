import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../test-support/harness.js';

// Two business entities in one tenant: every run only ever holds its own entity's entries,
// mandates and refunds, under its own creditor name and IBAN.
let h: Harness;
let admin: string;
let write: string;
const BE1_IBAN = 'DE44500105175407324931';
const BE2_IBAN = 'DE89370400440532013000';
const entity = (code: string, name: string, iban: string) => ({
  code,
  creditorName: name,
  creditorId: 'DE98ZZZ09999999999',
  address: { town: 'Berlin', country: 'DE' },
  account: { iban, bic: 'INGDDEFFXXX' },
});
const run = (kind: string, businessEntity: string) => ({ kind, businessEntity, until: '2027-01-31' });
type Summary = { included: { label: string; recordId: string; mandateReference: string | null }[]; excluded: { label: string; code: string }[] };
const labels = (s: Summary) => [...s.included.map((i) => i.label), ...s.excluded.map((e) => e.label)];

beforeAll(async () => {
  h = await openHarness();
  admin = h.tenantA.admin;
  write = h.tenantA.write;
  expect((await h.call(admin, { method: 'POST', url: '/v1/business-entities', payload: entity('BE1', 'Erste GmbH', BE1_IBAN) })).status).toBe(201);
  expect((await h.call(admin, { method: 'POST', url: '/v1/business-entities', payload: entity('BE2', 'Zweite GmbH', BE2_IBAN) })).status).toBe(201);
  expect((await h.call(h.tenantB.admin, { method: 'POST', url: '/v1/business-entities', payload: entity('BX', 'Fremd AG', BE1_IBAN) })).status).toBe(201);
});
afterAll(() => h.close());

const entry = (number: string, extra: Record<string, unknown>) => ({
  number,
  type: 'Debit',
  currency: 'EUR',
  amount: '100.00',
  account: { id: 'K-2', name: 'Kunde Zwei' },
  dueDate: '2026-12-15',
  ...extra,
});

describe('entries carry their business entity', () => {
  it('with several entities an entry must name one; an unknown or foreign entity is refused and nothing is written', async () => {
    const without = await h.call(write, { method: 'POST', url: '/v1/entries', payload: entry('BE-0', {}) });
    expect([without.status, without.body.code]).toEqual([422, 'BUSINESS_ENTITY_REQUIRED']);
    const foreign = await h.call(write, { method: 'POST', url: '/v1/entries', payload: entry('BE-X', { businessEntity: 'BX' }) });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'BUSINESS_ENTITY_UNKNOWN']);
    const listed = await h.call(write, { method: 'GET', url: '/v1/entries?number=BE-X' });
    expect(listed.body.items).toEqual([]);
    expect((await h.call(write, { method: 'GET', url: '/v1/entries?number=BE-0' })).body.items).toEqual([]);

    const created = await h.call(write, { method: 'POST', url: '/v1/entries', payload: entry('BE2-1', { businessEntity: 'BE2' }) });
    expect(created.status).toBe(201);
    const be2 = (await h.call(write, { method: 'GET', url: '/v1/business-entities' })).body.items.find((e: { code: string }) => e.code === 'BE2');
    expect(created.body.businessEntityId).toBe(be2.id);
    const read = await h.call(write, { method: 'GET', url: `/v1/entries/${created.body.id}` });
    expect(read.body.businessEntityId).toBe(be2.id);
  });

  it('a BE1 direct-debit run does not collect BE2\'s customer under BE2\'s mandate; the BE2 run does, under BE2\'s IBAN', async () => {
    const m = await h.call(write, {
      method: 'POST',
      url: '/v1/payment-instruments',
      payload: { kind: 'mandate', businessEntity: 'BE2', accountId: 'K-2', accountHolder: 'Kunde Zwei', iban: 'DE02120300000000202051', scheme: 'CORE', signatureDate: '2026-01-10' },
    });
    expect(m.status).toBe(201);
    // BE1 has its own receivable of the same customer: BE2's mandate does not allow BE1 to collect it
    expect((await h.call(write, { method: 'POST', url: '/v1/entries', payload: entry('BE1-1', { businessEntity: 'BE1' }) })).status).toBe(201);

    const be1 = (await h.call(write, { method: 'POST', url: '/v1/payment-runs/preview', payload: run('direct-debit', 'BE1') })).body as Summary;
    expect(be1.included).toEqual([]);
    expect(be1.excluded.map((e) => [e.label, e.code])).toEqual([['BE1-1', 'MANDATE_MISSING']]);

    const be2 = (await h.call(write, { method: 'POST', url: '/v1/payment-runs/preview', payload: run('direct-debit', 'BE2') })).body as Summary;
    expect(be2.included.map((i) => [i.label, i.mandateReference])).toEqual([['BE2-1', m.body.mandate.reference]]);
    expect(be2.excluded).toEqual([]);
  });

  it('credit transfers: BE2\'s approved payable is paid only by BE2', async () => {
    const payable = await h.call(write, {
      method: 'POST',
      url: '/v1/entries',
      payload: { number: 'ER-BE2-1', type: 'Credit', currency: 'EUR', amount: '40.00', account: { id: 'S-2', name: 'Lieferant' }, dueDate: '2026-12-10', creditApproval: 'approved', businessEntity: 'BE2' },
    });
    expect(payable.status).toBe(201);
    const payee = await h.call(write, { method: 'POST', url: '/v1/payment-instruments', payload: { kind: 'bank-account', accountId: 'S-2', accountHolder: 'Lieferant', iban: 'DE12500105170648489890' } });
    expect(payee.status).toBe(201);

    const be1 = (await h.call(write, { method: 'POST', url: '/v1/payment-runs/preview', payload: run('credit-transfer', 'BE1') })).body as Summary;
    expect(labels(be1)).not.toContain('ER-BE2-1');
    const be2 = (await h.call(write, { method: 'POST', url: '/v1/payment-runs/preview', payload: run('credit-transfer', 'BE2') })).body as Summary;
    expect(be2.included.map((i) => i.label)).toEqual(['ER-BE2-1']);
  });

  it('refunds: a refund of money that paid BE2\'s entries goes out in BE2\'s run only', async () => {
    const ctx = { tenantId: h.tenantA.tenantId, actor: 'test', businessProcess: 'Test' };
    const { ledger } = h.services;
    const paid = (await h.call(write, { method: 'POST', url: '/v1/entries', payload: entry('BE2-R', { businessEntity: 'BE2', account: { id: 'K-3' } }) })).body;
    const payment = await ledger.createPayment(ctx, {
      type: 'Payment', status: 'Collected', currency: 'EUR', amount: 15000n, party: { name: 'Kunde Zwei', iban: 'DE02120300000000202051', bic: null },
      accountId: 'K-3', externalId: null, endToEndId: null, paymentDate: '2026-11-20', statusDetails: null,
    });
    await ledger.settle(ctx, [{ entryId: paid.id, paymentId: payment.id, amount: 10000n }]);
    const refund = await ledger.createRefund(ctx, payment.id, { amount: 5000n, reason: 'overpaid', method: 'SEPA Credit Transfer' });
    await ledger.setRefundStatus(ctx, refund.id, 'Approved', null);

    const be1 = (await h.call(write, { method: 'POST', url: '/v1/payment-runs/preview', payload: run('credit-transfer', 'BE1') })).body as Summary;
    expect(be1.included.map((i) => i.recordId)).not.toContain(refund.id);
    const be2 = (await h.call(write, { method: 'POST', url: '/v1/payment-runs/preview', payload: run('credit-transfer', 'BE2') })).body as Summary;
    expect(be2.included.map((i) => i.recordId)).toContain(refund.id);
  });

  it('a mandate is found by the account number the README\'s entries carry, as well as by the account id', async () => {
    const mandate = { kind: 'mandate', businessEntity: 'BE1', accountHolder: 'Muster GmbH', iban: 'DE89370400440532013000', scheme: 'CORE', signatureDate: '2026-02-01' };
    const none = await h.call(write, { method: 'POST', url: '/v1/payment-instruments', payload: mandate });
    expect([none.status, none.body.code]).toEqual([422, 'ACCOUNT_REQUIRED']);
    const byNumber = await h.call(write, { method: 'POST', url: '/v1/payment-instruments', payload: { ...mandate, accountNumber: 'C-1' } });
    expect(byNumber.status).toBe(201);
    expect(byNumber.body).toMatchObject({ accountId: null, accountNumber: 'C-1' });
    const listed = await h.call(write, { method: 'GET', url: '/v1/payment-instruments?accountNumber=C-1' });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([byNumber.body.id]);

    await h.call(write, { method: 'POST', url: '/v1/entries', payload: entry('INV-9001', { account: { number: 'C-1', name: 'Muster GmbH' }, businessEntity: 'BE1' }) });
    const be1 = (await h.call(write, { method: 'POST', url: '/v1/payment-runs/preview', payload: run('direct-debit', 'BE1') })).body as Summary;
    expect(be1.included.map((i) => [i.label, i.mandateReference])).toEqual([['INV-9001', byNumber.body.mandate.reference]]);
  });

  it('the created BE2 run is written under BE2\'s creditor name and IBAN, and BE1\'s holds nothing of BE2', async () => {
    const { paymentRuns } = h.services;
    const ctx = { tenantId: h.tenantA.tenantId, actor: 'test', businessProcess: 'Test' };
    const created = await paymentRuns.create(ctx, { kind: 'direct-debit', businessEntity: 'BE2', until: '2027-01-31' });
    const xml = (await paymentRuns.store.orderFile(ctx.tenantId, created.order.id)).xml;
    expect(xml).toContain(BE2_IBAN);
    expect(xml).not.toContain(BE1_IBAN);
    expect(xml).toContain('Zweite GmbH');
  });
});
