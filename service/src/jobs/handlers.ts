import { invalid } from '../domain/errors.js';
import type { Ledger } from '../domain/ledger-port.js';
import { readEntriesBytes, readEntriesFile, type EntriesFileFormat } from '../formats/entries/entries-file.js';
import { matchingJobHandlers } from '../banking/auto-match-job.js';
import type { AutoMatchDeps } from '../banking/auto-match.js';
import { importEntries } from './import-entries.js';
import type { PaymentRuns } from '../payment-runs/payment-runs.js';
import { PAYMENT_RUN_CREATE, paymentRunJob } from '../payment-runs/run-job.js';
import type { JobHandler } from './worker.js';

export const ENTRIES_IMPORT = 'entries.import';

export interface EntriesImportPayload {
  format: EntriesFileFormat;
  content: string;
  /** content holds the file's bytes in base64, decoded like a file on disk. */
  base64?: boolean;
  encoding?: string;
}

/** The job types this service runs, by name. Later features add theirs here. */
export function jobHandlers(
  ledger: Ledger,
  banking?: Omit<AutoMatchDeps, 'ledger'>,
  paymentRuns?: PaymentRuns,
): Record<string, JobHandler> {
  return {
    ...(banking ? matchingJobHandlers({ ...banking, ledger, ...(paymentRuns ? { runs: paymentRuns.store } : {}) }) : {}),
    // entries are imported into their business entities, which the payment-run store holds
    ...(paymentRuns
      ? {
          [ENTRIES_IMPORT]: async ({ job, progress }) => {
            const payload = job.payload as EntriesImportPayload;
            if (!payload || typeof payload.content !== 'string') throw invalid('JOB_PAYLOAD_INVALID', 'entries.import needs content');
            const records = payload.base64
              ? readEntriesBytes(Buffer.from(payload.content, 'base64'), {
                  format: payload.format,
                  ...(payload.encoding ? { encoding: payload.encoding } : {}),
                })
              : readEntriesFile(payload.content, payload.format);
            await progress(0, records.length, 'importing entries');
            return importEntries(
              ledger,
              paymentRuns.store,
              { tenantId: job.tenantId, actor: job.createdBy, businessProcess: 'Entries Import' },
              records,
              (done, total) => progress(done, total, 'importing entries'),
            );
          },
          [PAYMENT_RUN_CREATE]: paymentRunJob(paymentRuns),
        }
      : {}),
  };
}
