import { describe, expect, it } from 'vitest';
import { planRefund, planRefundStatus, type Refund } from './refund.js';
import { actor, payment } from './test-support/builders.js';
import { availableAmount } from './payment.js';
import { parseMinor } from './money.js';
import { CashError } from './errors.js';

const eur = (v: string) => parseMinor(v, 'EUR');
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as CashError).code;
  }
  return 'NO_ERROR';
};

function prepared(amount = '30.00') {
  const p1 = payment('p1', '100.00');
  const planned = planRefund(p1, { amount: eur(amount), reason: 'double payment' }, actor);
  const refund: Refund = { ...planned.refund, id: 'r1', createdAt: actor.at, updatedAt: actor.at };
  return { refund, payment: planned.payment };
}

describe('refunds', () => {
  it('blocks the refund amount on the original payment while open', () => {
    const { refund, payment: p1 } = prepared();
    expect(refund.status).toBe('Prepared');
    expect(p1.blockedAmount).toBe(eur('30.00'));
    expect(availableAmount(p1)).toBe(eur('70.00'));
  });

  it('walks Prepared → Approved → Pending → Refunded and keeps the money out of reach', () => {
    let { refund, payment: p1 } = prepared();
    for (const to of ['Approved', 'Pending', 'Refunded'] as const) {
      ({ refund, payment: p1 } = planRefundStatus(refund, p1, to, actor, null));
    }
    expect(refund.status).toBe('Refunded');
    expect(p1).toMatchObject({ blockedAmount: 0n, refundedAmount: eur('30.00') });
    expect(availableAmount(p1)).toBe(eur('70.00'));
  });

  it('frees the amount when the refund fails or is canceled', () => {
    let { refund, payment: p1 } = prepared();
    ({ refund, payment: p1 } = planRefundStatus(refund, p1, 'Canceled', actor, 'customer withdrew'));
    expect(refund).toMatchObject({ status: 'Canceled', cancellationReason: 'customer withdrew' });
    expect(availableAmount(p1)).toBe(eur('100.00'));

    let second = prepared();
    for (const to of ['Approved', 'Pending'] as const) second = planRefundStatus(second.refund, second.payment, to, actor, null);
    const failed = planRefundStatus(second.refund, second.payment, 'Failed', actor, 'AC04 account closed');
    expect(failed.refund.errorMessage).toBe('AC04 account closed');
    expect(availableAmount(failed.payment)).toBe(eur('100.00'));
  });

  it('refuses refunds the rules do not allow', () => {
    expect(codeOf(() => planRefund(payment('p1', '10.00'), { amount: eur('10.01'), reason: null }, actor))).toBe('OVER_REFUND');
    expect(codeOf(() => planRefund(payment('p1', '10.00', { status: 'Pending' }), { amount: eur('1.00'), reason: null }, actor))).toBe(
      'PAYMENT_STATUS_NOT_REFUNDABLE',
    );
    expect(codeOf(() => planRefund(payment('p1', '10.00', { type: 'Payout' }), { amount: eur('1.00'), reason: null }, actor))).toBe(
      'REFUND_NOT_ALLOWED',
    );
    const { refund, payment: p1 } = prepared();
    expect(codeOf(() => planRefundStatus(refund, p1, 'Refunded', actor, null))).toBe('REFUND_STATUS_TRANSITION');
    expect(codeOf(() => planRefundStatus(refund, p1, 'Canceled', actor, ''))).toBe('REASON_REQUIRED');
  });
});
