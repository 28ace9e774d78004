import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEntry } from '../../domain/new-entry.js';
import { Worker } from '../../jobs/worker.js';
import { PAYMENT_RUN_CREATE, paymentRunJob } from '../../payment-runs/run-job.js';
import { openHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
const run = { kind: 'direct-debit', businessEntity: 'PAR', until: '2027-01-31' };

beforeAll(async () => {
  h = await openHarness();
  const entity = await h.call(h.tenantA.admin, {
    method: 'POST', url: '/v1/business-entities',
    payload: { code: 'PAR', creditorName: 'Parallel GmbH', creditorId: 'DE98ZZZ09999999999', account: { iban: 'DE44500105175407324931' } },
  });
  expect(entity.status).toBe(201);
  const ctx = { tenantId: h.tenantA.tenantId, actor: 'test', businessProcess: 'Test' };
  for (let i = 0; i < 5; i++) {
    const mandate = { kind: 'mandate', businessEntity: 'PAR', accountId: `P-${i}`, accountHolder: `Holder ${i}`, iban: 'DE02120300000000202051', scheme: 'CORE', signatureDate: '2026-01-10' };
    expect((await h.call(h.tenantA.write, { method: 'POST', url: '/v1/payment-instruments', payload: mandate })).status).toBe(201);
    await h.services.ledger.createEntry(ctx, newEntry({ number: `PAR-${i}`, type: 'Debit', currency: 'EUR', amount: '15.00', dueDate: '2026-12-20', account: { id: `P-${i}`, name: `P-${i}` } }));
  }
});
afterAll(() => h.close());

describe('parallel requests for a run of one business entity', () => {
  it('queues one run and refuses the others at once with 409 RUN_IN_PROGRESS', async () => {
    const post = () => h.call(h.tenantA.write, { method: 'POST', url: '/v1/payment-runs', payload: run });
    const responses = await Promise.all([post(), post(), post(), post()]);
    expect(responses.map((r) => r.status).sort()).toEqual([202, 409, 409, 409]);
    expect(responses.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(['RUN_IN_PROGRESS', 'RUN_IN_PROGRESS', 'RUN_IN_PROGRESS']);
    expect((await h.services.jobs.list(h.tenantA.tenantId, 10)).map((j) => j.type)).toEqual([PAYMENT_RUN_CREATE]);

    await new Worker(h.services.jobs, { [PAYMENT_RUN_CREATE]: paymentRunJob(h.services.paymentRuns) }).drain();
    const [job] = await h.services.jobs.list(h.tenantA.tenantId, 10);
    expect(job).toMatchObject({ status: 'succeeded', result: { count: 5, total: '75.00' } });
    expect((await h.call(h.tenantA.read, { method: 'GET', url: '/v1/payments?status=Failed' })).body.items).toEqual([]);

    // the run has finished: the next request is taken (and finds nothing left to collect)
    expect((await post()).status).toBe(202);
  });
});
