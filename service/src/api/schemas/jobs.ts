import { Type, type Static } from '@sinclair/typebox';
import { JOB_STATUSES, type Job as QueuedJob } from '../../jobs/queue.js';
import { Id, Nullable } from './common.js';

export const Job = Type.Object(
  {
    id: Id,
    type: Type.String(),
    status: Type.Union(JOB_STATUSES.map((s) => Type.Literal(s))),
    progress: Type.Object({ done: Type.Integer(), total: Nullable(Type.Integer()), message: Nullable(Type.String()) }),
    result: Type.Unknown(),
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    attempts: Type.Integer(),
    maxAttempts: Type.Integer(),
    worker: Nullable(Type.String({ description: 'The worker (host:pid:tag) running the job, or that ran it last' })),
    heartbeatAt: Nullable(Type.String({ description: "The running job's last sign of life; silent for longer than the stale time (45 s by default), another worker takes it over" })),
    cancelRequestedAt: Nullable(Type.String({ description: 'When cancellation was asked for; a running job stops at its next progress report' })),
    createdBy: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    finishedAt: Nullable(Type.String()),
  },
  { $id: 'Job' },
);

/** A job as the API shows it (every route that answers with a Job uses this). */
export const jobJson = (j: QueuedJob): Static<typeof Job> => ({
  id: j.id,
  type: j.type,
  status: j.status,
  progress: j.progress,
  result: j.result,
  error: j.error,
  attempts: j.attempts,
  maxAttempts: j.maxAttempts,
  worker: j.worker,
  heartbeatAt: j.heartbeatAt?.toISOString() ?? null,
  cancelRequestedAt: j.cancelRequestedAt?.toISOString() ?? null,
  createdBy: j.createdBy,
  createdAt: j.createdAt.toISOString(),
  updatedAt: j.updatedAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

export const EntriesImport = Type.Object(
  {
    format: Type.Union([Type.Literal('jsonl'), Type.Literal('csv')]),
    content: Type.String({ minLength: 1, description: 'The file: JSON lines of entries, or CSV with a header row' }),
    base64: Type.Optional(
      Type.Boolean({
        description:
          'content is the file\'s bytes in base64, as saved by a spreadsheet: its character encoding is then detected ' +
          '(byte order mark, UTF-16, UTF-8, else a Western code page) or taken from encoding',
      }),
    ),
    encoding: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: 'Character encoding of base64 content, e.g. windows-1252, latin1, utf-16le' }),
    ),
  },
  { additionalProperties: false },
);
export type EntriesImport = Static<typeof EntriesImport>;
