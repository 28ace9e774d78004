import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import type { ItemProgress, StatementStore } from '../store/statements/statement-store.js';
import { storeStatementFile, type StatementFileOptions, type StatementSource } from './store-statement-file.js';
import type { FeedbackSummary } from './bank-feedback.js';
import type { JobQueue } from '../jobs/queue.js';
import type { MatchingStore } from '../store/matching/index.js';
import type { RunStore } from '../store/runs/run-store.js';
import type { AfterImportMatching } from './auto-match-job.js';
import { afterImport } from './after-import.js';

export interface StatementImportSummary {
  fileId: string;
  format: string;
  statements: { id: string; account: string; newItems: number; duplicateItems: number; warnings: { code: string; message: string }[] }[];
  newItems: number;
  duplicateItems: number;
  feedback: FeedbackSummary;
  /** What automatic matching did with the new items, or the job that matches them when there are many. */
  matching: AfterImportMatching;
}

/**
 * Reads a bank file (streamed: see storeStatementFile) and stores what is new in one transaction
 * (re-imports add nothing), then lets the bank's bookings update the payments the product issued
 * and matches them. Those last steps are pending per item until done, so importing the file again
 * finishes what a failure left undone.
 */
export async function importStatement(
  deps: { ledger: Ledger; statements: StatementStore; matching: MatchingStore; jobs: JobQueue; runs?: RunStore },
  ctx: LedgerContext,
  content: StatementSource,
  options: StatementFileOptions,
  progress?: ItemProgress,
): Promise<StatementImportSummary> {
  const stored = await storeStatementFile(deps.statements, ctx, content, options, progress);
  const { feedback, matching } = await afterImport(deps, ctx, stored.statements.map((s) => s.id));
  return {
    fileId: stored.fileId,
    format: stored.format,
    statements: stored.statements.map(({ id, account, newItems, duplicateItems, warnings }) => ({
      id,
      account,
      newItems,
      duplicateItems,
      warnings: warnings.map(({ code, message }) => ({ code, message })),
    })),
    newItems: stored.newItems,
    duplicateItems: stored.duplicateItems,
    feedback,
    matching,
  };
}
