-- A Postgres-backed job queue for long work (imports, payment runs, matching). Workers claim jobs
-- with FOR UPDATE SKIP LOCKED, so web and worker processes scale out independently.
CREATE TABLE jobs (
  id             uuid PRIMARY KEY,
  tenant_id      uuid NOT NULL REFERENCES tenants (id),
  seq            bigint GENERATED ALWAYS AS IDENTITY,
  type           text NOT NULL,
  status         text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  payload        jsonb NOT NULL,
  progress_done  integer NOT NULL DEFAULT 0,
  progress_total integer,
  progress_message text,
  result         jsonb,
  error          jsonb,
  attempts       integer NOT NULL DEFAULT 0,
  max_attempts   integer NOT NULL DEFAULT 3,
  run_at         timestamptz NOT NULL DEFAULT now(),
  locked_at      timestamptz,
  locked_by      text,
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz
);
CREATE INDEX jobs_ready ON jobs (status, run_at) WHERE status = 'queued';
CREATE INDEX jobs_tenant ON jobs (tenant_id, seq);
