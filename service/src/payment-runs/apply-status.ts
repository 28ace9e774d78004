/**
 * Applies a pain.002 status report to the order it answers: a rejected transaction fails its
 * payment through the ledger port (the expected entry item is reversed, the entry is open again,
 * the reason is kept on the payment), a rejected refund fails; accepted ones wait for the bank
 * statement. The order takes the overall outcome. Applying the same report twice changes nothing.
 */
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { EXPECTING, SETTLEABLE } from '../domain/payment.js';
import { describeReason } from '../formats/reason-codes.js';
import { mapStatusOutcomes, readStatusReport, type PaymentOutcome, type StatusReason } from '../formats/pain002/index.js';
import type { OrderStatus, PaymentOrderTransaction, RunStore } from '../store/runs/run-store.js';
import { deactivateMandate, type Mandate } from '../domain/mandates/mandate.js';
import { mandateEndingReason, rejectionDeactivation } from './mandate-rejections.js';

export interface StatusApplication {
  orderId: string;
  messageId: string;
  reportMessageId: string;
  orderStatus: OrderStatus;
  accepted: number;
  rejected: number;
  pending: number;
  unknown: number;
  payments: { endToEndId: string; outcome: PaymentOutcome['outcome']; paymentId: string | null; status: string | null; reason: string | null }[];
  unmatchedEndToEndIds: string[];
}

export function reasonText(reasons: readonly StatusReason[]): string | null {
  const parts = reasons.map((r) =>
    [describeReason(r.code) ?? r.proprietary, r.verificationOfPayee, ...r.additionalInformation].filter(Boolean).join(' '),
  );
  const text = parts.filter(Boolean).join('; ');
  return text === '' ? null : text.slice(0, 1000);
}

const TX_STATUS: Record<PaymentOutcome['outcome'], PaymentOrderTransaction['status'] | null> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  pending: 'Pending',
  unknown: null,
};

export async function applyStatusReport(
  ledger: Ledger,
  store: RunStore,
  ctx: LedgerContext,
  content: string | Uint8Array,
): Promise<StatusApplication> {
  const report = readStatusReport(content);
  const order = await store.findOrderByMessageId(ctx.tenantId, report.original.messageId);
  const transactions = await store.orderTransactions(ctx.tenantId, order.id);
  const outcomes = mapStatusOutcomes(report, {
    messageId: order.messageId,
    payments: transactions.map((t) => ({
      endToEndId: t.endToEndId,
      ...(t.paymentInformationId ? { paymentInformationId: t.paymentInformationId } : {}),
    })),
  });
  const statusCtx = { ...ctx, businessProcess: 'Payment Status Report' };
  const byEndToEnd = new Map(transactions.map((t) => [t.endToEndId, t]));
  const payments: StatusApplication['payments'] = [];

  for (const outcome of outcomes.payments) {
    const tx = byEndToEnd.get(outcome.endToEndId)!;
    const reason = reasonText(outcome.reasons);
    const next = TX_STATUS[outcome.outcome];
    // a rejection stands unless a later report accepts that very transaction after all (a group or
    // block status that accepts "the rest" does not)
    const undone = tx.status === 'Rejected' && next === 'Accepted' && outcome.level === 'transaction';
    if (next && tx.status !== next && (tx.status !== 'Rejected' || undone)) {
      const text = reason ?? `rejected by the bank (${outcome.status ?? 'RJCT'})`;
      if (next === 'Rejected') await reject(ledger, statusCtx, tx, text);
      await store.setTransactionStatus(ctx.tenantId, order.id, tx.endToEndId, next, outcome.status ?? null, reason);
      if (next === 'Rejected' || tx.status === 'Rejected') {
        await mandateAfter(store, ctx.tenantId, tx, next === 'Rejected' ? { reason: text, codes: outcome.reasons.map((r) => r.code) } : null);
      }
    }
    payments.push({ endToEndId: outcome.endToEndId, outcome: outcome.outcome, paymentId: tx.paymentId, status: outcome.status ?? null, reason });
  }

  const groupReason = reasonText(report.groupReasons);
  const updated = await store.setOrderStatus(
    ctx.tenantId,
    order.id,
    orderStatusOf(await store.orderTransactions(ctx.tenantId, order.id)),
    groupReason ? [{ ...(report.groupStatus ? { code: report.groupStatus } : {}), text: groupReason }] : undefined,
  );
  const count = (kind: PaymentOutcome['outcome']) => outcomes.payments.filter((p) => p.outcome === kind).length;
  return {
    orderId: order.id,
    messageId: order.messageId,
    reportMessageId: report.messageId,
    orderStatus: updated.status,
    accepted: count('accepted'),
    rejected: count('rejected'),
    pending: count('pending'),
    unknown: count('unknown'),
    payments,
    unmatchedEndToEndIds: [...outcomes.unmatchedEndToEndIds],
  };
}

