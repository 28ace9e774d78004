import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../jobs/worker.js';
import { orgBridgeFor } from '../../runtime/org-bridge-runtime.js';
import { servicesFor, type Services } from '../../runtime/services.js';
import { openTestDb } from '../../store/test-support/test-db.js';
import { until } from '../../test-support/until.js';
import { INTEGRATION_USER, JWT_CLIENT_ID, openOrgFixture, type OrgFixture } from '../test-support/org-fixture.js';
import { startTestPubSub, type TestPubSub } from '../test-support/pubsub/test-pubsub-server.js';
import { COMMAND_TOPIC, NOTIFICATION_TOPIC } from './bridge-store.js';

let services: Services;
let f: OrgFixture;
let pubsub: TestPubSub;
let tenantId: string;
let run: ReturnType<typeof orgBridgeFor>;
const log: string[] = [];

const statuses = (correlationId: string) =>
  pubsub
    .events(NOTIFICATION_TOPIC)
    .map((e) => e.fields)
    .filter((n) => n.CorrelationId__c === correlationId);

beforeAll(async () => {
  const key = randomBytes(32);
  services = servicesFor(await openTestDb(), () => key);
  f = await openOrgFixture();
  // the Pub/Sub API takes the sessions the org's token endpoint issued, and nothing else
  pubsub = await startTestPubSub({ orgId: f.org.orgId, authorize: (caller) => f.org.auth.session(`Bearer ${caller.accessToken}`) !== null, keepAliveMs: 200 });
  tenantId = (await services.tenants.createTenant('Connected GmbH')).id;
  await services.orgs.connect(tenantId, { flow: 'jwt-bearer', loginUrl: f.org.loginUrl, clientId: JWT_CLIENT_ID, username: INTEGRATION_USER, privateKey: f.jwt.secret });
  run = orgBridgeFor(services, (m) => log.push(m), { endpoint: pubsub.endpoint, tickMs: 100, backoff: { initialMs: 20, maxMs: 200 } });
  run.bridge.start();
});

afterAll(async () => {
  await run.bridge.stop();
  await pubsub.close();
  await f.close();
  await services.close();
});

describe('an org connected with cash org connect', () => {
  it('gets every command it publishes answered, signed in with the stored credentials', async () => {
    await until(async () => (await services.orgs.subscription(tenantId)).state === 'subscribed', 'the bridge subscribed with a session from the token endpoint');
    expect(await services.orgs.subscription(tenantId)).toMatchObject({ holder: run.bridge.holder, lastError: null });
    expect(pubsub.subscribers(COMMAND_TOPIC)).toBe(1);

    pubsub.publishAsOrg(COMMAND_TOPIC, {
      CorrelationId__c: 'e2e-import',
      Command__c: 'import-file',
      Version__c: 1,
      Payload__c: JSON.stringify({ bankAccountId: 'a02000000000001AAA', contentVersionId: '068000000000001AAA' }),
    });
    await until(() => statuses('e2e-import').length === 1, 'accepted');
    await new Worker(services.jobs, run.handlers).drain();
    await until(() => statuses('e2e-import').length === 2, 'answered');
    expect(statuses('e2e-import').map((n) => n.Status__c)).toEqual(['accepted', 'failed']);
    expect(JSON.parse(String(statuses('e2e-import')[1]!.Payload__c))).toMatchObject({ code: 'ORG_LEDGER_NOT_AVAILABLE' });
  });

  it('signs in again when the org ends its sessions, and loses nothing', async () => {
    f.org.auth.expireSessions();
    pubsub.dropStreams();
    pubsub.publishAsOrg(COMMAND_TOPIC, { CorrelationId__c: 'e2e-after-expiry', Command__c: 'refund', Version__c: 1, Payload__c: '{"refundIds":["a05000000000001"]}' });
    await until(() => statuses('e2e-after-expiry').length === 1, 'accepted with a new session', 15_000);
    expect(f.org.auth.tokenRequests.filter((r) => r.ok).length).toBeGreaterThanOrEqual(2);
  });

  it('lets go of the subscription when the tenant disconnects', async () => {
    await services.orgs.disconnect(tenantId);
    await until(() => run.bridge.holding().length === 0 && pubsub.subscribers(COMMAND_TOPIC) === 0, 'let go');
    expect(log.some((m) => m.includes('disconnected'))).toBe(true);
  });
});
