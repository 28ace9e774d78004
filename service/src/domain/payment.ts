import { conflict } from './errors.js';

export type PaymentType = 'Payment' | 'Direct Debit' | 'Online Payment' | 'Credit Transfer' | 'Payout';
export type PaymentStatus = 'Issued' | 'Pending' | 'Collected' | 'Final' | 'Reversed' | 'Failed';
/** in: money received by us; out: money paid out by us. */
export type Direction = 'in' | 'out';

export const PAYMENT_TYPES: readonly PaymentType[] = [
  'Payment',
  'Direct Debit',
  'Online Payment',
  'Credit Transfer',
  'Payout',
];
export const PAYMENT_STATUSES: readonly PaymentStatus[] = [
  'Issued',
  'Pending',
  'Collected',
  'Final',
  'Reversed',
  'Failed',
];

export const directionOf = (type: PaymentType): Direction =>
  type === 'Credit Transfer' || type === 'Payout' ? 'out' : 'in';

export interface PartySnapshot {
  name: string | null;
  iban: string | null;
  bic: string | null;
}

/**
 * One money movement. Amounts are positive minor units; the direction says which way the money went.
 * assigned: settled to entries; expected: promised to entries while the payment is still pending;
 * blocked: reserved by open refunds; refunded: paid back.
 */
export interface Payment {
  id: string;
  type: PaymentType;
  direction: Direction;
  status: PaymentStatus;
  currency: string;
  amount: bigint;
  assignedAmount: bigint;
  expectedAmount: bigint;
  blockedAmount: bigint;
  refundedAmount: bigint;
  party: PartySnapshot;
  accountId: string | null;
  externalId: string | null;
  endToEndId: string | null;
  paymentDate: string | null;
  statusDetails: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Money that has arrived (or left) and so can be settled against entries. */
export const SETTLEABLE: ReadonlySet<PaymentStatus> = new Set(['Collected', 'Final']);
/** Money on its way: it can only be expected by entries. */
export const EXPECTING: ReadonlySet<PaymentStatus> = new Set(['Issued', 'Pending']);

export const availableAmount = (p: Payment): bigint =>
  SETTLEABLE.has(p.status) || EXPECTING.has(p.status)
    ? p.amount - p.assignedAmount - p.expectedAmount - p.blockedAmount - p.refundedAmount
    : 0n;

const TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  Issued: ['Pending', 'Collected', 'Final', 'Failed'],
  Pending: ['Collected', 'Final', 'Failed', 'Reversed'],
  Collected: ['Final', 'Reversed'],
  Final: ['Reversed'],
  Reversed: [],
  Failed: [],
};

export function assertTransition(from: PaymentStatus, to: PaymentStatus): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw conflict('PAYMENT_STATUS_TRANSITION', `a payment in status ${from} cannot become ${to}`, {
      from,
      to,
      allowed: TRANSITIONS[from],
    });
  }
}
