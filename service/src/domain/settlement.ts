import type { Actor, Changes } from './changes.js';
import { emptyChanges } from './changes.js';
import { allocatableAmount, itemSign, statusFor, type Entry } from './entry.js';
import type { EntryItem, NewEntryItem } from './entry-item.js';
import { isActive } from './entry-item.js';
import { CashError, conflict, invalid, notFound } from './errors.js';
import { formatMinor, parseMinor } from './money.js';
import { availableAmount, EXPECTING, SETTLEABLE, type Payment } from './payment.js';

export interface AllocationRequest {
  entryId: string;
  paymentId: string;
  /**
   * Positive minor units, or a decimal string read in the entry's currency (so a caller need not
   * look the currency up first). The sign of the entry item follows from the entry's type.
   */
  amount: bigint | string;
  matching?: { configuration: string; score: number } | null;
}

export interface Snapshot {
  entries: ReadonlyMap<string, Entry>;
  payments: ReadonlyMap<string, Payment>;
}

interface Problem {
  code: string;
  message: string;
  kind: 'invalid' | 'conflict' | 'not_found';
  index: number;
}

function refuse(problems: Problem[]): never {
  const [first] = problems;
  throw new CashError(first!.code, first!.kind, first!.message, {
    problems: problems.map(({ code, message, index }) => ({ code, message, allocation: index })),
  });
}

const clone = <T extends object>(row: T): T => ({ ...row });

/**
 * Plans a settlement of several allocations in one go (one payment to several entries, several
 * payments to one entry, or both). Every rule is checked over the whole request before anything
 * changes: the same currency, the right direction, an open entry, a payment whose status allows it,
 * and neither the entry's nor the payment's remaining amount exceeded. A payment that has arrived
 * (Collected, Final) is assigned; one still on its way (Issued, Pending) is only expected.
 */
export function planSettlement(snapshot: Snapshot, requests: AllocationRequest[], actor: Actor): Changes {
  if (requests.length === 0) throw invalid('ALLOCATIONS_EMPTY', 'at least one allocation is required');
  const problems: Problem[] = [];
  const changes = emptyChanges();
  const entryOf = (id: string) => changes.entries.get(id) ?? snapshot.entries.get(id);
  const paymentOf = (id: string) => changes.payments.get(id) ?? snapshot.payments.get(id);

  requests.forEach((asked, index) => {
    const problem = (code: string, message: string, kind: Problem['kind'] = 'invalid') =>
      problems.push({ code, message, kind, index });
    const entry = entryOf(asked.entryId);
    const payment = paymentOf(asked.paymentId);
    if (!entry) return problem('NOT_FOUND', `entry ${asked.entryId} does not exist`, 'not_found');
    if (!payment) return problem('NOT_FOUND', `payment ${asked.paymentId} does not exist`, 'not_found');
    let amount: bigint;
    try {
      amount = typeof asked.amount === 'string' ? parseMinor(asked.amount, entry.currency) : asked.amount;
    } catch (error) {
      if (!(error instanceof CashError)) throw error;
      return problem(error.code, `allocation ${index}: ${error.message}`);
    }
    const request = { ...asked, amount };
    if (request.amount <= 0n) return problem('AMOUNT_NOT_POSITIVE', 'an allocation amount must be greater than zero');
    if (entry.currency !== payment.currency) {
      return problem(
        'CURRENCY_MISMATCH',
        `entry ${entry.number} is in ${entry.currency}, payment ${payment.id} in ${payment.currency}`,
      );
    }
    if (entry.status !== 'Open') {
      return problem(
        entry.status === 'Canceled' ? 'ENTRY_CANCELED' : 'ENTRY_BALANCED',
        `entry ${entry.number} is ${entry.status} and cannot be settled`,
        'conflict',
      );
    }
    const expectedDirection = entry.type === 'Debit' ? 'in' : 'out';
    if (payment.direction !== expectedDirection) {
      return problem(
        'DIRECTION_MISMATCH',
        entry.type === 'Debit'
          ? `receivable ${entry.number} can only be settled by money received`
          : `payable ${entry.number} can only be settled by money paid out`,
      );
    }
    const expecting = EXPECTING.has(payment.status);
    if (!expecting && !SETTLEABLE.has(payment.status)) {
      return problem(
        'PAYMENT_STATUS_NOT_SETTLEABLE',
        `payment ${payment.id} is ${payment.status}; only Issued, Pending, Collected or Final payments can be settled`,
        'conflict',
      );
    }
    const entryRoom = allocatableAmount(entry);
    if (request.amount > entryRoom) {
      return problem(
        'OVER_ALLOCATION_ENTRY',
        `${formatMinor(request.amount, entry.currency)} exceeds what entry ${entry.number} still allows (${formatMinor(entryRoom, entry.currency)})`,
        'conflict',
      );
    }
    const paymentRoom = availableAmount(payment);
    if (request.amount > paymentRoom) {
      return problem(
        'OVER_ALLOCATION_PAYMENT',
        `${formatMinor(request.amount, payment.currency)} exceeds the available amount of payment ${payment.id} (${formatMinor(paymentRoom, payment.currency)})`,
        'conflict',
      );
    }
    const signed = itemSign(entry.type) * request.amount;
    const nextEntry = clone(entry);
    const nextPayment = clone(payment);
    if (expecting) {
      nextEntry.expectedAmount += signed;
      nextPayment.expectedAmount += request.amount;
    } else {
      nextEntry.assignedAmount += signed;
      nextPayment.assignedAmount += request.amount;
    }
    nextEntry.status = statusFor(nextEntry);
    if (nextEntry.status === 'Balanced') nextEntry.paymentDate = payment.paymentDate ?? actor.at.toISOString().slice(0, 10);
    nextEntry.updatedAt = actor.at;
    nextPayment.updatedAt = actor.at;
    changes.entries.set(entry.id, nextEntry);
    changes.payments.set(payment.id, nextPayment);
    changes.items.push({
      entryId: entry.id,
      paymentId: payment.id,
      currency: entry.currency,
      amount: expecting ? 0n : signed,
      expectedAmount: expecting ? signed : 0n,
      businessProcess: actor.businessProcess,
      createdBy: actor.by,
      reversalOf: null,
      reason: null,
      matching: request.matching ?? null,
    });
  });
  if (problems.length > 0) refuse(problems);
  return changes;
}

