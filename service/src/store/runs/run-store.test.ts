import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../../domain/ledger-port.js';
import { createBusinessEntity, createMandateInstrument, deactivateInstrument } from '../../payment-runs/instruments.js';
import { openTestDb } from '../test-support/test-db.js';
import type { Db } from '../db.js';
import { TenantStore } from '../tenants.js';
import { RunStore } from './run-store.js';

let db: Db;
let store: RunStore;
let ctx: LedgerContext;
let other: LedgerContext;
let entityId: string;
const today = '2026-11-27';
const mandate = { businessEntity: 'SHOP', accountId: 'K-1', scheme: 'CORE' as const, signatureDate: '2026-03-02', accountHolder: 'Erika Mustermann', iban: 'DE02120300000000202051' };

beforeAll(async () => {
  db = await openTestDb();
  store = new RunStore(db);
  const tenants = new TenantStore(db);
  ctx = { tenantId: (await tenants.createTenant('One')).id, actor: 'test', businessProcess: 'Test' };
  other = { tenantId: (await tenants.createTenant('Two')).id, actor: 'test', businessProcess: 'Test' };
  entityId = (
    await createBusinessEntity(store, ctx, {
      code: 'SHOP', creditorName: 'Shop GmbH', creditorId: 'DE98 ZZZ 09999999999', address: { town: 'Köln', country: 'DE' },
      account: { iban: 'DE44500105175407324931', bic: 'ingddeffxxx', name: 'Shop Konto', currency: 'EUR' },
      mandatePattern: '{CODE}-{YY}{MM}-{SEQ:3}',
    })
  ).id;
});
afterAll(() => db.close());

describe('run store', () => {
  it('keeps a business entity with normalised creditor id and bank details, found by code or id, per tenant', async () => {
    const byCode = await store.getBusinessEntity(ctx.tenantId, 'SHOP');
    expect(byCode).toMatchObject({ id: entityId, creditorId: 'DE98ZZZ09999999999', address: { town: 'Köln', country: 'DE' } });
    expect(byCode.bankAccount).toMatchObject({ bic: 'INGDDEFFXXX', batchBooking: 'on', initialPaymentStatus: 'Pending', charset: 'epc' });
    expect((await store.getBusinessEntity(ctx.tenantId, entityId)).code).toBe('SHOP');
    await expect(store.getBusinessEntity(other.tenantId, 'SHOP')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.getBusinessEntity(other.tenantId, entityId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the bank account settings when a second entity shares the account without stating them', async () => {
    await store.updateSettings(ctx.tenantId, 'SHOP', { batchBooking: 'off-ask', charset: 'de' });
    await createBusinessEntity(store, ctx, {
      code: 'SHOP2', creditorName: 'Shop Zwei GmbH', creditorId: null, address: null,
      account: { iban: 'DE44500105175407324931', bic: null, name: null, currency: 'EUR' },
    });
    expect((await store.getBusinessEntity(ctx.tenantId, 'SHOP')).bankAccount).toMatchObject({ batchBooking: 'off-ask', charset: 'de', initialPaymentStatus: 'Pending' });
    await store.updateSettings(ctx.tenantId, 'SHOP', { batchBooking: 'on', charset: 'epc' });
  });

  it('generates mandate references from the pattern, skipping one taken by hand', async () => {
    const first = await createMandateInstrument(store, ctx, mandate, today);
    expect(first.mandate?.reference).toBe('SHOP-2603-001');
    await createMandateInstrument(store, ctx, { ...mandate, accountId: 'K-2', reference: 'SHOP-2603-002' }, today);
    const third = await createMandateInstrument(store, ctx, { ...mandate, accountId: 'K-3' }, today);
    expect(third.mandate?.reference).toBe('SHOP-2603-003');
    await expect(createMandateInstrument(store, ctx, { ...mandate, reference: 'SHOP-2603-003' }, today)).rejects.toMatchObject({
      code: 'MANDATE_REFERENCE_EXISTS',
    });
    // references are unique per tenant only
    const elsewhere = await createBusinessEntity(store, other, { code: 'SHOP', creditorName: 'Other', creditorId: null, address: null, account: { iban: 'DE91100000000123456789', bic: null, name: null, currency: 'EUR' } });
    expect((await createMandateInstrument(store, other, { ...mandate, businessEntity: elsewhere.id, reference: 'SHOP-2603-001' }, today)).mandate?.reference).toBe('SHOP-2603-001');
  });

  it('gives a run the newest active mandate of each account first, a deactivated one only after it', async () => {
    const shop = (await store.getBusinessEntity(ctx.tenantId, 'SHOP')).id;
    const k1 = [{ id: 'K-1', number: null }];
    const newer = await createMandateInstrument(store, ctx, { ...mandate, iban: 'DE89370400440532013000', signatureDate: '2026-06-01' }, today);
    expect((await store.instrumentsFor(ctx.tenantId, 'mandate', k1, shop))[0]?.id).toBe(newer.id);
    await deactivateInstrument(store, ctx, newer.id, 'revoked');
    const after = await store.instrumentsFor(ctx.tenantId, 'mandate', k1, shop);
    expect(after.map((i) => [i.mandate?.reference, i.active])).toEqual([['SHOP-2603-001', true], [newer.mandate?.reference, false]]);
    expect(await store.instrumentsFor(other.tenantId, 'mandate', [{ id: 'K-2', number: null }, { id: 'K-3', number: null }], null)).toEqual([]);
  });

  it('finds a mandate by the account number as well as by the account id, and only for its own entity', async () => {
    const shop = (await store.getBusinessEntity(ctx.tenantId, 'SHOP')).id;
    const byNumber = await createMandateInstrument(store, ctx, { ...mandate, accountId: null, accountNumber: '4711' }, today);
    expect(byNumber).toMatchObject({ accountId: null, accountNumber: '4711', businessEntityId: shop });
    expect((await store.instrumentsFor(ctx.tenantId, 'mandate', [{ id: null, number: '4711' }], shop)).map((i) => i.id)).toEqual([byNumber.id]);
    const otherEntity = await createBusinessEntity(store, ctx, { code: 'SHOP3', creditorName: 'Shop Drei', creditorId: null, address: null, account: { iban: 'DE91100000000123456789', bic: null, name: null, currency: 'EUR' } });
    expect(await store.instrumentsFor(ctx.tenantId, 'mandate', [{ id: null, number: '4711' }], otherEntity.id)).toEqual([]);
    await expect(createMandateInstrument(store, ctx, { ...mandate, accountId: null }, today)).rejects.toMatchObject({ code: 'ACCOUNT_REQUIRED' });
  });

  it('refuses a mandate that breaks the SEPA rules, naming every problem', async () => {
    await expect(createMandateInstrument(store, ctx, { ...mandate, iban: 'DE00000', accountHolder: '', signatureDate: '2027-01-01' }, today)).rejects.toMatchObject({
      code: 'MANDATE_INVALID',
      details: { problems: [expect.stringContaining('IBAN'), expect.stringContaining('account holder'), expect.stringContaining('future')] },
    });
  });
});
