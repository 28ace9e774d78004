import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-support/harness.js';

let h: Harness;
let entryId: string;
let paymentId: string;
let canceledId: string;
let failedPaymentId: string;

const validEntry = { number: 'B-1', type: 'Debit', currency: 'EUR', amount: '100.00', account: { name: 'Muster GmbH' } };

beforeAll(async () => {
  h = await openHarness();
  const w = h.tenantA.write;
  entryId = (await h.call(w, { method: 'POST', url: '/v1/entries', payload: validEntry })).body.id;
  paymentId = (await h.call(w, { method: 'POST', url: '/v1/payments', payload: { type: 'Payment', currency: 'EUR', amount: '50.00' } })).body.id;
  canceledId = (await h.call(w, { method: 'POST', url: '/v1/entries', payload: { ...validEntry, number: 'B-2' } })).body.id;
  await h.call(w, { method: 'POST', url: `/v1/entries/${canceledId}/cancel`, payload: { reason: 'duplicate invoice' } });
  failedPaymentId = (
    await h.call(w, { method: 'POST', url: '/v1/payments', payload: { type: 'Direct Debit', status: 'Pending', currency: 'EUR', amount: '50.00' } })
  ).body.id;
  await h.call(w, { method: 'POST', url: `/v1/payments/${failedPaymentId}/status`, payload: { status: 'Failed', details: 'AC04' } });
});
afterAll(() => h.close());

async function expectNothingWritten() {
  const entries = await h.call(h.tenantA.read, { method: 'GET', url: '/v1/entries' });
  expect(entries.body.items.map((e: { number: string }) => e.number)).toEqual(['B-1', 'B-2']);
  const payment = await h.call(h.tenantA.read, { method: 'GET', url: `/v1/payments/${paymentId}` });
  expect(payment.body.assignedAmount).toBe('0.00');
  const items = await h.call(h.tenantA.read, { method: 'GET', url: `/v1/entries/${entryId}/items` });
  expect(items.body.items).toEqual([]);
}

const raw = (payload: string) => ({ method: 'POST' as const, url: '/v1/entries', payload, headers: { 'content-type': 'application/json' } });
const settle = (allocations: object[]) => ({ method: 'POST' as const, url: '/v1/settlements', payload: { allocations } });

