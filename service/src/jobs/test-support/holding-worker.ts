/**
 * A worker process for the takeover test: it runs `test.hold` jobs, which finish a first step and then
 * hold on until the process is killed. Prints `running <job id>` once a job has started. The database
 * is TEST_PG_SCHEMA on DATABASE_URL, or the embedded one in CASH_DATA_DIR.
 */
import { openDb } from '../../store/open-db.js';
import { openPostgres } from '../../store/pg-db.js';
import { JobQueue } from '../queue.js';
import { jobTimingFromEnv } from '../timing.js';
import { Worker } from '../worker.js';

const schema = process.env.TEST_PG_SCHEMA;
const db = schema ? await openPostgres({ url: process.env.DATABASE_URL!, schema, max: 3 }) : await openDb({ dataDir: process.env.CASH_DATA_DIR });
const worker = new Worker(
  new JobQueue(db),
  {
    'test.hold': async ({ job, progress }) => {
      await progress(1, 2, 'first step done, holding on');
      process.stdout.write(`running ${job.id}\n`);
      await new Promise(() => undefined);
    },
  },
  { ...jobTimingFromEnv(), pollMs: 100 },
);
worker.start();
