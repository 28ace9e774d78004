/**
 * The steps after a statement is stored: bank feedback on the payments and refunds the product
 * issued, then matching. They run outside the store's transaction (they go through the ledger port),
 * so each item keeps both steps pending until they are done; every import of a file runs whatever
 * its statements still have pending (the new items, and any an earlier import left undone). Both
 * steps are safe to repeat: feedback moves a payment only from the status it expects, matching finds
 * the payment it created for an item and skips what is settled.
 */
import type { LedgerContext } from '../domain/ledger-port.js';
import type { JobQueue } from '../jobs/queue.js';
import type { AutoMatchDeps } from './auto-match.js';
import { matchAfterImport, type AfterImportMatching } from './auto-match-job.js';
import type { FeedbackSummary } from './bank-feedback.js';
import { feedPending } from './pending-feedback.js';

export async function afterImport(
  deps: AutoMatchDeps & { jobs: JobQueue },
  ctx: LedgerContext,
  statementIds: string[],
): Promise<{ feedback: FeedbackSummary; matching: AfterImportMatching }> {
  const feedback = await feedPending(deps, ctx, statementIds);
  const toMatch = await deps.matching.postImport.pending(ctx.tenantId, statementIds, 'matching');
  const matching = await matchAfterImport(deps, ctx, { newItemIds: toMatch, statementIds });
  return { feedback, matching };
}
