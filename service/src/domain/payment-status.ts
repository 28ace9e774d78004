import type { Actor, Changes } from './changes.js';
import { emptyChanges } from './changes.js';
import type { EntryItem } from './entry-item.js';
import { isActive } from './entry-item.js';
import { assertTransition, EXPECTING, SETTLEABLE, type Payment, type PaymentStatus } from './payment.js';
import { planSettlement, reverseItems, type Snapshot } from './settlement.js';
import { abs } from './money.js';

/**
 * Moves a payment to a new status and keeps its entry items true to it:
 * - arrived (Collected/Final) after being on its way: what entries expected becomes assigned;
 * - Failed or Reversed: every settlement on it is reversed, so its entries are open again.
 */
export function planPaymentStatus(
  snapshot: Snapshot,
  payment: Payment,
  items: EntryItem[],
  to: PaymentStatus,
  actor: Actor,
  details: string | null,
): Changes {
  assertTransition(payment.status, to);
  const active = items.filter((item) => item.paymentId === payment.id && isActive(item));
  let changes: Changes = emptyChanges();

  if (to === 'Failed' || to === 'Reversed') {
    changes = reverseItems(snapshot, active, actor, details ?? `payment ${to.toLowerCase()}`, changes);
  } else if (SETTLEABLE.has(to) && EXPECTING.has(payment.status)) {
    const expected = active.filter((item) => item.expectedAmount !== 0n);
    changes = reverseItems(snapshot, expected, actor, `payment ${to.toLowerCase()}`, changes);
    const arrived: Payment = { ...(changes.payments.get(payment.id) ?? payment), status: to };
    const settled = planSettlement(
      { entries: mergedEntries(snapshot, changes), payments: new Map([[payment.id, arrived]]) },
      expected.map((item) => ({ entryId: item.entryId, paymentId: payment.id, amount: abs(item.expectedAmount) })),
      actor,
    );
    for (const [id, entry] of settled.entries) changes.entries.set(id, entry);
    for (const [id, p] of settled.payments) changes.payments.set(id, p);
    changes.items.push(...settled.items);
  }
  const current = changes.payments.get(payment.id) ?? payment;
  changes.payments.set(payment.id, {
    ...current,
    status: to,
    statusDetails: details ?? current.statusDetails,
    updatedAt: actor.at,
  });
  return changes;
}

function mergedEntries(snapshot: Snapshot, changes: Changes) {
  const merged = new Map(snapshot.entries);
  for (const [id, entry] of changes.entries) merged.set(id, entry);
  return merged;
}