describe('bad input is refused with a clear 4xx problem and nothing is written', () => {
  it.each([
    ['malformed JSON', raw('{"number": "X-1",'), 400, 'JSON_MALFORMED'],
    ['an empty body', raw(''), 400, 'BODY_EMPTY'],
    ['an unknown field', { method: 'POST' as const, url: '/v1/entries', payload: { ...validEntry, number: 'X-2', colour: 'red' } }, 400, 'VALIDATION_FAILED'],
    ['a number where a string belongs', { method: 'POST' as const, url: '/v1/entries', payload: { ...validEntry, number: 'X-3', amount: 12.3 } }, 400, 'VALIDATION_FAILED'],
    ['a missing field', { method: 'POST' as const, url: '/v1/entries', payload: { number: 'X-4', type: 'Debit', currency: 'EUR', account: {} } }, 400, 'VALIDATION_FAILED'],
    ['too many decimals for EUR', { method: 'POST' as const, url: '/v1/entries', payload: { ...validEntry, number: 'X-5', amount: '12.345' } }, 422, 'AMOUNT_TOO_PRECISE'],
    ['an exponent', { method: 'POST' as const, url: '/v1/entries', payload: { ...validEntry, number: 'X-6', amount: '1e3' } }, 422, 'AMOUNT_INVALID'],
    ['an unknown currency', { method: 'POST' as const, url: '/v1/entries', payload: { ...validEntry, number: 'X-7', currency: 'XYZ' } }, 422, 'CURRENCY_UNKNOWN'],
    ['a negative entry amount', { method: 'POST' as const, url: '/v1/entries', payload: { ...validEntry, number: 'X-8', amount: '-5.00' } }, 422, 'AMOUNT_NOT_POSITIVE'],
    ['a negative payment amount', { method: 'POST' as const, url: '/v1/payments', payload: { type: 'Payment', currency: 'EUR', amount: '-5.00' } }, 422, 'AMOUNT_NOT_POSITIVE'],
    ['an invalid IBAN', { method: 'POST' as const, url: '/v1/payments', payload: { type: 'Payment', currency: 'EUR', amount: '5.00', party: { iban: 'DE00123' } } }, 422, 'IBAN_INVALID'],
    ['a wrong content type', { method: 'POST' as const, url: '/v1/entries', payload: 'number=1', headers: { 'content-type': 'text/plain' } }, 415, 'MEDIA_TYPE_UNSUPPORTED'],
    ['an oversized body', { method: 'POST' as const, url: '/v1/entries', payload: { ...validEntry, number: 'X-9', title: 'x'.repeat(70_000) } }, 413, 'BODY_TOO_LARGE'],
  ])('%s', async (_name, request, status, code) => {
    const response = await h.call(h.tenantA.write, request);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, code, detail: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
    await expectNothingWritten();
  });

  it.each([
    ['over-allocation of the payment', () => settle([{ entryId, paymentId, amount: '50.01' }]), 409, 'OVER_ALLOCATION_PAYMENT'],
    ['an allocation with too many decimals', () => settle([{ entryId, paymentId, amount: '1.001' }]), 422, 'AMOUNT_TOO_PRECISE'],
    ['a zero allocation', () => settle([{ entryId, paymentId, amount: '0' }]), 422, 'AMOUNT_NOT_POSITIVE'],
    ['settling a canceled entry', () => settle([{ entryId: canceledId, paymentId, amount: '1.00' }]), 409, 'ENTRY_CANCELED'],
    ['a payment in the wrong status', () => settle([{ entryId, paymentId: failedPaymentId, amount: '1.00' }]), 409, 'PAYMENT_STATUS_NOT_SETTLEABLE'],
    ['an unknown entry', () => settle([{ entryId: '00000000-0000-4000-8000-000000000000', paymentId, amount: '1.00' }]), 404, 'NOT_FOUND'],
    ['an id that is no UUID', () => settle([{ entryId: 'nope', paymentId, amount: '1.00' }]), 404, 'NOT_FOUND'],
    [
      'one good and one bad allocation in the same call',
      () => settle([{ entryId, paymentId, amount: '10.00' }, { entryId, paymentId, amount: '45.00' }]),
      409,
      'OVER_ALLOCATION_PAYMENT',
    ],
    ['no allocations', () => settle([]), 400, 'VALIDATION_FAILED'],
    ['a refund above the available amount', () => ({ method: 'POST' as const, url: '/v1/refunds', payload: { paymentId, amount: '50.01' } }), 409, 'OVER_REFUND'],
    [
      'an impossible payment status change',
      () => ({ method: 'POST' as const, url: `/v1/payments/${failedPaymentId}/status`, payload: { status: 'Collected' } }),
      409,
      'PAYMENT_STATUS_TRANSITION',
    ],
    ['canceling a canceled entry', () => ({ method: 'POST' as const, url: `/v1/entries/${canceledId}/cancel`, payload: { reason: 'again' } }), 409, 'ENTRY_CANCELED'],
    ['an invalid cursor', () => ({ method: 'GET' as const, url: '/v1/entries?cursor=abc' }), 422, 'CURSOR_INVALID'],
    ['an unknown query parameter', () => ({ method: 'GET' as const, url: '/v1/entries?colour=red' }), 400, 'VALIDATION_FAILED'],
    ['an unknown route', () => ({ method: 'GET' as const, url: '/v1/nothing' }), 404, 'ROUTE_NOT_FOUND'],
    ['a date that is no calendar date in a filter', () => ({ method: 'GET' as const, url: '/v1/entries?dueBefore=2026-13-45' }), 400, 'VALIDATION_FAILED'],
    [
      'February 30th as a payment date',
      () => ({ method: 'POST' as const, url: '/v1/payments', payload: { type: 'Payment', currency: 'EUR', amount: '1.00', paymentDate: '2026-02-30' } }),
      400,
      'VALIDATION_FAILED',
    ],
    ['a cursor beyond any row number', () => ({ method: 'GET' as const, url: `/v1/entries?cursor=${Buffer.from('s:9999999999999999999').toString('base64url')}` }), 422, 'CURSOR_INVALID'],
  ])('%s', async (_name, request, status, code) => {
    const response = await h.call(h.tenantA.write, request());
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ status, code });
    await expectNothingWritten();
  });

  it('refuses missing, malformed, revoked and under-scoped keys', async () => {
    expect((await h.call(null, { method: 'GET', url: '/v1/entries' })).body.code).toBe('UNAUTHORIZED');
    expect((await h.call('cm_nonsense', { method: 'GET', url: '/v1/entries' })).status).toBe(401);
    const read = await h.call(h.tenantA.read, { method: 'POST', url: '/v1/entries', payload: { ...validEntry, number: 'X-10' } });
    expect(read).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
    expect((await h.call(h.tenantA.write, { method: 'GET', url: '/v1/api-keys' })).status).toBe(403);
    expect((await h.call(h.tenantA.admin, { method: 'POST', url: '/v1/tenants', payload: { name: 'x' } })).status).toBe(403);
    const created = await h.call(h.tenantA.admin, { method: 'POST', url: '/v1/api-keys', payload: { name: 'temp', scopes: ['read'] } });
    expect(created.status).toBe(201);
    expect((await h.call(created.body.key, { method: 'GET', url: '/v1/entries' })).status).toBe(200);
    await h.call(h.tenantA.admin, { method: 'POST', url: `/v1/api-keys/${created.body.apiKey.id}/revoke` });
    const dashes = await h.call(h.tenantA.admin, { method: 'POST', url: `/v1/api-keys/${'-'.repeat(36)}/revoke` });
    expect(dashes).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect((await h.call(created.body.key, { method: 'GET', url: '/v1/entries' })).status).toBe(401);
    await expectNothingWritten();
  });
});
