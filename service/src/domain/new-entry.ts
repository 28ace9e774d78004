import { CREDIT_APPROVALS, type CreditApproval, type Entry, type EntryType, type Party } from './entry.js';
import { invalid } from './errors.js';
import { exponentOf, parseMinor } from './money.js';

/** What a caller supplies to create an entry; amounts as decimal strings, always positive. */
export interface EntryInput {
  number: string;
  type: EntryType;
  currency: string;
  amount: string;
  account: { id?: string | null; number?: string | null; name?: string | null };
  contact?: { id?: string | null; number?: string | null; name?: string | null } | null;
  title?: string | null;
  paymentReference?: string | null;
  statementDate?: string | null;
  dueDate?: string | null;
  creditApproval?: CreditApproval | null;
  excludeFromPaymentRun?: boolean;
  /** Business entity id or code; resolved against the tenant's entities before the entry is stored. */
  businessEntity?: string | null;
}

export type NewEntry = Omit<Entry, 'id' | 'createdAt' | 'updatedAt'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw invalid('DATE_INVALID', `${field} "${value}" is not a calendar date like 2026-11-30`, { field, value });
  }
  return value;
}

const party = (p: EntryInput['account'] | null | undefined): Party => ({
  id: p?.id ?? null,
  number: p?.number ?? null,
  name: p?.name ?? null,
});

/**
 * Validates an entry as a person would describe it ("invoice 2026-17 over 119.00 EUR") and turns
 * it into the signed model: receivables positive, payables negative.
 */
export function newEntry(input: EntryInput): NewEntry {
  if (!input.number?.trim()) throw invalid('ENTRY_NUMBER_REQUIRED', 'an entry needs a number');
  if (input.type !== 'Debit' && input.type !== 'Credit') {
    throw invalid('ENTRY_TYPE_INVALID', `type must be Debit (receivable) or Credit (payable), not "${String(input.type)}"`);
  }
  exponentOf(input.currency);
  const minor = parseMinor(input.amount, input.currency);
  if (minor <= 0n) {
    throw invalid('AMOUNT_NOT_POSITIVE', 'the amount of an entry is positive; its type gives the direction', {
      amount: input.amount,
    });
  }
  const account = party(input.account);
  if (!account.id && !account.number && !account.name) {
    throw invalid('ACCOUNT_REQUIRED', 'an entry needs the account (id, number or name) that owes or is owed');
  }
  if (input.creditApproval && !CREDIT_APPROVALS.includes(input.creditApproval)) {
    throw invalid('CREDIT_APPROVAL_INVALID', `credit approval must be one of ${CREDIT_APPROVALS.join(', ')}`);
  }
  const signed = input.type === 'Debit' ? minor : -minor;
  return {
    number: input.number.trim(),
    type: input.type,
    currency: input.currency,
    initialAmount: signed,
    openAmount: signed,
    assignedAmount: 0n,
    expectedAmount: 0n,
    status: 'Open',
    businessEntityId: null,
    account,
    contact: input.contact ? party(input.contact) : null,
    title: input.title ?? null,
    paymentReference: input.paymentReference ?? null,
    statementDate: checkDate('statementDate', input.statementDate),
    dueDate: checkDate('dueDate', input.dueDate),
    creditApproval: input.type === 'Credit' ? (input.creditApproval ?? 'unapproved') : null,
    excludeFromPaymentRun: input.excludeFromPaymentRun ?? false,
    excludedAutomatically: false,
    errorMessages: [],
    paymentDate: null,
    cancellation: null,
  };
}
