/**
 * Scores a draft by signal — reference, account, amount, allocation, date — and keeps, for each
 * point, the configuration and the sentence that explain it.
 */
import { formatMinor, parseMinor } from '../domain/money.js';
import type { CompiledConfiguration } from './compiled.js';
import { applyPpm, toPpm } from './compiled.js';

/** A share in parts per million as a percentage for people: 70000 → "7", 25000 → "2.5". */
function percentOf(ppm: bigint): string {
  const hundredths = (ppm + 50n) / 100n;
  const whole = hundredths / 100n;
  const rest = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}
import type { Draft } from './drafts.js';
import type { AccountRecord, EntryRecord } from './entry-index.js';
import type { AccountHit, EntryHit, Evidence } from './finders.js';
import type { ItemContext } from './item-context.js';
import type { Breakdown, Signal } from './types.js';
import { WEIGHTS } from './weights.js';

export interface Contribution {
  signal: Signal;
  points: number;
  /** Worded only for the candidates shown, so scoring many candidates stays cheap. */
  reason: string | (() => string);
  configuration: CompiledConfiguration | null;
}

export interface Scored {
  draft: Draft;
  /** Minor units per entry, in draft order; entries the payment does not reach get none. */
  allocations: Array<{ entry: EntryRecord; minor: bigint }>;
  /** Reported score, 0..1. */
  score: number;
  /** Sum of all points before capping at 1: ranks candidates and measures their distance. */
  raw: number;
  breakdown: Breakdown;
  contributions: Contribution[];
  /** Strongest reference evidence on the draft's entries (the weakest entry counts). */
  reference: number;
  /** How many of the draft's entries the remittance text names. */
  named: number;
}

