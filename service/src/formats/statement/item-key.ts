import { createHash } from 'node:crypto';
import type { AccountRef, Statement, StatementItem } from './model.js';

/**
 * Stable identity of a statement item, so that importing a file twice, or files that overlap
 * (camt.052 intraday vs camt.053, camt vs MT940), adds only what is new.
 *
 * The bank's own identifiers come first: the account servicer reference, qualified by amount and
 * direction because some banks give a return the reference of the booking it returns (ING), then
 * the entry reference, which some banks only number within a day, so it is also qualified by
 * booking date. Without either, a hash of the item's content is used.
 * Every key ends in "#n", the occurrence of the same base key earlier in the same statement:
 * two genuinely identical rows in one statement stay two items, while the same statement read
 * again yields the same keys.
 */
function accountId(account: AccountRef): string {
  const id = account.iban ?? account.other ?? 'unknown';
  return id.replace(/\s+/g, '').toUpperCase();
}

function contentHash(account: string, item: StatementItem): string {
  const party = item.counterparty;
  const fields = [
    account,
    item.currency ?? '',
    item.amount,
    item.creditDebit,
    item.reversal ? 'R' : '',
    item.bookingDate ?? '',
    item.valueDate ?? '',
    item.endToEndId ?? '',
    item.creditorReference ?? '',
    item.remittanceInformation ?? '',
    item.additionalInformation ?? '',
    party?.iban ?? party?.other ?? '',
    party?.name ?? '',
    item.bankTransactionCode ?? '',
    item.proprietaryBankTransactionCode ?? '',
    item.details.length.toString(),
  ];
  // Unit separator: no field can contain it, so ["a", "bc"] and ["ab", "c"] hash differently.
  return createHash('sha256').update(fields.join('\u001f')).digest('hex').slice(0, 32);
}

/** The key without its occurrence suffix. */
export function baseItemKey(account: AccountRef, item: StatementItem): string {
  const id = accountId(account);
  const movement = `${item.creditDebit}${item.amount}`;
  if (item.accountServicerReference) return `asr:${id}:${movement}:${item.accountServicerReference.trim()}`;
  if (item.entryReference) {
    const date = item.bookingDate ?? item.valueDate ?? '';
    return `ref:${id}:${date}:${movement}:${item.entryReference.trim()}`;
  }
  return `hash:${id}:${contentHash(id, item)}`;
}

/**
 * 53-bit FNV-1a style hash of a base key. The keyer remembers only these numbers, so a streamed
 * statement costs a few bytes per item rather than a copy of every key. A collision between two
 * different base keys merely raises the second one's occurrence number, and does so the same way
 * on every read, so keys stay unique and stable.
 */
function fingerprint(key: string): number {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (let i = 0; i < key.length; i += 1) {
    const code = key.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ code, 0x000193a7) >>> 0;
  }
  return (high & 0x1fffff) * 0x100000000 + low;
}

/** Hands out keys for one statement's items, fed in order (a streaming reader never holds them all). */
export class ItemKeyer {
  private readonly seen = new Map<number, number>();

  constructor(private readonly account: AccountRef) {}

  next(item: StatementItem): string {
    const base = baseItemKey(this.account, item);
    const print = fingerprint(base);
    const occurrence = this.seen.get(print) ?? 0;
    this.seen.set(print, occurrence + 1);
    return `${base}#${occurrence}`;
  }
}

/** Keys for every item of a statement, in item order. */
export function itemKeys(statement: Statement): string[] {
  const keyer = new ItemKeyer(statement.account);
  return statement.items.map((item) => keyer.next(item));
}
