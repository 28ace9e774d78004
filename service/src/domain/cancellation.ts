import type { Actor, Changes } from './changes.js';
import { CREDIT_BALANCE_STRATEGIES, type CreditBalanceStrategy, type Entry } from './entry.js';
import type { EntryItem } from './entry-item.js';
import { isActive } from './entry-item.js';
import { conflict, invalid } from './errors.js';
import { abs } from './money.js';
import { planRefund } from './refund.js';
import { reverseItems, type Snapshot } from './settlement.js';

export interface CancelRequest {
  reason: string;
  number: string | null;
  strategy: CreditBalanceStrategy;
}

/**
 * Cancels an entry: every settlement on it is reversed (history kept), and the money that frees on
 * payments received is handled by the credit-balance strategy: kept for future settlement, or
 * turned into a refund, Prepared (to be approved) or Approved (to be paid out directly).
 */
export function planCancellation(
  snapshot: Snapshot,
  entry: Entry,
  items: EntryItem[],
  request: CancelRequest,
  actor: Actor,
): Changes {
  if (entry.status === 'Canceled') {
    throw conflict('ENTRY_CANCELED', `entry ${entry.number} is already canceled`);
  }
  if (!request.reason.trim()) throw invalid('REASON_REQUIRED', 'canceling an entry needs a reason');
  if (!CREDIT_BALANCE_STRATEGIES.includes(request.strategy)) {
    throw invalid('STRATEGY_UNKNOWN', `unknown credit balance strategy "${request.strategy}"`, {
      allowed: CREDIT_BALANCE_STRATEGIES,
    });
  }
  const active = items.filter((item) => item.entryId === entry.id && isActive(item));
  const changes = reverseItems(snapshot, active, actor, `canceled: ${request.reason}`);
  const current = changes.entries.get(entry.id) ?? entry;
  changes.entries.set(entry.id, {
    ...current,
    status: 'Canceled',
    cancellation: { reason: request.reason, number: request.number, strategy: request.strategy, at: actor.at },
    updatedAt: actor.at,
  });

  if (request.strategy !== 'Future Settlement') {
    const freed = new Map<string, bigint>();
    for (const item of active) {
      if (item.amount === 0n) continue;
      freed.set(item.paymentId, (freed.get(item.paymentId) ?? 0n) + abs(item.amount));
    }
    for (const [paymentId, amount] of freed) {
      const payment = changes.payments.get(paymentId) ?? snapshot.payments.get(paymentId);
      if (!payment || payment.direction !== 'in') continue;
      const planned = planRefund(
        payment,
        {
          amount,
          reason: `entry ${entry.number} canceled: ${request.reason}`,
          status: request.strategy === 'Direct Refund' ? 'Approved' : 'Prepared',
        },
        actor,
      );
      changes.payments.set(paymentId, planned.payment);
      changes.refunds.push(planned.refund);
    }
  }
  return changes;
}
