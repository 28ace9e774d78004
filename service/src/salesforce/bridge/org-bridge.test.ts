import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobQueue } from '../../jobs/queue.js';
import { Worker } from '../../jobs/worker.js';
import type { Db } from '../../store/db.js';
import { openTestDb } from '../../store/test-support/test-db.js';
import { TenantStore } from '../../store/tenants.js';
import { startTestPubSub, type TestPubSub } from '../test-support/pubsub/test-pubsub-server.js';
import { BridgeStore, COMMAND_TOPIC, NOTIFICATION_TOPIC } from './bridge-store.js';
import type { CommandHandlers } from './command-catalogue.js';
import { ORG_COMMAND_JOB } from './command-intake.js';
import { orgCommandJob } from './command-job.js';
import { OrgBridge, type OrgSessions } from './org-bridge.js';
import { until } from '../../test-support/until.js';

const ORG = '00D000000000001EAA';

let db: Db;
let org: TestPubSub;
let tenantId: string;
let store: BridgeStore;
let jobs: JobQueue;
let tokenValid: boolean;
let connected: () => Promise<string[]>;
const bridges: OrgBridge[] = [];

const sessions = (): OrgSessions => ({
  connectedTenants: () => connected(),
  session: async () => ({ accessToken: 'token', instanceUrl: 'https://test-org.my.salesforce.com', orgId: ORG }),
});

function bridge(options: { leaseMs?: number; sessions?: OrgSessions } = {}): OrgBridge {
  const b = new OrgBridge(store, jobs, options.sessions ?? sessions(), { endpoint: org.endpoint, leaseMs: options.leaseMs ?? 600, tickMs: 100, backoff: { initialMs: 20, maxMs: 100 } });
  bridges.push(b);
  return b;
}

const command = (correlationId: string, name: string, payload: unknown, version = 1) => ({
  CorrelationId__c: correlationId,
  Command__c: name,
  Version__c: version,
  Payload__c: typeof payload === 'string' ? payload : JSON.stringify(payload),
});

const notifications = (correlationId?: string) =>
  org
    .events(NOTIFICATION_TOPIC)
    .map((e) => e.fields)
    .filter((f) => !correlationId || f.CorrelationId__c === correlationId);

const statuses = (correlationId: string) => notifications(correlationId).map((f) => f.Status__c);


const jobsOf = async (type = ORG_COMMAND_JOB) => (await jobs.list(tenantId, 1000)).filter((j) => j.type === type);

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

beforeEach(async () => {
  tenantId = (await new TenantStore(db).createTenant('Connected')).id;
  store = new BridgeStore(db);
  jobs = new JobQueue(db);
  tokenValid = true;
  connected = async () => [tenantId];
  org = await startTestPubSub({ orgId: ORG, authorize: () => tokenValid, keepAliveMs: 100 });
});

afterEach(async () => {
  for (const b of bridges.splice(0)) await b.stop();
  await org.close();
});

