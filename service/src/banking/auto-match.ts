/**
 * Matching in the product: after a statement import (or on request), every new booked bank item
 * becomes a payment, the engine looks for the open entries it pays, what is certain is settled
 * through the ledger port, and the rest is kept as ranked suggestions with their explanation.
 */
import { CashError } from '../domain/errors.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { parseMinor } from '../domain/money.js';
import { availableAmount, SETTLEABLE, type Payment } from '../domain/payment.js';
import { Matcher, type BankItemInput, type Candidate, type MatchResult } from '../matching/index.js';
import type { MatchingStore, NewSuggestion } from '../store/matching/index.js';
import type { RunStore } from '../store/runs/run-store.js';
import type { StatementItemRecord, StatementStore } from '../store/statements/statement-store.js';
import { createItemPayment, existingItemPayment, itemCurrency, learntIbans, openEntries } from './auto-match-ledger.js';
import { PAYMENT_ID_MATCHED, REFUND_ID_MATCHED } from './bank-feedback.js';

/** Items the bank feedback already tied to a payment or refund of ours are not matched again. */
const tiedByFeedback = (result: string) => result === PAYMENT_ID_MATCHED || result === REFUND_ID_MATCHED;

export const AUTOMATIC_MATCHING = 'Automatic Matching';
/** Values of a bank statement item's matching result, after the reference product. */
export const MATCHED = 'Matched';
export const UNMATCHED = 'Unmatched';
export const UNMATCHED_MULTIPLE = 'Unmatched, multiple results';

export interface AutoMatchDeps {
  ledger: Ledger;
  statements: StatementStore;
  matching: MatchingStore;
  /** Lets a returned direct debit end the mandate it was collected under. */
  runs?: RunStore;
}

export interface AutoMatchSummary {
  /** Items looked at (items matched by their end-to-end id before are left as they are). */
  items: number;
  settled: number;
  suggested: number;
  unmatched: number;
  /** Items whose payment was already settled, by hand or by an earlier run. */
  skipped: number;
  paymentsCreated: number;
  /** Whose configurations ran: the tenant's own or the shipped defaults. */
  configurations: 'tenant' | 'default';
}

export type MatchProgress = (done: number, total: number) => void | Promise<void>;

const toInput = (item: StatementItemRecord): BankItemInput => ({
  id: item.id,
  amount: item.amount,
  currency: itemCurrency(item),
  creditDebit: item.creditDebit,
  bookingDate: item.bookingDate,
  valueDate: item.valueDate,
  status: item.status,
  counterparty: item.data.counterparty,
  remittanceInformation: item.remittanceInformation,
  endToEndId: item.endToEndId,
  creditorReference: item.creditorReference,
  bankTransactionCode: item.bankTransactionCode,
});

/** The engine words its reasons for the best candidate; the others are explained by their breakdown. */
function describeCandidate(candidate: Candidate, rank: number, of: number): string[] {
  const parts = Object.entries(candidate.breakdown).map(
    ([signal, points]) => `${signal} ${points >= 0 ? '+' : ''}${points.toFixed(2)}`,
  );
  return [`candidate ${rank} of ${of}, score ${candidate.score}`, ...(parts.length ? [`signals: ${parts.join(', ')}`] : [])];
}

function suggestionsOf(item: StatementItemRecord, payment: Payment, result: MatchResult, extraReason: string | null): NewSuggestion[] {
  return result.candidates.map((candidate, index) => ({
    itemId: item.id,
    statementId: item.statementId,
    paymentId: payment.id,
    rank: index + 1,
    score: candidate.score,
    configuration: index === 0 ? result.configuration : null,
    allocations: candidate.allocations,
    breakdown: candidate.breakdown,
    reasons:
      index === 0
        ? [...result.reasons, ...(extraReason ? [extraReason] : [])]
        : describeCandidate(candidate, index + 1, result.candidates.length),
  }));
}

/** One run over a set of items: the tenant's configurations and open entries are loaded once. */
class Run {
  readonly summary: AutoMatchSummary;
  private readonly auto: LedgerContext;

  constructor(
    private readonly deps: AutoMatchDeps,
    private readonly ctx: LedgerContext,
    private readonly matcher: Matcher,
    private readonly accountOf: Map<string, string>,
    configurations: AutoMatchSummary['configurations'],
  ) {
    this.auto = { ...ctx, businessProcess: AUTOMATIC_MATCHING };
    this.summary = { items: 0, settled: 0, suggested: 0, unmatched: 0, skipped: 0, paymentsCreated: 0, configurations };
  }

