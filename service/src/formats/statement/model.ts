/**
 * The one normalised model every statement reader (camt.052/053/054, MT940/MT942, CSV profiles)
 * produces. Its JSON form is what `cash statement parse` prints; other tools read it, so the names
 * of the fields below are a public contract. Amounts are decimal strings, never numbers.
 */
export type CreditDebit = 'CRDT' | 'DBIT';
export type EntryStatus = 'BOOK' | 'PDNG' | 'INFO';

export interface Balance {
  /** Signed: negative means a debit balance. */
  amount: string;
  date: string | null;
}

export interface Party {
  name: string | null;
  iban: string | null;
  bic: string | null;
  /** Account id when the party has no IBAN (BBAN, proprietary). */
  other?: string | null;
}

export interface AccountRef {
  iban: string | null;
  other: string | null;
  currency: string | null;
  servicerBic?: string | null;
  ownerName?: string | null;
}

export interface Warning {
  code: string;
  message: string;
  /** Machine-readable facts behind the message, e.g. the difference of a balance mismatch. */
  details?: Record<string, string | number | null>;
}

/** Control totals a file states about itself (camt `TxsSummry`, MT942 `:90D:`/`:90C:`). */
export interface ControlTotals {
  count: number | null;
  /** Sum of the absolute amounts. */
  sum: string | null;
}

export interface TransactionSummary {
  entries?: ControlTotals | null;
  credits?: ControlTotals | null;
  debits?: ControlTotals | null;
  /** Signed net amount of all entries. */
  net?: string | null;
}

/** What a collective booking says about itself (camt `NtryDtls/Btch`). */
export interface BatchInfo {
  count: number | null;
  amount: string | null;
  paymentInformationId: string | null;
  messageId: string | null;
}

/** One transaction inside a batch booking, or the single transaction of a plain entry. */
export interface TransactionDetail {
  amount: string | null;
  currency: string | null;
  creditDebit: CreditDebit | null;
  endToEndId: string | null;
  instructionId?: string | null;
  transactionId?: string | null;
  mandateId: string | null;
  creditorId: string | null;
  uetr: string | null;
  accountServicerReference: string | null;
  remittanceInformation: string | null;
  creditorReference: string | null;
  /** "RF" (ISO 11649), "QRR" (Swiss QR), "ISR" (Swiss ESR/ISR) or the file's own code. */
  creditorReferenceType?: string | null;
  counterparty: Party | null;
  ultimateCounterparty?: Party | null;
  returnReason: string | null;
  charges?: string | null;
  bankTransactionCode?: string | null;
  proprietaryBankTransactionCode?: string | null;
  purpose?: string | null;
  additionalInformation?: string | null;
}

export interface StatementItem {
  amount: string;
  currency?: string | null;
  creditDebit: CreditDebit;
  reversal: boolean;
  status: EntryStatus;
  bookingDate: string | null;
  valueDate: string | null;
  remittanceInformation: string | null;
  endToEndId: string | null;
  creditorReference: string | null;
  creditorReferenceType?: string | null;
  counterparty: Party | null;
  ultimateCounterparty?: Party | null;
  bankTransactionCode: string | null;
  proprietaryBankTransactionCode?: string | null;
  accountServicerReference?: string | null;
  entryReference?: string | null;
  mandateId?: string | null;
  creditorId?: string | null;
  uetr?: string | null;
  returnReason?: string | null;
  charges?: string | null;
  additionalInformation?: string | null;
  batch?: BatchInfo | null;
  /** Stable identity for idempotent import (see item-key.ts); set by parseStatementFile. */
  key?: string;
  /** Per-transaction details; several for a batch booking. */
  details: TransactionDetail[];
}

export interface Statement {
  id: string | null;
  kind?: 'statement' | 'report' | 'notification';
  sequenceNumber?: string | null;
  electronicSequenceNumber?: string | null;
  creationDateTime?: string | null;
  period?: { from: string | null; to: string | null } | null;
  account: AccountRef;
  openingBalance: Balance | null;
  closingBalance: Balance | null;
  openingAvailableBalance?: Balance | null;
  closingAvailableBalance?: Balance | null;
  summary?: TransactionSummary | null;
  messageId?: string | null;
  /** Page of a paginated message (camt `MsgPgntn`). */
  page?: { number: string | null; last: boolean | null } | null;
  items: StatementItem[];
  warnings: Warning[];
}

export interface StatementFile {
  /** e.g. "camt.053.001.02", "mt940", "csv:paypal". */
  format: string;
  statements: Statement[];
  /** Problems that concern the whole file rather than one statement (e.g. undecodable bytes). */
  warnings?: Warning[];
}
