import { hostname } from 'node:os';
import { CashError } from '../domain/errors.js';
import type { Job, JobQueue, LeaseState } from './queue.js';
import { jobTiming, POLL_MS, type JobTiming } from './timing.js';

export interface JobContext {
  job: Job;
  /**
   * Reports progress; the API shows it while the job runs. Between steps is where a job stops: this
   * throws when the job was cancelled or taken over by another worker, so the handler goes no further.
   */
  progress(done: number, total: number | null, message?: string): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface WorkerOptions extends Partial<JobTiming> {
  pollMs?: number;
  log?: (message: string) => void;
}

/** Thrown into a handler by `progress` when its job must stop. */
class JobStopped extends Error {
  constructor(readonly reason: Exclude<LeaseState, 'ok'>) {
    super(reason === 'cancel' ? 'the job was cancelled' : 'another worker took the job over');
  }
}

/**
 * Claims jobs one at a time and runs the handler for their type. A handler's CashError is stored
 * with its code; anything else is stored as INTERNAL so that no stack reaches the API. While a job
 * runs, a heartbeat tells other workers this one is alive; when it stops (the process died), another
 * worker takes the job over once the heartbeat is older than the stale time (see timing.ts).
 */
export class Worker {
  private running = false;
  private idle: Promise<void> = Promise.resolve();
  readonly id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private readonly timing: JobTiming;

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Record<string, JobHandler>,
    private readonly options: WorkerOptions = {},
  ) {
    const defaults = jobTiming(options.staleAfterMs);
    this.timing = { staleAfterMs: defaults.staleAfterMs, heartbeatMs: options.heartbeatMs ?? defaults.heartbeatMs };
  }

  /** Runs until no job is ready; returns how many ran. Used by tests and `cash worker --once`. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count++;
    return count;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = async () => {
      while (this.running) {
        const ran = await this.runOne().catch((error: unknown) => {
          this.options.log?.(`worker error: ${(error as Error).message}`);
          return false;
        });
        if (!ran) await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? POLL_MS));
      }
    };
    this.idle = loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.idle;
  }

  private async runOne(): Promise<boolean> {
    const job = await this.queue.claim(this.id, this.timing.staleAfterMs);
    if (!job) return false;
    const log = this.options.log;
    if (job.attempts > 1) log?.(`job ${job.id} (${job.type}) taken over, attempt ${job.attempts} of ${job.maxAttempts}`);
    const handler = this.handlers[job.type];
    if (!handler) {
      await this.queue.finish(job.id, this.id, { status: 'failed', error: { code: 'JOB_TYPE_UNKNOWN', message: `no handler for job type ${job.type}` } });
      return true;
    }
    let stop: JobStopped | null = null;
    const check = (state: LeaseState) => {
      if (state !== 'ok') stop ??= new JobStopped(state);
      if (stop) throw stop;
    };
    // long handlers may not report progress for a while; the heartbeat keeps the job from being taken over
    const heartbeat = setInterval(
      () =>
        void this.queue.heartbeat(job.id, this.id).then(
          (state) => {
            if (state !== 'ok') stop ??= new JobStopped(state);
          },
          () => undefined,
        ),
      this.timing.heartbeatMs,
    );
    try {
      const result = await handler({
        job,
        progress: async (done, total, message) => check(await this.queue.progress(job.id, this.id, done, total, message ?? null)),
      });
      if (await this.queue.finish(job.id, this.id, { status: 'succeeded', result })) log?.(`job ${job.id} (${job.type}) succeeded`);
    } catch (error) {
      if (error instanceof JobStopped) {
        if (error.reason === 'cancel' && (await this.queue.finish(job.id, this.id, { status: 'cancelled' }))) log?.(`job ${job.id} (${job.type}) cancelled`);
        if (error.reason === 'lost') log?.(`job ${job.id} (${job.type}) was taken over by another worker; this one stopped`);
        return true;
      }
      const failure =
        error instanceof CashError
          ? { code: error.code, message: error.message }
          : { code: 'INTERNAL', message: 'the job failed unexpectedly; see the worker log' };
      if (!(error instanceof CashError)) log?.(`job ${job.id} failed: ${(error as Error).stack ?? String(error)}`);
      await this.queue.finish(job.id, this.id, { status: 'failed', error: failure });
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }
}
