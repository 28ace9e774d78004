import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openHarness, type Harness } from './test-support/harness.js';
import { statusReport } from '../payment-runs/test-support/status-report.js';

const bankFile = readFileSync(new URL('../banking/__fixtures__/feedback_camt053.v8.xml', import.meta.url));
const upload = { 'content-type': 'application/xml' };
const runEntity = { code: 'RUNS', creditorName: 'A Creditor', creditorId: 'DE98ZZZ09999999999', account: { iban: 'DE44500105175407324931' } };
const runMandate = { kind: 'mandate', accountId: 'K-A', accountHolder: 'A debtor', iban: 'DE02120300000000202051', scheme: 'CORE', signatureDate: '2026-01-10' };
const matchingConfiguration = { name: 'By amount', template: 'FindEntryByMatchingTheAmount', priority: 1, search: { percentage: 0.01 } };

/**
 * A key of tenant B (with every scope a tenant can have) is pointed at tenant A's resources on
 * every route of the API. It must neither see nor change anything of A. The route list comes
 * from the OpenAPI document, so a new route without a case here fails this test.
 */
let h: Harness;
const a: Record<string, string> = {};

beforeAll(async () => {
  h = await openHarness();
  const w = h.tenantA.admin;
  // A's payment run goes first: it flags the entries it cannot collect, which the final check expects untouched
  a.entity = (await h.call(w, { method: 'POST', url: '/v1/business-entities', payload: runEntity })).body.id;
  a.instrument = (await h.call(w, { method: 'POST', url: '/v1/payment-instruments', payload: { ...runMandate, businessEntity: a.entity } })).body.id;
  a.runEntry = (await h.call(w, { method: 'POST', url: '/v1/entries', payload: { number: 'A-DD', type: 'Debit', currency: 'EUR', amount: '50.00', dueDate: '2026-12-15', account: { id: 'K-A', name: 'A debtor' } } })).body.id;
  const { order } = await h.services.paymentRuns.create(
    { tenantId: h.tenantA.tenantId, actor: 'test', businessProcess: 'Test' },
    { kind: 'direct-debit', businessEntity: a.entity!, until: '2027-01-31' },
  );
  a.order = order.id;
  a.messageId = order.messageId;
  a.entry = (await h.call(w, { method: 'POST', url: '/v1/entries', payload: { number: 'A-1', type: 'Debit', currency: 'EUR', amount: '100.00', account: { name: 'A customer' } } })).body.id;
  a.entry2 = (await h.call(w, { method: 'POST', url: '/v1/entries', payload: { number: 'A-2', type: 'Debit', currency: 'EUR', amount: '100.00', account: { name: 'A customer' } } })).body.id;
  a.payment = (await h.call(w, { method: 'POST', url: '/v1/payments', payload: { type: 'Payment', currency: 'EUR', amount: '100.00', endToEndId: 'E2E-A' } })).body.id;
  a.item = (await h.call(w, { method: 'POST', url: '/v1/settlements', payload: { allocations: [{ entryId: a.entry, paymentId: a.payment, amount: '40.00' }] } })).body.items[0].id;
  a.refund = (await h.call(w, { method: 'POST', url: '/v1/refunds', payload: { paymentId: a.payment, amount: '10.00' } })).body.id;
  a.job = (await h.call(w, { method: 'POST', url: '/v1/entries/imports', payload: { format: 'jsonl', content: '{}' } })).body.id;
  a.key = (await h.call(w, { method: 'GET', url: '/v1/api-keys' })).body.items[0].id;
  const imported = (await h.call(w, { method: 'POST', url: '/v1/bank-statements?fileName=a.xml', payload: bankFile, headers: upload })).body;
  a.statement = imported.statements[0].id;
  a.statementItem = (await h.call(w, { method: 'GET', url: `/v1/bank-statements/${a.statement}/items` })).body.items[0].id;
  a.bankAccount = (await h.call(w, { method: 'GET', url: '/v1/bank-accounts' })).body.items[0].id;
  a.bPayment = (await h.call(h.tenantB.admin, { method: 'POST', url: '/v1/payments', payload: { type: 'Payment', currency: 'EUR', amount: '100.00' } })).body.id;
  a.configuration = (await h.call(w, { method: 'POST', url: '/v1/matching/configurations', payload: matchingConfiguration })).body.id;
  await h.services.matching.suggestions.recordItem(
    h.tenantA.tenantId,
    { itemId: a.statementItem!, outcome: 'suggested', score: 0.5, configuration: null, reasons: ['for the isolation test'] },
    [{ itemId: a.statementItem!, statementId: a.statement!, paymentId: a.payment!, rank: 1, score: 0.5, configuration: null, allocations: [{ entryId: a.entry2!, amount: '1.00' }], breakdown: { amount: 0.5 }, reasons: ['x'] }],
  );
  a.suggestion = (await h.call(w, { method: 'GET', url: '/v1/matching/suggestions' })).body.items[0].id;
  // A's org connection is stored directly: connecting needs an org, isolation does not
  await h.services.db.query(
    `INSERT INTO org_connections (tenant_id, flow, login_url, client_id, username, secret_encrypted, org_id, user_id, org_username, instance_url)
     VALUES ($1, 'jwt-bearer', 'https://login.example', 'A-client', 'a@org.example', 'v1:AAAA', '00DA00000000001AAA', '005A00000000001AAA', 'a@org.example', 'https://a.example')`,
    [h.tenantA.tenantId],
  );
});
afterAll(() => h.close());

