import { CashError } from '../domain/errors.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { EXPECTING, SETTLEABLE, type Payment, type PaymentStatus } from '../domain/payment.js';
import { describeReason } from '../formats/reason-codes.js';
import type { StatementItemRecord, StatementStore } from '../store/statements/statement-store.js';

export interface FeedbackSummary {
  collected: number;
  reversed: number;
  failed: number;
  warnings: { itemId: string; code: string; message: string }[];
}

export const PAYMENT_ID_MATCHED = 'Payment Id matched';

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
 * After a statement import: booked items whose end-to-end id belongs to a payment this product
 * issued close the loop. Money that arrived moves the payment to Collected (what entries expected
 * becomes assigned); a return or reversal moves it to Failed or Reversed with the reason, and its
 * entries are open again.
 */
export async function applyBankFeedback(
  ledger: Ledger,
  statements: StatementStore,
  ctx: LedgerContext,
  itemIds: string[],
): Promise<FeedbackSummary> {
  const summary: FeedbackSummary = { collected: 0, reversed: 0, failed: 0, warnings: [] };
  const feedbackCtx = { ...ctx, businessProcess: 'Bank Statement Feedback' };
  for (const item of await statements.itemsByIds(ctx.tenantId, itemIds)) {
    if (item.status !== 'BOOK') continue;
    let matched: string | null = null;
    for (const endToEndId of endToEndIds(item)) {
      const [payment] = (await ledger.listPayments(ctx, { endToEndId }, 1, null)).items;
      if (!payment) continue;
      matched = payment.id;
      const giveBack = isReturn(item, payment);
      let target: PaymentStatus | null = null;
      if (giveBack) target = EXPECTING.has(payment.status) ? 'Failed' : SETTLEABLE.has(payment.status) ? 'Reversed' : null;
      else if (EXPECTING.has(payment.status)) target = 'Collected';
      if (!target) continue;
      const reason = giveBack ? (describeReason(item.returnReason) ?? 'returned by the bank') : null;
      try {
        await ledger.setPaymentStatus(feedbackCtx, payment.id, target, reason);
        if (target === 'Collected') summary.collected++;
        else if (target === 'Reversed') summary.reversed++;
        else summary.failed++;
      } catch (error) {
        if (!(error instanceof CashError)) throw error;
        summary.warnings.push({ itemId: item.id, code: error.code, message: error.message });
      }
    }
    if (matched) await statements.setItemResult(ctx.tenantId, item.id, PAYMENT_ID_MATCHED, matched);
  }
  return summary;
}
