/**
 * What automatic matching reads from and writes to the ledger, through the port only: the open
 * entries the engine searches (with the IBANs each account paid from before), and the payment that
 * stands for a bank item.
 */
import { allocatableAmount, type Entry } from '../domain/entry.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { formatMinor, parseMinor } from '../domain/money.js';
import type { Payment } from '../domain/payment.js';
import type { OpenEntryInput } from '../matching/index.js';
import type { StatementItemRecord } from '../store/statements/statement-store.js';

const PAGE = 500;

async function* pages<T>(read: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>): AsyncGenerator<T> {
  let cursor: string | null = null;
  do {
    const page = await read(cursor);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

const accountKeyOf = (entry: Entry): string => entry.account.id ?? entry.account.number ?? entry.account.name ?? `entry:${entry.id}`;

/** IBANs each account has paid from (or been paid to) before, learnt from the payments that name the account. */
export async function learntIbans(ledger: Ledger, ctx: LedgerContext): Promise<Map<string, Set<string>>> {
  const ibans = new Map<string, Set<string>>();
  for await (const payment of pages((cursor) => ledger.listPayments(ctx, {}, PAGE, cursor))) {
    if (!payment.accountId || !payment.party.iban) continue;
    const known = ibans.get(payment.accountId) ?? new Set<string>();
    known.add(payment.party.iban.replace(/\s+/g, '').toUpperCase());
    ibans.set(payment.accountId, known);
  }
  return ibans;
}

/** The tenant's open entries in the engine's input shape, with what can still be allocated to each. */
export async function* openEntries(ledger: Ledger, ctx: LedgerContext, ibans: Map<string, Set<string>>): AsyncGenerator<OpenEntryInput> {
  for await (const entry of pages((cursor) => ledger.listEntries(ctx, { status: 'Open' }, PAGE, cursor))) {
    const open = allocatableAmount(entry);
    if (open <= 0n) continue;
    const account = accountKeyOf(entry);
    yield {
      id: entry.id,
      number: entry.number,
      type: entry.type,
      currency: entry.currency,
      openAmount: formatMinor(open, entry.currency),
      statementDate: entry.statementDate,
      dueDate: entry.dueDate,
      account: { id: account, number: entry.account.number, name: entry.account.name, ibans: [...(ibans.get(account) ?? [])] },
      contact: entry.contact ? { number: entry.contact.number, name: entry.contact.name } : null,
      paymentReference: entry.paymentReference,
    };
  }
}

/** Payments created from bank items carry this external id, so matching an item twice creates one payment. */
export const itemExternalId = (itemId: string) => `statement-item:${itemId}`;

export const itemCurrency = (item: StatementItemRecord): string | null => item.currency ?? item.data.currency ?? null;

export async function existingItemPayment(ledger: Ledger, ctx: LedgerContext, item: StatementItemRecord): Promise<Payment | null> {
  const [payment] = (await ledger.listPayments(ctx, { externalId: itemExternalId(item.id) }, 1, null)).items;
  return payment ?? null;
}

/**
 * The payment for a booked bank item: money in is a Payment, money out a Payout, both Collected
 * because the bank booked them; the counterparty is kept as the party snapshot.
 */
export function createItemPayment(
  ledger: Ledger,
  ctx: LedgerContext,
  item: StatementItemRecord,
  currency: string,
  accountId: string | null,
): Promise<Payment> {
  const counterparty = item.data.counterparty;
  return ledger.createPayment(ctx, {
    type: item.creditDebit === 'CRDT' ? 'Payment' : 'Payout',
    status: 'Collected',
    currency,
    amount: parseMinor(item.amount, currency),
    party: { name: counterparty?.name ?? null, iban: counterparty?.iban ?? null, bic: counterparty?.bic ?? null },
    accountId,
    externalId: itemExternalId(item.id),
    // the end-to-end id is the payer's; several items may carry the same one, the ledger keeps it unique
    endToEndId: null,
    paymentDate: item.bookingDate ?? item.valueDate,
    statusDetails: null,
  });
}
