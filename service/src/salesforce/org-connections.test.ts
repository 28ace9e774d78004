import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { TenantStore } from '../store/tenants.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { OrgConnections, type ConnectInput } from './org-connections.js';
import { CC_CLIENT_ID, CC_SECRET, INTEGRATION_USER, JWT_CLIENT_ID, openOrgFixture, type OrgFixture } from './test-support/org-fixture.js';

let f: OrgFixture;
let db: Db;
let tenants: TenantStore;
const key = randomBytes(32);
let orgs: OrgConnections;

beforeAll(async () => {
  f = await openOrgFixture();
  db = await openTestDb();
  tenants = new TenantStore(db);
  orgs = new OrgConnections(db, () => key);
});
afterAll(async () => {
  await db.close();
  await f.close();
});

const tenant = async () => (await tenants.createTenant(`T ${randomBytes(3).toString('hex')}`)).id;
const jwtInput = (): ConnectInput => ({ flow: 'jwt-bearer', loginUrl: f.org.loginUrl, clientId: JWT_CLIENT_ID, username: INTEGRATION_USER, privateKey: f.jwt.secret });
const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a refusal'); }, (e: { code: string; message: string; details?: unknown }) => e);

describe('connecting a tenant to its org', () => {
  it('verifies the credentials, stores the private key encrypted and shows the connection without it', async () => {
    const t = await tenant();
    const connection = await orgs.connect(t, jwtInput());
    expect(connection).toMatchObject({ tenantId: t, flow: 'jwt-bearer', orgId: f.org.orgId, orgUsername: INTEGRATION_USER, instanceUrl: f.org.instanceUrl, username: INTEGRATION_USER });
    expect(JSON.stringify(connection)).not.toContain('PRIVATE KEY');
    expect(await orgs.get(t)).toEqual(connection);
    const [row] = await db.query<{ secret_encrypted: string }>('SELECT secret_encrypted FROM org_connections WHERE tenant_id = $1', [t]);
    expect(row!.secret_encrypted).toMatch(/^v1:/);
    expect(row!.secret_encrypted).not.toContain('PRIVATE');
    expect((await orgs.credentials(t)).secret).toBe(f.jwt.secret);
  });

  it('reports org id, user, API requests left and the subscription state', async () => {
    const t = await tenant();
    await orgs.connect(t, { flow: 'client-credentials', loginUrl: f.org.loginUrl, clientId: CC_CLIENT_ID, clientSecret: CC_SECRET });
    const status = await orgs.status(t);
    expect(status.user).toMatchObject({ orgId: f.org.orgId, username: INTEGRATION_USER });
    expect(status.limits.dailyApiRequests.remaining).toBeLessThan(status.limits.dailyApiRequests.max);
    expect(status.subscription).toEqual({ state: 'not subscribed', holder: null, leaseUntil: null, lastError: null });
    expect(status.connection.flow).toBe('client-credentials');
  });

  it("refuses credentials the org refuses, with the org's message, and stores nothing", async () => {
    const t = await tenant();
    const error = await refusal(orgs.connect(t, { ...jwtInput(), username: 'someone@else.example' } as ConnectInput));
    expect(error).toMatchObject({ code: 'ORG_AUTH_FAILED', details: { error: 'invalid_grant' } });
    expect((await refusal(orgs.get(t))).code).toBe('ORG_NOT_CONNECTED');
  });

  it('refuses what it can tell is wrong before calling the org', async () => {
    const t = await tenant();
    const before = f.org.auth.tokenRequests.length;
    expect((await refusal(orgs.connect(t, { ...jwtInput(), loginUrl: f.org.loginUrl.replace('https', 'http') }))).code).toBe('LOGIN_URL_INVALID');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect((await refusal(orgs.connect(t, { ...jwtInput(), privateKey: ec } as ConnectInput))).code).toBe('PRIVATE_KEY_INVALID');
    expect((await refusal(orgs.connect(t, { ...jwtInput(), privateKey: 'not a key' } as ConnectInput))).code).toBe('PRIVATE_KEY_INVALID');
    const keyless = new OrgConnections(db, () => {
      throw Object.assign(new Error('no key'), { code: 'SECRET_KEY_MISSING' });
    });
    expect((await refusal(keyless.connect(t, jwtInput()))).code).toBe('SECRET_KEY_MISSING');
    expect(f.org.auth.tokenRequests.length).toBe(before);
  });

  it('replaces a connection on reconnect, disconnects, and cannot read a secret under another key', async () => {
    const t = await tenant();
    await orgs.connect(t, jwtInput());
    const replaced = await orgs.connect(t, { flow: 'client-credentials', loginUrl: f.org.loginUrl, clientId: CC_CLIENT_ID, clientSecret: CC_SECRET });
    expect(replaced).toMatchObject({ flow: 'client-credentials', username: null });
    const otherKey = new OrgConnections(db, () => randomBytes(32));
    expect((await refusal(otherKey.status(t))).code).toBe('SECRET_UNREADABLE');
    await orgs.disconnect(t);
    expect((await refusal(orgs.status(t))).code).toBe('ORG_NOT_CONNECTED');
    expect((await refusal(orgs.disconnect(t))).code).toBe('ORG_NOT_CONNECTED');
  });
});
