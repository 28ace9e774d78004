import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planSettlement, planUndo, type AllocationRequest } from './settlement.js';
import { actor, entry, payment, persist, snapshotOf } from './test-support/builders.js';
import { CashError } from './errors.js';
import { allocatableAmount, outstandingAmount, payableAmount } from './entry.js';
import { availableAmount } from './payment.js';
import { parseMinor } from './money.js';

const eur = (v: string) => parseMinor(v, 'EUR');

function refusal(fn: () => unknown): CashError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CashError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('settlement', () => {
  it('settles one payment over several entries and balances the ones fully paid', () => {
    const snapshot = snapshotOf([entry('e1'), entry('e2', { amount: '50.00' })], [payment('p1', '120.00')]);
    const changes = planSettlement(
      snapshot,
      [
        { entryId: 'e1', paymentId: 'p1', amount: eur('100.00') },
        { entryId: 'e2', paymentId: 'p1', amount: eur('20.00') },
      ],
      actor,
    );
    const e1 = changes.entries.get('e1')!;
    const e2 = changes.entries.get('e2')!;
    expect(e1.status).toBe('Balanced');
    expect(e1.assignedAmount).toBe(eur('-100.00'));
    expect(e1.paymentDate).toBe('2026-11-26');
    expect(e2.status).toBe('Open');
    expect(outstandingAmount(e2)).toBe(eur('30.00'));
    expect(availableAmount(changes.payments.get('p1')!)).toBe(0n);
    expect(changes.items.map((i) => i.amount)).toEqual([eur('-100.00'), eur('-20.00')]);
  });

  it('settles several payments against one entry', () => {
    const snapshot = snapshotOf([entry('e1')], [payment('p1', '60.00'), payment('p2', '40.00')]);
    const changes = planSettlement(
      snapshot,
      [
        { entryId: 'e1', paymentId: 'p1', amount: eur('60.00') },
        { entryId: 'e1', paymentId: 'p2', amount: eur('40.00') },
      ],
      actor,
    );
    expect(changes.entries.get('e1')!.status).toBe('Balanced');
  });

  it('pays out payables with positive items', () => {
    const snapshot = snapshotOf(
      [entry('c1', { type: 'Credit', amount: '80.00' })],
      [payment('p1', '80.00', { type: 'Credit Transfer' })],
    );
    const changes = planSettlement(snapshot, [{ entryId: 'c1', paymentId: 'p1', amount: eur('80.00') }], actor);
    expect(changes.items[0]!.amount).toBe(eur('80.00'));
    expect(changes.entries.get('c1')!.openAmount).toBe(eur('-80.00'));
    expect(changes.entries.get('c1')!.status).toBe('Balanced');
  });

  it('only expects the money of a payment still on its way', () => {
    const snapshot = snapshotOf([entry('e1')], [payment('p1', '100.00', { type: 'Direct Debit', status: 'Pending' })]);
    const changes = planSettlement(snapshot, [{ entryId: 'e1', paymentId: 'p1', amount: eur('100.00') }], actor);
    const e1 = changes.entries.get('e1')!;
    expect(e1.status).toBe('Open');
    expect(e1.expectedAmount).toBe(eur('-100.00'));
    expect(payableAmount(e1)).toBe(0n);
    expect(allocatableAmount(e1)).toBe(0n);
  });

  it.each([
    ['OVER_ALLOCATION_ENTRY', [entry('e1')], [payment('p1', '500.00')], '100.01'],
    ['OVER_ALLOCATION_PAYMENT', [entry('e1')], [payment('p1', '10.00')], '10.01'],
    ['CURRENCY_MISMATCH', [entry('e1')], [payment('p1', '100.00', { currency: 'CHF' })], '1.00'],
    ['ENTRY_CANCELED', [{ ...entry('e1'), status: 'Canceled' as const }], [payment('p1', '100.00')], '1.00'],
    ['PAYMENT_STATUS_NOT_SETTLEABLE', [entry('e1')], [payment('p1', '100.00', { status: 'Reversed' })], '1.00'],
    ['PAYMENT_STATUS_NOT_SETTLEABLE', [entry('e1')], [payment('p1', '100.00', { status: 'Failed' })], '1.00'],
    ['DIRECTION_MISMATCH', [entry('e1')], [payment('p1', '100.00', { type: 'Payout' })], '1.00'],
    ['DIRECTION_MISMATCH', [entry('e1', { type: 'Credit' })], [payment('p1', '100.00')], '1.00'],
    ['AMOUNT_NOT_POSITIVE', [entry('e1')], [payment('p1', '100.00')], '0.00'],
  ])('refuses %s', (code, entries, payments, amount) => {
    const error = refusal(() =>
      planSettlement(snapshotOf(entries, payments), [{ entryId: 'e1', paymentId: 'p1', amount: eur(amount) }], actor),
    );
    expect(error.code).toBe(code);
  });

  it('checks the whole request: two allocations that each fit but together exceed the payment are refused', () => {
    const snapshot = snapshotOf([entry('e1'), entry('e2')], [payment('p1', '150.00')]);
    const error = refusal(() =>
      planSettlement(
        snapshot,
        [
          { entryId: 'e1', paymentId: 'p1', amount: eur('100.00') },
          { entryId: 'e2', paymentId: 'p1', amount: eur('60.00') },
        ],
        actor,
      ),
    );
    expect(error.code).toBe('OVER_ALLOCATION_PAYMENT');
    expect(error.details?.problems).toEqual([expect.objectContaining({ allocation: 1 })]);
  });

  it('undo appends a reversal, gives every amount back and cannot be done twice', () => {
    const e1 = entry('e1');
    const p1 = payment('p1', '100.00');
    const settled = planSettlement(snapshotOf([e1], [p1]), [{ entryId: 'e1', paymentId: 'p1', amount: eur('100.00') }], actor);
    const items = persist([], settled.items);
    const afterSettle = snapshotOf([settled.entries.get('e1')!], [settled.payments.get('p1')!]);
    const undone = planUndo(afterSettle, [items[0]!], actor, 'wrong customer');
    expect(undone.items[0]).toMatchObject({ amount: eur('100.00'), reversalOf: items[0]!.id, reason: 'wrong customer' });
    expect(undone.entries.get('e1')).toMatchObject({ status: 'Open', assignedAmount: 0n, paymentDate: null });
    expect(availableAmount(undone.payments.get('p1')!)).toBe(eur('100.00'));

    const history = persist(items, undone.items);
    expect(history).toHaveLength(2);
    expect(refusal(() => planUndo(afterSettle, [history[0]!], actor, 'again')).code).toBe('ITEM_ALREADY_REVERSED');
    expect(refusal(() => planUndo(afterSettle, [history[1]!], actor, 'again')).code).toBe('ITEM_IS_REVERSAL');
    expect(refusal(() => planUndo(afterSettle, [items[0]!], actor, ' ')).code).toBe('REASON_REQUIRED');
  });

  it('never allocates more than either side allows, whatever the sequence of requests', () => {
    const amount = fc.bigInt({ min: 1n, max: 20_000n });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), amount), { minLength: 1, maxLength: 40 }),
        (steps) => {
          let entries = [entry('e0'), entry('e1', { amount: '37.15' }), entry('e2', { amount: '0.01' }), entry('e3', { amount: '250.00' })];
          let payments = [payment('p0', '99.99'), payment('p1', '180.00'), payment('p2', '0.50')];
          for (const [e, p, minor] of steps) {
            const request: AllocationRequest = { entryId: `e${e}`, paymentId: `p${p}`, amount: minor };
            try {
              const changes = planSettlement(snapshotOf(entries, payments), [request], actor);
              entries = entries.map((x) => changes.entries.get(x.id) ?? x);
              payments = payments.map((x) => changes.payments.get(x.id) ?? x);
            } catch (error) {
              if (!(error instanceof CashError)) throw error;
            }
            for (const x of entries) {
              if (-x.assignedAmount > x.openAmount || x.assignedAmount > 0n) return false;
              if ((x.status === 'Balanced') !== (outstandingAmount(x) === 0n)) return false;
            }
            for (const x of payments) if (availableAmount(x) < 0n) return false;
          }
          return true;
        },
      ),
    );
  });
});
