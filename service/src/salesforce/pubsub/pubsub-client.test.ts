import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestTls } from '../../test-support/test-tls.js';
import { startTestPubSub, type TestPubSub } from '../test-support/pubsub/test-pubsub-server.js';
import { holdSubscription } from './held-subscription.js';
import { pubSubService } from './proto.js';
import { PubSubClient, type PubSubSession } from './pubsub-client.js';
import type { ReceivedEvent } from './subscription.js';
import { until } from '../../test-support/until.js';

const ORG = '00D000000000001EAA';
const COMMANDS = '/event/CashCommand__e';
const NOTIFICATIONS = '/event/CashNotification__e';

let org: TestPubSub;
let validTokens: Set<string>;
let sessions: { refresh: boolean }[];
let token: string;
let client: PubSubClient;

const session = async (refresh: boolean): Promise<PubSubSession> => {
  sessions.push({ refresh });
  if (refresh) token = `token-${sessions.length}`;
  return { accessToken: token, instanceUrl: 'https://test-org.my.salesforce.com', orgId: ORG };
};

const command = (n: number) => ({ Command__c: 'settle-automatically', CorrelationId__c: `corr-${n}`, Version__c: 1, Payload__c: `{"statementItemIds":["a0B${n}"]}` });


beforeEach(async () => {
  validTokens = new Set(['token-1']);
  sessions = [];
  token = 'token-1';
  org = await startTestPubSub({ orgId: ORG, authorize: (caller) => validTokens.has(caller.accessToken), keepAliveMs: 50 });
  client = new PubSubClient({ endpoint: org.endpoint, session });
});

afterEach(async () => {
  await client.close();
  await org.close();
});

describe('publishing', () => {
  it('publishes a notification with the schema the org serves, verified over TLS', async () => {
    const [replayId] = await client.publish(NOTIFICATIONS, [
      { CorrelationId__c: 'corr-1', Command__c: 'import-file', Status__c: 'accepted', Progress__c: 0, Message__c: 'Queued', Payload__c: null, Version__c: 1 },
    ]);
    expect(replayId!.length).toBeGreaterThan(0);
    expect(org.events(NOTIFICATIONS).map((e) => e.fields)).toEqual([
      expect.objectContaining({ CorrelationId__c: 'corr-1', Status__c: 'accepted', Message__c: 'Queued', Version__c: 1 }),
    ]);
  });

  it('refuses a field the package does not define, and publishes nothing', async () => {
    await expect(client.publish(NOTIFICATIONS, [{ CorrelationId__c: 'corr-1', Status__c: 'accepted', Severity__c: 'high' }])).rejects.toMatchObject({
      code: 'PUBSUB_EVENT_INVALID',
      message: expect.stringContaining('Severity__c'),
    });
    await expect(client.publish(NOTIFICATIONS, [{ CorrelationId__c: 'corr-1', Progress__c: 'half' }])).rejects.toMatchObject({ code: 'PUBSUB_EVENT_INVALID' });
    expect(org.events(NOTIFICATIONS)).toEqual([]);
  });

  it("passes on the org's refusal of an event that lacks a required field", async () => {
    await expect(client.publish(COMMANDS, [{ Command__c: 'import-file' }])).rejects.toMatchObject({
      code: 'PUBSUB_PUBLISH_REFUSED',
      message: expect.stringContaining('Required fields are missing'),
    });
  });

  it('asks for a fresh session once when the org says the token expired', async () => {
    validTokens = new Set(['token-2']);
    await client.publish(NOTIFICATIONS, [{ CorrelationId__c: 'corr-1', Command__c: 'refund', Status__c: 'failed', Version__c: 1 }]);
    expect(sessions).toEqual([{ refresh: false }, { refresh: true }, { refresh: false }, { refresh: false }]);
    expect(org.events(NOTIFICATIONS)).toHaveLength(1);
  });

  it('fails with a typed error when the token cannot be renewed', async () => {
    validTokens = new Set();
    await expect(client.publish(NOTIFICATIONS, [{ CorrelationId__c: 'c', Status__c: 'failed' }])).rejects.toMatchObject({ code: 'PUBSUB_NOT_AUTHORISED' });
  });

  it('names an unknown topic', async () => {
    await expect(client.getTopic('/event/Nothing__e')).rejects.toMatchObject({ code: 'PUBSUB_TOPIC_NOT_FOUND' });
  });
});

describe('TLS', () => {
  let dir: string;
  let server: Server;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cash-untrusted-'));
    createTestTls(dir);
    server = new Server();
    server.addService(pubSubService, {});
  });
  afterEach(() => {
    server.forceShutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a server whose certificate no trusted CA signed', async () => {
    const credentials = ServerCredentials.createSsl(null, [{ private_key: readFileSync(join(dir, 'server.key')), cert_chain: readFileSync(join(dir, 'server.crt')) }]);
    const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', credentials, (e, p) => (e ? reject(e) : resolve(p))));
    const untrusting = new PubSubClient({ endpoint: `localhost:${port}`, session });
    await expect(untrusting.getTopic(COMMANDS)).rejects.toMatchObject({ code: 'PUBSUB_UNAVAILABLE' });
    await untrusting.close();
  });
});

