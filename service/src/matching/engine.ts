/**
 * The matching engine: evidence from every active configuration, candidates scored by signal, and a
 * decision that settles only what is certain. A Matcher keeps the open entries of one ledger and
 * lowers their open amounts as it settles items, so several items can pay one entry in one run.
 */
import { formatMinor } from '../domain/money.js';
import { compileConfiguration, type CompiledConfiguration } from './compiled.js';
import { DEFAULT_CONFIGURATIONS, type MatchingConfiguration } from './configurations.js';
import { buildDrafts, isEligible } from './drafts.js';
import { EntryIndex, type AccountRecord, type EntryRecord } from './entry-index.js';
import { FINDERS, type Evidence } from './finders.js';
import { itemContext, type ItemContext } from './item-context.js';
import { amountFit, scoreDraft, worded, type Scored, type ScoringContext } from './scoring.js';
import {
  DEFAULT_OPTIONS,
  type Allocation,
  type BankItemInput,
  type Candidate,
  type MatchOptions,
  type MatchResult,
  type OpenEntryInput,
} from './types.js';
import { WEIGHTS } from './weights.js';

export class Matcher {
  readonly index: EntryIndex;
  readonly options: MatchOptions;
  private readonly configurations: CompiledConfiguration[];
  private readonly amount: CompiledConfiguration | null;
  private readonly dates: CompiledConfiguration | null;

  constructor(configurations: readonly MatchingConfiguration[] = DEFAULT_CONFIGURATIONS, options: Partial<MatchOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.configurations = configurations
      .filter((c) => c.active)
      .sort((a, b) => a.priority - b.priority)
      .map(compileConfiguration);
    const first = (template: MatchingConfiguration['template']) =>
      this.configurations.find((c) => c.config.template === template) ?? null;
    this.amount = first('FindEntryByMatchingTheAmount');
    this.dates = first('FindEntryByCorrelatingDates');
    const customFields = this.configurations
      .filter((c) => c.config.template === 'FindEntryByCustomField' && c.config.search.field)
      .map((c) => c.config.search.field!);
    this.index = new EntryIndex(customFields);
  }

  addEntry(entry: OpenEntryInput): void {
    this.index.add(entry);
  }

  /** Matches one item and, when the result is `settled`, lowers the open amounts of its entries. */
  match(input: BankItemInput): MatchResult {
    const item = itemContext(input);
    if (!item.booked) {
      return unmatched(item.id, [`item status is ${input.status}: only booked items are matched`]);
    }
    const evidence: Evidence = { entries: [], accounts: [], notes: [] };
    for (const configuration of this.configurations) {
      FINDERS[configuration.config.template](item, this.index, configuration, evidence);
    }
    const context: ScoringContext = { item, evidence, amount: this.amount, dates: this.dates };
    const drafts = buildDrafts(item, evidence, this.options, (entries) => amountFit(context, entries).points === WEIGHTS.amountTolerated);
    const identified = new Set<AccountRecord>(evidence.accounts.filter((h) => h.identifies).map((h) => h.account));
    const scored = drafts
      .map((draft) => scoreDraft(context, draft, identified))
      .filter((s) => s.allocations.length > 0)
      // Equal points: the candidate that accounts for more of the named entries is shown first.
      .sort((a, b) => b.raw - a.raw || b.named - a.named || a.draft.entries[0]!.seq - b.draft.entries[0]!.seq);
    const result = this.decide(item, evidence, scored);
    if (result.outcome === 'settled') {
      for (const allocation of scored[0]!.allocations) allocation.entry.open -= allocation.minor;
    }
    return result;
  }

