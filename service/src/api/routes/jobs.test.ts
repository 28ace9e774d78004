import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const enqueue = async () =>
  (await h.call(h.tenantA.write, { method: 'POST', url: '/v1/entries/imports', payload: { format: 'jsonl', content: '{}' } })).body.id as string;

describe('jobs API', () => {
  it('cancels a queued job, refuses to cancel it twice, retries it, and lists by status', async () => {
    const id = await enqueue();
    expect((await h.call(h.tenantA.read, { method: 'POST', url: `/v1/jobs/${id}/cancel` })).status).toBe(403);

    const cancelled = await h.call(h.tenantA.write, { method: 'POST', url: `/v1/jobs/${id}/cancel` });
    expect(cancelled).toMatchObject({ status: 200, body: { id, status: 'cancelled', cancelRequestedAt: expect.any(String), finishedAt: expect.any(String) } });
    expect(await h.call(h.tenantA.write, { method: 'POST', url: `/v1/jobs/${id}/cancel` })).toMatchObject({
      status: 409,
      body: { code: 'JOB_FINISHED' },
    });
    const listed = await h.call(h.tenantA.read, { method: 'GET', url: '/v1/jobs?status=cancelled' });
    expect(listed.body.items.map((j: { id: string }) => j.id)).toEqual([id]);

    const retried = await h.call(h.tenantA.write, { method: 'POST', url: `/v1/jobs/${id}/retry` });
    expect(retried).toMatchObject({ status: 200, body: { id, status: 'queued', attempts: 0, cancelRequestedAt: null, finishedAt: null } });
    expect(await h.call(h.tenantA.write, { method: 'POST', url: `/v1/jobs/${id}/retry` })).toMatchObject({
      status: 409,
      body: { code: 'JOB_NOT_RETRYABLE' },
    });
  });

  it('asks a running job to stop and shows which worker runs it', async () => {
    const id = await enqueue();
    // the first test's retried job is older in the queue: claim until this one is taken
    while ((await h.services.jobs.claim('api-test-worker'))?.id !== id);
    const shown = await h.call(h.tenantA.read, { method: 'GET', url: `/v1/jobs/${id}` });
    expect(shown.body).toMatchObject({ status: 'running', worker: 'api-test-worker', heartbeatAt: expect.any(String), attempts: 1, maxAttempts: 3 });
    const asked = await h.call(h.tenantA.write, { method: 'POST', url: `/v1/jobs/${id}/cancel` });
    expect(asked.body).toMatchObject({ status: 'running', cancelRequestedAt: expect.any(String), finishedAt: null });
    expect(await h.services.jobs.heartbeat(id, 'api-test-worker')).toBe('cancel');
  });
});
