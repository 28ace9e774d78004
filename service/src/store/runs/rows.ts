/** Row ↔ record mapping of the payment-run tables. Amounts stay decimal strings. */
import type { Mandate } from '../../domain/mandates/mandate.js';
import type { CreditTransferFormat, DirectDebitFormat, SepaKind } from '../../formats/sepa/model.js';
import type { RunAddress } from '../../formats/sepa/run-json-schema.js';
import type { Row } from '../db.js';

export type BatchBookingSetting = 'on' | 'off' | 'on-ask' | 'off-ask';
export type OrderStatus = 'Prepared' | 'Submitted' | 'Accepted' | 'Partially accepted' | 'Rejected';

export interface BusinessEntity {
  id: string;
  code: string;
  creditorName: string;
  creditorId: string | null;
  address: RunAddress | null;
  mandatePattern: string;
  bankAccount: {
    id: string;
    iban: string;
    bic: string | null;
    name: string | null;
    directDebitFormat: DirectDebitFormat;
    creditTransferFormat: CreditTransferFormat;
    batchBooking: BatchBookingSetting;
    initialPaymentStatus: 'Pending' | 'Collected';
    charset: 'epc' | 'de';
  };
}

export interface Instrument {
  id: string;
  kind: 'mandate' | 'bank-account';
  accountId: string | null;
  accountNumber: string | null;
  /** Mandates: the creditor entity it was given to. */
  businessEntityId: string | null;
  accountHolder: string;
  iban: string;
  bic: string | null;
  address: RunAddress | null;
  active: boolean;
  deactivationReason: string | null;
  /** The mandate's own fields; null for a payee's bank account. */
  mandate: Mandate | null;
}

