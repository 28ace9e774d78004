/**
 * Where matching runs: a statement import of up to AUTO_MATCH_INLINE_LIMIT new items is matched at
 * once (a few milliseconds an item, so an upload answers within seconds), a larger one by the job
 * worker, with progress. Either way the items' pending matching step is marked done only once they
 * were matched, so an import whose matching was lost is matched by the next import of the file.
 */
import { invalid } from '../domain/errors.js';
import type { LedgerContext } from '../domain/ledger-port.js';
import type { JobQueue } from '../jobs/queue.js';
import type { JobHandler } from '../jobs/worker.js';
import { feedPending } from './pending-feedback.js';
import { autoMatchItems, itemsOfStatements, type AutoMatchDeps, type AutoMatchSummary, type MatchProgress } from './auto-match.js';

export const MATCHING_RUN = 'matching.run';
export const AUTO_MATCH_INLINE_LIMIT = 500;

export interface MatchingRunPayload {
  statementIds: string[];
}

export type AfterImportMatching = (AutoMatchSummary & { jobId: null }) | { jobId: string };

/**
 * Called by the statement import with the ids of the items whose matching is pending. A job still
 * queued or running for the same statements is reused, not queued twice.
 */
export async function matchAfterImport(
  deps: AutoMatchDeps & { jobs: JobQueue },
  ctx: LedgerContext,
  imported: { newItemIds: string[]; statementIds: string[] },
  progress?: MatchProgress,
  inlineLimit = AUTO_MATCH_INLINE_LIMIT,
): Promise<AfterImportMatching> {
  if (imported.newItemIds.length > inlineLimit) {
    const payload: MatchingRunPayload = { statementIds: imported.statementIds };
    const job = (await deps.jobs.findUnfinished(ctx.tenantId, MATCHING_RUN, payload)) ?? (await deps.jobs.enqueue(ctx.tenantId, MATCHING_RUN, payload, ctx.actor));
    return { jobId: job.id };
  }
  const summary = await autoMatchItems(deps, ctx, imported.newItemIds, progress);
  await deps.matching.postImport.done(ctx.tenantId, imported.newItemIds, 'matching');
  return { ...summary, jobId: null };
}

export function matchingJobHandlers(deps: AutoMatchDeps): Record<string, JobHandler> {
  return {
    [MATCHING_RUN]: async ({ job, progress }) => {
      const payload = job.payload as MatchingRunPayload | null;
      if (!payload || !Array.isArray(payload.statementIds)) throw invalid('JOB_PAYLOAD_INVALID', `${MATCHING_RUN} needs statementIds`);
      const ctx = { tenantId: job.tenantId, actor: job.createdBy, businessProcess: 'Automatic Matching' };
      // feedback an import left undone comes first: an item it ties to a payment of ours is not matched
      await feedPending(deps, ctx, payload.statementIds);
      const itemIds = await itemsOfStatements(deps.statements, job.tenantId, payload.statementIds);
      await progress(0, itemIds.length, 'matching items');
      const summary = await autoMatchItems(deps, ctx, itemIds, (done, total) => progress(done, total, 'matching items'));
      await deps.matching.postImport.done(job.tenantId, itemIds, 'matching');
      return summary;
    },
  };
}
