/**
 * A pain.002 customer payment status report, normalised over the versions banks send
 * (pain.002.001.03, the Swiss .ch.02 variant, pain.002.001.10 and the German Verification-of-Payee
 * reports without namespace): statuses at group, batch (payment information) and transaction level,
 * with their reason codes.
 */

/** ISO 20022 status codes of a payment initiation, as far as customer reports use them. */
export type PaymentStatusCode =
  | 'RCVD' | 'ACTC' | 'ACCP' | 'ACSP' | 'ACSC' | 'ACWC' | 'ACWP' | 'ACCC' | 'ACFC' | 'PART' | 'PDNG' | 'RJCT' | 'CANC';

/** Verification-of-Payee results (EU Instant Payments Regulation, since Oct 2025). */
export type VerificationOfPayeeCode = 'RCVC' | 'RVMC' | 'RVNM' | 'RVNA';

export const VERIFICATION_OF_PAYEE_CODES: readonly VerificationOfPayeeCode[] = ['RCVC', 'RVMC', 'RVNM', 'RVNA'];

export type StatusCode = PaymentStatusCode | VerificationOfPayeeCode | (string & {});

export interface StatusReason {
  /** ISO external status reason code (AC01, AM04, MD01, DU01, NARR …). */
  readonly code?: string;
  readonly proprietary?: string;
  readonly additionalInformation: readonly string[];
  /** Verification-of-Payee result named in the reason (German reports put it in the text). */
  readonly verificationOfPayee?: VerificationOfPayeeCode;
}

export interface StatusCount {
  readonly status: StatusCode;
  readonly count: number;
}

export interface TransactionStatus {
  readonly statusId?: string;
  readonly originalInstructionId?: string;
  readonly originalEndToEndId?: string;
  readonly originalUetr?: string;
  readonly status?: StatusCode;
  readonly reasons: readonly StatusReason[];
  /** Amount of the original transaction as a decimal string, when the report repeats it. */
  readonly amount?: { readonly value: string; readonly currency: string };
  readonly requestedCollectionDate?: string;
  readonly requestedExecutionDate?: string;
  readonly creditorName?: string;
  readonly creditorIban?: string;
  readonly debtorName?: string;
  readonly debtorIban?: string;
  readonly verificationOfPayee?: VerificationOfPayeeCode;
}

export interface BatchStatus {
  readonly paymentInformationId: string;
  readonly status?: StatusCode;
  readonly reasons: readonly StatusReason[];
  readonly numberOfTransactions?: number;
  readonly controlSum?: string;
  readonly statusCounts: readonly StatusCount[];
  readonly transactions: readonly TransactionStatus[];
}

export interface StatusReport {
  /** The message version from the namespace; undefined for reports without one. */
  readonly version?: 'pain.002.001.03' | 'pain.002.001.03.ch.02' | 'pain.002.001.10' | (string & {});
  readonly namespace?: string;
  readonly messageId: string;
  readonly creationDateTime?: string;
  readonly original: {
    readonly messageId: string;
    readonly messageNameId?: string;
    readonly creationDateTime?: string;
    readonly numberOfTransactions?: number;
    readonly controlSum?: string;
  };
  readonly groupStatus?: StatusCode;
  readonly groupReasons: readonly StatusReason[];
  readonly statusCounts: readonly StatusCount[];
  readonly batches: readonly BatchStatus[];
  /** True when the report carries Verification-of-Payee results. */
  readonly verificationOfPayee: boolean;
}
