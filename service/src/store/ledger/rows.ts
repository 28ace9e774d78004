import type { Entry } from '../../domain/entry.js';
import type { EntryItem } from '../../domain/entry-item.js';
import type { Payment } from '../../domain/payment.js';
import type { Refund } from '../../domain/refund.js';
import { formatMinor, storedMinor } from '../../domain/money.js';
import type { Row } from '../db.js';

/** Row ↔ domain mapping. Amounts travel as numeric decimal strings, never as floats. */
const minor = (value: unknown, currency: string) => storedMinor(String(value), currency);
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const date = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};
const time = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

export const decimal = (value: bigint, currency: string) => formatMinor(value, currency);

/** Dates come back as Date objects from pg but as local-time Dates from some drivers: select them as text. */
export const ENTRY_COLUMNS = `tenant_id, id, number, type, currency, initial_amount, open_amount, assigned_amount,
  expected_amount, status, account_id, account_number, account_name, contact_id, contact_number, contact_name, title,
  payment_reference, statement_date::text AS statement_date, due_date::text AS due_date, credit_approval,
  exclude_from_payment_run, excluded_automatically, business_entity_id, error_messages, payment_date::text AS payment_date, cancellation_reason, cancellation_number,
  cancellation_strategy, canceled_at, created_at, updated_at, seq`;

export const PAYMENT_COLUMNS = `tenant_id, id, type, direction, status, currency, amount, assigned_amount, expected_amount,
  blocked_amount, refunded_amount, party_name, party_iban, party_bic, account_id, external_id, end_to_end_id,
  payment_date::text AS payment_date, status_details, created_at, updated_at, seq`;

export function toEntry(row: Row): Entry {
  const currency = String(row.currency);
  const hasContact = row.contact_id !== null || row.contact_number !== null || row.contact_name !== null;
  return {
    id: String(row.id),
    number: String(row.number),
    type: row.type as Entry['type'],
    currency,
    initialAmount: minor(row.initial_amount, currency),
    openAmount: minor(row.open_amount, currency),
    assignedAmount: minor(row.assigned_amount, currency),
    expectedAmount: minor(row.expected_amount, currency),
    status: row.status as Entry['status'],
    businessEntityId: text(row.business_entity_id),
    account: { id: text(row.account_id), number: text(row.account_number), name: text(row.account_name) },
    contact: hasContact ? { id: text(row.contact_id), number: text(row.contact_number), name: text(row.contact_name) } : null,
    title: text(row.title),
    paymentReference: text(row.payment_reference),
    statementDate: date(row.statement_date),
    dueDate: date(row.due_date),
    creditApproval: (row.credit_approval as Entry['creditApproval']) ?? null,
    excludeFromPaymentRun: Boolean(row.exclude_from_payment_run),
    excludedAutomatically: Boolean(row.excluded_automatically),
    errorMessages: (row.error_messages as string[] | null) ?? [],
    paymentDate: date(row.payment_date),
    cancellation: row.cancellation_reason
      ? {
          reason: String(row.cancellation_reason),
          number: text(row.cancellation_number),
          strategy: row.cancellation_strategy as NonNullable<Entry['cancellation']>['strategy'],
          at: time(row.canceled_at),
        }
      : null,
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
  };
}

export function toPayment(row: Row): Payment {
  const currency = String(row.currency);
  return {
    id: String(row.id),
    type: row.type as Payment['type'],
    direction: row.direction as Payment['direction'],
    status: row.status as Payment['status'],
    currency,
    amount: minor(row.amount, currency),
    assignedAmount: minor(row.assigned_amount, currency),
    expectedAmount: minor(row.expected_amount, currency),
    blockedAmount: minor(row.blocked_amount, currency),
    refundedAmount: minor(row.refunded_amount, currency),
    party: { name: text(row.party_name), iban: text(row.party_iban), bic: text(row.party_bic) },
    accountId: text(row.account_id),
    externalId: text(row.external_id),
    endToEndId: text(row.end_to_end_id),
    paymentDate: date(row.payment_date),
    statusDetails: text(row.status_details),
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
  };
}

export function toEntryItem(row: Row): EntryItem {
  const currency = String(row.currency);
  return {
    id: String(row.id),
    entryId: String(row.entry_id),
    paymentId: String(row.payment_id),
    currency,
    amount: minor(row.amount, currency),
    expectedAmount: minor(row.expected_amount, currency),
    businessProcess: String(row.business_process),
    createdBy: String(row.created_by),
    createdAt: time(row.created_at),
    reversalOf: text(row.reversal_of),
    reversedBy: text(row.reversed_by),
    reason: text(row.reason),
    matching: row.matching_configuration
      ? { configuration: String(row.matching_configuration), score: Number(row.matching_score) }
      : null,
  };
}

export function toRefund(row: Row): Refund {
  const currency = String(row.currency);
  return {
    id: String(row.id),
    paymentId: String(row.payment_id),
    currency,
    amount: minor(row.amount, currency),
    status: row.status as Refund['status'],
    method: row.method as Refund['method'],
    reason: text(row.reason),
    cancellationReason: text(row.cancellation_reason),
    errorMessage: text(row.error_message),
    createdBy: String(row.created_by),
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
  };
}