describe('subscribing', () => {
  it('delivers only what was asked for, one event at a time, and asks for more when done', async () => {
    for (let n = 1; n <= 7; n++) org.publishAsOrg(COMMANDS, command(n));
    const handled: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const subscription = client.subscribe(COMMANDS, { from: 'EARLIEST', batchSize: 3 }, async (event) => {
      await gate;
      handled.push(String(event.fields.CorrelationId__c));
    });
    await until(() => org.delivered(COMMANDS) === 3, 'the first batch arrived');
    await new Promise((r) => setTimeout(r, 150));
    expect(org.delivered(COMMANDS)).toBe(3);
    expect(handled).toEqual([]);

    release();
    await until(() => handled.length === 7, 'all seven were handled');
    expect(handled).toEqual(['corr-1', 'corr-2', 'corr-3', 'corr-4', 'corr-5', 'corr-6', 'corr-7']);
    expect(subscription.lastReplayId).toEqual(org.events(COMMANDS)[6]!.replayId);
    await subscription.close();
    expect(subscription.state).toBe('closed');
  });

  it('starts at the tip with LATEST and resumes exactly after a stored replay id', async () => {
    org.publishAsOrg(COMMANDS, command(1));
    const seen: string[] = [];
    const first = client.subscribe(COMMANDS, { from: 'LATEST' }, async (e) => void seen.push(String(e.fields.CorrelationId__c)));
    await until(() => org.subscribers(COMMANDS) === 1 && first.state === 'subscribed', 'subscribed');
    org.publishAsOrg(COMMANDS, command(2));
    org.publishAsOrg(COMMANDS, command(3));
    await until(() => seen.length === 2, 'two events');
    const stored = first.lastReplayId!;
    await first.close();

    org.publishAsOrg(COMMANDS, command(4));
    const again: string[] = [];
    const second = client.subscribe(COMMANDS, { from: { replayId: stored } }, async (e) => void again.push(String(e.fields.CorrelationId__c)));
    await until(() => again.length === 1, 'the missed event');
    expect(seen).toEqual(['corr-2', 'corr-3']);
    expect(again).toEqual(['corr-4']);
    await second.close();
  });

  it('ends with the handler error and does not count the failed event as handled', async () => {
    org.publishAsOrg(COMMANDS, command(1));
    org.publishAsOrg(COMMANDS, command(2));
    const subscription = client.subscribe(COMMANDS, { from: 'EARLIEST' }, async (e) => {
      if (e.fields.CorrelationId__c === 'corr-2') throw new Error('the job queue is down');
    });
    const error = await subscription.done;
    expect(error).toMatchObject({ code: 'PUBSUB_FAILED', message: expect.stringContaining('the job queue is down') });
    expect(subscription.lastReplayId).toEqual(org.events(COMMANDS)[0]!.replayId);
  });
});

describe('a held subscription', () => {
  it('survives dropped streams and resumes after the last stored replay id: nothing lost, nothing twice', async () => {
    let stored: Buffer | null = null;
    const handled: string[] = [];
    const held = holdSubscription(client, {
      topic: COMMANDS,
      firstStart: 'EARLIEST',
      backoff: { initialMs: 20, maxMs: 100 },
      loadReplayId: async () => stored,
      onEvent: async (event: ReceivedEvent) => {
        handled.push(String(event.fields.CorrelationId__c));
        stored = event.replayId;
      },
    });
    for (let n = 1; n <= 3; n++) org.publishAsOrg(COMMANDS, command(n));
    await until(() => handled.length === 3, 'three handled');
    org.dropStreams();
    for (let n = 4; n <= 6; n++) org.publishAsOrg(COMMANDS, command(n));
    await until(() => handled.length === 6, 'six handled after the drop');
    expect(held.status.reconnects).toBeGreaterThanOrEqual(1);
    expect(held.status.lastError).toMatchObject({ code: 'PUBSUB_UNAVAILABLE' });
    expect(handled).toEqual(['corr-1', 'corr-2', 'corr-3', 'corr-4', 'corr-5', 'corr-6']);
    await held.stop();
    expect(held.status.state).toBe('closed');
  });

  it('starts again from the oldest kept event when its stored replay id has expired', async () => {
    org.publishAsOrg(COMMANDS, command(1));
    const stale = org.events(COMMANDS)[0]!.replayId;
    org.publishAsOrg(COMMANDS, command(2));
    org.expireEvents(COMMANDS);
    org.publishAsOrg(COMMANDS, command(3));
    const handled: string[] = [];
    const held = holdSubscription(client, {
      topic: COMMANDS,
      backoff: { initialMs: 20, maxMs: 100 },
      loadReplayId: async () => stale,
      onEvent: async (event) => void handled.push(String(event.fields.CorrelationId__c)),
    });
    await until(() => handled.length === 1, 'the kept event');
    expect(handled).toEqual(['corr-3']);
    expect(held.status.lastError).toMatchObject({ code: 'PUBSUB_REFUSED' });
    await held.stop();
  });

  it('takes a fresh session after the org refused the token on the stream', async () => {
    validTokens = new Set(['token-2']);
    const handled: string[] = [];
    const held = holdSubscription(client, {
      topic: COMMANDS,
      firstStart: 'EARLIEST',
      backoff: { initialMs: 20, maxMs: 100 },
      loadReplayId: async () => null,
      onEvent: async (event) => void handled.push(String(event.fields.CorrelationId__c)),
    });
    org.publishAsOrg(COMMANDS, command(1));
    await until(() => handled.length === 1, 'handled with the new token');
    expect(sessions.some((s) => s.refresh)).toBe(true);
    await held.stop();
  });
});