export interface ScoringContext {
  item: ItemContext;
  evidence: Evidence;
  amount: CompiledConfiguration | null;
  dates: CompiledConfiguration | null;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The largest difference the amount configuration tolerates on `open`: the smaller of share and absolute. */
function tolerance(open: bigint, currency: string, amount: CompiledConfiguration | null): bigint {
  const search = amount?.config.search;
  if (!search) return 0n;
  const limits: bigint[] = [];
  if (search.percentage !== undefined) limits.push(applyPpm(open, toPpm(search.percentage)));
  if (search.absolute !== undefined) limits.push(parseMinor(search.absolute, currency));
  if (limits.length === 0) return 0n;
  return limits.reduce((a, b) => (a < b ? a : b));
}

interface AmountFit {
  points: number;
  reason: () => string;
}

export function amountFit(context: ScoringContext, entries: readonly EntryRecord[]): AmountFit {
  const currency = entries[0]!.currency;
  const paid = context.item.amountIn(currency) ?? 0n;
  const open = entries.reduce((total, e) => total + e.open, 0n);
  const show = (minor: bigint) => `${formatMinor(minor, currency)} ${currency}`;
  if (paid === open) return { points: WEIGHTS.amountExact, reason: () => `paid ${show(paid)} equals the open amount` };
  const difference = open - paid;
  const absolute = difference < 0n ? -difference : difference;
  if (absolute <= tolerance(open, currency, context.amount)) {
    return {
      points: WEIGHTS.amountTolerated,
      reason: () => `paid ${show(paid)} differs from the open ${show(open)} by ${show(absolute)}, within the tolerance`,
    };
  }
  const search = context.amount?.config.search;
  if (difference > 0n && search?.discounts) {
    const latest = entries.map((e) => e.statementDate).filter((d): d is string => d !== null).sort()[0];
    const inTime =
      !latest || !context.item.bookingDate || days(latest, context.item.bookingDate) <= (search.discountDays ?? Infinity);
    for (const share of search.discounts) {
      const discounted = open - applyPpm(open, toPpm(share));
      if (inTime && (discounted - paid <= 1n && paid - discounted <= 1n)) {
        return {
          points: WEIGHTS.amountTolerated,
          reason: () => `paid ${show(paid)} is the open ${show(open)} less a ${percentOf(toPpm(share))} % early-payment discount`,
        };
      }
    }
  }
  if (paid < open) return { points: 0, reason: () => `partial payment: ${show(paid)} of ${show(open)}` };
  return { points: 0, reason: () => `overpayment: ${show(paid - open)} stays available on the payment` };
}

function accountPoints(hits: readonly AccountHit[], account: AccountRecord, identified: Set<AccountRecord>): Contribution[] {
  const best = new Map<AccountHit['kind'], AccountHit>();
  for (const hit of hits) {
    if (hit.account !== account) continue;
    const known = best.get(hit.kind);
    if (!known || known.points < hit.points) best.set(hit.kind, hit);
  }
  const ordered = [...best.values()].sort((a, b) => b.points - a.points);
  const contributions: Contribution[] = [];
  let total = 0;
  ordered.forEach((hit, i) => {
    const points = Math.min(i === 0 ? hit.points : WEIGHTS.accountCorroboration, WEIGHTS.accountMax - total);
    total += points;
    contributions.push({ signal: 'account', points, reason: hit.reason, configuration: hit.configuration });
  });
  if (identified.size > 0 && !identified.has(account)) {
    const by = hits.find((h) => h.identifies);
    contributions.push({
      signal: 'account',
      points: WEIGHTS.accountConflict,
      reason: () => `the payer is identified as another account than ${account.number ?? account.id}`,
      configuration: by?.configuration ?? null,
    });
  }
  return contributions;
}

function allocate(draft: Draft, paid: bigint): Scored['allocations'] {
  const allocations: Scored['allocations'] = [];
  let rest = paid;
  for (const entry of draft.entries) {
    if (rest <= 0n) break;
    const minor = entry.open < rest ? entry.open : rest;
    allocations.push({ entry, minor });
    rest -= minor;
  }
  return allocations;
}

export function scoreDraft(context: ScoringContext, draft: Draft, identified: Set<AccountRecord>): Scored {
  const contributions: Contribution[] = [];
  const referenceHits = new Map<EntryRecord, EntryHit>();
  for (const hit of context.evidence.entries) {
    if (hit.kind !== 'reference' || !draft.entries.includes(hit.entry)) continue;
    const known = referenceHits.get(hit.entry);
    if (!known || known.points < hit.points) referenceHits.set(hit.entry, hit);
  }
  const reference = draft.entries.every((e) => referenceHits.has(e))
    ? Math.min(...draft.entries.map((e) => referenceHits.get(e)!.points))
    : 0;
  if (reference > 0) {
    const hits = [...referenceHits.values()];
    hits.forEach((hit, i) =>
      contributions.push({ signal: 'reference', points: i === 0 ? reference : 0, reason: hit.reason, configuration: hit.configuration }),
    );
  }
  contributions.push(...accountPoints(context.evidence.accounts, draft.account, identified));
  const fit = amountFit(context, draft.entries);
  const amountHit = context.evidence.entries.find((h) => h.kind === 'amount' && draft.entries.includes(h.entry));
  contributions.push({
    signal: 'amount',
    points: fit.points,
    reason: fit.reason,
    configuration: fit.points > 0 ? (amountHit?.configuration ?? context.amount) : null,
  });
  if (draft.uniqueSubset && fit.points === WEIGHTS.amountExact) {
    const accountHit = context.evidence.accounts.find((h) => h.account === draft.account);
    contributions.push({
      signal: 'allocation',
      points: WEIGHTS.uniqueSubset,
      reason: () =>
        `the only combination of the account's open entries that sums to the amount (${draft.entries.length} ${draft.entries.length === 1 ? 'entry' : 'entries'})`,
      configuration: accountHit?.configuration ?? null,
    });
  }
  const supported = contributions.some((c) => (c.signal === 'reference' || c.signal === 'account') && c.points > 0);
  const booking = context.item.bookingDate;
  const window = context.dates?.config.search;
  if (supported && booking && window) {
    const correlated = draft.entries.every((e) => {
      if (!e.dueDate) return false;
      const offset = days(e.dueDate.slice(0, 10), booking);
      return offset >= -(window.daysBefore ?? 30) && offset <= (window.daysAfter ?? 30);
    });
    if (correlated) {
      contributions.push({
        signal: 'date',
        points: WEIGHTS.dateCorrelated,
        reason: () => `booked ${booking}, close to the due date`,
        configuration: context.dates,
      });
    }
  }
  const breakdown: Breakdown = {};
  let total = 0;
  for (const c of contributions) {
    breakdown[c.signal] = round((breakdown[c.signal] ?? 0) + c.points);
    total += c.points;
  }
  const paid = context.item.amountIn(draft.entries[0]!.currency) ?? 0n;
  return {
    draft,
    allocations: allocate(draft, paid),
    score: round(Math.max(0, Math.min(1, total))),
    raw: round(total),
    breakdown,
    contributions,
    reference,
    named: referenceHits.size,
  };
}

export const round = (value: number): number => Math.round(value * 1000) / 1000;

export const worded = (reason: Contribution['reason']): string => (typeof reason === 'string' ? reason : reason());
