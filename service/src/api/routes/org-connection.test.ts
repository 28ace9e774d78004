import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { servicesFor, type Services } from '../../runtime/services.js';
import { openTestDb } from '../../store/test-support/test-db.js';
import { INTEGRATION_USER, JWT_CLIENT_ID, openOrgFixture, type OrgFixture } from '../../salesforce/test-support/org-fixture.js';
import type { FastifyInstance } from 'fastify';

let f: OrgFixture;
let services: Services;
let app: FastifyInstance;
let admin: string;
let read: string;

beforeAll(async () => {
  f = await openOrgFixture();
  services = servicesFor(await openTestDb(), () => secretKey);
  app = await buildApp(services);
  const tenant = await services.tenants.createTenant('Org API');
  admin = (await services.tenants.createApiKey(tenant.id, 'admin', ['admin'])).key;
  read = (await services.tenants.createApiKey(tenant.id, 'read', ['read', 'write'])).key;
});
afterAll(async () => {
  await app.close();
  await services.close();
  await f.close();
});

const secretKey = randomBytes(32);
const call = async (key: string, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) => {
  const response = await app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, text: response.body, body: response.body ? JSON.parse(response.body) : null };
};
const jwt = () => ({ flow: 'jwt-bearer', loginUrl: f.org.loginUrl, clientId: JWT_CLIENT_ID, username: INTEGRATION_USER, privateKey: f.jwt.secret });

describe('/v1/org-connection', () => {
  it('connects, shows, reports status and disconnects, never returning the private key', async () => {
    const connected = await call(admin, 'PUT', '/v1/org-connection', jwt());
    expect(connected.status).toBe(200);
    expect(connected.body).toMatchObject({ flow: 'jwt-bearer', orgId: f.org.orgId, orgUsername: INTEGRATION_USER, instanceUrl: f.org.instanceUrl });
    expect(connected.text).not.toMatch(/PRIVATE KEY|privateKey|secret/i);
    expect((await call(admin, 'GET', '/v1/org-connection')).body).toEqual(connected.body);
    const status = await call(admin, 'GET', '/v1/org-connection/status');
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ user: { orgId: f.org.orgId, username: INTEGRATION_USER }, subscription: { state: 'not subscribed' }, limits: { dailyApiRequests: { max: 15000 } } });
    expect(status.text).not.toMatch(/PRIVATE KEY/);
    expect((await call(admin, 'DELETE', '/v1/org-connection')).status).toBe(204);
    expect((await call(admin, 'GET', '/v1/org-connection')).body.code).toBe('ORG_NOT_CONNECTED');
  });

  it("answers the org's refusal as a problem with its OAuth code", async () => {
    const refused = await call(admin, 'PUT', '/v1/org-connection', { ...jwt(), username: 'stranger@org.example' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'ORG_AUTH_FAILED', details: { error: 'invalid_grant', description: "user hasn't approved this consumer" } });
  });

  it('needs the admin scope and refuses a body that mixes the flows', async () => {
    expect((await call(read, 'GET', '/v1/org-connection')).status).toBe(403);
    expect((await call(read, 'PUT', '/v1/org-connection', jwt())).status).toBe(403);
    expect((await call(admin, 'PUT', '/v1/org-connection', { ...jwt(), clientSecret: 'x' })).status).toBe(400);
  });
});