  private decide(item: ItemContext, evidence: Evidence, scored: Scored[]): MatchResult {
    const { autoSettleThreshold, suggestThreshold, ambiguityMargin, uniqueOnly, maxCandidates } = this.options;
    const shown = scored.filter((s) => s.score >= suggestThreshold);
    const best = scored[0];
    const notes = [...evidence.notes, ...ineligibleNotes(item, evidence)];
    if (!best || best.score < suggestThreshold) {
      const why = best ? `best candidate scores ${best.score}, below the suggestion threshold ${suggestThreshold}` : 'no candidate found';
      return unmatched(item.id, [...notes, why]);
    }
    const runnerUp = scored[1];
    // A text that names another entry (even one already settled, or not yet due) is a reason to ask.
    const blocking = evidence.entries.find(
      (h) =>
        h.kind === 'reference' &&
        h.points >= WEIGHTS.blockingReference &&
        h.points > best.reference &&
        !best.draft.entries.includes(h.entry),
    );
    let decision: string;
    let settle = false;
    if (best.score < autoSettleThreshold) {
      decision = `suggested: score ${best.score} is below the auto-settle threshold ${autoSettleThreshold}`;
    } else if (runnerUp && best.raw - runnerUp.raw < ambiguityMargin) {
      decision = `suggested: ${runnerUp.raw === best.raw ? 'two candidates are equally plausible' : 'the runner-up is too close'} (${best.raw} vs ${runnerUp.raw} points)`;
    } else if (uniqueOnly && runnerUp) {
      decision = `suggested: "unique match only" is on and there are ${scored.length} candidates`;
    } else if (blocking) {
      decision = `suggested: the remittance text names entry ${blocking.entry.number}, which this candidate does not settle`;
    } else {
      settle = true;
      decision = `settled: score ${best.score} ≥ ${autoSettleThreshold}${runnerUp ? `, ${best.raw} points against ${runnerUp.raw} for the runner-up` : ', no other candidate'}`;
    }
    const reasons = [
      ...notes,
      ...best.contributions.map((c) => `${c.signal} ${c.points >= 0 ? '+' : ''}${c.points.toFixed(2)}: ${worded(c.reason)}`),
      decision,
    ];
    const credited = best.contributions
      .filter((c) => c.points > 0 && c.configuration)
      .map((c) => c.configuration!)
      .sort((a, b) => a.config.priority - b.config.priority)[0];
    return {
      itemId: item.id,
      outcome: settle ? 'settled' : 'suggested',
      allocations: allocations(best),
      score: best.score,
      configuration: credited?.config.name ?? null,
      reasons,
      candidates: shown.slice(0, maxCandidates).map(
        (s): Candidate => ({ allocations: allocations(s), score: s.score, breakdown: s.breakdown }),
      ),
    };
  }
}

function allocations(scored: Scored): Allocation[] {
  return scored.allocations.map((a) => ({ entryId: a.entry.id, amount: formatMinor(a.minor, a.entry.currency) }));
}

function unmatched(itemId: string, reasons: string[]): MatchResult {
  return { itemId, outcome: 'unmatched', allocations: [], score: 0, configuration: null, reasons, candidates: [] };
}

/** Says why a referenced entry was not considered, so a reviewer is not left guessing. */
function ineligibleNotes(item: ItemContext, evidence: Evidence): string[] {
  const notes = new Set<string>();
  const describe = (entry: EntryRecord): string => {
    if (entry.open <= 0n) return `entry ${entry.number} is named but already settled`;
    if (entry.incoming !== item.incoming) {
      return `entry ${entry.number} is a ${entry.incoming ? 'receivable' : 'payable'} and cannot be paid by ${item.incoming ? 'incoming' : 'outgoing'} money`;
    }
    if (item.currency && entry.currency !== item.currency) return `entry ${entry.number} is in ${entry.currency}, the item in ${item.currency}`;
    return `entry ${entry.number} has a statement date after the booking date`;
  };
  for (const hit of evidence.entries) {
    if (hit.kind === 'reference' && !isEligible(item, hit.entry)) notes.add(describe(hit.entry));
  }
  return [...notes];
}

/** Matches items against entries in one pass; items are processed in order and settle as they go. */
export function matchItems(
  entries: Iterable<OpenEntryInput>,
  items: Iterable<BankItemInput>,
  configurations: readonly MatchingConfiguration[] = DEFAULT_CONFIGURATIONS,
  options: Partial<MatchOptions> = {},
): MatchResult[] {
  const matcher = new Matcher(configurations, options);
  for (const entry of entries) matcher.addEntry(entry);
  const results: MatchResult[] = [];
  for (const item of items) results.push(matcher.match(item));
  return results;
}