export interface PaymentOrder {
  id: string;
  businessEntityId: string;
  kind: SepaKind;
  format: string;
  messageId: string;
  status: OrderStatus;
  requestedDate: string;
  batchBooking: boolean;
  transactionCount: number;
  total: string;
  currency: string;
  excluded: { recordId: string; recordKind: 'entry' | 'refund'; label: string; code: string; message: string }[];
  warnings: { code: string; message: string }[];
  statusReasons: { code?: string; text: string }[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface PaymentOrderTransaction {
  position: number;
  endToEndId: string;
  paymentInformationId: string | null;
  recordKind: 'entry' | 'refund';
  recordId: string;
  paymentId: string | null;
  instrumentId: string | null;
  sequenceType: string | null;
  amount: string;
  status: 'Submitted' | 'Accepted' | 'Rejected' | 'Pending';
  statusCode: string | null;
  reason: string | null;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const day = (v: unknown) => (v === null || v === undefined ? undefined : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const stamp = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();

export const ENTITY_SELECT = `SELECT e.*, a.iban, a.bic, a.name AS account_name, a.direct_debit_format, a.credit_transfer_format,
  a.batch_booking, a.initial_payment_status, a.charset
  FROM business_entities e JOIN bank_accounts a ON a.tenant_id = e.tenant_id AND a.id = e.bank_account_id`;

/** The file itself is left out: it is read on its own. */
export const ORDER_SELECT = `SELECT id, seq, business_entity_id, kind, format, message_id, status, requested_date::text AS requested_day,
  batch_booking, transaction_count, total, currency, excluded, warnings, status_reasons, created_by, created_at, updated_at
  FROM payment_orders`;

export const INSTRUMENT_COLUMNS = `id, seq, kind, account_id, account_number, business_entity_id, account_holder, iban, bic, address, active, deactivation_reason,
  reference, scheme, mandate_type, signature_date::text AS signature_date, valid_until::text AS valid_until,
  last_collection_date::text AS last_collection_date, final_collection_requested, original_reference, original_iban,
  original_creditor_id`;

function addressOf(row: Row): RunAddress | null {
  const a: Record<string, string> = {};
  for (const [key, column] of [['street', 'street'], ['buildingNumber', 'building_number'], ['postalCode', 'postal_code'], ['town', 'town'], ['country', 'country']] as const) {
    if (row[column] !== null && row[column] !== undefined) a[key] = String(row[column]).trim();
  }
  return Object.keys(a).length > 0 ? a : null;
}

export function toEntity(row: Row): BusinessEntity {
  return {
    id: String(row.id),
    code: String(row.code),
    creditorName: String(row.creditor_name),
    creditorId: text(row.creditor_id),
    address: addressOf(row),
    mandatePattern: String(row.mandate_pattern),
    bankAccount: {
      id: String(row.bank_account_id),
      iban: String(row.iban),
      bic: text(row.bic),
      name: text(row.account_name),
      directDebitFormat: row.direct_debit_format as DirectDebitFormat,
      creditTransferFormat: row.credit_transfer_format as CreditTransferFormat,
      batchBooking: row.batch_booking as BatchBookingSetting,
      initialPaymentStatus: row.initial_payment_status as 'Pending' | 'Collected',
      charset: row.charset as 'epc' | 'de',
    },
  };
}

function mandateOf(row: Row): Mandate | null {
  if (row.kind !== 'mandate') return null;
  const amendment = {
    ...(row.original_reference ? { originalReference: String(row.original_reference) } : {}),
    ...(row.original_iban ? { originalIban: String(row.original_iban) } : {}),
    ...(row.original_creditor_id ? { originalCreditorId: String(row.original_creditor_id) } : {}),
  };
  return {
    reference: String(row.reference),
    scheme: row.scheme as Mandate['scheme'],
    type: row.mandate_type as Mandate['type'],
    signatureDate: day(row.signature_date)!,
    accountHolder: String(row.account_holder),
    iban: String(row.iban),
    ...(row.bic ? { bic: String(row.bic) } : {}),
    active: Boolean(row.active),
    ...(row.valid_until ? { validUntil: day(row.valid_until)! } : {}),
    ...(row.deactivation_reason ? { deactivationReason: String(row.deactivation_reason) } : {}),
    ...(row.last_collection_date ? { lastCollectionDate: day(row.last_collection_date)! } : {}),
    ...(row.final_collection_requested ? { finalCollectionRequested: true } : {}),
    ...(Object.keys(amendment).length > 0 ? { amendment } : {}),
  };
}

export function toInstrument(row: Row): Instrument {
  return {
    id: String(row.id),
    kind: row.kind as Instrument['kind'],
    accountId: text(row.account_id),
    accountNumber: text(row.account_number),
    businessEntityId: text(row.business_entity_id),
    accountHolder: String(row.account_holder),
    iban: String(row.iban),
    bic: text(row.bic),
    address: (row.address as RunAddress | null) ?? null,
    active: Boolean(row.active),
    deactivationReason: text(row.deactivation_reason),
    mandate: mandateOf(row),
  };
}

export function toOrder(row: Row): PaymentOrder {
  return {
    id: String(row.id),
    businessEntityId: String(row.business_entity_id),
    kind: row.kind as SepaKind,
    format: String(row.format),
    messageId: String(row.message_id),
    status: row.status as OrderStatus,
    requestedDate: String(row.requested_day),
    batchBooking: Boolean(row.batch_booking),
    transactionCount: Number(row.transaction_count),
    total: String(row.total),
    currency: String(row.currency),
    excluded: row.excluded as PaymentOrder['excluded'],
    warnings: row.warnings as PaymentOrder['warnings'],
    statusReasons: row.status_reasons as PaymentOrder['statusReasons'],
    createdBy: String(row.created_by),
    createdAt: stamp(row.created_at),
    updatedAt: stamp(row.updated_at),
  };
}

export function toOrderTransaction(row: Row): PaymentOrderTransaction {
  return {
    position: Number(row.position),
    endToEndId: String(row.end_to_end_id),
    paymentInformationId: text(row.payment_information_id),
    recordKind: row.record_kind as PaymentOrderTransaction['recordKind'],
    recordId: String(row.record_id),
    paymentId: text(row.payment_id),
    instrumentId: text(row.instrument_id),
    sequenceType: text(row.sequence_type),
    amount: String(row.amount),
    status: row.status as PaymentOrderTransaction['status'],
    statusCode: text(row.status_code),
    reason: text(row.reason),
  };
}
