import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { openTestDb } from '../test-support/test-db.js';
import { PostgresLedger } from './postgres-ledger.js';
import { TenantStore } from '../tenants.js';
import { newEntry } from '../../domain/new-entry.js';
import { parseMinor } from '../../domain/money.js';
import type { LedgerContext, NewPayment } from '../../domain/ledger-port.js';
import { CashError } from '../../domain/errors.js';

let db: Db;
let ledger: PostgresLedger;
let ctx: LedgerContext;
const eur = (v: string) => parseMinor(v, 'EUR');

const incoming = (amount: string, overrides: Partial<NewPayment> = {}): NewPayment => ({
  type: 'Payment',
  status: 'Collected',
  currency: 'EUR',
  amount: eur(amount),
  party: { name: 'Muster GmbH', iban: 'DE02120300000000202051', bic: null },
  accountId: null,
  externalId: null,
  endToEndId: null,
  paymentDate: '2026-11-26',
  statusDetails: null,
  ...overrides,
});

const invoice = (number: string, amount = '100.00') =>
  ledger.createEntry(ctx, newEntry({ number, type: 'Debit', currency: 'EUR', amount, account: { id: 'acc-1', name: 'Muster GmbH' } }));

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CashError) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}

beforeAll(async () => {
  db = await openTestDb();
  ledger = new PostgresLedger(db);
  const tenant = await new TenantStore(db).createTenant('Ledger test');
  ctx = { tenantId: tenant.id, actor: 'test', businessProcess: 'Manual Settlement' };
});
afterAll(() => db.close());