describe('a command published in the org', () => {
  it('is queued as a job, accepted, run with progress and answered with its result', async () => {
    const b = bridge();
    b.start();
    await until(() => org.subscribers(COMMAND_TOPIC) === 1, 'subscribed');
    org.publishAsOrg(COMMAND_TOPIC, command('corr-settle', 'settle-automatically', { statementItemIds: ['a0B000000000001AAA'] }));
    await until(() => statuses('corr-settle').includes('accepted'), 'accepted');

    const handlers: CommandHandlers = {
      'settle-automatically': async ({ command: c, progress }) => {
        await progress(50, 'half of the items matched');
        return { message: '1 item settled', payload: { settled: c.payload.statementItemIds } };
      },
    };
    const worker = new Worker(jobs, { [ORG_COMMAND_JOB]: orgCommandJob(store, handlers, (t) => b.published(t)) });
    expect(await worker.drain()).toBe(1);
    await until(() => statuses('corr-settle').length === 3, 'three notifications');

    expect(notifications('corr-settle')).toEqual([
      expect.objectContaining({ Status__c: 'accepted', Command__c: 'settle-automatically', Version__c: 1, Progress__c: 0 }),
      expect.objectContaining({ Status__c: 'progress', Progress__c: 50, Message__c: 'half of the items matched' }),
      expect.objectContaining({ Status__c: 'succeeded', Progress__c: 100, Message__c: '1 item settled', Payload__c: '{"settled":["a0B000000000001AAA"]}' }),
    ]);
    const [job] = await jobsOf();
    expect(job).toMatchObject({ status: 'succeeded', payload: expect.objectContaining({ correlationId: 'corr-settle' }) });
    expect((await store.subscription(tenantId, COMMAND_TOPIC))?.replayId).toEqual(org.events(COMMAND_TOPIC)[0]!.replayId);
  });

  it('is answered failed with the capability it needs when this service cannot do it yet', async () => {
    const b = bridge();
    b.start();
    await until(() => org.subscribers(COMMAND_TOPIC) === 1, 'subscribed');
    org.publishAsOrg(COMMAND_TOPIC, command('corr-link', 'create-payment-link', { entryIds: ['a01000000000001'], redirectUrl: 'https://shop.example/thanks' }));
    org.publishAsOrg(COMMAND_TOPIC, command('corr-ebics', 'retrieve-statements', { bankAccountIds: ['a02000000000001'], fromDate: null, toDate: null }));
    org.publishAsOrg(COMMAND_TOPIC, command('corr-import', 'import-file', { bankAccountId: 'a02000000000001', contentVersionId: '068000000000001' }));
    await until(async () => (await jobsOf()).length === 3, 'three jobs');
    await new Worker(jobs, { [ORG_COMMAND_JOB]: orgCommandJob(store, {}, (t) => b.published(t)) }).drain();
    await until(() => ['corr-link', 'corr-ebics', 'corr-import'].every((c) => statuses(c).includes('failed')), 'all failed');

    const codes = ['corr-link', 'corr-ebics', 'corr-import'].map((c) => JSON.parse(String(notifications(c).at(-1)!.Payload__c)).code);
    expect(codes).toEqual(['PAYMENT_PROVIDER_NOT_AVAILABLE', 'EBICS_NOT_AVAILABLE', 'ORG_LEDGER_NOT_AVAILABLE']);
    expect(String(notifications('corr-link').at(-1)!.Message__c)).toMatch(/^PAYMENT_PROVIDER_NOT_AVAILABLE: payment links need a payment provider/);
  });

  it('is refused with a code, and never queued, when its version, name or payload is wrong', async () => {
    const b = bridge();
    b.start();
    await until(() => org.subscribers(COMMAND_TOPIC) === 1, 'subscribed');
    org.publishAsOrg(COMMAND_TOPIC, command('corr-v2', 'refund', { refundIds: ['a05000000000001'] }, 2));
    org.publishAsOrg(COMMAND_TOPIC, command('corr-what', 'launch-rocket', {}));
    org.publishAsOrg(COMMAND_TOPIC, command('corr-json', 'refund', '{"refundIds": [oops'));
    org.publishAsOrg(COMMAND_TOPIC, command('corr-shape', 'refund', { refundIds: ['not an id'] }));
    org.publishAsOrg(COMMAND_TOPIC, command('corr-extra', 'refund', { refundIds: ['a05000000000001'], amount: '10.00' }));
    const ids = ['corr-v2', 'corr-what', 'corr-json', 'corr-shape', 'corr-extra'];
    await until(() => ids.every((c) => statuses(c).length === 1), 'five answers');

    expect(ids.map((c) => notifications(c)[0]!.Status__c)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);
    expect(ids.map((c) => JSON.parse(String(notifications(c)[0]!.Payload__c)).code)).toEqual([
      'COMMAND_VERSION_UNSUPPORTED',
      'COMMAND_UNKNOWN',
      'COMMAND_MALFORMED',
      'COMMAND_MALFORMED',
      'COMMAND_MALFORMED',
    ]);
    expect(String(notifications('corr-shape')[0]!.Message__c)).toContain('/refundIds/0');
    expect(await jobsOf()).toEqual([]);
  });

  it('is run even when sent while the subscription is still opening, but not when sent before the tenant was connected', async () => {
    org.publishAsOrg(COMMAND_TOPIC, { ...command('corr-old', 'refund', { refundIds: ['a05000000000001'] }), CreatedDate: Date.now() - 60_000 });
    const b = bridge();
    b.start();
    await until(() => b.holding().length === 1, 'holding');
    org.publishAsOrg(COMMAND_TOPIC, command('corr-new', 'refund', { refundIds: ['a05000000000001'] }));
    await until(() => statuses('corr-new').length === 1, 'the new command answered');
    expect(statuses('corr-old')).toEqual([]);
    expect((await jobsOf()).map((j) => (j.payload as { correlationId: string }).correlationId)).toEqual(['corr-new']);
  });

  it('runs once when the org sends it twice', async () => {
    const b = bridge();
    b.start();
    await until(() => org.subscribers(COMMAND_TOPIC) === 1, 'subscribed');
    org.publishAsOrg(COMMAND_TOPIC, command('corr-twice', 'refund', { refundIds: ['a05000000000001'] }));
    org.publishAsOrg(COMMAND_TOPIC, command('corr-twice', 'refund', { refundIds: ['a05000000000001'] }));
    await until(async () => (await store.subscription(tenantId, COMMAND_TOPIC))?.replayId?.equals(org.events(COMMAND_TOPIC)[1]!.replayId) ?? false, 'both read');
    await until(() => statuses('corr-twice').length === 1, 'one answer');
    expect(await jobsOf()).toHaveLength(1);
  });
});

