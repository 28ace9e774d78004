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
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const heap = () => {
  gc();
  // Buffers live outside the JavaScript heap; a reader that keeps them grows `external`.
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

const target = await loadTarget(job.targetModule, job.target);
const seeds = target.seeds();
let previous: Outcome = null;
post({ type: 'heap', index: job.from, used: heap(), cpu: cpu() });
for (let index = job.from; index < job.to; index++) {
  const { input } = generate(seeds, target.structure, job.seed, index);
  current = index;
  post({ type: 'start', index, previous, cpu: cpu() });
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
  // Back to the event loop, so that a promise the reader left rejected is reported against this input.
  await new Promise((resolve) => setImmediate(resolve));
  if ((index + 1 - job.from) % job.heapEvery === 0) post({ type: 'heap', index: index + 1, used: heap(), cpu: cpu() });
}
post({ type: 'heap', index: job.to, used: heap(), cpu: cpu() });
post({ type: 'done', previous });
process.disconnect();
