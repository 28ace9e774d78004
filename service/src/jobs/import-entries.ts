import { CashError } from '../domain/errors.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import type { EntryRecord } from '../formats/entries/entries-file.js';
import { createEntry } from '../payment-runs/entry-business-entity.js';
import type { RunStore } from '../store/runs/run-store.js';

export interface ImportSummary {
  total: number;
  imported: number;
  refused: { line: number; code: string; message: string }[];
}

/**
 * Creates the entries of a file one by one, so one bad line refuses only itself; every refusal is
 * reported with its line, code and reason.
 */
export async function importEntries(
  ledger: Ledger,
  store: RunStore,
  ctx: LedgerContext,
  records: EntryRecord[],
  onProgress: (done: number, total: number) => Promise<void> | void = () => undefined,
): Promise<ImportSummary> {
  const summary: ImportSummary = { total: records.length, imported: 0, refused: [] };
  for (const [index, record] of records.entries()) {
    if ('error' in record) {
      summary.refused.push({ line: record.line, ...record.error });
    } else {
      try {
        await createEntry(ledger, store, ctx, record.input);
        summary.imported++;
      } catch (error) {
        if (!(error instanceof CashError)) throw error;
        summary.refused.push({ line: record.line, code: error.code, message: error.message });
      }
    }
    if ((index + 1) % 100 === 0 || index + 1 === records.length) await onProgress(index + 1, records.length);
  }
  return summary;
}
