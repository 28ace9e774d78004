import { fork } from 'node:child_process';
import { CashError } from '../src/domain/errors.js';
import { cpuSeconds } from './cpu-time.js';
import { loadTarget } from './load-target.js';
import { minimise } from './minimise.js';
import { describeRecipe, generate } from './mutations.js';
import type { ErrorInfo, FromWorker, Outcome, WorkerJob } from './protocol.js';

export interface CampaignOptions {
  target: string;
  runs: number;
  seed: number;
  /**
   * An input using more CPU time than this is a hang (where /proc is missing: wall time). It is run
   * once more alone before it is reported.
   */
  timeoutMs?: number;
  /** Heap after GC may grow this far over its level after the first inputs. */
  heapGrowthMb?: number;
  heapEvery?: number;
  /** Heap limit of the child process: one input that needs more is a finding. */
  workerHeapMb?: number;
  targetModule?: string;
  /** Called every `progressEvery` inputs with the counts so far (a long run shows where it is). */
  onProgress?: (done: number, parsed: number, typed: number, crashed: number) => void;
  progressEvery?: number;
}

/** `rejection`: a promise the reader left rejected after it returned (an unhandled rejection). */
export type FindingKind = 'crash' | 'rejection' | 'hang' | 'memory';

export interface Finding {
  kind: FindingKind;
  /** Where it was first seen: the input is generate(seeds, structure, seed, index). */
  index: number;
  /** Further inputs that ended the same way. */
  repeats: number;
  error: ErrorInfo;
  recipe: string;
  input: Buffer;
  minimised: Buffer;
}

export interface CampaignResult {
  target: string;
  seed: number;
  inputs: number;
  parsed: number;
  typed: number;
  /** Inputs that ended in an untyped error (the findings group them). */
  crashed: number;
  codes: Record<string, number>;
  findings: Finding[];
  /** Inputs that overran the timeout once but not when run again. */
  slowOnce: number;
  seconds: number;
  baseHeapMb: number;
  peakHeapMb: number;
}

const DEFAULT_TARGETS = new URL('./targets.ts', import.meta.url).href;
const WORKER = new URL('./worker.ts', import.meta.url);
const MB = 1024 * 1024;
const WALL_FACTOR = 60;

/** Crashes with the same kind, error and top stack frame are one finding, however many inputs reach them. */
function signature(kind: FindingKind, error: ErrorInfo): string {
  const frame = error.stack.split('\n').find((line) => line.trim().startsWith('at ')) ?? '';
  // The message up to its first colon: "Invalid Opening Quote: … at line 4, value is …" is one fault wherever it hits.
  return `${kind}|${error.name}|${error.message.split(':')[0]!.replace(/\d+/g, 'N')}|${frame.trim()}`;
}

interface Segment {
  /** The worker ended normally; else it stopped at `stoppedAt` (hang, crash of the thread, out of memory). */
  finished: boolean;
  stoppedAt: number;
  error?: ErrorInfo;
  kind?: FindingKind;
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const timeoutMs = options.timeoutMs ?? 1000;
  const growthBound = (options.heapGrowthMb ?? 64) * MB;
  const targetModule = options.targetModule ?? DEFAULT_TARGETS;
  const target = await loadTarget(targetModule, options.target);
  const seeds = target.seeds();
  const codes: Record<string, number> = {};
  const findings = new Map<string, Finding>();
  let slowOnce = 0;
  let baseHeap = -1;
  let peakHeap = 0;
  const started = performance.now();

  const addFinding = (kind: FindingKind, index: number, error: ErrorInfo) => {
    const key = signature(kind, error);
    const known = findings.get(key);
    if (known) {
      known.repeats++;
      return;
    }
    const { input, recipe } = generate(seeds, target.structure, options.seed, index);
    findings.set(key, { kind, index, repeats: 0, error, recipe: describeRecipe(recipe), input, minimised: input });
  };

  let parsed = 0;
  let typed = 0;
  let crashed = 0;
  const count = (outcome: Outcome) => {
    if (outcome === null) return;
    if ('parsed' in outcome) parsed++;
    else {
      typed++;
      codes[outcome.code] = (codes[outcome.code] ?? 0) + 1;
    }
  };

