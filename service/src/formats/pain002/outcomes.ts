/**
 * Maps a status report onto the payments of one submitted order, end-to-end id by end-to-end id,
 * so the ledger side only applies results: a rejected payment fails and its entry opens again.
 * The most specific status wins (transaction, then its batch, then the group). A report that lists
 * only the rejected transactions under a PART or accepted status accepts the others; "received" or
 * "pending" keeps a payment pending; a report that says nothing about a payment leaves it unknown.
 */
import { invalid } from '../../domain/errors.js';
import type { StatusCode, StatusReason, StatusReport, VerificationOfPayeeCode } from './model.js';

export type PaymentOutcomeKind = 'accepted' | 'rejected' | 'pending' | 'unknown';
export type OrderOutcome = 'Accepted' | 'Partially accepted' | 'Rejected' | 'Submitted';

export interface SubmittedPayment {
  readonly endToEndId: string;
  /** The PmtInfId of the block the payment was written in. */
  readonly paymentInformationId?: string;
}

export interface PaymentOutcome {
  readonly endToEndId: string;
  readonly outcome: PaymentOutcomeKind;
  /** The status code the outcome was taken from, and at which level it was given. */
  readonly status?: StatusCode;
  readonly level?: 'transaction' | 'batch' | 'group';
  readonly reasons: readonly StatusReason[];
  readonly verificationOfPayee?: VerificationOfPayeeCode;
}

export interface StatusOutcomes {
  readonly order: OrderOutcome;
  readonly payments: readonly PaymentOutcome[];
  /** Transaction statuses in the report that match no payment of the order. */
  readonly unmatchedEndToEndIds: readonly string[];
}

const ACCEPTED = new Set(['ACTC', 'ACCP', 'ACSP', 'ACSC', 'ACWC', 'ACWP', 'ACCC', 'ACFC', 'RCVC']);
const PENDING = new Set(['RCVD', 'PDNG', 'RVMC', 'RVNM', 'RVNA']);

/** What a status says about a payment it covers without naming it. */
function kindOf(status: StatusCode | undefined, named: boolean): PaymentOutcomeKind | undefined {
  if (status === undefined) return undefined;
  if (status === 'RJCT' || status === 'CANC') return 'rejected';
  if (ACCEPTED.has(status)) return 'accepted';
  if (PENDING.has(status)) return 'pending';
  // PART on a batch or group: the listed transactions carry their own status, the rest passed.
  if (status === 'PART') return named ? 'pending' : 'accepted';
  return undefined;
}

export function mapStatusOutcomes(
  report: StatusReport,
  order: { readonly messageId: string; readonly payments: readonly SubmittedPayment[] },
): StatusOutcomes {
  if (report.original.messageId !== order.messageId) {
    throw invalid(
      'STATUS_REPORT_OTHER_ORDER',
      `the status report is for message ${report.original.messageId}, not ${order.messageId}`,
      { reported: report.original.messageId, expected: order.messageId },
    );
  }
  const known = new Set(order.payments.map((p) => p.endToEndId));
  const byEndToEnd = new Map<string, { tx: (typeof report.batches)[number]['transactions'][number]; batch: (typeof report.batches)[number] }>();
  const unmatched: string[] = [];
  for (const batch of report.batches) {
    for (const tx of batch.transactions) {
      const id = tx.originalEndToEndId;
      if (id !== undefined && known.has(id)) byEndToEnd.set(id, { tx, batch });
      else unmatched.push(id ?? '');
    }
  }
  const batches = new Map(report.batches.map((b) => [b.paymentInformationId, b]));
  const groupKind = kindOf(report.groupStatus, false);

  const payments = order.payments.map((payment): PaymentOutcome => {
    const listed = byEndToEnd.get(payment.endToEndId);
    if (listed) {
      const kind = kindOf(listed.tx.status, true) ?? kindOf(listed.batch.status, false) ?? groupKind ?? 'unknown';
      return {
        endToEndId: payment.endToEndId,
        outcome: kind,
        ...(listed.tx.status ? { status: listed.tx.status, level: 'transaction' as const } : {}),
        reasons: listed.tx.reasons.length > 0 ? listed.tx.reasons : listed.batch.reasons,
        ...(listed.tx.verificationOfPayee ? { verificationOfPayee: listed.tx.verificationOfPayee } : {}),
      };
    }
    const batch = payment.paymentInformationId === undefined ? undefined : batches.get(payment.paymentInformationId);
    const batchKind = kindOf(batch?.status, false);
    if (batch && batchKind) {
      return { endToEndId: payment.endToEndId, outcome: batchKind, status: batch.status!, level: 'batch', reasons: batch.reasons };
    }
    if (groupKind) {
      return { endToEndId: payment.endToEndId, outcome: groupKind, status: report.groupStatus!, level: 'group', reasons: report.groupReasons };
    }
    return { endToEndId: payment.endToEndId, outcome: 'unknown', reasons: [] };
  });

  return { order: orderOutcome(payments), payments, unmatchedEndToEndIds: unmatched };
}

function orderOutcome(payments: readonly PaymentOutcome[]): OrderOutcome {
  const rejected = payments.filter((p) => p.outcome === 'rejected').length;
  const accepted = payments.filter((p) => p.outcome === 'accepted').length;
  if (payments.length > 0 && rejected === payments.length) return 'Rejected';
  if (rejected > 0) return 'Partially accepted';
  if (payments.length > 0 && accepted === payments.length) return 'Accepted';
  return 'Submitted';
}