describe('faults', () => {
  it('loses no command and runs none twice when the stream drops while commands arrive', async () => {
    const b = bridge();
    b.start();
    await until(() => org.subscribers(COMMAND_TOPIC) === 1, 'subscribed');
    for (let n = 1; n <= 30; n++) {
      org.publishAsOrg(COMMAND_TOPIC, command(`corr-${n}`, 'refund', { refundIds: ['a05000000000001'] }));
      if (n % 10 === 0) org.dropStreams();
    }
    await until(async () => (await jobsOf()).length === 30 && org.subscribers(COMMAND_TOPIC) === 1, 'thirty jobs');
    await new Promise((r) => setTimeout(r, 200));
    const correlationIds = (await jobsOf()).map((j) => (j.payload as { correlationId: string }).correlationId).sort();
    expect(correlationIds).toEqual(Array.from({ length: 30 }, (_, i) => `corr-${i + 1}`).sort());
    await until(() => notifications().length === 30, 'thirty accepted');
  });

  it('keeps notifications the org could not take, and publishes them, in order, once it can', async () => {
    const b = bridge();
    b.start();
    await until(() => org.subscribers(COMMAND_TOPIC) === 1, 'subscribed');
    org.publishAsOrg(COMMAND_TOPIC, command('corr-late', 'refund', { refundIds: ['a05000000000001'] }));
    await until(() => statuses('corr-late').length === 1, 'accepted');
    tokenValid = false;
    await new Worker(jobs, { [ORG_COMMAND_JOB]: orgCommandJob(store, {}, (t) => b.published(t)) }).drain();
    await until(async () => (await store.pendingNotifications(tenantId, 10)).length === 1, 'failure kept in the outbox');
    await new Promise((r) => setTimeout(r, 300));
    expect(statuses('corr-late')).toEqual(['accepted']);

    tokenValid = true;
    await until(async () => (await store.pendingNotifications(tenantId, 10)).length === 0, 'published after the org came back');
    expect(statuses('corr-late')).toEqual(['accepted', 'failed']);
  });

  it('lets exactly one process hold a tenant, and another take over when the holder stops', async () => {
    const first = bridge({ leaseMs: 400 });
    first.start();
    await until(() => first.holding().length === 1, 'the first holds');
    const second = bridge({ leaseMs: 400 });
    second.start();
    await new Promise((r) => setTimeout(r, 500));
    expect(second.holding()).toEqual([]);
    expect(org.subscribers(COMMAND_TOPIC)).toBe(1);

    await first.stop();
    await until(() => second.holding().length === 1 && org.subscribers(COMMAND_TOPIC) === 1, 'the second took over');
    org.publishAsOrg(COMMAND_TOPIC, command('corr-after', 'refund', { refundIds: ['a05000000000001'] }));
    await until(() => statuses('corr-after').length === 1, 'answered by the second');
    expect(await jobsOf()).toHaveLength(1);
    expect(org.subscribers(COMMAND_TOPIC)).toBe(1);
  });

  it('takes over from a process that hangs, and the hung process lets go when it wakes up', async () => {
    let wake!: () => void;
    let hung = false;
    const stalled = new Promise<void>((resolve) => (wake = resolve));
    const first = bridge({
      leaseMs: 400,
      sessions: { ...sessions(), connectedTenants: async () => (hung ? stalled.then(() => [tenantId]) : [tenantId]) },
    });
    first.start();
    await until(() => first.holding().length === 1, 'the first holds');
    hung = true;
    const second = bridge({ leaseMs: 400 });
    second.start();
    await until(() => second.holding().length === 1, 'the second took over after the lease lapsed');
    wake();
    await until(() => first.holding().length === 0 && org.subscribers(COMMAND_TOPIC) === 1, 'the first let go');
    org.publishAsOrg(COMMAND_TOPIC, command('corr-once', 'refund', { refundIds: ['a05000000000001'] }));
    await until(() => statuses('corr-once').length === 1, 'answered once');
    expect(await jobsOf()).toHaveLength(1);
  });

  it('gives the subscription up when the tenant is disconnected', async () => {
    const b = bridge();
    b.start();
    await until(() => org.subscribers(COMMAND_TOPIC) === 1, 'subscribed');
    connected = async () => [];
    await until(() => b.holding().length === 0 && org.subscribers(COMMAND_TOPIC) === 0, 'let go');
  });
});
