import { CashError } from '../domain/errors.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { EXPECTING, SETTLEABLE, type Payment, type PaymentStatus } from '../domain/payment.js';
import type { RefundStatus } from '../domain/refund.js';
import { describeReason } from '../formats/reason-codes.js';
import { mandateAfter } from '../payment-runs/apply-status.js';
import type { RunStore } from '../store/runs/run-store.js';
import type { StatementItemRecord, StatementStore } from '../store/statements/statement-store.js';

export interface FeedbackSummary {
  collected: number;
  reversed: number;
  failed: number;
  refunded: number;
  refundsFailed: number;
  warnings: { itemId: string; code: string; message: string }[];
}

export const PAYMENT_ID_MATCHED = 'Payment Id matched';
export const REFUND_ID_MATCHED = 'Refund Id matched';

/** A booking against the payment's own direction, or flagged as such, is the bank giving the money back. */
function isReturn(item: StatementItemRecord, payment: Payment): boolean {
  if (item.reversal || item.returnReason) return true;
  return payment.direction === 'in' ? item.creditDebit === 'DBIT' : item.creditDebit === 'CRDT';
}

function endToEndIds(item: StatementItemRecord): string[] {
  const ids = new Set<string>();
  if (item.endToEndId) ids.add(item.endToEndId);
  for (const detail of item.data.details) if (detail.endToEndId) ids.add(detail.endToEndId);
  ids.delete('NOTPROVIDED');
  return [...ids];
}

/**
 * After a statement import: booked items whose end-to-end id belongs to a payment or refund this
 * product issued close the loop. Money that arrived moves the payment to Collected (what entries expected
 * becomes assigned); a return or reversal moves it to Failed or Reversed with the reason, and its
 * entries are open again.
 */
export async function applyBankFeedback(
  ledger: Ledger,
  statements: StatementStore,
  ctx: LedgerContext,
  itemIds: string[],
  runs?: RunStore,
): Promise<FeedbackSummary> {
  const summary: FeedbackSummary = { collected: 0, reversed: 0, failed: 0, refunded: 0, refundsFailed: 0, warnings: [] };
  const feedbackCtx = { ...ctx, businessProcess: 'Bank Statement Feedback' };
  for (const item of await statements.itemsByIds(ctx.tenantId, itemIds)) {
    if (item.status !== 'BOOK') continue;
    let matched: string | null = null;
    let refundMatched = false;
    for (const endToEndId of endToEndIds(item)) {
      const [payment] = (await ledger.listPayments(ctx, { endToEndId }, 1, null)).items;
      if (!payment) {
        const refundId = await statements.refundByEndToEndId(ctx.tenantId, endToEndId);
        if (refundId) {
          refundMatched = true;
          await settleRefund(ledger, feedbackCtx, item, refundId, summary);
        }
        continue;
      }
      matched = payment.id;
      const giveBack = isReturn(item, payment);
      let target: PaymentStatus | null = null;
      if (giveBack) target = EXPECTING.has(payment.status) ? 'Failed' : SETTLEABLE.has(payment.status) ? 'Reversed' : null;
      else if (EXPECTING.has(payment.status)) target = 'Collected';
      if (!target) continue;
      const reason = giveBack ? (describeReason(item.returnReason) ?? 'returned by the bank') : null;
      try {
        await ledger.setPaymentStatus(feedbackCtx, payment.id, target, reason);
        // a direct debit returned for a reason that makes its mandate unusable ends the mandate
        const collection = giveBack && runs ? await runs.transactionOfPayment(ctx.tenantId, payment.id) : null;
        if (collection) await mandateAfter(runs!, ctx.tenantId, collection, { reason: reason!, codes: [item.returnReason ?? undefined] });
        if (target === 'Collected') summary.collected++;
        else if (target === 'Reversed') summary.reversed++;
        else summary.failed++;
      } catch (error) {
        if (!(error instanceof CashError)) throw error;
        summary.warnings.push({ itemId: item.id, code: error.code, message: error.message });
      }
    }
    if (matched) await statements.setItemResult(ctx.tenantId, item.id, PAYMENT_ID_MATCHED, matched);
    else if (refundMatched) await statements.setItemResult(ctx.tenantId, item.id, REFUND_ID_MATCHED, null);
  }
  return summary;
}

/**
 * A refund the product paid out: the booking of the money leaving confirms it (Refunded); money
 * coming back under its end-to-end id means the payout failed, and the amount is free again.
 */
async function settleRefund(
  ledger: Ledger,
  ctx: LedgerContext,
  item: StatementItemRecord,
  refundId: string,
  summary: FeedbackSummary,
): Promise<void> {
  const refund = await ledger.getRefund(ctx, refundId);
  const cameBack = item.reversal || item.returnReason !== null || item.creditDebit === 'CRDT';
  const steps: RefundStatus[] = [];
  if (refund.status === 'Approved') steps.push('Pending');
  if (refund.status === 'Approved' || refund.status === 'Pending') steps.push(cameBack ? 'Failed' : 'Refunded');
  try {
    for (const step of steps) {
      await ledger.setRefundStatus(ctx, refundId, step, step === 'Failed' ? (describeReason(item.returnReason) ?? 'returned by the bank') : null);
    }
    if (steps.at(-1) === 'Refunded') summary.refunded++;
    if (steps.at(-1) === 'Failed') summary.refundsFailed++;
  } catch (error) {
    if (!(error instanceof CashError)) throw error;
    summary.warnings.push({ itemId: item.id, code: error.code, message: error.message });
  }
}
