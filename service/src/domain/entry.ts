import { abs } from './money.js';

/** Debit: a receivable (money to receive, positive amounts). Credit: a payable (negative amounts). */
export type EntryType = 'Debit' | 'Credit';
export type EntryStatus = 'Open' | 'Balanced' | 'Canceled';
export type CreditApproval = 'unapproved' | 'approved' | 'restricted';
export type CreditBalanceStrategy = 'Future Settlement' | 'Prepared Refund' | 'Direct Refund';

export const ENTRY_TYPES: readonly EntryType[] = ['Debit', 'Credit'];
export const ENTRY_STATUSES: readonly EntryStatus[] = ['Open', 'Balanced', 'Canceled'];
export const CREDIT_APPROVALS: readonly CreditApproval[] = ['unapproved', 'approved', 'restricted'];
export const CREDIT_BALANCE_STRATEGIES: readonly CreditBalanceStrategy[] = [
  'Future Settlement',
  'Prepared Refund',
  'Direct Refund',
];

export interface Party {
  id: string | null;
  number: string | null;
  name: string | null;
}

export interface Cancellation {
  reason: string;
  number: string | null;
  strategy: CreditBalanceStrategy;
  at: Date;
}

/**
 * What is owed. Amounts are signed minor units: positive for a receivable, negative for a payable.
 * `assignedAmount` and `expectedAmount` are sums of entry items, which carry the opposite sign
 * (negative for money received, positive for money paid out), so `open + assigned = 0` when balanced.
 */
export interface Entry {
  id: string;
  number: string;
  type: EntryType;
  currency: string;
  initialAmount: bigint;
  openAmount: bigint;
  assignedAmount: bigint;
  expectedAmount: bigint;
  status: EntryStatus;
  /** The business entity that owns the receivable or payable; its runs alone collect or pay it. */
  businessEntityId: string | null;
  account: Party;
  contact: Party | null;
  title: string | null;
  paymentReference: string | null;
  statementDate: string | null;
  dueDate: string | null;
  creditApproval: CreditApproval | null;
  excludeFromPaymentRun: boolean;
  /** Excluded by a run for a reason it checks again next time (no mandate, …), not by a person. */
  excludedAutomatically: boolean;
  errorMessages: string[];
  paymentDate: string | null;
  cancellation: Cancellation | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Open amount minus what payments already settled; nothing is owed on a canceled entry. */
export const outstandingAmount = (entry: Entry): bigint =>
  entry.status === 'Canceled' ? 0n : entry.openAmount + entry.assignedAmount;

/** Outstanding amount plus what pending payments are expected to bring (or pay out). */
export const payableAmount = (entry: Entry): bigint =>
  entry.status === 'Canceled' ? 0n : outstandingAmount(entry) + entry.expectedAmount;

/** How much, as a positive amount, can still be allocated without over-allocating the entry. */
export const allocatableAmount = (entry: Entry): bigint =>
  entry.status === 'Open' ? abs(payableAmount(entry)) : 0n;

/** Entry items on a receivable are negative (money received); on a payable positive (paid out). */
export const itemSign = (type: EntryType): 1n | -1n => (type === 'Debit' ? -1n : 1n);

/** Status after the amounts changed; a canceled entry stays canceled. */
export function statusFor(entry: Entry): EntryStatus {
  if (entry.status === 'Canceled') return 'Canceled';
  return outstandingAmount(entry) === 0n ? 'Balanced' : 'Open';
}
