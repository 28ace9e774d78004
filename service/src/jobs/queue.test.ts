import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { TenantStore } from '../store/tenants.js';
import { JobQueue } from './queue.js';
import { Worker } from './worker.js';
import { invalid } from '../domain/errors.js';
import { DEFAULT_STALE_MS, jobTiming, jobTimingFromEnv, POLL_MS } from './timing.js';

let db: Db;
let queue: JobQueue;
let tenantId: string;

beforeAll(async () => {
  db = await openTestDb();
  queue = new JobQueue(db);
  tenantId = (await new TenantStore(db).createTenant('Jobs')).id;
});
afterAll(() => db.close());

const age = (id: string, minutes: number) =>
  db.query(`UPDATE jobs SET locked_at = now() - ($2::text || ' minutes')::interval WHERE id = $1`, [id, String(minutes)]);

describe('job queue', () => {
  it('runs a job with progress and keeps its result; a handler refusal is stored with its code', async () => {
    const ok = await queue.enqueue(tenantId, 'count', { upTo: 3 }, 'test');
    const bad = await queue.enqueue(tenantId, 'refuse', {}, 'test');
    const worker = new Worker(queue, {
      count: async ({ job, progress }) => {
        const { upTo } = job.payload as { upTo: number };
        for (let i = 1; i <= upTo; i++) await progress(i, upTo, 'counting');
        return { counted: upTo };
      },
      refuse: async () => {
        throw invalid('NOPE', 'refused on purpose');
      },
    });
    expect(await worker.drain()).toBe(2);
    expect(await queue.get(tenantId, ok.id)).toMatchObject({ status: 'succeeded', result: { counted: 3 }, progress: { done: 3, total: 3 } });
    expect(await queue.get(tenantId, bad.id)).toMatchObject({ status: 'failed', error: { code: 'NOPE', message: 'refused on purpose' } });
  });

  it('gives a job whose worker went silent to another worker, but not after its last attempt', async () => {
    const job = await queue.enqueue(tenantId, 'slow', {}, 'test');
    expect((await queue.claim('worker-1'))?.id).toBe(job.id);
    expect(await queue.claim('worker-2')).toBeNull();
    expect(await queue.heartbeat(job.id, 'worker-1')).toBe('ok');
    expect(await queue.claim('worker-2')).toBeNull();
    await age(job.id, 11);
    expect(await queue.claim('worker-2')).toMatchObject({ id: job.id, attempts: 2 });
    await db.query('UPDATE jobs SET max_attempts = 2 WHERE id = $1', [job.id]);
    await age(job.id, 11);
    expect(await queue.claim('worker-3')).toBeNull();
    expect(await queue.get(tenantId, job.id)).toMatchObject({ status: 'failed', error: { code: 'JOB_ABANDONED' } });
  });

  it('lets a worker whose job was taken over write nothing more: no progress, no outcome', async () => {
    const job = await queue.enqueue(tenantId, 'slow', {}, 'test');
    await queue.claim('worker-1');
    await age(job.id, 1);
    expect(await queue.claim('worker-2', 30_000)).toMatchObject({ id: job.id, worker: 'worker-2' });
    expect(await queue.progress(job.id, 'worker-1', 5, 10, 'still here')).toBe('lost');
    expect(await queue.heartbeat(job.id, 'worker-1')).toBe('lost');
    expect(await queue.finish(job.id, 'worker-1', { status: 'succeeded', result: 'stale' })).toBe(false);
    expect(await queue.finish(job.id, 'worker-2', { status: 'succeeded', result: 'fresh' })).toBe(true);
    expect(await queue.get(tenantId, job.id)).toMatchObject({ status: 'succeeded', result: 'fresh', progress: { done: 0 } });
  });

  it('takes a dead worker\'s job over within a minute by default; the stale time can be set', () => {
    expect(DEFAULT_STALE_MS + POLL_MS).toBeLessThan(60_000);
    const { heartbeatMs, staleAfterMs } = jobTimingFromEnv({});
    expect(staleAfterMs).toBe(DEFAULT_STALE_MS);
    expect(heartbeatMs * 4).toBeLessThanOrEqual(staleAfterMs);
    expect(jobTimingFromEnv({ CASH_JOB_STALE_SECONDS: '2' })).toEqual(jobTiming(2000));
    expect(jobTiming(2000).heartbeatMs).toBe(500);
    expect(() => jobTimingFromEnv({ CASH_JOB_STALE_SECONDS: '0' })).toThrow(expect.objectContaining({ code: 'JOB_STALE_SECONDS_INVALID' }));
  });
});

