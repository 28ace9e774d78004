import { generateKeyPairSync } from 'node:crypto';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwtAssertion } from './jwt-assertion.js';
import { fetchApiLimits, fetchUserInfo } from './org-info.js';
import { openOrgSession } from './org-session.js';
import { INTEGRATION_USER, JWT_CLIENT_ID, openOrgFixture, type OrgFixture } from './test-support/org-fixture.js';
import { TestOrg } from './test-support/test-org.js';

let f: OrgFixture;
beforeAll(async () => {
  f = await openOrgFixture();
});
afterAll(() => f.close());

const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a refusal'); }, (e: { code: string; message: string; details?: Record<string, unknown> }) => e);

describe('signing in with jsforce over TLS', () => {
  it('signs in with the JWT bearer flow and reads who it is and the API allowance', async () => {
    const session = await openOrgSession(f.jwt);
    expect(session.orgId).toBe(f.org.orgId);
    expect(session.instanceUrl).toBe(f.org.instanceUrl);
    expect(await fetchUserInfo(session.conn)).toEqual({ orgId: f.org.orgId, userId: session.userId, username: INTEGRATION_USER });
    const limits = await fetchApiLimits(session.conn);
    expect(limits.dailyApiRequests.max).toBe(15_000);
    expect(limits.dailyApiRequests.remaining).toBeLessThan(15_000);
  });

  it('signs in with the client credentials flow as the run-as user', async () => {
    const session = await openOrgSession(f.clientCredentials);
    expect((await fetchUserInfo(session.conn)).username).toBe(INTEGRATION_USER);
  });

  it("refuses with the org's OAuth error: wrong secret, unknown user, wrong key, wrong audience, unknown client", async () => {
    const wrongSecret = await refusal(openOrgSession({ ...f.clientCredentials, secret: 'wrong' }));
    expect(wrongSecret).toMatchObject({ code: 'ORG_AUTH_FAILED', details: { error: 'invalid_client', description: 'invalid client credentials' } });
    expect((await refusal(openOrgSession({ ...f.jwt, username: 'nobody@cash.example' }))).details).toEqual({ error: 'invalid_grant', description: "user hasn't approved this consumer" });
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect((await refusal(openOrgSession({ ...f.jwt, secret: otherKey }))).details).toEqual({ error: 'invalid_grant', description: 'invalid assertion' });
    expect((await refusal(openOrgSession({ ...f.jwt, loginUrl: f.org.instanceUrl }))).details).toEqual({ error: 'invalid_grant', description: 'audience is invalid' });
    const unknown = await refusal(openOrgSession({ ...f.jwt, clientId: 'nope' }));
    expect(unknown.message).toBe('the org refused the credentials: invalid_client_id: client identifier invalid');
  });

  it('refuses an expired assertion at the token endpoint', async () => {
    const assertion = signJwtAssertion({ clientId: JWT_CLIENT_ID, username: INTEGRATION_USER, audience: f.org.loginUrl, privateKeyPem: f.jwt.secret, now: Math.floor(Date.now() / 1000) - 600 });
    const oauth2 = new jsforce.OAuth2({ loginUrl: f.org.loginUrl });
    const error = await oauth2.requestToken({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'invalid_grant', message: 'expired authorization code' });
  });

  it('never trusts a certificate outside Node’s trust store', async () => {
    const stranger = await TestOrg.start();
    try {
      const error = await refusal(openOrgSession({ ...f.jwt, loginUrl: stranger.loginUrl }));
      expect(error.code).toBe('ORG_UNREACHABLE');
      expect(error.message).toContain('unable to verify the first certificate');
      expect(error.details).toEqual({ cause: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
      expect(stranger.auth.tokenRequests).toEqual([]);
    } finally {
      await stranger.close();
    }
  });

  it.each(['jwt', 'clientCredentials'] as const)('signs in again by itself when the session expires (%s)', async (flow) => {
    const session = await openOrgSession(f[flow]);
    const before = f.org.auth.tokenRequests.length;
    f.org.auth.expireSessions();
    expect((await fetchUserInfo(session.conn)).username).toBe(INTEGRATION_USER);
    expect(f.org.auth.tokenRequests.slice(before)).toMatchObject([{ ok: true, grantType: flow === 'jwt' ? 'urn:ietf:params:oauth:grant-type:jwt-bearer' : 'client_credentials' }]);
  });

  it('reports a refused new session as ORG_AUTH_FAILED', async () => {
    const session = await openOrgSession(f.clientCredentials);
    f.org.auth.registerClientCredentialsApp(f.clientCredentials.clientId, 'rotated-secret', INTEGRATION_USER);
    f.org.auth.expireSessions();
    try {
      const error = await refusal(fetchApiLimits(session.conn));
      expect(error.code).toBe('ORG_AUTH_FAILED');
      expect(error.message).toContain('invalid client credentials');
    } finally {
      f.org.auth.registerClientCredentialsApp(f.clientCredentials.clientId, f.clientCredentials.secret, INTEGRATION_USER);
    }
  });

  it('reports a REST error with the org errorCode', async () => {
    const session = await openOrgSession(f.jwt);
    f.org.failNext('REQUEST_LIMIT_EXCEEDED');
    expect(await refusal(fetchApiLimits(session.conn))).toMatchObject({ code: 'ORG_API_FAILED', details: { errorCode: 'REQUEST_LIMIT_EXCEEDED' } });
  });
});
