/**
 * A tenant's parser pattern runs on every remittance text in the shared service process, where
 * JavaScript cannot interrupt a regular expression. A pattern is therefore tried first, in a worker
 * thread that can be stopped, against texts that make backtracking patterns blow up (long runs of
 * one character with a mismatch at the end); one that does not finish in time is refused.
 */
import { Worker } from 'node:worker_threads';
import { invalid } from '../../domain/errors.js';

const BUDGET_MS = 500;

const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const { source, flags } = workerData;
const pattern = new RegExp(source, flags);
const letters = new Set('aA0 -./:_#+'.split(''));
for (const c of source) if (/[\\w \\-./:#+]/.test(c)) letters.add(c);
// the literal a pattern starts with ("INV" of "INV(\\d+)"), so the probe reaches what follows it
const lead = /^[\\w \\-./:#]*/.exec(source)[0];
for (const c of letters) {
  for (const length of [32, 2000]) {
    const run = c.repeat(length);
    for (const text of [run + '!', '!' + run, lead + run + '!', run + '\\n' + lead + run + '!']) { pattern.lastIndex = 0; pattern.exec(text); }
  }
}
parentPort.postMessage('done');
`;

export async function assertPatternIsFast(name: string, source: string | undefined, flags: string | undefined): Promise<void> {
  if (!source) return;
  const worker = new Worker(PROBE, { eval: true, workerData: { source, flags: flags ?? 'i' } });
  const finished = await new Promise<boolean>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    // the budget starts once the thread runs, so a busy machine starting it slowly refuses nothing
    worker.once('online', () => {
      timer = setTimeout(() => resolve(false), BUDGET_MS);
    });
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    worker.once('message', done);
    worker.once('error', done);
  });
  await worker.terminate();
  if (!finished) {
    throw invalid('MATCHING_PATTERN_TOO_SLOW', `configuration "${name}": the pattern takes too long on long texts (nested repetition?)`, {
      name,
      pattern: source,
    });
  }
}
