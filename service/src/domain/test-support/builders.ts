import type { Actor } from '../changes.js';
import type { Entry } from '../entry.js';
import type { EntryItem, NewEntryItem } from '../entry-item.js';
import { newEntry, type EntryInput } from '../new-entry.js';
import { directionOf, type Payment, type PaymentType } from '../payment.js';
import { parseMinor } from '../money.js';

export const actor: Actor = { by: 'test', businessProcess: 'Manual Settlement', at: new Date('2026-11-27T10:00:00Z') };

export function entry(id: string, input: Partial<EntryInput> = {}): Entry {
  const created = newEntry({
    number: `INV-${id}`,
    type: 'Debit',
    currency: 'EUR',
    amount: '100.00',
    account: { id: 'acc-1', name: 'Muster GmbH' },
    ...input,
  });
  return { ...created, id, createdAt: actor.at, updatedAt: actor.at };
}

export function payment(id: string, amount: string, overrides: Partial<Payment> & { type?: PaymentType } = {}): Payment {
  const type = overrides.type ?? 'Payment';
  const currency = overrides.currency ?? 'EUR';
  return {
    id,
    type,
    direction: directionOf(type),
    status: 'Collected',
    currency,
    amount: parseMinor(amount, currency),
    assignedAmount: 0n,
    expectedAmount: 0n,
    blockedAmount: 0n,
    refundedAmount: 0n,
    party: { name: 'Muster GmbH', iban: 'DE02120300000000202051', bic: 'BYLADEM1001' },
    accountId: null,
    externalId: null,
    endToEndId: null,
    paymentDate: '2026-11-26',
    statusDetails: null,
    createdAt: actor.at,
    updatedAt: actor.at,
    ...overrides,
  };
}

let sequence = 0;
/** Gives planned rows ids, as a ledger would, and links reversals to their originals. */
export function persist(existing: EntryItem[], planned: NewEntryItem[]): EntryItem[] {
  const all = existing.map((item) => ({ ...item }));
  for (const row of planned) {
    const item: EntryItem = { ...row, id: `item-${++sequence}`, createdAt: actor.at, reversedBy: null };
    if (row.reversalOf) {
      const original = all.find((candidate) => candidate.id === row.reversalOf);
      if (original) original.reversedBy = item.id;
    }
    all.push(item);
  }
  return all;
}

export const snapshotOf = (entries: Entry[], payments: Payment[]) => ({
  entries: new Map(entries.map((e) => [e.id, e])),
  payments: new Map(payments.map((p) => [p.id, p])),
});
