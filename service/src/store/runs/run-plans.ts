/**
 * SQL of a run in progress: its stored plan, and the lock that keeps one run per business entity
 * and kind at a time across processes.
 */
import { randomUUID } from 'node:crypto';
import { conflict } from '../../domain/errors.js';
import type { SepaKind } from '../../formats/sepa/model.js';
import type { Queryable } from '../db.js';

/** Matches the job queue: a worker silent this long counts as dead. */
export const RUN_LOCK_STALE_MS = 10 * 60_000;

export interface RunLockKey {
  businessEntityId: string;
  kind: SepaKind;
}

export const runInProgress = (key: RunLockKey, entity = key.businessEntityId) =>
  conflict(
    'RUN_IN_PROGRESS',
    `a ${key.kind} run of business entity ${entity} is already queued or running; start another when it has finished ` +
      '(a run whose process died is resumed when its job is retried, or taken over 10 minutes after its last heartbeat)',
    {
      businessEntityId: key.businessEntityId,
      kind: key.kind,
    },
  );

export interface StoredPlanRow {
  id: string;
  plan: unknown;
}

/**
 * Takes the lock for `holder`, or keeps it when the holder already has it (a retried job). False
 * when someone else holds it: their heartbeat is recent or their job is still queued or running.
 */
export async function acquireRunLock(db: Queryable, tenantId: string, key: RunLockKey, holder: string, jobId: string | null): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO payment_run_locks (tenant_id, business_entity_id, kind, holder, job_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, business_entity_id, kind) DO UPDATE
       SET holder = excluded.holder, job_id = excluded.job_id, heartbeat_at = now()
       WHERE payment_run_locks.holder = excluded.holder
          OR (payment_run_locks.heartbeat_at < now() - ($6::text || ' milliseconds')::interval
              AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = payment_run_locks.job_id AND j.status IN ('queued', 'running')))
     RETURNING holder`,
    [tenantId, key.businessEntityId, key.kind, holder, jobId, String(RUN_LOCK_STALE_MS)],
  );
  return rows.length > 0;
}

export async function touchRunLock(db: Queryable, tenantId: string, key: RunLockKey, holder: string): Promise<void> {
  await db.query(
    'UPDATE payment_run_locks SET heartbeat_at = now() WHERE tenant_id = $1 AND business_entity_id = $2 AND kind = $3 AND holder = $4',
    [tenantId, key.businessEntityId, key.kind, holder],
  );
}

export async function releaseRunLock(db: Queryable, tenantId: string, key: RunLockKey, holder: string): Promise<void> {
  await db.query(
    'DELETE FROM payment_run_locks WHERE tenant_id = $1 AND business_entity_id = $2 AND kind = $3 AND holder = $4',
    [tenantId, key.businessEntityId, key.kind, holder],
  );
}

export async function savePlan(
  db: Queryable,
  tenantId: string,
  key: RunLockKey,
  plan: { messageId: string; createdBy: string; json: string },
): Promise<string> {
  const id = randomUUID();
  try {
    await db.query(
      `INSERT INTO payment_run_plans (tenant_id, id, business_entity_id, kind, message_id, plan, created_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
      [tenantId, id, key.businessEntityId, key.kind, plan.messageId, plan.json, plan.createdBy],
    );
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw runInProgress(key);
    throw error;
  }
  return id;
}

/** The unfinished run of this entity and kind, if one was left behind. */
export async function openPlan(db: Queryable, tenantId: string, key: RunLockKey): Promise<StoredPlanRow | null> {
  const [row] = await db.query(
    'SELECT id, plan FROM payment_run_plans WHERE tenant_id = $1 AND business_entity_id = $2 AND kind = $3',
    [tenantId, key.businessEntityId, key.kind],
  );
  return row ? { id: String(row.id), plan: row.plan } : null;
}

export async function deletePlan(db: Queryable, tenantId: string, planId: string): Promise<void> {
  await db.query('DELETE FROM payment_run_plans WHERE tenant_id = $1 AND id = $2', [tenantId, planId]);
}
