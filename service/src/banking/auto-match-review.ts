/**
 * Review of what automatic matching left open: accepting a suggestion settles its allocations through
 * the ledger port (the entry items record the configuration and score); rejecting one only records
 * the decision. Manual settlement and undo are the ledger's own settle and undo.
 */
import type { LedgerContext } from '../domain/ledger-port.js';
import { parseMinor } from '../domain/money.js';
import { alreadyDecided, type Suggestion } from '../store/matching/index.js';
import { MATCHED, type AutoMatchDeps } from './auto-match.js';

export const SUGGESTION_ACCEPTED = 'Matching Suggestion';

/**
 * Accepts a suggestion: it is claimed first (Open → Accepted in one conditional step), so of two
 * accepts at once only one settles; the other is refused with SUGGESTION_DECIDED (409). When the
 * ledger refuses the settlement, the claim is undone and the suggestion is open again.
 */
export async function acceptSuggestion(deps: AutoMatchDeps, ctx: LedgerContext, id: string, note: string | null): Promise<Suggestion> {
  const { ledger, matching, statements } = deps;
  const suggestion = await matching.suggestions.get(ctx.tenantId, id);
  if (suggestion.status !== 'Open') throw alreadyDecided(suggestion);
  const payment = await ledger.getPayment(ctx, suggestion.paymentId);
  await matching.suggestions.claimAccept(ctx.tenantId, id, ctx.actor, note);
  let entryItemIds: string[];
  try {
    const items = await ledger.settle(
      { ...ctx, businessProcess: SUGGESTION_ACCEPTED },
      suggestion.allocations.map((a) => ({
        entryId: a.entryId,
        paymentId: payment.id,
        amount: parseMinor(a.amount, payment.currency),
        matching: { configuration: suggestion.configuration ?? SUGGESTION_ACCEPTED, score: suggestion.score },
      })),
    );
    entryItemIds = items.map((i) => i.id);
  } catch (error) {
    await matching.suggestions.releaseAccept(ctx.tenantId, id);
    throw error;
  }
  const previous = await matching.suggestions.itemResult(ctx.tenantId, suggestion.itemId);
  const accepted = await matching.suggestions.completeAccept(ctx.tenantId, id, entryItemIds, {
    itemId: suggestion.itemId,
    outcome: 'accepted',
    score: suggestion.score,
    configuration: suggestion.configuration,
    reasons: [...(previous?.reasons ?? []), `accepted by ${ctx.actor}: candidate ${suggestion.rank} settled`],
  });
  await statements.setItemResult(ctx.tenantId, suggestion.itemId, MATCHED, payment.id);
  return accepted;
}

export function rejectSuggestion(deps: AutoMatchDeps, ctx: LedgerContext, id: string, note: string | null): Promise<Suggestion> {
  return deps.matching.suggestions.reject(ctx.tenantId, id, ctx.actor, note);
}
