/**
 * Where matching runs: a statement import of up to AUTO_MATCH_INLINE_LIMIT new items is matched at
 * once (a few milliseconds an item, so an upload answers within seconds), a larger one by the job
 * worker, with progress.
 */
import { invalid } from '../domain/errors.js';
import type { LedgerContext } from '../domain/ledger-port.js';
import type { JobQueue } from '../jobs/queue.js';
import type { JobHandler } from '../jobs/worker.js';
import { autoMatchItems, itemsOfStatements, type AutoMatchDeps, type AutoMatchSummary, type MatchProgress } from './auto-match.js';

export const MATCHING_RUN = 'matching.run';
export const AUTO_MATCH_INLINE_LIMIT = 500;

export interface MatchingRunPayload {
  statementIds: string[];
}

export type AfterImportMatching = (AutoMatchSummary & { jobId: null }) | { jobId: string };

/** Called by the statement import with the ids of the items it added. */
export async function matchAfterImport(
  deps: AutoMatchDeps & { jobs: JobQueue },
  ctx: LedgerContext,
  imported: { newItemIds: string[]; statementIds: string[] },
  progress?: MatchProgress,
  inlineLimit = AUTO_MATCH_INLINE_LIMIT,
): Promise<AfterImportMatching> {
  if (imported.newItemIds.length > inlineLimit) {
    const payload: MatchingRunPayload = { statementIds: imported.statementIds };
    const job = await deps.jobs.enqueue(ctx.tenantId, MATCHING_RUN, payload, ctx.actor);
    return { jobId: job.id };
  }
  return { ...(await autoMatchItems(deps, ctx, imported.newItemIds, progress)), jobId: null };
}

export function matchingJobHandlers(deps: AutoMatchDeps): Record<string, JobHandler> {
  return {
    [MATCHING_RUN]: async ({ job, progress }) => {
      const payload = job.payload as MatchingRunPayload | null;
      if (!payload || !Array.isArray(payload.statementIds)) throw invalid('JOB_PAYLOAD_INVALID', `${MATCHING_RUN} needs statementIds`);
      const ctx = { tenantId: job.tenantId, actor: job.createdBy, businessProcess: 'Automatic Matching' };
      const itemIds = await itemsOfStatements(deps.statements, job.tenantId, payload.statementIds);
      await progress(0, itemIds.length, 'matching items');
      return autoMatchItems(deps, ctx, itemIds, (done, total) => progress(done, total, 'matching items'));
    },
  };
}
