import { describe, expect, it } from 'vitest';
import { planPaymentStatus } from './payment-status.js';
import { planSettlement } from './settlement.js';
import { actor, entry, payment, persist, snapshotOf } from './test-support/builders.js';
import { parseMinor } from './money.js';
import { CashError } from './errors.js';

const eur = (v: string) => parseMinor(v, 'EUR');

function pendingDirectDebit() {
  const e1 = entry('e1');
  const p1 = payment('p1', '100.00', { type: 'Direct Debit', status: 'Pending', endToEndId: 'E2E-1' });
  const settled = planSettlement(snapshotOf([e1], [p1]), [{ entryId: 'e1', paymentId: 'p1', amount: eur('100.00') }], actor);
  return {
    snapshot: snapshotOf([settled.entries.get('e1')!], [settled.payments.get('p1')!]),
    payment: settled.payments.get('p1')!,
    items: persist([], settled.items),
  };
}

describe('payment status', () => {
  it('turns what entries expected into assigned money when the payment is collected', () => {
    const { snapshot, payment: p1, items } = pendingDirectDebit();
    const changes = planPaymentStatus(snapshot, p1, items, 'Collected', actor, null);
    expect(changes.payments.get('p1')).toMatchObject({ status: 'Collected', assignedAmount: eur('100.00'), expectedAmount: 0n });
    expect(changes.entries.get('e1')).toMatchObject({ status: 'Balanced', assignedAmount: eur('-100.00'), expectedAmount: 0n });
    expect(changes.items.map((i) => [i.amount, i.expectedAmount, i.reversalOf])).toEqual([
      [0n, eur('100.00'), items[0]!.id],
      [eur('-100.00'), 0n, null],
    ]);
  });

  it('reopens the entry when the payment fails, keeping the reason', () => {
    const { snapshot, payment: p1, items } = pendingDirectDebit();
    const changes = planPaymentStatus(snapshot, p1, items, 'Failed', actor, 'AC01 incorrect account number');
    expect(changes.payments.get('p1')).toMatchObject({ status: 'Failed', expectedAmount: 0n, statusDetails: 'AC01 incorrect account number' });
    expect(changes.entries.get('e1')).toMatchObject({ status: 'Open', expectedAmount: 0n });
    expect(changes.items[0]).toMatchObject({ reversalOf: items[0]!.id, reason: 'AC01 incorrect account number' });
  });

  it('reverses a collected payment that the bank returns, and the entry is open again', () => {
    const { snapshot, payment: p1, items } = pendingDirectDebit();
    const collected = planPaymentStatus(snapshot, p1, items, 'Collected', actor, null);
    const history = persist(items, collected.items);
    const returned = planPaymentStatus(
      snapshotOf([collected.entries.get('e1')!], [collected.payments.get('p1')!]),
      collected.payments.get('p1')!,
      history,
      'Reversed',
      actor,
      'MD06 refund request by end customer',
    );
    expect(returned.entries.get('e1')).toMatchObject({ status: 'Open', assignedAmount: 0n });
    expect(returned.payments.get('p1')).toMatchObject({ status: 'Reversed', assignedAmount: 0n });
  });

  it('refuses a transition the lifecycle does not have', () => {
    const p1 = payment('p1', '10.00', { status: 'Failed' });
    expect(() => planPaymentStatus(snapshotOf([], [p1]), p1, [], 'Collected', actor, null)).toThrow(CashError);
  });
});