/** The reversal row of an item: same link, negated amounts, pointing at the original. */
export function reversalOf(item: EntryItem, actor: Actor, reason: string | null): NewEntryItem {
  return {
    entryId: item.entryId,
    paymentId: item.paymentId,
    currency: item.currency,
    amount: -item.amount,
    expectedAmount: -item.expectedAmount,
    businessProcess: actor.businessProcess,
    createdBy: actor.by,
    reversalOf: item.id,
    reason,
    matching: null,
  };
}

/**
 * Reverses items into `changes`: appends reversal rows and gives the amounts back to the entry
 * and the payment. A Balanced entry opens again; a Canceled one stays canceled.
 */
export function reverseItems(
  snapshot: Snapshot,
  items: EntryItem[],
  actor: Actor,
  reason: string | null,
  changes: Changes = emptyChanges(),
): Changes {
  for (const item of items) {
    if (!isActive(item)) {
      throw conflict(
        item.reversalOf ? 'ITEM_IS_REVERSAL' : 'ITEM_ALREADY_REVERSED',
        item.reversalOf
          ? `entry item ${item.id} is itself a reversal and cannot be undone`
          : `entry item ${item.id} was already undone`,
        { entryItemId: item.id },
      );
    }
    const entry = changes.entries.get(item.entryId) ?? snapshot.entries.get(item.entryId);
    const payment = changes.payments.get(item.paymentId) ?? snapshot.payments.get(item.paymentId);
    if (!entry) throw notFound('entry', item.entryId);
    if (!payment) throw notFound('payment', item.paymentId);
    const nextEntry = clone(entry);
    const nextPayment = clone(payment);
    nextEntry.assignedAmount -= item.amount;
    nextEntry.expectedAmount -= item.expectedAmount;
    nextEntry.status = statusFor(nextEntry);
    if (nextEntry.status === 'Open') nextEntry.paymentDate = null;
    nextEntry.updatedAt = actor.at;
    nextPayment.assignedAmount -= item.amount < 0n ? -item.amount : item.amount;
    nextPayment.expectedAmount -= item.expectedAmount < 0n ? -item.expectedAmount : item.expectedAmount;
    nextPayment.updatedAt = actor.at;
    changes.entries.set(entry.id, nextEntry);
    changes.payments.set(payment.id, nextPayment);
    changes.items.push(reversalOf(item, actor, reason));
  }
  return changes;
}

/** Undo of settlements by a person or a process: a reason is required, history is kept. */
export function planUndo(snapshot: Snapshot, items: EntryItem[], actor: Actor, reason: string): Changes {
  if (items.length === 0) throw invalid('ENTRY_ITEMS_EMPTY', 'at least one entry item is required');
  if (!reason.trim()) throw invalid('REASON_REQUIRED', 'undoing a settlement needs a reason');
  return reverseItems(snapshot, items, actor, reason);
}