  /** Runs inputs from..to in one child process until they are done or it has to be stopped. */
  const segment = (from: number, to: number, countHeap: boolean): Promise<Segment> =>
    new Promise((resolve, reject) => {
      const job: WorkerJob = { targetModule, target: options.target, seed: options.seed, from, to, heapEvery: options.heapEvery ?? 2000 };
      const child = fork(WORKER, [JSON.stringify(job)], {
        execArgv: ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${options.workerHeapMb ?? 512}`],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      // A child stuck in a loop does not notice its parent going; take it along.
      const killChild = () => child.kill('SIGKILL');
      process.once('exit', killChild);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4000);
      });
      let settled = false;
      let current = -1;
      let since = performance.now();
      let cpuAtStart = 0;
      const finish = (result: Segment) => {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        process.removeListener('exit', killChild);
        child.kill('SIGKILL');
        resolve(result);
      };
      const watchdog = setInterval(() => {
        if (current < 0) return;
        const cpu = cpuSeconds(child.pid!);
        const used = cpu === null ? performance.now() - since : (cpu - cpuAtStart) * 1000;
        // Wall time bounds it too, for a reader that waits instead of computing.
        if (used > timeoutMs || performance.now() - since > WALL_FACTOR * timeoutMs) {
          const error = { name: 'Hang', message: `no result after ${timeoutMs} ms of CPU time`, stack: '' };
          finish({ finished: false, stoppedAt: current, error, kind: 'hang' });
        }
      }, 50);
      child.on('message', (message: FromWorker) => {
        if (settled) return;
        if (message.type === 'start') {
          count(message.previous);
          if (options.onProgress && message.index > 0 && message.index % (options.progressEvery ?? 10_000) === 0) {
            options.onProgress(message.index, parsed, typed, crashed);
          }
          current = message.index;
          since = performance.now();
          cpuAtStart = message.cpu;
        } else if (message.type === 'crash') {
          if (!message.unhandled) crashed++;
          addFinding(message.unhandled ? 'rejection' : 'crash', message.index, message.error);
        } else if (message.type === 'heap') {
          // Collections are not inputs: the watchdog waits while the child measures.
          since = performance.now();
          cpuAtStart = message.cpu;
          if (!countHeap) return;
          // The first measure after some inputs is the level: modules, compiled code and caches are loaded by then.
          if (baseHeap < 0 && message.index > from) baseHeap = message.used;
          peakHeap = Math.max(peakHeap, message.used);
          if (baseHeap >= 0 && message.used - baseHeap > growthBound) {
            const mb = Math.round((message.used - baseHeap) / MB);
            addFinding('memory', message.index - 1, { name: 'HeapGrowth', message: `heap after GC grew by ${mb} MB by input ${message.index}`, stack: '' });
            baseHeap = message.used;
          }
        } else {
          count(message.previous);
          finish({ finished: true, stoppedAt: to });
        }
      });
      child.on('exit', (code, signal) => {
        if (settled) return;
        if (current < 0) {
          settled = true;
          clearInterval(watchdog);
          process.removeListener('exit', killChild);
          reject(new Error(`the fuzz worker for ${options.target} did not start (exit ${code ?? signal}):\n${stderr}`));
          return;
        }
        const outOfMemory = /heap out of memory|Reached heap limit/.test(stderr);
        finish({
          finished: false,
          stoppedAt: current,
          error: { name: outOfMemory ? 'OutOfMemory' : 'ProcessExit', message: `the reader process ended (exit ${code ?? signal})`, stack: stderr.split('\n').slice(-12).join('\n') },
          kind: outOfMemory ? 'memory' : 'crash',
        });
      });
    });

  let from = 0;
  while (from < options.runs) {
    const result = await segment(from, options.runs, true);
    if (result.finished) break;
    let kind = result.kind!;
    let error = result.error!;
    if (kind === 'hang') {
      // Run the input again alone: on a shared machine a pause of the whole process looks like a hang once.
      const again = await segment(result.stoppedAt, result.stoppedAt + 1, false);
      if (again.finished) {
        slowOnce++;
        from = result.stoppedAt + 1;
        continue;
      }
      kind = again.kind!;
      error = again.error!;
    }
    addFinding(kind, result.stoppedAt, error);
    from = result.stoppedAt + 1;
  }

  // Inputs per second count the fuzzing alone, not the shrinking of what it found.
  const seconds = (performance.now() - started) / 1000;
  for (const finding of findings.values()) {
    if (finding.kind !== 'crash') continue;
    // Crashes are shrunk in this process: they end quickly. Hangs, memory findings and rejections
    // (which would surface here, unhandled) keep their whole input.
    const key = signature('crash', finding.error);
    finding.minimised = await minimise(finding.input, async (candidate) => {
      try {
        await target.run(candidate);
        return false;
      } catch (thrown) {
        if (thrown instanceof CashError) return false;
        const info = thrown instanceof Error ? { name: thrown.name, message: thrown.message, stack: thrown.stack ?? '' } : { name: typeof thrown, message: String(thrown), stack: '' };
        return signature('crash', info) === key;
      }
    });
  }

  const findingList = [...findings.values()];
  return {
    target: options.target,
    seed: options.seed,
    inputs: options.runs,
    parsed,
    typed,
    crashed,
    codes,
    findings: findingList,
    slowOnce,
    seconds,
    baseHeapMb: Math.max(0, baseHeap) / MB,
    peakHeapMb: peakHeap / MB,
  };
}