type Case = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: () => string; payload?: () => object | Buffer; headers?: Record<string, string>; expect: (status: number, body: any) => void };
const notFound = (status: number, body: any) => {
  expect(status).toBe(404);
  expect(body.code).toBe('NOT_FOUND');
};
const orgNotConnected = (status: number, body: any) => {
  expect(status).toBe(404);
  expect(body.code).toBe('ORG_NOT_CONNECTED');
};
const noneOfA = (status: number, body: any) => {
  expect(status).toBe(200);
  const ids = JSON.stringify(body);
  for (const id of Object.values(a)) if (id !== a.bPayment) expect(ids).not.toContain(id);
};

const cases: Record<string, Case> = {
  'POST /v1/entries': {
    method: 'POST',
    url: () => '/v1/entries',
    payload: () => ({ number: 'A-1', type: 'Debit', currency: 'EUR', amount: '1.00', account: { name: 'B customer' } }),
    expect: (status) => expect(status).toBe(201),
  },
  'GET /v1/entries': { method: 'GET', url: () => '/v1/entries?number=A-2', expect: noneOfA },
  'GET /v1/entries/{id}': { method: 'GET', url: () => `/v1/entries/${a.entry}`, expect: notFound },
  'GET /v1/entries/{id}/items': { method: 'GET', url: () => `/v1/entries/${a.entry}/items`, expect: notFound },
  'POST /v1/entries/{id}/cancel': { method: 'POST', url: () => `/v1/entries/${a.entry}/cancel`, payload: () => ({ reason: 'x', strategy: 'Direct Refund' }), expect: notFound },
  'POST /v1/entries/{id}/controls': {
    method: 'POST',
    url: () => `/v1/entries/${a.entry}/controls`,
    payload: () => ({ excludeFromPaymentRun: true, errorMessages: ['hijacked'] }),
    expect: notFound,
  },
  'POST /v1/entries/imports': { method: 'POST', url: () => '/v1/entries/imports', payload: () => ({ format: 'jsonl', content: '{}' }), expect: (s) => expect(s).toBe(202) },
  'POST /v1/payments': {
    method: 'POST',
    url: () => '/v1/payments',
    payload: () => ({ type: 'Payment', currency: 'EUR', amount: '1.00', endToEndId: 'E2E-A' }),
    expect: (status) => expect(status).toBe(201),
  },
  'GET /v1/payments': { method: 'GET', url: () => '/v1/payments?endToEndId=E2E-A', expect: noneOfA },
  'GET /v1/payments/{id}': { method: 'GET', url: () => `/v1/payments/${a.payment}`, expect: notFound },
  'GET /v1/payments/{id}/items': { method: 'GET', url: () => `/v1/payments/${a.payment}/items`, expect: notFound },
  'POST /v1/payments/{id}/status': { method: 'POST', url: () => `/v1/payments/${a.payment}/status`, payload: () => ({ status: 'Reversed' }), expect: notFound },
  'POST /v1/settlements': {
    method: 'POST',
    url: () => '/v1/settlements',
    payload: () => ({ allocations: [{ entryId: a.entry2, paymentId: a.bPayment, amount: '1.00' }] }),
    expect: notFound,
  },
  'POST /v1/settlements/undo': { method: 'POST', url: () => '/v1/settlements/undo', payload: () => ({ entryItemIds: [a.item], reason: 'x' }), expect: notFound },
  'POST /v1/refunds': { method: 'POST', url: () => '/v1/refunds', payload: () => ({ paymentId: a.payment, amount: '1.00' }), expect: notFound },
  'GET /v1/refunds': { method: 'GET', url: () => `/v1/refunds?paymentId=${a.payment}`, expect: noneOfA },
  'GET /v1/refunds/{id}': { method: 'GET', url: () => `/v1/refunds/${a.refund}`, expect: notFound },
  'POST /v1/refunds/{id}/approve': { method: 'POST', url: () => `/v1/refunds/${a.refund}/approve`, expect: notFound },
  'POST /v1/refunds/{id}/cancel': { method: 'POST', url: () => `/v1/refunds/${a.refund}/cancel`, payload: () => ({ reason: 'x' }), expect: notFound },
  'POST /v1/refunds/{id}/status': { method: 'POST', url: () => `/v1/refunds/${a.refund}/status`, payload: () => ({ status: 'Pending' }), expect: notFound },
  'GET /v1/jobs': { method: 'GET', url: () => '/v1/jobs', expect: noneOfA },
  'GET /v1/jobs/{id}': { method: 'GET', url: () => `/v1/jobs/${a.job}`, expect: notFound },
  'POST /v1/jobs/{id}/cancel': { method: 'POST', url: () => `/v1/jobs/${a.job}/cancel`, expect: notFound },
  'POST /v1/jobs/{id}/retry': { method: 'POST', url: () => `/v1/jobs/${a.job}/retry`, expect: notFound },
  'GET /v1/tenant': {
    method: 'GET',
    url: () => '/v1/tenant',
    expect: (status, body) => {
      expect(status).toBe(200);
      expect(body.id).toBe(h.tenantB.tenantId);
    },
  },
  'GET /v1/api-keys': { method: 'GET', url: () => '/v1/api-keys', expect: noneOfA },
  'POST /v1/api-keys': { method: 'POST', url: () => '/v1/api-keys', payload: () => ({ name: 'b-extra', scopes: ['read'] }), expect: (s) => expect(s).toBe(201) },
  'POST /v1/api-keys/{id}/revoke': { method: 'POST', url: () => `/v1/api-keys/${a.key}/revoke`, expect: notFound },
  'POST /v1/bank-statements': {
    method: 'POST',
    url: () => '/v1/bank-statements?fileName=b.xml',
    payload: () => bankFile,
    headers: upload,
    expect: (status, body) => {
      expect(status).toBe(201);
      expect(body).toMatchObject({ newItems: 4, duplicateItems: 0 });
    },
  },
  'GET /v1/bank-statements': { method: 'GET', url: () => '/v1/bank-statements', expect: noneOfA },
  'GET /v1/bank-statements/{id}': { method: 'GET', url: () => `/v1/bank-statements/${a.statement}`, expect: notFound },
  'GET /v1/bank-statements/{id}/items': { method: 'GET', url: () => `/v1/bank-statements/${a.statement}/items`, expect: notFound },
  'GET /v1/bank-statement-items/{id}': { method: 'GET', url: () => `/v1/bank-statement-items/${a.statementItem}`, expect: notFound },
  'GET /v1/bank-accounts': { method: 'GET', url: () => '/v1/bank-accounts', expect: noneOfA },
  'POST /v1/tenants': { method: 'POST', url: () => '/v1/tenants', payload: () => ({ name: 'sneaky' }), expect: (s) => expect(s).toBe(403) },
  'GET /v1/matching/configurations': { method: 'GET', url: () => '/v1/matching/configurations', expect: noneOfA },
  'POST /v1/matching/configurations/defaults': {
    method: 'POST',
    url: () => '/v1/matching/configurations/defaults',
    expect: (status, body) => {
      expect(status).toBe(201);
      expect(JSON.stringify(body)).not.toContain(a.configuration);
    },
  },
  'POST /v1/matching/configurations': {
    method: 'POST',
    url: () => '/v1/matching/configurations',
    payload: () => matchingConfiguration,
    expect: (status, body) => {
      expect(status).toBe(201);
      expect(body.id).not.toBe(a.configuration);
    },
  },
  'GET /v1/matching/configurations/{id}': { method: 'GET', url: () => `/v1/matching/configurations/${a.configuration}`, expect: notFound },
  'PUT /v1/matching/configurations/{id}': {
    method: 'PUT',
    url: () => `/v1/matching/configurations/${a.configuration}`,
    payload: () => ({ ...matchingConfiguration, active: false }),
    expect: notFound,
  },
  'DELETE /v1/matching/configurations/{id}': { method: 'DELETE', url: () => `/v1/matching/configurations/${a.configuration}`, expect: notFound },
  'GET /v1/matching/suggestions': { method: 'GET', url: () => `/v1/matching/suggestions?itemId=${a.statementItem}`, expect: noneOfA },
  'GET /v1/matching/suggestions/{id}': { method: 'GET', url: () => `/v1/matching/suggestions/${a.suggestion}`, expect: notFound },
  'POST /v1/matching/suggestions/{id}/accept': { method: 'POST', url: () => `/v1/matching/suggestions/${a.suggestion}/accept`, payload: () => ({}), expect: notFound },
  'POST /v1/matching/suggestions/{id}/reject': { method: 'POST', url: () => `/v1/matching/suggestions/${a.suggestion}/reject`, payload: () => ({}), expect: notFound },
  'POST /v1/bank-statements/{id}/matching': { method: 'POST', url: () => `/v1/bank-statements/${a.statement}/matching`, expect: notFound },
  'GET /v1/bank-statement-items/{id}/matching': { method: 'GET', url: () => `/v1/bank-statement-items/${a.statementItem}/matching`, expect: notFound },
  'POST /v1/business-entities': {
    method: 'POST',
    url: () => '/v1/business-entities',
    payload: () => runEntity,
    expect: (status, body) => {
      expect(status).toBe(201);
      expect(body.id).not.toBe(a.entity);
    },
  },
  'GET /v1/business-entities': { method: 'GET', url: () => '/v1/business-entities', expect: noneOfA },
  'PUT /v1/business-entities/{id}/settings': {
    method: 'PUT',
    url: () => `/v1/business-entities/${a.entity}/settings`,
    payload: () => ({ batchBooking: 'off' }),
    expect: notFound,
  },
  'POST /v1/payment-instruments': {
    method: 'POST',
    url: () => '/v1/payment-instruments',
    payload: () => ({ ...runMandate, businessEntity: a.entity }),
    expect: notFound,
  },
  'GET /v1/payment-instruments': { method: 'GET', url: () => '/v1/payment-instruments?accountId=K-A', expect: noneOfA },
  'GET /v1/payment-instruments/{id}': { method: 'GET', url: () => `/v1/payment-instruments/${a.instrument}`, expect: notFound },
  'POST /v1/payment-instruments/{id}/amend': {
    method: 'POST',
    url: () => `/v1/payment-instruments/${a.instrument}/amend`,
    payload: () => ({ iban: 'DE89370400440532013000' }),
    expect: notFound,
  },
  'POST /v1/payment-instruments/{id}/deactivate': {
    method: 'POST',
    url: () => `/v1/payment-instruments/${a.instrument}/deactivate`,
    payload: () => ({ reason: 'sneaky' }),
    expect: notFound,
  },
  'POST /v1/payment-runs/preview': {
    method: 'POST',
    url: () => '/v1/payment-runs/preview',
    payload: () => ({ kind: 'direct-debit', businessEntity: a.entity, until: '2027-01-31' }),
    expect: notFound,
  },
  'POST /v1/payment-runs': {
    method: 'POST',
    url: () => '/v1/payment-runs',
    payload: () => ({ kind: 'direct-debit', businessEntity: a.entity, until: '2027-01-31' }),
    expect: notFound,
  },
  'GET /v1/payment-runs': { method: 'GET', url: () => '/v1/payment-runs', expect: noneOfA },
  'GET /v1/payment-runs/{id}': { method: 'GET', url: () => `/v1/payment-runs/${a.order}`, expect: notFound },
  'GET /v1/payment-runs/{id}/file': { method: 'GET', url: () => `/v1/payment-runs/${a.order}/file`, expect: notFound },
  'POST /v1/payment-runs/{id}/submit': { method: 'POST', url: () => `/v1/payment-runs/${a.order}/submit`, expect: notFound },
  'POST /v1/payment-status-reports': {
    method: 'POST',
    url: () => '/v1/payment-status-reports',
    payload: () => Buffer.from(statusReport(a.messageId!, 'RJCT', [])),
    headers: upload,
    expect: notFound,
  },
  'PUT /v1/org-connection': {
    method: 'PUT',
    url: () => '/v1/org-connection',
    payload: () => ({ flow: 'client-credentials', loginUrl: 'http://login.example', clientId: 'A-client', clientSecret: 'x' }),
    expect: (status, body) => {
      expect(status).toBe(422);
      expect(body.code).toBe('LOGIN_URL_INVALID');
    },
  },
  'GET /v1/org-connection': { method: 'GET', url: () => '/v1/org-connection', expect: orgNotConnected },
  'GET /v1/org-connection/status': { method: 'GET', url: () => '/v1/org-connection/status', expect: orgNotConnected },
  'DELETE /v1/org-connection': { method: 'DELETE', url: () => '/v1/org-connection', expect: orgNotConnected },
};

