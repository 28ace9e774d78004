import type { Actor } from './changes.js';
import { conflict, invalid } from './errors.js';
import { formatMinor } from './money.js';
import { availableAmount, SETTLEABLE, type Payment } from './payment.js';

export type RefundStatus = 'Prepared' | 'Approved' | 'Pending' | 'Refunded' | 'Failed' | 'Canceled';
export type RefundMethod = 'SEPA Credit Transfer' | 'Online Payment';

export const REFUND_STATUSES: readonly RefundStatus[] = [
  'Prepared',
  'Approved',
  'Pending',
  'Refunded',
  'Failed',
  'Canceled',
];

/** Money sent back to a payer, out of a payment received earlier. The amount is positive. */
export interface Refund {
  id: string;
  paymentId: string;
  currency: string;
  amount: bigint;
  status: RefundStatus;
  method: RefundMethod;
  reason: string | null;
  cancellationReason: string | null;
  errorMessage: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewRefund = Omit<Refund, 'id' | 'createdAt' | 'updatedAt'>;

/** While a refund is open its amount is blocked on the original payment. */
export const OPEN_REFUND: ReadonlySet<RefundStatus> = new Set(['Prepared', 'Approved', 'Pending']);

const TRANSITIONS: Record<RefundStatus, readonly RefundStatus[]> = {
  Prepared: ['Approved', 'Canceled'],
  Approved: ['Pending', 'Canceled'],
  Pending: ['Refunded', 'Failed'],
  Refunded: [],
  Failed: [],
  Canceled: [],
};

export interface RefundRequest {
  amount: bigint;
  reason: string | null;
  method?: RefundMethod;
  status?: 'Prepared' | 'Approved';
}

/** Checks a new refund against its payment and returns the refund plus the payment with the amount blocked. */
export function planRefund(payment: Payment, request: RefundRequest, actor: Actor): { refund: NewRefund; payment: Payment } {
  if (payment.direction !== 'in') {
    throw conflict('REFUND_NOT_ALLOWED', `payment ${payment.id} paid money out; only money received can be refunded`);
  }
  if (!SETTLEABLE.has(payment.status)) {
    throw conflict(
      'PAYMENT_STATUS_NOT_REFUNDABLE',
      `payment ${payment.id} is ${payment.status}; only Collected or Final payments can be refunded`,
    );
  }
  if (request.amount <= 0n) throw invalid('AMOUNT_NOT_POSITIVE', 'a refund amount must be greater than zero');
  const available = availableAmount(payment);
  if (request.amount > available) {
    throw conflict(
      'OVER_REFUND',
      `${formatMinor(request.amount, payment.currency)} exceeds the available amount of payment ${payment.id} (${formatMinor(available, payment.currency)})`,
    );
  }
  return {
    refund: {
      paymentId: payment.id,
      currency: payment.currency,
      amount: request.amount,
      status: request.status ?? 'Prepared',
      method: request.method ?? 'SEPA Credit Transfer',
      reason: request.reason,
      cancellationReason: null,
      errorMessage: null,
      createdBy: actor.by,
    },
    payment: { ...payment, blockedAmount: payment.blockedAmount + request.amount, updatedAt: actor.at },
  };
}

/**
 * Moves a refund on and keeps the payment's blocked and refunded amounts true: an open refund
 * blocks, a refunded one is paid back, a failed or canceled one frees its amount again.
 */
export function planRefundStatus(
  refund: Refund,
  payment: Payment,
  to: RefundStatus,
  actor: Actor,
  note: string | null,
): { refund: Refund; payment: Payment } {
  if (!TRANSITIONS[refund.status].includes(to)) {
    throw conflict('REFUND_STATUS_TRANSITION', `a refund in status ${refund.status} cannot become ${to}`, {
      from: refund.status,
      to,
      allowed: TRANSITIONS[refund.status],
    });
  }
  if (to === 'Canceled' && !note?.trim()) {
    throw invalid('REASON_REQUIRED', 'canceling a refund needs a reason');
  }
  const next: Refund = {
    ...refund,
    status: to,
    cancellationReason: to === 'Canceled' ? note : refund.cancellationReason,
    errorMessage: to === 'Failed' ? note : refund.errorMessage,
    updatedAt: actor.at,
  };
  let nextPayment = payment;
  if (!OPEN_REFUND.has(to)) {
    nextPayment = {
      ...payment,
      blockedAmount: payment.blockedAmount - refund.amount,
      refundedAmount: payment.refundedAmount + (to === 'Refunded' ? refund.amount : 0n),
      updatedAt: actor.at,
    };
  }
  return { refund: next, payment: nextPayment };
}
