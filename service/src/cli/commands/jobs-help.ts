import { DEFAULT_STALE_MS, MAX_HEARTBEAT_MS } from '../../jobs/timing.js';

/** How jobs run and are taken over, for `cash jobs --help` and `cash worker --help`. */
export const WORKER_HELP = `
How jobs run:
  Imports of many entries, payment runs and large matching runs are jobs in the database. A worker
  runs them: \`cash worker\`, or \`cash serve\` (which runs one in-process unless --no-worker). With the
  embedded database (no DATABASE_URL) only one process can open it, so queued jobs wait until
  \`cash serve\` or \`cash worker\` runs; with DATABASE_URL any number of workers share the queue.

  A worker writes a heartbeat for its running job every ${MAX_HEARTBEAT_MS / 1000} s. When a worker dies (crash,
  kill -9, lost host), its job's heartbeat stops; once it is ${DEFAULT_STALE_MS / 1000} s old, the next worker looking
  for work takes the job over and runs it again from the start (it is taken over within a minute;
  restarting the dead worker's process is enough when it is the only one). A job gets 3 attempts; a
  job abandoned on its last attempt fails with JOB_ABANDONED and can be retried.
  CASH_JOB_STALE_SECONDS sets the stale time (heartbeat: a quarter of it, at most ${MAX_HEARTBEAT_MS / 1000} s); every
  worker sharing a database should use the same value.

  Cancel: a queued job is cancelled at once; a running job stops at its next progress report (between
  steps; what it finished stays done). Retry: a failed or cancelled job is queued again from the start.
`;
