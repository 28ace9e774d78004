import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const post = (key: string, payload: object) => ({
  method: 'POST' as const,
  url: '/v1/entries',
  payload,
  headers: { 'idempotency-key': key },
});
const body = { number: 'I-1', type: 'Debit', currency: 'EUR', amount: '10.00', account: { name: 'Muster GmbH' } };

describe('Idempotency-Key', () => {
  it('returns the first response for the same key and body, and writes once', async () => {
    const first = await h.call(h.tenantA.write, post('order-42', body));
    const again = await h.call(h.tenantA.write, post('order-42', { account: { name: 'Muster GmbH' }, amount: '10.00', currency: 'EUR', type: 'Debit', number: 'I-1' }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const list = await h.call(h.tenantA.read, { method: 'GET', url: '/v1/entries?number=I-1' });
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses the same key with another body', async () => {
    const response = await h.call(h.tenantA.write, post('order-42', { ...body, amount: '11.00' }));
    expect(response).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('frees a key whose first request never answered', async () => {
    await h.services.db.query(
      `INSERT INTO idempotency_keys (tenant_id, key, method, path, request_hash, created_at) VALUES ($1, 'crashed', 'POST', '/v1/entries', 'x', now() - interval '1 hour')`,
      [h.tenantA.tenantId],
    );
    const response = await h.call(h.tenantA.write, post('crashed', { ...body, number: 'I-9' }));
    expect(response.status).toBe(201);
  });

  it('replays refusals too, and keeps keys apart per tenant', async () => {
    const refused = await h.call(h.tenantA.write, post('order-43', { ...body, number: 'I-2', amount: '1.001' }));
    const replayed = await h.call(h.tenantA.write, post('order-43', { ...body, number: 'I-2', amount: '1.001' }));
    expect(refused.status).toBe(422);
    expect(replayed.body).toEqual(refused.body);
    const otherTenant = await h.call(h.tenantB.write, post('order-42', body));
    expect(otherTenant.status).toBe(201);
    expect(otherTenant.headers['idempotent-replayed']).toBeUndefined();
  });
});
