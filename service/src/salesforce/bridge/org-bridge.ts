/**
 * Holds the command subscriptions of connected tenants in this process and publishes their
 * notifications. Exactly one process holds a tenant's subscription at a time, also with several
 * web and worker dynos: a lease in the database, renewed on every tick and taken over by another
 * process once it lapses. The lease holder also drains the tenant's notification outbox, in order.
 */
import { hostname } from 'node:os';
import type { CashError } from '../../domain/errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { holdSubscription, type HeldSubscription } from '../pubsub/held-subscription.js';
import { PubSubClient, type PubSubSession } from '../pubsub/pubsub-client.js';
import { COMMAND_TOPIC, NOTIFICATION_TOPIC, type BridgeStore } from './bridge-store.js';
import { takeCommand } from './command-intake.js';

/** Which tenants are connected to an org, and the session to reach it. */
export interface OrgSessions {
  connectedTenants(): Promise<string[]>;
  session(tenantId: string, refresh: boolean): Promise<PubSubSession>;
}

export interface OrgBridgeOptions {
  /** `host:port` of the Pub/Sub API; default `SF_PUBSUB_ENDPOINT` or Salesforce's. */
  endpoint?: string;
  /** How long a lease lasts without renewal: the takeover time when a process dies. */
  leaseMs?: number;
  /** How often leases are renewed, new tenants picked up and outboxes drained. */
  tickMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  batchSize?: number;
  log?: (message: string) => void;
}

interface Held {
  client: PubSubClient;
  subscription: HeldSubscription;
  draining: Promise<void>;
}

const OUTBOX_BATCH = 50;

export class OrgBridge {
  readonly holder = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private readonly held = new Map<string, Held>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();
  private readonly leaseMs: number;

  constructor(
    private readonly store: BridgeStore,
    private readonly jobs: JobQueue,
    private readonly sessions: OrgSessions,
    private readonly options: OrgBridgeOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
  }

  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.ticking = this.ticking.then(() => this.tick()).catch((error: unknown) => this.log(`bridge tick failed: ${(error as Error).message}`));
    };
    tick();
    this.timer = setInterval(tick, this.options.tickMs ?? Math.floor(this.leaseMs / 3));
  }

  /** Tenants whose subscription this process holds. */
  holding(): string[] {
    return [...this.held.keys()];
  }

  /** Publishes a tenant's pending notifications soon (after a job wrote one). */
  published(tenantId: string): void {
    const held = this.held.get(tenantId);
    if (held) held.draining = held.draining.then(() => this.drain(tenantId, held));
  }

  async tick(): Promise<void> {
    const connected = new Set(await this.sessions.connectedTenants());
    for (const tenantId of [...this.held.keys()]) {
      if (!connected.has(tenantId) || !(await this.store.lease(tenantId, COMMAND_TOPIC, this.holder, this.leaseMs))) {
        this.log(`tenant ${tenantId}: subscription given up (${connected.has(tenantId) ? 'another process holds it now' : 'disconnected'})`);
        await this.let(tenantId);
      }
    }
    for (const tenantId of connected) {
      if (!this.held.has(tenantId) && (await this.store.lease(tenantId, COMMAND_TOPIC, this.holder, this.leaseMs))) await this.take(tenantId);
    }
    for (const [tenantId, held] of this.held) {
      held.draining = held.draining.then(() => this.drain(tenantId, held));
      await held.draining;
    }
  }

  private async take(tenantId: string): Promise<void> {
    const connectedSince = (await this.store.subscription(tenantId, COMMAND_TOPIC))!.createdAt;
    const client = new PubSubClient({ ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}), session: (refresh) => this.sessions.session(tenantId, refresh) });
    const subscription = holdSubscription(client, {
      topic: COMMAND_TOPIC,
      firstStart: 'EARLIEST',
      ...(this.options.batchSize ? { batchSize: this.options.batchSize } : {}),
      ...(this.options.backoff ? { backoff: this.options.backoff } : {}),
      loadReplayId: async () => (await this.store.subscription(tenantId, COMMAND_TOPIC))?.replayId ?? null,
      onEvent: async (event) => {
        const intake = await takeCommand(this.store, this.jobs, tenantId, this.holder, event, connectedSince);
        this.log(`tenant ${tenantId}: command ${String(event.fields.Command__c)} ${String(event.fields.CorrelationId__c)} ${intake}`);
        this.published(tenantId);
      },
      onStateChange: (state, error: CashError | null) => {
        if (error) this.log(`tenant ${tenantId}: subscription ${state}: ${error.code} ${error.message}`);
        void this.store.setState(tenantId, COMMAND_TOPIC, this.holder, state, error ? `${error.code}: ${error.message}` : null).catch(() => undefined);
      },
    });
    this.held.set(tenantId, { client, subscription, draining: Promise.resolve() });
    this.log(`tenant ${tenantId}: holding the ${COMMAND_TOPIC} subscription`);
  }

  private async let(tenantId: string): Promise<void> {
    const held = this.held.get(tenantId);
    if (!held) return;
    this.held.delete(tenantId);
    await held.subscription.stop();
    await held.draining;
    await held.client.close();
  }

  /** Publishes pending notifications in order; on failure they stay for the next tick. */
  private async drain(tenantId: string, held: Held): Promise<void> {
    for (;;) {
      const pending = await this.store.pendingNotifications(tenantId, OUTBOX_BATCH);
      if (pending.length === 0) return;
      const ids = pending.map((p) => p.id);
      try {
        await held.client.publish(NOTIFICATION_TOPIC, pending.map((p) => p.fields));
      } catch (error) {
        const e = error as CashError;
        this.log(`tenant ${tenantId}: notifications not published yet: ${e.code ?? ''} ${e.message}`);
        await this.store.markPublishFailed(ids, `${e.code ?? 'ERROR'}: ${e.message}`);
        return;
      }
      await this.store.markPublished(ids);
    }
  }

  /** Ends every subscription and gives the leases back, so another process takes over at once. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    for (const tenantId of [...this.held.keys()]) {
      await this.let(tenantId);
      await this.store.release(tenantId, COMMAND_TOPIC, this.holder);
    }
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}
