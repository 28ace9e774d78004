import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const entry = (fields: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: '/v1/entries',
  payload: { number: 'N-1', type: 'Debit', currency: 'EUR', amount: '10.00', account: { name: 'Muster GmbH' }, ...fields },
});

describe('text fields', () => {
  it.each([
    ['an entry number', entry({ number: 'NUL-\u0000-1' }), 'body/number'],
    ['a nested account name', entry({ number: 'NUL-2', account: { name: 'Muster\u0000GmbH' } }), 'body/account/name'],
    ['a query parameter', { method: 'GET' as const, url: '/v1/entries?number=a%00b' }, 'query/number'],
  ])('a NUL byte in %s is refused with 400 TEXT_NUL_BYTE, not a server error', async (_name, request, path) => {
    const response = await h.call(h.tenantA.write, request);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'TEXT_NUL_BYTE', detail: expect.stringContaining(path) });
  });

  it('normalises text to NFC, so "Café" typed decomposed and composed is one entry number', async () => {
    const decomposed = await h.call(h.tenantA.write, entry({ number: 'Cafe\u0301-1', account: { name: 'Cafe\u0301 GmbH' } }));
    expect(decomposed.status).toBe(201);
    expect(decomposed.body.number).toBe('Caf\u00e9-1');
    expect(decomposed.body.account.name).toBe('Caf\u00e9 GmbH');
    const composed = await h.call(h.tenantA.write, entry({ number: 'Caf\u00e9-1' }));
    expect(composed).toMatchObject({ status: 409, body: { code: 'ENTRY_NUMBER_EXISTS' } });
  });
});

describe('amounts', () => {
  it.each([
    ['a leading plus', '+12.00', 'AMOUNT_INVALID'],
    ['a leading space', ' 12.00', 'AMOUNT_INVALID'],
    ['a trailing space', '12.00 ', 'AMOUNT_INVALID'],
    ['a decimal comma', '12,00', 'AMOUNT_INVALID'],
    ['more than 999,999,999.99', '1000000000.00', 'AMOUNT_TOO_LARGE'],
    ['a huge number of digits', '9'.repeat(30), 'AMOUNT_TOO_LARGE'],
  ])('%s is refused with %s', async (name, amount, code) => {
    const response = await h.call(h.tenantA.write, entry({ number: `A-${name}`, amount }));
    expect(response).toMatchObject({ status: 422, body: { code } });
  });

  it('accepts the largest amount SEPA carries, 999999999.99', async () => {
    const response = await h.call(h.tenantA.write, entry({ number: 'A-MAX', amount: '999999999.99' }));
    expect(response).toMatchObject({ status: 201, body: { initialAmount: '999999999.99' } });
  });

  it('bounds payment amounts where they enter too', async () => {
    const response = await h.call(h.tenantA.write, { method: 'POST', url: '/v1/payments', payload: { type: 'Payment', currency: 'EUR', amount: '1000000000' } });
    expect(response).toMatchObject({ status: 422, body: { code: 'AMOUNT_TOO_LARGE' } });
  });
});

describe('empty JSON bodies', () => {
  it('accepts a body-less POST sent with content-type application/json', async () => {
    const created = await h.call(h.tenantA.admin, { method: 'POST', url: '/v1/api-keys', payload: { name: 'temp', scopes: ['read'] } });
    const revoked = await h.call(h.tenantA.admin, {
      method: 'POST',
      url: `/v1/api-keys/${created.body.apiKey.id}/revoke`,
      headers: { 'content-type': 'application/json' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
  });

  it('accepts a DELETE sent with content-type application/json and no body', async () => {
    const response = await h.call(h.tenantA.admin, {
      method: 'DELETE',
      url: '/v1/matching/configurations/00000000-0000-4000-8000-000000000000',
      headers: { 'content-type': 'application/json' },
    });
    expect(response).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('still refuses an empty body where the route needs one', async () => {
    const response = await h.call(h.tenantA.write, { method: 'POST', url: '/v1/entries', payload: '', headers: { 'content-type': 'application/json' } });
    expect(response).toMatchObject({ status: 400, body: { code: 'BODY_EMPTY' } });
  });
});