describe('tenant isolation', () => {
  it('has a case for every authenticated route of the API', async () => {
    const doc = (await h.call(null, { method: 'GET', url: '/openapi.json' })).body;
    const routes = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const authenticated = routes.filter((r) => r !== 'GET /health');
    expect(authenticated.sort()).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.entries(cases))("a key of tenant B on %s neither reads nor changes tenant A's data", async (_route, c) => {
    const response = await h.call(h.tenantB.admin, {
      method: c.method,
      url: c.url(),
      ...(c.payload ? { payload: c.payload() } : {}),
      ...(c.headers ? { headers: c.headers } : {}),
    });
    c.expect(response.status, response.body);
  });

  it("leaves tenant A's data exactly as it was", async () => {
    const r = h.tenantA.admin;
    expect((await h.call(r, { method: 'GET', url: `/v1/entries/${a.entry}` })).body).toMatchObject({
      status: 'Open',
      assignedAmount: '-40.00',
      excludeFromPaymentRun: false,
      errorMessages: [],
    });
    expect((await h.call(r, { method: 'GET', url: `/v1/payments/${a.payment}` })).body).toMatchObject({ status: 'Collected', assignedAmount: '40.00', blockedAmount: '10.00' });
    expect((await h.call(r, { method: 'GET', url: `/v1/refunds/${a.refund}` })).body.status).toBe('Prepared');
    expect((await h.call(r, { method: 'GET', url: `/v1/entries/${a.entry}/items` })).body.items).toHaveLength(1);
    expect((await h.call(r, { method: 'GET', url: '/v1/entries?number=A-1' })).body.items).toHaveLength(1);
    expect((await h.call(r, { method: 'GET', url: '/v1/org-connection' })).body).toMatchObject({ orgId: '00DA00000000001AAA', clientId: 'A-client' });
    expect((await h.call(r, { method: 'GET', url: '/v1/api-keys' })).body.items.every((k: { revokedAt: unknown }) => k.revokedAt === null)).toBe(true);
    expect((await h.call(r, { method: 'GET', url: '/v1/jobs' })).body.items).toHaveLength(1);
    expect((await h.call(r, { method: 'GET', url: `/v1/payment-runs/${a.order}` })).body).toMatchObject({ status: 'Prepared', transactionCount: 1 });
    expect((await h.call(r, { method: 'GET', url: '/v1/business-entities' })).body.items[0].bankAccount.batchBooking).toBe('on');
    expect((await h.call(r, { method: 'GET', url: `/v1/entries/${a.runEntry}` })).body).toMatchObject({ status: 'Open', expectedAmount: '-50.00' });
    expect((await h.call(r, { method: 'GET', url: `/v1/payment-instruments/${a.instrument}` })).body).toMatchObject({ active: true, iban: 'DE02120300000000202051' });
    expect((await h.call(r, { method: 'GET', url: `/v1/bank-statements/${a.statement}` })).body.itemCount).toBe(4);
    expect((await h.call(r, { method: 'GET', url: `/v1/matching/configurations/${a.configuration}` })).body).toMatchObject({ active: true });
    expect((await h.call(r, { method: 'GET', url: `/v1/matching/suggestions/${a.suggestion}` })).body).toMatchObject({ status: 'Open' });
  });
});
