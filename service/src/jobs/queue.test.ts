import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { TenantStore } from '../store/tenants.js';
import { JobQueue } from './queue.js';
import { Worker } from './worker.js';
import { invalid } from '../domain/errors.js';

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
    await queue.heartbeat(job.id);
    expect(await queue.claim('worker-2')).toBeNull();
    await age(job.id, 11);
    expect(await queue.claim('worker-2')).toMatchObject({ id: job.id, attempts: 2 });
    await db.query('UPDATE jobs SET max_attempts = 2 WHERE id = $1', [job.id]);
    await age(job.id, 11);
    expect(await queue.claim('worker-3')).toBeNull();
    expect(await queue.get(tenantId, job.id)).toMatchObject({ status: 'failed', error: { code: 'JOB_ABANDONED' } });
  });
});