describe('cancel and retry', () => {
  it('cancels a queued job at once: it never runs', async () => {
    const job = await queue.enqueue(tenantId, 'never', {}, 'test');
    expect(await queue.cancel(tenantId, job.id, 'ops')).toMatchObject({ status: 'cancelled', finishedAt: expect.any(Date) });
    let ran = false;
    await new Worker(queue, { never: async () => (ran = true) }).drain();
    expect(ran).toBe(false);
  });

  it('stops a running job between steps: what it did stays done, the rest is not done', async () => {
    const job = await queue.enqueue(tenantId, 'steps', {}, 'test');
    const steps: number[] = [];
    const worker = new Worker(queue, {
      steps: async ({ progress }) => {
        for (let step = 1; step <= 5; step++) {
          steps.push(step);
          if (step === 2) expect(await queue.cancel(tenantId, job.id, 'ops')).toMatchObject({ status: 'running', cancelRequestedAt: expect.any(Date) });
          await progress(step, 5, 'stepping');
        }
        return 'all done';
      },
    });
    await worker.drain();
    expect(steps).toEqual([1, 2]);
    expect(await queue.get(tenantId, job.id)).toMatchObject({ status: 'cancelled', result: null, progress: { done: 2, total: 5 } });
  });

  it('cancels a job whose worker died after it was asked to stop, instead of running it again', async () => {
    const job = await queue.enqueue(tenantId, 'orphan', {}, 'test');
    await queue.claim('worker-1');
    await queue.cancel(tenantId, job.id, 'ops');
    await age(job.id, 1);
    expect(await queue.claim('worker-2', 30_000)).toBeNull();
    expect(await queue.get(tenantId, job.id)).toMatchObject({ status: 'cancelled' });
  });

  it('refuses to cancel a finished job, and retries only a failed or cancelled one, from the start', async () => {
    let calls = 0;
    const handlers = {
      flaky: async () => {
        if (++calls === 1) throw invalid('FLAKY', 'first time fails');
        return { calls };
      },
    };
    const job = await queue.enqueue(tenantId, 'flaky', {}, 'test');
    await new Worker(queue, handlers).drain();
    expect(await queue.get(tenantId, job.id)).toMatchObject({ status: 'failed', error: { code: 'FLAKY' } });
    await expect(queue.cancel(tenantId, job.id, 'ops')).rejects.toMatchObject({ code: 'JOB_FINISHED', kind: 'conflict' });

    expect(await queue.retry(tenantId, job.id)).toMatchObject({ status: 'queued', attempts: 0, error: null, finishedAt: null });
    await new Worker(queue, handlers).drain();
    expect(await queue.get(tenantId, job.id)).toMatchObject({ status: 'succeeded', result: { calls: 2 }, attempts: 1 });
    await expect(queue.retry(tenantId, job.id)).rejects.toMatchObject({ code: 'JOB_NOT_RETRYABLE', kind: 'conflict' });

    const cancelled = await queue.enqueue(tenantId, 'flaky', {}, 'test');
    await queue.cancel(tenantId, cancelled.id, 'ops');
    expect(await queue.retry(tenantId, cancelled.id)).toMatchObject({ status: 'queued' });
    await expect(queue.retry(tenantId, cancelled.id)).rejects.toMatchObject({ code: 'JOB_NOT_RETRYABLE' });
  });
});
