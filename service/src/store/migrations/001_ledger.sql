-- Tenants, API keys and the standalone ledger: entries, payments, entry items, refunds.
-- Amounts are numeric in major units (decimal, never float); checks make over-allocation and
-- broken sign conventions impossible even for code that bypasses the domain rules.

CREATE TABLE tenants (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id          uuid PRIMARY KEY,
  tenant_id   uuid NOT NULL REFERENCES tenants (id),
  name        text NOT NULL,
  prefix      text NOT NULL UNIQUE,
  hash        text NOT NULL,
  scopes      text[] NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at  timestamptz,
  CHECK (scopes <@ ARRAY['read', 'write', 'admin', 'platform']::text[] AND cardinality(scopes) > 0)
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id);

CREATE TABLE entries (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  number           text NOT NULL,
  type             text NOT NULL CHECK (type IN ('Debit', 'Credit')),
  currency         char(3) NOT NULL,
  initial_amount   numeric NOT NULL,
  open_amount      numeric NOT NULL,
  assigned_amount  numeric NOT NULL DEFAULT 0,
  expected_amount  numeric NOT NULL DEFAULT 0,
  status           text NOT NULL CHECK (status IN ('Open', 'Balanced', 'Canceled')),
  account_id       text,
  account_number   text,
  account_name     text,
  contact_id       text,
  contact_number   text,
  contact_name     text,
  title            text,
  payment_reference text,
  statement_date   date,
  due_date         date,
  credit_approval  text CHECK (credit_approval IN ('unapproved', 'approved', 'restricted')),
  exclude_from_payment_run boolean NOT NULL DEFAULT false,
  error_messages   text[] NOT NULL DEFAULT '{}',
  payment_date     date,
  cancellation_reason text,
  cancellation_number text,
  cancellation_strategy text CHECK (cancellation_strategy IN ('Future Settlement', 'Prepared Refund', 'Direct Refund')),
  canceled_at      timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, number),
  -- receivables are positive, payables negative; items never take an entry past zero
  CHECK ((type = 'Debit' AND open_amount > 0 AND open_amount + assigned_amount + expected_amount BETWEEN 0 AND open_amount)
      OR (type = 'Credit' AND open_amount < 0 AND open_amount + assigned_amount + expected_amount BETWEEN open_amount AND 0)),
  CHECK (status <> 'Balanced' OR open_amount + assigned_amount = 0)
);
CREATE INDEX entries_listing ON entries (tenant_id, seq);
CREATE INDEX entries_open ON entries (tenant_id, status, due_date);
CREATE INDEX entries_account ON entries (tenant_id, account_id);

CREATE TABLE payments (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  type             text NOT NULL CHECK (type IN ('Payment', 'Direct Debit', 'Online Payment', 'Credit Transfer', 'Payout')),
  direction        text NOT NULL CHECK (direction IN ('in', 'out')),
  status           text NOT NULL CHECK (status IN ('Issued', 'Pending', 'Collected', 'Final', 'Reversed', 'Failed')),
  currency         char(3) NOT NULL,
  amount           numeric NOT NULL CHECK (amount > 0),
  assigned_amount  numeric NOT NULL DEFAULT 0 CHECK (assigned_amount >= 0),
  expected_amount  numeric NOT NULL DEFAULT 0 CHECK (expected_amount >= 0),
  blocked_amount   numeric NOT NULL DEFAULT 0 CHECK (blocked_amount >= 0),
  refunded_amount  numeric NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  party_name       text,
  party_iban       text,
  party_bic        text,
  account_id       text,
  external_id      text,
  end_to_end_id    text,
  payment_date     date,
  status_details   text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (assigned_amount + expected_amount + blocked_amount + refunded_amount <= amount)
);
CREATE INDEX payments_listing ON payments (tenant_id, seq);
CREATE UNIQUE INDEX payments_end_to_end ON payments (tenant_id, end_to_end_id) WHERE end_to_end_id IS NOT NULL;
CREATE UNIQUE INDEX payments_external ON payments (tenant_id, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE entry_items (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  entry_id         uuid NOT NULL,
  payment_id       uuid NOT NULL,
  currency         char(3) NOT NULL,
  amount           numeric NOT NULL,
  expected_amount  numeric NOT NULL,
  business_process text NOT NULL,
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL,
  reversal_of      uuid,
  reason           text,
  matching_configuration text,
  matching_score   numeric,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES entries (tenant_id, id),
  FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id),
  FOREIGN KEY (tenant_id, reversal_of) REFERENCES entry_items (tenant_id, id),
  -- an item is undone at most once
  UNIQUE (tenant_id, reversal_of)
);
CREATE INDEX entry_items_entry ON entry_items (tenant_id, entry_id);
CREATE INDEX entry_items_payment ON entry_items (tenant_id, payment_id);

CREATE TABLE refunds (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  payment_id       uuid NOT NULL,
  currency         char(3) NOT NULL,
  amount           numeric NOT NULL CHECK (amount > 0),
  status           text NOT NULL CHECK (status IN ('Prepared', 'Approved', 'Pending', 'Refunded', 'Failed', 'Canceled')),
  method           text NOT NULL CHECK (method IN ('SEPA Credit Transfer', 'Online Payment')),
  reason           text,
  cancellation_reason text,
  error_message    text,
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id)
);
CREATE INDEX refunds_payment ON refunds (tenant_id, payment_id);

CREATE TABLE idempotency_keys (
  tenant_id     uuid NOT NULL REFERENCES tenants (id),
  key           text NOT NULL,
  method        text NOT NULL,
  path          text NOT NULL,
  request_hash  text NOT NULL,
  status_code   integer,
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);
