/**
 * A worker process that dies mid-run: it claims the oldest queued job and runs it with the ledger
 * and the run store wrapped so that the process SIGKILLs itself right after its N-th write (argv[2]).
 * The database comes from DATABASE_URL with CRASH_SCHEMA, or the PGlite folder CASH_DATA_DIR.
 */
import { JobQueue } from '../../jobs/queue.js';
import { PostgresLedger } from '../../store/ledger/postgres-ledger.js';
import { openDb } from '../../store/open-db.js';
import { openPostgres } from '../../store/pg-db.js';
import { RunStore } from '../../store/runs/run-store.js';
import { PaymentRuns } from '../payment-runs.js';
import { paymentRunJob } from '../run-job.js';

const killAt = Number(process.argv[2]);
let writes = 0;

/** Every method that is not a plain read counts as a write. */
const READ = /^(get|list|find|order|active|reference|open)/;

function dyingAfterWrites<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (READ.test(String(property))) return method.bind(object);
      return async (...args: unknown[]) => {
        const result = await method.apply(object, args);
        writes += 1;
        if (writes === killAt) process.kill(process.pid, 'SIGKILL');
        return result;
      };
    },
  });
}

const url = process.env.DATABASE_URL;
const db = url ? await openPostgres({ url, schema: process.env.CRASH_SCHEMA!, max: 4 }) : await openDb({ dataDir: process.env.CASH_DATA_DIR! });
const queue = new JobQueue(db);
const runs = new PaymentRuns(dyingAfterWrites(new PostgresLedger(db)), dyingAfterWrites(new RunStore(db)));
const job = await queue.claim('crash-child');
if (!job) throw new Error('no queued job');
const result = await paymentRunJob(runs)({
  job,
  progress: async (done, total, message) => void (await queue.progress(job.id, 'crash-child', done, total, message ?? null)),
});
await queue.finish(job.id, 'crash-child', { status: 'succeeded', result });
await db.close();
process.stdout.write(`finished after ${writes} writes\n`);
