import { describe, expect, it } from 'vitest';
import { planCancellation } from './cancellation.js';
import { planSettlement } from './settlement.js';
import { actor, entry, payment, persist, snapshotOf } from './test-support/builders.js';
import { availableAmount } from './payment.js';
import { parseMinor } from './money.js';
import type { CreditBalanceStrategy } from './entry.js';

const eur = (v: string) => parseMinor(v, 'EUR');

function paidEntry() {
  const settled = planSettlement(
    snapshotOf([entry('e1')], [payment('p1', '100.00')]),
    [{ entryId: 'e1', paymentId: 'p1', amount: eur('100.00') }],
    actor,
  );
  return {
    snapshot: snapshotOf([settled.entries.get('e1')!], [settled.payments.get('p1')!]),
    items: persist([], settled.items),
  };
}

const cancel = (strategy: CreditBalanceStrategy) => {
  const { snapshot, items } = paidEntry();
  return planCancellation(snapshot, snapshot.entries.get('e1')!, items, { reason: 'invoice withdrawn', number: 'C-1', strategy }, actor);
};

describe('entry cancellation', () => {
  it('reverses the settlements of a paid entry and keeps the money for later (Future Settlement)', () => {
    const changes = cancel('Future Settlement');
    expect(changes.entries.get('e1')).toMatchObject({
      status: 'Canceled',
      assignedAmount: 0n,
      cancellation: expect.objectContaining({ reason: 'invoice withdrawn', number: 'C-1', strategy: 'Future Settlement' }),
    });
    expect(availableAmount(changes.payments.get('p1')!)).toBe(eur('100.00'));
    expect(changes.refunds).toEqual([]);
  });

  it('prepares a refund of the freed money (Prepared Refund)', () => {
    const changes = cancel('Prepared Refund');
    expect(changes.refunds).toEqual([expect.objectContaining({ paymentId: 'p1', amount: eur('100.00'), status: 'Prepared' })]);
    expect(availableAmount(changes.payments.get('p1')!)).toBe(0n);
  });

  it('approves the refund at once (Direct Refund)', () => {
    expect(cancel('Direct Refund').refunds[0]).toMatchObject({ status: 'Approved' });
  });

  it('refuses to cancel twice or without a reason', () => {
    const { snapshot, items } = paidEntry();
    const e1 = snapshot.entries.get('e1')!;
    expect(() => planCancellation(snapshot, e1, items, { reason: '', number: null, strategy: 'Future Settlement' }, actor)).toThrow(
      /needs a reason/,
    );
    expect(() =>
      planCancellation(snapshot, { ...e1, status: 'Canceled' }, items, { reason: 'x', number: null, strategy: 'Future Settlement' }, actor),
    ).toThrow(/already canceled/);
  });
});
