import type { LedgerContext } from '../domain/ledger-port.js';
import type { AutoMatchDeps } from './auto-match.js';
import { applyBankFeedback, type FeedbackSummary } from './bank-feedback.js';

/** Runs the bank feedback still pending for the items of these statements, and marks it done. */
export async function feedPending(deps: AutoMatchDeps, ctx: LedgerContext, statementIds: string[]): Promise<FeedbackSummary> {
  const { postImport } = deps.matching;
  const toFeed = await postImport.pending(ctx.tenantId, statementIds, 'feedback');
  const feedback = await applyBankFeedback(deps.ledger, deps.statements, ctx, toFeed, deps.runs);
  await postImport.done(ctx.tenantId, toFeed, 'feedback');
  return feedback;
}
