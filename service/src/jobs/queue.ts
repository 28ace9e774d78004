import { randomUUID } from 'node:crypto';
import { notFound } from '../domain/errors.js';
import type { Db, Queryable } from '../store/db.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

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
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

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
  createdBy: String(row.created_by),
  createdAt: new Date(String(row.created_at)),
  updatedAt: new Date(String(row.updated_at)),
  finishedAt: row.finished_at ? new Date(String(row.finished_at)) : null,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A job queue in Postgres: durable, visible through the API, claimed with SKIP LOCKED. */
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

  async list(tenantId: string, limit: number): Promise<Job[]> {
    const rows = await this.db.query('SELECT * FROM jobs WHERE tenant_id = $1 ORDER BY seq DESC LIMIT $2', [tenantId, limit]);
    return rows.map(toJob);
  }

  /** Takes the oldest queued job nobody else holds, or one whose worker died (lock older than `staleAfterMs`). */
  async claim(workerId: string, staleAfterMs = 10 * 60_000): Promise<Job | null> {
    // a job whose worker died on its last attempt is not retried again: it fails, visibly
    await this.db.query(
      `UPDATE jobs SET status = 'failed', locked_at = NULL, finished_at = now(), updated_at = now(),
         error = '{"code":"JOB_ABANDONED","message":"the worker running this job stopped answering on its last attempt"}'
       WHERE status = 'running' AND locked_at < now() - ($1::text || ' milliseconds')::interval AND attempts >= max_attempts`,
      [String(staleAfterMs)],
    );
    const [row] = await this.db.query(
      `UPDATE jobs SET status = 'running', locked_at = now(), locked_by = $1, attempts = attempts + 1, updated_at = now()
       WHERE id = (
         SELECT id FROM jobs
         WHERE (status = 'queued' AND run_at <= now())
            OR (status = 'running' AND locked_at < now() - ($2::text || ' milliseconds')::interval AND attempts < max_attempts)
         ORDER BY seq FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING *`,
      [workerId, String(staleAfterMs)],
    );
    return row ? toJob(row) : null;
  }

  /** Tells other workers this job's worker is still alive. */
  async heartbeat(id: string): Promise<void> {
    await this.db.query(`UPDATE jobs SET locked_at = now() WHERE id = $1 AND status = 'running'`, [id]);
  }

  async progress(id: string, done: number, total: number | null, message: string | null): Promise<void> {
    await this.db.query(
      'UPDATE jobs SET progress_done = $2, progress_total = $3, progress_message = $4, locked_at = now(), updated_at = now() WHERE id = $1',
      [id, done, total, message],
    );
  }

  async succeed(id: string, result: unknown): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET status = 'succeeded', result = $2, locked_at = NULL, finished_at = now(), updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(result ?? null)],
    );
  }

  async fail(id: string, error: { code: string; message: string }): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET status = 'failed', error = $2, locked_at = NULL, finished_at = now(), updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(error)],
    );
  }
}
