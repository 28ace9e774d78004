/**
 * Turns evidence into candidate allocations (drafts): the referenced entries of an account, each
 * on its own and together; for an identified account without references, the subsets of its open
 * entries that sum to the paid amount; and entries proposed by their amount alone.
 */
import type { AccountRecord, EntryRecord } from './entry-index.js';
import type { Evidence } from './finders.js';
import type { ItemContext } from './item-context.js';
import { findSubsets } from './subset.js';
import type { MatchOptions } from './types.js';

const MIN_ACCOUNT_POINTS = 0.1;

export interface Draft {
  entries: EntryRecord[];
  account: AccountRecord;
  /** Proven to be the only combination of the account's open entries that sums to the amount. */
  uniqueSubset: boolean;
}

/** Oldest first: due date, then input order. */
export function byAge(a: EntryRecord, b: EntryRecord): number {
  const da = a.dueDate ?? '';
  const db = b.dueDate ?? '';
  return da < db ? -1 : da > db ? 1 : a.seq - b.seq;
}

export function isEligible(item: ItemContext, entry: EntryRecord): boolean {
  if (entry.incoming !== item.incoming || entry.open <= 0n) return false;
  if (item.currency && entry.currency !== item.currency) return false;
  // The reference product's rule: an entry's statement date must precede the booking.
  if (item.bookingDate && entry.statementDate && entry.statementDate.slice(0, 10) > item.bookingDate) return false;
  return true;
}

const sumOpen = (entries: readonly EntryRecord[]): bigint => entries.reduce((total, e) => total + e.open, 0n);

export function buildDrafts(
  item: ItemContext,
  evidence: Evidence,
  options: MatchOptions,
  tolerated: (entries: readonly EntryRecord[]) => boolean,
): Draft[] {
  const drafts = new Map<string, Draft>();
  const add = (entries: EntryRecord[], uniqueSubset = false) => {
    if (entries.length === 0) return;
    const sorted = [...entries].sort(byAge);
    const key = sorted.map((e) => e.seq).join(',');
    const known = drafts.get(key);
    if (known) known.uniqueSubset ||= uniqueSubset;
    else drafts.set(key, { entries: sorted, account: sorted[0]!.account, uniqueSubset });
  };

  const referenced = new Map<AccountRecord, Set<EntryRecord>>();
  for (const hit of evidence.entries) {
    if (hit.kind !== 'reference' || !isEligible(item, hit.entry)) continue;
    const set = referenced.get(hit.entry.account) ?? new Set<EntryRecord>();
    set.add(hit.entry);
    referenced.set(hit.entry.account, set);
  }
  for (const set of referenced.values()) {
    const entries = [...set].sort(byAge);
    for (const entry of entries) add([entry]);
    if (entries.length < 2) continue;
    add(entries);
    const paid = item.amountIn(entries[0]!.currency);
    if (paid !== null && sumOpen(entries) !== paid && entries.length <= options.subsetMaxEntries) {
      const search = findSubsets(entries.map((e) => e.open), paid, options.subsetBudget);
      for (const solution of search.solutions) add(solution.map((i) => entries[i]!));
    }
  }

  // A name shared by several accounts says too little about each to search their entries.
  const identified = new Set(evidence.accounts.filter((hit) => hit.points >= MIN_ACCOUNT_POINTS).map((hit) => hit.account));
  for (const account of identified) {
    if (referenced.has(account)) continue;
    const open = account.entries.filter((e) => isEligible(item, e)).sort(byAge);
    if (open.length === 0) continue;
    const paid = item.amountIn(open[0]!.currency);
    if (paid === null) continue;
    const before = drafts.size;
    if (open.length <= options.subsetMaxEntries) {
      const search = findSubsets(open.map((e) => e.open), paid, options.subsetBudget);
      const unique = search.solutions.length === 1 && search.complete;
      for (const solution of search.solutions) add(solution.map((i) => open[i]!), unique);
    } else {
      for (const entry of open) if (entry.open === paid) add([entry]);
    }
    for (const entry of open) if (entry.open !== paid && tolerated([entry])) add([entry]);
    if (drafts.size === before) add(oldestCovering(open, paid));
  }

  for (const hit of evidence.entries) {
    if (hit.kind === 'amount' && isEligible(item, hit.entry)) add([hit.entry]);
  }
  return [...drafts.values()];
}

/** Oldest entries first until the paid amount is used up: the proposal when nothing adds up. */
function oldestCovering(open: readonly EntryRecord[], paid: bigint): EntryRecord[] {
  const chosen: EntryRecord[] = [];
  let rest = paid;
  for (const entry of open) {
    if (rest <= 0n) break;
    chosen.push(entry);
    rest -= entry.open;
  }
  return chosen;
}
