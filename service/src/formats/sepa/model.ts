/**
 * A SEPA run after the EPC rules have been applied: every text is in the bank's character set,
 * every amount is in minor units, end-to-end ids are assigned, transactions are grouped into
 * payment-information blocks with their counts and control sums. The writers only serialise this.
 */
import type { SepaCharset } from './charset.js';

export type SepaKind = 'direct-debit' | 'credit-transfer';
export type DirectDebitFormat = 'pain.008.001.08' | 'pain.008.001.02';
export type CreditTransferFormat = 'pain.001.001.09' | 'pain.001.001.03';
export type SepaFormat = DirectDebitFormat | CreditTransferFormat;
export type MandateScheme = 'CORE' | 'B2B';
export type SequenceType = 'FRST' | 'RCUR' | 'OOFF' | 'FNAL';

export const DIRECT_DEBIT_FORMATS: readonly DirectDebitFormat[] = ['pain.008.001.08', 'pain.008.001.02'];
export const CREDIT_TRANSFER_FORMATS: readonly CreditTransferFormat[] = ['pain.001.001.09', 'pain.001.001.03'];

/** The 2009 message versions only know country plus two address lines (EPC 2009 usage rules). */
export const isLegacyFormat = (format: SepaFormat): boolean =>
  format === 'pain.008.001.02' || format === 'pain.001.001.03';

/** A rule violation (refuses the transaction or the file) or a warning (the file is still written). */
export interface SepaIssue {
  readonly code: string;
  readonly message: string;
  /** Position of the transaction in the run (0-based); absent for file-level issues. */
  readonly transaction?: number;
  readonly endToEndId?: string;
  readonly field?: string;
}

export interface PreparedAddress {
  readonly street?: string;
  readonly buildingNumber?: string;
  readonly postalCode?: string;
  readonly town?: string;
  readonly country?: string;
  readonly lines: readonly string[];
}

export interface PreparedParty {
  readonly name: string;
  readonly iban: string;
  readonly bic?: string;
  readonly address?: PreparedAddress;
}

export interface PreparedAmendment {
  readonly originalMandateId?: string;
  readonly originalCreditorId?: string;
  /** The old IBAN when the debtor moved within the same bank, "SMNDA" when to another bank. */
  readonly originalDebtorAccount?: { readonly iban: string } | 'SMNDA';
}

export interface PreparedMandate {
  readonly id: string;
  readonly signatureDate: string;
  readonly scheme: MandateScheme;
  readonly sequenceType: SequenceType;
  readonly amendment?: PreparedAmendment;
}

export interface PreparedTransaction {
  /** Position in the run as given, so problems and outcomes can be traced back. */
  readonly index: number;
  readonly endToEndId: string;
  readonly amountMinor: bigint;
  readonly amount: string;
  readonly requestedDate: string;
  readonly counterparty: PreparedParty;
  readonly remittanceInformation?: string;
  readonly creditorReference?: string;
  readonly mandate?: PreparedMandate;
}

export interface PaymentBlock {
  readonly key: string;
  readonly id: string;
  readonly requestedDate: string;
  readonly scheme?: MandateScheme;
  readonly sequenceType?: SequenceType;
  readonly count: number;
  readonly totalMinor: bigint;
}

export interface PreparedRun {
  readonly kind: SepaKind;
  readonly format: SepaFormat;
  readonly messageId: string;
  /** ISO date-time without zone, as the banks expect in CreDtTm. */
  readonly creationDateTime: string;
  readonly initiatingPartyName: string;
  readonly account: PreparedParty;
  readonly charset: SepaCharset;
  readonly creditorId?: string;
  readonly batchBooking: boolean;
  readonly blocks: readonly PaymentBlock[];
  readonly count: number;
  readonly totalMinor: bigint;
  /**
   * The valid transactions in run order, all or those of one block (by its key); re-iterable,
   * computed again from the source each time.
   */
  transactions(blockKey?: string): Iterable<PreparedTransaction>;
}
