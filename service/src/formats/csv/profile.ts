import type { EntryStatus } from '../statement/model.js';

/**
 * A CSV mapping profile: which columns of a bank's or PSP's export hold which statement field.
 * Profiles are data, so that a new bank is a new profile, not new code.
 */
export type CsvField =
  /** Booking date (a date-time is accepted; the time is dropped). */
  | 'bookingDate'
  | 'valueDate'
  /** Signed amount: negative is money out. */
  | 'amount'
  /** Unsigned amounts in separate columns. */
  | 'debit'
  | 'credit'
  /** A column saying which way an unsigned amount goes ("Af"/"Bij", "S"/"H"); see `debitValues`. */
  | 'direction'
  | 'currency'
  /** Gross amount before fees (signed), kept on the transaction detail. */
  | 'gross'
  | 'grossDebit'
  | 'grossCredit'
  | 'grossCurrency'
  /** Balance after the row, which gives the statement's opening and closing balances. */
  | 'balance'
  | 'remittance'
  | 'endToEndId'
  | 'accountServicerReference'
  /** When given, accountServicerReference counts only on rows where this column is filled. */
  | 'accountServicerReferenceGuard'
  | 'counterpartyName'
  | 'counterpartyIban'
  | 'counterpartyBic'
  | 'counterpartyOther'
  /** On debit rows, the counterparty's id comes from this column instead (the payee). */
  | 'counterpartyOtherDebit'
  | 'mandateId'
  | 'creditorId'
  | 'creditorReference'
  | 'type'
  | 'status'
  | 'statementId'
  | 'accountIban'
  | 'accountOther'
  /** On debit rows, the statement account's id comes from this column instead (PayPal: the sender). */
  | 'accountOtherDebit'
  | 'additionalInformation';

export interface CsvVariant {
  /** e.g. "en", "es": the export's language. */
  name: string;
  /** Header names per field; the first one found in the file is used. */
  columns: Partial<Record<CsvField, string[]>>;
  /** Header names whose columns are charges, summed (absolute values). */
  charges?: string[];
  /** Day/month order of numeric dates; "auto" looks for a day above 12 and falls back to `fallback`. */
  dateOrder: 'DMY' | 'MDY' | 'YMD' | 'auto';
  dateOrderFallback?: 'DMY' | 'MDY';
  decimalSeparator: '.' | ',';
}

export interface CsvProfile {
  /** Used in `--format csv:ID` and in the model's format ("csv:paypal"). */
  id: string;
  description: string;
  variants: CsvVariant[];
  /** A variant matches a file when it finds all of these fields' columns. */
  required: CsvField[];
  /** Rows are grouped into one statement per distinct value of these fields. */
  groupBy: CsvField[];
  /** Status column values (upper-cased) → item status; rows without a match are BOOK. */
  statusMap?: Record<string, EntryStatus>;
  /**
   * How the charges columns are signed: "cost-positive" (Adyen: 0.30 is a cost) or
   * "cost-negative" (PayPal: -4.25 is a cost, +1.20 a fee given back on a refund).
   */
  chargesSign?: 'cost-positive' | 'cost-negative';
  /** Values of the direction column (upper-cased) that mean money out; any other value is money in. */
  debitValues?: string[];
  /** Used when the file has no currency column. */
  defaultCurrency?: string;
}
