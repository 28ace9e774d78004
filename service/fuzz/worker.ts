import { CashError } from '../src/domain/errors.js';
import { generate } from './mutations.js';
import { loadTarget } from './load-target.js';
import type { FromWorker, Outcome, WorkerJob } from './protocol.js';

/**
 * A child process that runs inputs from..to of one target. It says which input it starts before
 * running it, so the campaign knows which one hung when it has to end the process from outside.
 * Run with --expose-gc: heap is measured after a full collection.
 */
const job = JSON.parse(process.argv[2]!) as WorkerJob;
const post = (message: FromWorker) => process.send!(message);
const describe = (error: unknown) =>
  error instanceof Error ? { name: error.name, message: error.message, stack: error.stack ?? '' } : { name: typeof error, message: String(error), stack: '' };
let current = job.from;

process.on('unhandledRejection', (error) => post({ type: 'crash', index: current, error: describe(error), unhandled: true }));

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('the fuzz worker needs --expose-gc');
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const target = await loadTarget(job.targetModule, job.target);
const seeds = target.seeds();
let previous: Outcome = null;
post({ type: 'heap', index: job.from, used: heap() });
for (let index = job.from; index < job.to; index++) {
  const { input } = generate(seeds, target.structure, job.seed, index);
  current = index;
  post({ type: 'start', index, previous });
  try {
    await target.run(input);
    previous = { parsed: true };
  } catch (error) {
    if (error instanceof CashError && /^[A-Z][A-Z0-9_]*$/.test(error.code)) previous = { code: error.code };
    else {
      previous = null;
      post({ type: 'crash', index, error: describe(error), unhandled: false });
    }
  }
  if ((index + 1 - job.from) % job.heapEvery === 0) post({ type: 'heap', index: index + 1, used: heap() });
}
post({ type: 'heap', index: job.to, used: heap() });
post({ type: 'done', previous });
process.disconnect();