describe(`Postgres ledger (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('stores entries with exact amounts and refuses a duplicate number', async () => {
    const entry = await invoice('L-1', '999999999.99');
    expect(await ledger.getEntry(ctx, entry.id)).toMatchObject({ openAmount: 99999999999n, status: 'Open' });
    expect(await codeOf(invoice('L-1'))).toBe('ENTRY_NUMBER_EXISTS');
  });

  it('settles, keeps history on undo, and restores every amount', async () => {
    const e1 = await invoice('L-2');
    const e2 = await invoice('L-3', '50.00');
    const p = await ledger.createPayment(ctx, incoming('150.00'));
    const items = await ledger.settle(ctx, [
      { entryId: e1.id, paymentId: p.id, amount: eur('100.00') },
      { entryId: e2.id, paymentId: p.id, amount: eur('50.00') },
    ]);
    expect((await ledger.getEntry(ctx, e1.id)).status).toBe('Balanced');
    expect((await ledger.getPayment(ctx, p.id)).assignedAmount).toBe(eur('150.00'));

    await ledger.undoSettlement(ctx, [items[0]!.id], 'wrong invoice');
    expect(await ledger.getEntry(ctx, e1.id)).toMatchObject({ status: 'Open', assignedAmount: 0n, paymentDate: null });
    expect((await ledger.getPayment(ctx, p.id)).assignedAmount).toBe(eur('50.00'));
    const history = await ledger.listEntryItems(ctx, { entryId: e1.id });
    expect(history.map((i) => [i.amount, i.reversalOf, i.reversedBy !== null])).toEqual([
      [eur('-100.00'), null, true],
      [eur('100.00'), items[0]!.id, false],
    ]);
    expect(await codeOf(ledger.undoSettlement(ctx, [items[0]!.id], 'again'))).toBe('ITEM_ALREADY_REVERSED');
  });

  it('writes nothing when one allocation of a request is refused', async () => {
    const e1 = await invoice('L-4');
    const p = await ledger.createPayment(ctx, incoming('100.00'));
    const other = await ledger.createPayment(ctx, incoming('100.00', { currency: 'CHF' }));
    expect(
      await codeOf(
        ledger.settle(ctx, [
          { entryId: e1.id, paymentId: p.id, amount: eur('10.00') },
          { entryId: e1.id, paymentId: other.id, amount: eur('10.00') },
        ]),
      ),
    ).toBe('CURRENCY_MISMATCH');
    expect((await ledger.getEntry(ctx, e1.id)).assignedAmount).toBe(0n);
    expect(await ledger.listEntryItems(ctx, { entryId: e1.id })).toEqual([]);
  });

  it('collects a pending direct debit and reopens the entry when it is returned', async () => {
    const e1 = await invoice('L-5');
    const p = await ledger.createPayment(ctx, incoming('100.00', { type: 'Direct Debit', status: 'Pending', endToEndId: 'E2E-L5' }));
    await ledger.settle(ctx, [{ entryId: e1.id, paymentId: p.id, amount: eur('100.00') }]);
    expect((await ledger.getEntry(ctx, e1.id)).expectedAmount).toBe(eur('-100.00'));
    await ledger.setPaymentStatus(ctx, p.id, 'Collected', null);
    expect(await ledger.getEntry(ctx, e1.id)).toMatchObject({ status: 'Balanced', expectedAmount: 0n });
    await ledger.setPaymentStatus(ctx, p.id, 'Reversed', 'MD06');
    expect(await ledger.getEntry(ctx, e1.id)).toMatchObject({ status: 'Open', assignedAmount: 0n });
    expect(await codeOf(ledger.createPayment(ctx, incoming('1.00', { endToEndId: 'E2E-L5' })))).toBe('END_TO_END_ID_EXISTS');
  });

  it('cancels a paid entry into a prepared refund that blocks the payment', async () => {
    const e1 = await invoice('L-6');
    const p = await ledger.createPayment(ctx, incoming('100.00'));
    await ledger.settle(ctx, [{ entryId: e1.id, paymentId: p.id, amount: eur('100.00') }]);
    const { entry, refunds } = await ledger.cancelEntry(ctx, e1.id, { reason: 'withdrawn', number: 'C-6', strategy: 'Prepared Refund' });
    expect(entry.status).toBe('Canceled');
    expect(refunds).toEqual([expect.objectContaining({ status: 'Prepared', amount: eur('100.00') })]);
    expect((await ledger.getPayment(ctx, p.id)).blockedAmount).toBe(eur('100.00'));
    await ledger.setRefundStatus(ctx, refunds[0]!.id, 'Canceled', 'customer keeps credit');
    expect((await ledger.getPayment(ctx, p.id)).blockedAmount).toBe(0n);
  });

  it('pages through entries with an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<PostgresLedger['listEntries']>> = await ledger.listEntries(ctx, {}, 2, cursor);
      seen.push(...page.items.map((e) => e.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['L-1', 'L-2', 'L-3', 'L-4', 'L-5', 'L-6']);
    expect(await codeOf(ledger.listEntries(ctx, {}, 2, 'bogus'))).toBe('CURSOR_INVALID');
  });

  it('never over-allocates under many concurrent settlements of the same entries and payments', async () => {
    const entries = await Promise.all([invoice('C-1', '10.00'), invoice('C-2', '10.00'), invoice('C-3', '10.00')]);
    const payments = [await ledger.createPayment(ctx, incoming('12.00')), await ledger.createPayment(ctx, incoming('12.00'))];
    const attempts = Array.from({ length: 60 }, (_, i) =>
      ledger
        .settle(ctx, [{ entryId: entries[i % 3]!.id, paymentId: payments[i % 2]!.id, amount: eur('1.00') }])
        .then(() => 'settled', (error: CashError) => error.code),
    );
    const outcomes = await Promise.all(attempts);
    const settled = outcomes.filter((o) => o === 'settled').length;
    expect(outcomes.every((o) => o === 'settled' || o.startsWith('OVER_ALLOCATION') || o === 'ENTRY_BALANCED')).toBe(true);
    expect(settled).toBe(24);
    for (const p of payments) {
      const current = await ledger.getPayment(ctx, p.id);
      expect(current.assignedAmount).toBe(eur('12.00'));
      const items = await ledger.listEntryItems(ctx, { paymentId: p.id });
      expect(items.reduce((sum, i) => sum - i.amount, 0n)).toBe(eur('12.00'));
    }
    for (const e of entries) {
      const current = await ledger.getEntry(ctx, e.id);
      expect(-current.assignedAmount).toBeLessThanOrEqual(eur('10.00'));
    }
  });
});
