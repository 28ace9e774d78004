/**
 * `npm run demo:org`: the org bridge at work without an org. Starts the test org (its REST API over
 * HTTPS and its Pub/Sub API over gRPC with TLS, both from test support), connects a tenant to it as
 * an operator would (`cash org connect`, JWT bearer), starts the bridge and a job worker, then
 * publishes commands as users in the org would and prints what the org sent, what the service did
 * and the notifications it published. Everything runs in this process on an in-memory database.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from '../src/jobs/worker.js';
import { orgBridgeFor } from '../src/runtime/org-bridge-runtime.js';
import { servicesFor } from '../src/runtime/services.js';
import { COMMAND_TOPIC, NOTIFICATION_TOPIC } from '../src/salesforce/bridge/bridge-store.js';
import { TestOrg } from '../src/salesforce/test-support/test-org.js';
import { makeClientCertificate, trustedTestTls } from '../src/salesforce/test-support/test-tls.js';
import { startTestPubSub } from '../src/salesforce/test-support/pubsub/test-pubsub-server.js';
import { openPglite } from '../src/store/pglite-db.js';
import { migrate } from '../src/store/migrate.js';
import { createTestTls, TLS_DIR_VARIABLE } from '../src/test-support/test-tls.js';
import { until } from '../src/test-support/until.js';

// Node reads NODE_EXTRA_CA_CERTS only at start: make the demo CA, then run again trusting it
if (!process.env[TLS_DIR_VARIABLE]) {
  const dir = mkdtempSync(join(tmpdir(), 'cash-org-demo-'));
  createTestTls(dir);
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [TLS_DIR_VARIABLE]: dir, NODE_EXTRA_CA_CERTS: join(dir, 'ca.crt') },
  });
  process.exit(again.status ?? 1);
}

const say = (who: string, text: string) => process.stdout.write(`${who.padEnd(8)} ${text}\n`);
const USER = 'integration@demo.example';
const CLIENT_ID = '3MVG9demo.consumer.key';

const org = await TestOrg.start(trustedTestTls());
org.addUser(USER);
const client = makeClientCertificate();
org.auth.registerJwtApp(CLIENT_ID, client.certificate);
const pubsub = await startTestPubSub({ orgId: org.orgId, authorize: (caller) => org.auth.session(`Bearer ${caller.accessToken}`) !== null });
say('org', `test org ${org.orgId} at ${org.loginUrl} (REST) and ${pubsub.endpoint} (Pub/Sub), trusted through NODE_EXTRA_CA_CERTS`);

const db = await openPglite();
await migrate(db);
const key = randomBytes(32);
const services = servicesFor(db, () => key);
const tenant = await services.tenants.createTenant('Demo GmbH');
const connection = await services.orgs.connect(tenant.id, { flow: 'jwt-bearer', loginUrl: org.loginUrl, clientId: CLIENT_ID, username: USER, privateKey: client.privateKey });
say('service', `tenant ${tenant.id} connected to org ${connection.orgId} as ${connection.orgUsername} (JWT bearer; the key is stored encrypted)`);

const run = orgBridgeFor(services, (message) => say('service', message), { endpoint: pubsub.endpoint, tickMs: 200 });
const worker = new Worker(services.jobs, run.handlers, { pollMs: 100, log: (message) => say('worker', message) });
run.bridge.start();
worker.start();
await until(async () => (await services.orgs.subscription(tenant.id)).state === 'subscribed', 'the bridge subscribed', 20_000);

const commands = [
  { CorrelationId__c: 'demo-1', Command__c: 'settle-automatically', Version__c: 1, Payload__c: '{"statementItemIds":["a0B000000000001AAA"]}' },
  { CorrelationId__c: 'demo-2', Command__c: 'create-payment-link', Version__c: 1, Payload__c: '{"entryIds":["a01000000000001AAA"],"redirectUrl":"https://shop.example/thanks"}' },
  { CorrelationId__c: 'demo-3', Command__c: 'refund', Version__c: 1, Payload__c: '{"refundIds":["not-an-id"]}' },
];
for (const command of commands) {
  say('org', `a user publishes CashCommand__e ${command.Command__c} ${command.CorrelationId__c} ${command.Payload__c}`);
  pubsub.publishAsOrg(COMMAND_TOPIC, command);
}

const seen = new Set<number>();
const final = (fields: Record<string, unknown>) => fields.Status__c === 'succeeded' || fields.Status__c === 'failed';
await until(
  () => {
    pubsub.events(NOTIFICATION_TOPIC).forEach((event, index) => {
      if (seen.has(index)) return;
      seen.add(index);
      const f = event.fields;
      say('org', `receives CashNotification__e ${String(f.CorrelationId__c)} ${String(f.Status__c)}: ${String(f.Message__c)}`);
    });
    return commands.every((c) => pubsub.events(NOTIFICATION_TOPIC).some((e) => e.fields.CorrelationId__c === c.CorrelationId__c && final(e.fields)));
  },
  'every command answered',
  30_000,
);

say('org', `REST calls the service made: ${org.requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'}`);
say('org', `records the service wrote in the org: ${org.requests.filter((r) => r.method !== 'GET').length} (the Salesforce ledger is not built yet: commands that need it are answered failed, naming it)`);

await run.bridge.stop();
await worker.stop();
await pubsub.close();
await org.close();
await services.close();