/**
 * The order's status from what all reports so far said about its transactions, so a later report
 * that only confirms the rest never hides an earlier rejection. A report means the file reached
 * the bank: without a final word on every transaction the order is Submitted.
 */
function orderStatusOf(transactions: readonly PaymentOrderTransaction[]): OrderStatus {
  const rejected = transactions.filter((t) => t.status === 'Rejected').length;
  if (rejected > 0) return rejected === transactions.length ? 'Rejected' : 'Partially accepted';
  return transactions.every((t) => t.status === 'Accepted') ? 'Accepted' : 'Submitted';
}

async function reject(ledger: Ledger, ctx: LedgerContext, tx: PaymentOrderTransaction, reason: string): Promise<void> {
  if (tx.recordKind === 'refund') {
    // a refund the bank statement already settled (Refunded) or failed keeps that word
    const refund = await ledger.getRefund(ctx, tx.recordId);
    if (refund.status === 'Approved' || refund.status === 'Pending') {
      if (refund.status === 'Approved') await ledger.setRefundStatus(ctx, tx.recordId, 'Pending', null);
      await ledger.setRefundStatus(ctx, tx.recordId, 'Failed', reason);
    }
  } else if (tx.paymentId) {
    const payment = await ledger.getPayment(ctx, tx.paymentId);
    const target = EXPECTING.has(payment.status) ? 'Failed' : SETTLEABLE.has(payment.status) ? 'Reversed' : null;
    if (target) await ledger.setPaymentStatus(ctx, payment.id, target, reason);
  }
}

/**
 * The mandate after a collection was rejected, or a rejection undone (a later report accepts it;
 * the payment stays failed, money that arrives after all comes in through the statement). Its
 * last collection date is what the collections the bank did not reject say (never cleared
 * blindly), so an undone first collection counts again and a rejected one leaves a later
 * collection standing. A reason that
 * makes the mandate unusable (closed account, no mandate, deceased, …) ends it with that reason;
 * undoing that rejection makes it usable again.
 */
export async function mandateAfter(
  store: RunStore,
  tenantId: string,
  tx: PaymentOrderTransaction,
  rejection: { reason: string; codes: readonly (string | undefined)[] } | null,
): Promise<void> {
  if (!tx.instrumentId) return;
  const instrument = await store.getInstrument(tenantId, tx.instrumentId);
  if (!instrument.mandate) return;
  let mandate: Mandate = instrument.mandate;
  const history = await store.collectionHistory(tenantId, instrument.id);
  // a mandate collected before the service knew it keeps that history for its later collections
  if (tx.sequenceType === 'FRST' || history.firstSentByRun) {
    const { lastCollectionDate: _recomputed, ...rest } = mandate;
    mandate = { ...rest, ...(history.last ? { lastCollectionDate: history.last } : {}) };
  }
  const ending = rejection ? mandateEndingReason(rejection.codes) : undefined;
  if (rejection && ending && mandate.active) mandate = deactivateMandate(mandate, rejectionDeactivation(tx.endToEndId, rejection.reason));
  if (!rejection && !mandate.active && mandate.deactivationReason?.startsWith(rejectionDeactivation(tx.endToEndId, ''))) {
    const { deactivationReason: _undone, ...rest } = mandate;
    mandate = { ...rest, active: true };
  }
  if (mandate !== instrument.mandate) await store.updateMandate(tenantId, instrument.id, mandate);
}
