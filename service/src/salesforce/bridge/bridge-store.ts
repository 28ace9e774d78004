/**
 * The bridge's rows: received commands, the notification outbox, and per tenant the subscription's
 * replay id and lease. Replay ids are opaque bytes from the event bus.
 */
import { conflict } from '../../domain/errors.js';
import type { Db, Queryable } from '../../store/db.js';
import type { OrgCommand } from './command-envelope.js';
import { notificationFields, type Notification } from './notification-fields.js';

export const COMMAND_TOPIC = '/event/CashCommand__e';
export const NOTIFICATION_TOPIC = '/event/CashNotification__e';

export interface PendingNotification {
  id: string;
  correlationId: string;
  fields: Record<string, unknown>;
}

export interface SubscriptionRow {
  replayId: Buffer | null;
  holder: string | null;
  leaseUntil: Date | null;
  state: string;
  lastError: string | null;
  createdAt: Date;
}

export class BridgeStore {
  constructor(readonly db: Db) {}

  /** Records a command once per correlation id; false when it was seen before. */
  async recordCommand(
    tx: Queryable,
    tenantId: string,
    replayId: Buffer,
    command: Pick<OrgCommand, 'correlationId' | 'createdById'> & { name: string | null; payload: unknown },
    outcome: { status: 'queued'; jobId: string } | { status: 'refused'; code: string; message: string },
  ): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO org_commands (tenant_id, correlation_id, command, payload, status, refusal, job_id, replay_id, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, correlation_id) DO NOTHING RETURNING correlation_id`,
      [
        tenantId,
        command.correlationId,
        command.name,
        command.payload === undefined ? null : JSON.stringify(command.payload),
        outcome.status,
        outcome.status === 'refused' ? JSON.stringify({ code: outcome.code, message: outcome.message }) : null,
        outcome.status === 'queued' ? outcome.jobId : null,
        replayId,
        command.createdById,
      ],
    );
    return rows.length === 1;
  }

  async notify(tx: Queryable, tenantId: string, notification: Notification): Promise<void> {
    await tx.query('INSERT INTO org_notifications (tenant_id, correlation_id, fields) VALUES ($1, $2, $3)', [
      tenantId,
      notification.correlationId,
      JSON.stringify(notificationFields(notification)),
    ]);
  }

  async pendingNotifications(tenantId: string, limit: number): Promise<PendingNotification[]> {
    const rows = await this.db.query(
      'SELECT id, correlation_id, fields FROM org_notifications WHERE tenant_id = $1 AND published_at IS NULL ORDER BY id LIMIT $2',
      [tenantId, limit],
    );
    return rows.map((r) => ({ id: String(r.id), correlationId: String(r.correlation_id), fields: r.fields as Record<string, unknown> }));
  }

  async markPublished(ids: string[]): Promise<void> {
    await this.db.query('UPDATE org_notifications SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])', [ids]);
  }

  async markPublishFailed(ids: string[], error: string): Promise<void> {
    await this.db.query('UPDATE org_notifications SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])', [ids, error]);
  }

  async subscription(tenantId: string, topic: string): Promise<SubscriptionRow | null> {
    const [row] = await this.db.query('SELECT * FROM org_subscriptions WHERE tenant_id = $1 AND topic = $2', [tenantId, topic]);
    if (!row) return null;
    return {
      replayId: (row.replay_id as Buffer | Uint8Array | null) ? Buffer.from(row.replay_id as Uint8Array) : null,
      holder: (row.holder as string | null) ?? null,
      leaseUntil: row.lease_until ? new Date(String(row.lease_until)) : null,
      state: String(row.state),
      lastError: (row.last_error as string | null) ?? null,
      createdAt: new Date(String(row.created_at)),
    };
  }

  /** Takes or renews the lease on a tenant's subscription; false when another live process holds it. */
  async lease(tenantId: string, topic: string, holder: string, ttlMs: number): Promise<boolean> {
    await this.db.query('INSERT INTO org_subscriptions (tenant_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING', [tenantId, topic]);
    const rows = await this.db.query(
      `UPDATE org_subscriptions SET holder = $3, lease_until = now() + ($4::text || ' milliseconds')::interval, updated_at = now()
       WHERE tenant_id = $1 AND topic = $2 AND (holder IS NULL OR holder = $3 OR lease_until < now()) RETURNING holder`,
      [tenantId, topic, holder, String(ttlMs)],
    );
    return rows.length === 1;
  }

  async release(tenantId: string, topic: string, holder: string): Promise<void> {
    await this.db.query(
      `UPDATE org_subscriptions SET holder = NULL, lease_until = NULL, state = 'stopped', updated_at = now() WHERE tenant_id = $1 AND topic = $2 AND holder = $3`,
      [tenantId, topic, holder],
    );
  }

  async setState(tenantId: string, topic: string, holder: string, state: string, lastError: string | null): Promise<void> {
    await this.db.query(
      `UPDATE org_subscriptions SET state = $4, last_error = COALESCE($5, last_error), updated_at = now() WHERE tenant_id = $1 AND topic = $2 AND holder = $3`,
      [tenantId, topic, holder, state, lastError],
    );
  }

  /** Stores how far the subscription got; refused when this process no longer holds the lease. */
  async storeReplayId(tx: Queryable, tenantId: string, topic: string, holder: string, replayId: Buffer): Promise<void> {
    const rows = await tx.query(
      `UPDATE org_subscriptions SET replay_id = $4, updated_at = now() WHERE tenant_id = $1 AND topic = $2 AND holder = $3 RETURNING topic`,
      [tenantId, topic, holder, replayId],
    );
    if (rows.length !== 1) throw conflict('ORG_SUBSCRIPTION_LEASE_LOST', `another process now holds the ${topic} subscription of tenant ${tenantId}`);
  }
}
