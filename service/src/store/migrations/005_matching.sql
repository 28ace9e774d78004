-- Matching in the product: a tenant's own matching configurations (the engine's default set applies
-- while a tenant has none), the outcome and explanation of the last matching of each statement item,
-- and the suggestions left for review (ranked candidates with their allocations and score breakdown).
CREATE TABLE matching_configurations (
  tenant_id    uuid NOT NULL REFERENCES tenants (id),
  id           uuid NOT NULL,
  name         text NOT NULL,
  template     text NOT NULL,
  priority     numeric NOT NULL,
  active       boolean NOT NULL DEFAULT true,
  description  text,
  parser       jsonb NOT NULL DEFAULT '{}',
  search       jsonb NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name)
);
CREATE INDEX matching_configurations_order ON matching_configurations (tenant_id, priority, name);

CREATE TABLE matching_item_results (
  tenant_id     uuid NOT NULL REFERENCES tenants (id),
  item_id       uuid NOT NULL,
  outcome       text NOT NULL CHECK (outcome IN ('settled', 'suggested', 'unmatched', 'accepted')),
  score         numeric NOT NULL,
  configuration text,
  reasons       jsonb NOT NULL DEFAULT '[]',
  matched_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, item_id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES bank_statement_items (tenant_id, id)
);

CREATE TABLE matching_suggestions (
  tenant_id      uuid NOT NULL REFERENCES tenants (id),
  id             uuid NOT NULL,
  seq            bigint GENERATED ALWAYS AS IDENTITY,
  item_id        uuid NOT NULL,
  statement_id   uuid NOT NULL,
  payment_id     uuid NOT NULL,
  rank           integer NOT NULL,
  status         text NOT NULL DEFAULT 'Open' CHECK (status IN ('Open', 'Accepted', 'Rejected', 'Superseded')),
  score          numeric NOT NULL,
  configuration  text,
  allocations    jsonb NOT NULL,
  breakdown      jsonb NOT NULL DEFAULT '{}',
  reasons        jsonb NOT NULL DEFAULT '[]',
  entry_item_ids jsonb NOT NULL DEFAULT '[]',
  decided_by     text,
  decided_at     timestamptz,
  note           text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES bank_statement_items (tenant_id, id)
);
CREATE INDEX matching_suggestions_review ON matching_suggestions (tenant_id, status, seq);
CREATE INDEX matching_suggestions_item ON matching_suggestions (tenant_id, item_id);
