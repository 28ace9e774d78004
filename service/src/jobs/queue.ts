import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../domain/errors.js';
import type { Db, Queryable } from '../store/db.js';
import { DEFAULT_STALE_MS } from './timing.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];

export interface Job {
  id: string;
  tenantId: string;
  type: string;
  status: JobStatus;
  payload: unknown;
  progress: { done: number; total: number | null; message: string | null };
  result: unknown;
  error: { code: string; message: string } | null;
  attempts: number;
  maxAttempts: number;
  /** The worker (host:pid:tag) that runs or last ran the job. */
  worker: string | null;
  /** The running job's last sign of life from its worker. */
  heartbeatAt: Date | null;
  cancelRequestedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** What a running job's worker learns when it reports: carry on, stop because cancelled, or stop because another worker took the job. */
export type LeaseState = 'ok' | 'cancel' | 'lost';

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v instanceof Date ? v.toISOString() : v)));

const toJob = (row: Record<string, unknown>): Job => ({
  id: String(row.id),
  tenantId: String(row.tenant_id),
  type: String(row.type),
  status: row.status as JobStatus,
  payload: row.payload,
  progress: {
    done: Number(row.progress_done),
    total: row.progress_total === null ? null : Number(row.progress_total),
    message: (row.progress_message as string | null) ?? null,
  },
  result: row.result ?? null,
  error: (row.error as Job['error']) ?? null,
  attempts: Number(row.attempts),
  maxAttempts: Number(row.max_attempts),
  worker: (row.locked_by as string | null) ?? null,
  heartbeatAt: date(row.locked_at),
  cancelRequestedAt: date(row.cancel_requested_at),
  createdBy: String(row.created_by),
  createdAt: date(row.created_at)!,
  updatedAt: date(row.updated_at)!,
  finishedAt: date(row.finished_at),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STALE = `locked_at < now() - ($1::text || ' milliseconds')::interval`;
const FINISH = 'locked_at = NULL, finished_at = now(), updated_at = now()';

/**
 * A job queue in Postgres: durable, visible through the API, claimed with SKIP LOCKED. A running
 * job belongs to the worker named in locked_by; writes of a worker that lost its job (another took
 * it over) change nothing.
 */
export class JobQueue {
  constructor(private readonly db: Db) {}

  /**
   * Queues a job. `id` may be chosen beforehand, when something (a run lock) must name the job
   * before it exists; `on` a transaction makes the job part of what that transaction writes.
   */
  async enqueue(
    tenantId: string,
    type: string,
    payload: unknown,
    createdBy: string,
    options: { id?: string; on?: Queryable } = {},
  ): Promise<Job> {
    const [row] = await (options.on ?? this.db).query(
      'INSERT INTO jobs (id, tenant_id, type, status, payload, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [options.id ?? randomUUID(), tenantId, type, 'queued', JSON.stringify(payload), createdBy],
    );
    return toJob(row!);
  }

  async get(tenantId: string, id: string): Promise<Job> {
    const rows = UUID.test(id) ? await this.db.query('SELECT * FROM jobs WHERE tenant_id = $1 AND id = $2', [tenantId, id]) : [];
    if (!rows[0]) throw notFound('job', id);
    return toJob(rows[0]);
  }

  async list(tenantId: string, limit: number, filter: { status?: JobStatus } = {}): Promise<Job[]> {
    const rows = filter.status
      ? await this.db.query('SELECT * FROM jobs WHERE tenant_id = $1 AND status = $3 ORDER BY seq DESC LIMIT $2', [tenantId, limit, filter.status])
      : await this.db.query('SELECT * FROM jobs WHERE tenant_id = $1 ORDER BY seq DESC LIMIT $2', [tenantId, limit]);
    return rows.map(toJob);
  }

  /** A queued or running job of this type whose payload holds `payload` (jsonb containment), if any. */
  async findUnfinished(tenantId: string, type: string, payload: unknown): Promise<Job | null> {
    const [row] = await this.db.query(
      `SELECT * FROM jobs WHERE tenant_id = $1 AND type = $2 AND status IN ('queued', 'running') AND payload @> $3::jsonb ORDER BY seq LIMIT 1`,
      [tenantId, type, JSON.stringify(payload)],
    );
    return row ? toJob(row) : null;
  }

  /**
   * Takes the oldest queued job nobody else holds, or one whose worker died (no heartbeat for
   * `staleAfterMs`). An abandoned job that was asked to cancel is cancelled; one abandoned on its
   * last attempt fails, visibly, instead of being retried again.
   */
  async claim(workerId: string, staleAfterMs = DEFAULT_STALE_MS): Promise<Job | null> {
    const stale = String(staleAfterMs);
    await this.db.query(
      `UPDATE jobs SET status = 'cancelled', ${FINISH} WHERE status = 'running' AND ${STALE} AND cancel_requested_at IS NOT NULL`,
      [stale],
    );
    await this.db.query(
      `UPDATE jobs SET status = 'failed', ${FINISH},
         error = '{"code":"JOB_ABANDONED","message":"the worker running this job stopped answering on its last attempt"}'
       WHERE status = 'running' AND ${STALE} AND attempts >= max_attempts`,
      [stale],
    );
    const [row] = await this.db.query(
      `UPDATE jobs SET status = 'running', locked_at = now(), locked_by = $2, attempts = attempts + 1, updated_at = now()
       WHERE id = (
         SELECT id FROM jobs
         WHERE (status = 'queued' AND run_at <= now())
            OR (status = 'running' AND ${STALE} AND attempts < max_attempts)
         ORDER BY seq FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING *`,
      [stale, workerId],
    );
    return row ? toJob(row) : null;
  }

  /** Tells other workers this job's worker is still alive; answers whether to carry on. */
  heartbeat(id: string, workerId: string): Promise<LeaseState> {
    return this.touch(id, workerId, '');
  }

  progress(id: string, workerId: string, done: number, total: number | null, message: string | null): Promise<LeaseState> {
    return this.touch(id, workerId, ', progress_done = $3, progress_total = $4, progress_message = $5, updated_at = now()', [done, total, message]);
  }

  private async touch(id: string, workerId: string, set: string, params: unknown[] = []): Promise<LeaseState> {
    const [row] = await this.db.query(
      `UPDATE jobs SET locked_at = now()${set} WHERE id = $1 AND status = 'running' AND locked_by = $2 RETURNING cancel_requested_at`,
      [id, workerId, ...params],
    );
    if (!row) return 'lost';
    return row.cancel_requested_at ? 'cancel' : 'ok';
  }

  /** Records how the worker's run ended; false when the job is no longer this worker's. */
  async finish(
    id: string,
    workerId: string,
    outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; error: { code: string; message: string } } | { status: 'cancelled' },
  ): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE jobs SET status = $3, result = $4, error = $5, ${FINISH} WHERE id = $1 AND status = 'running' AND locked_by = $2 RETURNING id`,
      [
        id,
        workerId,
        outcome.status,
        outcome.status === 'succeeded' ? JSON.stringify(outcome.result ?? null) : null,
        outcome.status === 'failed' ? JSON.stringify(outcome.error) : null,
      ],
    );
    return rows.length > 0;
  }

  /**
   * Cancels a job: a queued one at once; a running one is asked to stop, and stops when its worker
   * next reports progress (what it finished by then stays done). A finished job cannot be cancelled.
   */
  async cancel(tenantId: string, id: string, by: string): Promise<Job> {
    const job = await this.get(tenantId, id);
    const [row] = await this.db.query(
      `UPDATE jobs SET
         status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
         finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END,
         cancel_requested_at = COALESCE(cancel_requested_at, now()), cancel_requested_by = COALESCE(cancel_requested_by, $3), updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running') RETURNING *`,
      [tenantId, id, by],
    );
    if (!row) throw conflict('JOB_FINISHED', `job ${id} is ${job.status}; only a queued or running job can be cancelled`, { status: job.status });
    return toJob(row);
  }

  /**
   * Runs a failed or cancelled job again from the start, with a fresh set of attempts. Its handler
   * must cope with work an earlier run left done (every job type here is safe to repeat).
   */
  async retry(tenantId: string, id: string): Promise<Job> {
    const job = await this.get(tenantId, id);
    const [row] = await this.db.query(
      `UPDATE jobs SET status = 'queued', attempts = 0, run_at = now(), locked_at = NULL, locked_by = NULL, result = NULL, error = NULL,
         progress_done = 0, progress_total = NULL, progress_message = NULL, cancel_requested_at = NULL, cancel_requested_by = NULL,
         finished_at = NULL, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status IN ('failed', 'cancelled') RETURNING *`,
      [tenantId, id],
    );
    if (!row) throw conflict('JOB_NOT_RETRYABLE', `job ${id} is ${job.status}; only a failed or cancelled job can be retried`, { status: job.status });
    return toJob(row);
  }
}
