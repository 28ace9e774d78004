import { hostname } from 'node:os';
import { CashError } from '../domain/errors.js';
import type { Job, JobQueue } from './queue.js';

export interface JobContext {
  job: Job;
  /** Reports progress; the API shows it while the job runs. */
  progress(done: number, total: number | null, message?: string): Promise<void>;
}

/** Well inside the 10 minutes after which a silent running job counts as abandoned. */
const HEARTBEAT_MS = 60_000;

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface WorkerOptions {
  pollMs?: number;
  log?: (message: string) => void;
}

/**
 * Claims jobs one at a time and runs the handler for their type. A handler's CashError is stored
 * with its code; anything else is stored as INTERNAL so that no stack reaches the API.
 */
export class Worker {
  private running = false;
  private idle: Promise<void> = Promise.resolve();
  private readonly id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: Record<string, JobHandler>,
    private readonly options: WorkerOptions = {},
  ) {}

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
        if (!ran) await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 500));
      }
    };
    this.idle = loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.idle;
  }

  private async runOne(): Promise<boolean> {
    const job = await this.queue.claim(this.id);
    if (!job) return false;
    const handler = this.handlers[job.type];
    if (!handler) {
      await this.queue.fail(job.id, { code: 'JOB_TYPE_UNKNOWN', message: `no handler for job type ${job.type}` });
      return true;
    }
    // long handlers may not report progress for a while; the heartbeat keeps the job from being claimed twice
    const heartbeat = setInterval(() => void this.queue.heartbeat(job.id).catch(() => undefined), HEARTBEAT_MS);
    try {
      const result = await handler({
        job,
        progress: (done, total, message) => this.queue.progress(job.id, done, total, message ?? null),
      });
      await this.queue.succeed(job.id, result);
      this.options.log?.(`job ${job.id} (${job.type}) succeeded`);
    } catch (error) {
      const failure =
        error instanceof CashError
          ? { code: error.code, message: error.message }
          : { code: 'INTERNAL', message: 'the job failed unexpectedly; see the worker log' };
      if (!(error instanceof CashError)) this.options.log?.(`job ${job.id} failed: ${(error as Error).stack ?? String(error)}`);
      await this.queue.fail(job.id, failure);
    } finally {
      clearInterval(heartbeat);
    }
    return true;
  }
}