  async item(item: StatementItemRecord): Promise<void> {
    const { ledger, statements, matching } = this.deps;
    const tenantId = this.ctx.tenantId;
    this.summary.items++;
    const currency = itemCurrency(item);
    const existing = currency ? await existingItemPayment(ledger, this.ctx, item) : null;
    if (existing && (!SETTLEABLE.has(existing.status) || availableAmount(existing) < existing.amount)) {
      // settled by hand since: what was suggested for it is moot
      if (SETTLEABLE.has(existing.status) && availableAmount(existing) === 0n && item.matchingResult !== MATCHED) {
        await matching.suggestions.supersedeOpen(tenantId, item.id);
        await statements.setItemResult(tenantId, item.id, MATCHED, existing.id);
      }
      this.summary.skipped++;
      return;
    }
    const leaveUnmatched = async (reasons: string[], paymentId: string | null) => {
      await matching.suggestions.recordItem(tenantId, { itemId: item.id, outcome: 'unmatched', score: 0, configuration: null, reasons }, []);
      await statements.setItemResult(tenantId, item.id, UNMATCHED, paymentId);
      this.summary.unmatched++;
    };
    if (!currency) return leaveUnmatched(['the item has no currency'], null);
    if (item.status !== 'BOOK') return leaveUnmatched([`item status is ${item.status}: only booked items are matched`], null);
    if (/^[0.]*$/.test(item.amount)) return leaveUnmatched(['the amount is zero: there is nothing to settle'], null);
    if (item.reversal) {
      const payment = existing ?? (await this.createPayment(item, currency, null));
      return leaveUnmatched(['the bank reversed an earlier booking: left for review, never settled automatically'], payment.id);
    }

    const result = this.matcher.match(toInput(item));
    const settledAccounts = new Set(result.outcome === 'settled' ? result.allocations.map((a) => this.accountOf.get(a.entryId)) : []);
    const accountId = settledAccounts.size === 1 ? ([...settledAccounts][0] ?? null) : null;
    const payment = existing ?? (await this.createPayment(item, currency, accountId));

    if (result.outcome === 'settled') {
      const refused = await this.settle(result, payment);
      if (!refused) {
        await matching.suggestions.recordItem(
          tenantId,
          { itemId: item.id, outcome: 'settled', score: result.score, configuration: result.configuration, reasons: result.reasons },
          [],
        );
        await statements.setItemResult(tenantId, item.id, MATCHED, payment.id);
        this.summary.settled++;
        return;
      }
      return this.suggest(item, payment, result, `not settled automatically: the ledger refused (${refused})`);
    }
    if (result.outcome === 'suggested') return this.suggest(item, payment, result, null);
    return leaveUnmatched(result.reasons, payment.id);
  }

  private async createPayment(item: StatementItemRecord, currency: string, accountId: string | null): Promise<Payment> {
    const payment = await createItemPayment(this.deps.ledger, this.ctx, item, currency, accountId);
    this.summary.paymentsCreated++;
    return payment;
  }

  /** Settles the engine's allocations; returns why the ledger refused, or null when it settled. */
  private async settle(result: MatchResult, payment: Payment): Promise<string | null> {
    try {
      await this.deps.ledger.settle(
        this.auto,
        result.allocations.map((a) => ({
          entryId: a.entryId,
          paymentId: payment.id,
          amount: parseMinor(a.amount, payment.currency),
          matching: { configuration: result.configuration ?? AUTOMATIC_MATCHING, score: result.score },
        })),
      );
      return null;
    } catch (error) {
      if (error instanceof CashError) return `${error.code}: ${error.message}`;
      throw error;
    }
  }

  private async suggest(item: StatementItemRecord, payment: Payment, result: MatchResult, extraReason: string | null): Promise<void> {
    const tenantId = this.ctx.tenantId;
    const reasons = [...result.reasons, ...(extraReason ? [extraReason] : [])];
    await this.deps.matching.suggestions.recordItem(
      tenantId,
      { itemId: item.id, outcome: 'suggested', score: result.score, configuration: result.configuration, reasons },
      suggestionsOf(item, payment, result, extraReason),
    );
    await this.deps.statements.setItemResult(tenantId, item.id, result.candidates.length > 1 ? UNMATCHED_MULTIPLE : UNMATCHED, payment.id);
    this.summary.suggested++;
  }
}

/**
 * Matches the given bank items of one tenant against its open entries, in booking order. Items the
 * bank feedback already tied to a payment or refund of ours keep that result; an item
 * whose payment was settled since (by hand or by an earlier run) is skipped, so a run can be repeated.
 */
export async function autoMatchItems(
  deps: AutoMatchDeps,
  ctx: LedgerContext,
  itemIds: string[],
  progress?: MatchProgress,
): Promise<AutoMatchSummary> {
  const { source, configurations } = await deps.matching.configurations.effective(ctx.tenantId);
  const items = (await deps.statements.itemsByIds(ctx.tenantId, itemIds)).filter((i) => !tiedByFeedback(i.matchingResult));
  const matcher = new Matcher(configurations);
  const accountOf = new Map<string, string>();
  if (items.length > 0) {
    for await (const entry of openEntries(deps.ledger, ctx, await learntIbans(deps.ledger, ctx))) {
      matcher.addEntry(entry);
      accountOf.set(entry.id, entry.account.id);
    }
  }
  const run = new Run(deps, ctx, matcher, accountOf, source);
  for (const [index, item] of items.entries()) {
    try {
      await run.item(item);
    } catch (error) {
      // one item the ledger refuses (an unknown currency, say) must not stop the others
      if (!(error instanceof CashError)) throw error;
      await deps.matching.suggestions.recordItem(
        ctx.tenantId,
        { itemId: item.id, outcome: 'unmatched', score: 0, configuration: null, reasons: [`not matched: ${error.code}: ${error.message}`] },
        [],
      );
      run.summary.unmatched++;
    }
    if (progress && ((index + 1) % 100 === 0 || index + 1 === items.length)) await progress(index + 1, items.length);
  }
  return run.summary;
}

/** The items of some statements that matching may (re)consider: all but those tied by their end-to-end id. */
export async function itemsOfStatements(statements: StatementStore, tenantId: string, statementIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const statementId of statementIds) {
    await statements.getStatement(tenantId, statementId);
    let cursor: string | null = null;
    do {
      const page = await statements.listItems(tenantId, { statementId }, 500, cursor);
      for (const item of page.items) if (!tiedByFeedback(item.matchingResult)) ids.push(item.id);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return ids;
}
