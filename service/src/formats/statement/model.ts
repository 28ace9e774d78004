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
  counterparty: Party | null;
  ultimateCounterparty?: Party | null;
  returnReason: string | null;
  charges?: string | null;
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
  items: StatementItem[];
  warnings: Warning[];
}

export interface StatementFile {
  /** e.g. "camt.053.001.02", "mt940", "csv:paypal". */
  format: string;
  statements: Statement[];
}
