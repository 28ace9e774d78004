-- The command bridge with connected orgs. Commands received on CashCommand__e (one row per
-- correlation id, so a command seen twice runs once); notifications for CashNotification__e
-- waiting to be published (an outbox: written in the same transaction as what they report, so
-- none is lost while the org or this process is down); and, per tenant and topic, the replay id
-- after which the subscription resumes and which process holds it (a lease).
CREATE TABLE org_commands (
  tenant_id      uuid NOT NULL REFERENCES tenants (id),
  correlation_id text NOT NULL,
  command        text,
  payload        jsonb,
  status         text NOT NULL CHECK (status IN ('queued', 'refused')),
  refusal        jsonb,
  job_id         uuid,
  replay_id      bytea NOT NULL,
  created_by_id  text,
  received_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, correlation_id)
);

CREATE TABLE org_notifications (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id      uuid NOT NULL REFERENCES tenants (id),
  correlation_id text NOT NULL,
  fields         jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  published_at   timestamptz,
  attempts       integer NOT NULL DEFAULT 0,
  last_error     text
);
CREATE INDEX org_notifications_pending ON org_notifications (tenant_id, id) WHERE published_at IS NULL;

CREATE TABLE org_subscriptions (
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  topic       text NOT NULL,
  replay_id   bytea,
  holder      text,
  lease_until timestamptz,
  state       text NOT NULL DEFAULT 'stopped',
  last_error  text,
  -- commands the org sent before the tenant was first subscribed are not run (nobody waits for them)
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, topic)
);
