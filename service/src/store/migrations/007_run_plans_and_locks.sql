-- Payment runs that are all or nothing, and one at a time per business entity and kind.
--
-- A run's plan (every transaction with its end-to-end id) is stored before the first ledger write.
-- A run that dies midway is resumed from it exactly: each ledger booking is found again by its
-- end-to-end id instead of being made twice, and only when every transaction is booked (or
-- excluded with the ledger's reason) are the file and the order written, in one transaction that
-- also removes the plan.
CREATE TABLE payment_run_plans (
  tenant_id          uuid NOT NULL REFERENCES tenants (id),
  id                 uuid NOT NULL,
  business_entity_id uuid NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('direct-debit', 'credit-transfer')),
  message_id         text NOT NULL,
  plan               jsonb NOT NULL,
  created_by         text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  -- at most one unfinished run per entity and kind
  UNIQUE (tenant_id, business_entity_id, kind),
  FOREIGN KEY (tenant_id, business_entity_id) REFERENCES business_entities (tenant_id, id)
);

-- Who runs the entity's run of a kind now. A holder that stopped is replaced only when its
-- heartbeat is old and the job it ran for (if any) is no longer queued or running: a killed job
-- keeps the lock until it is retried (and resumes) or given up.
CREATE TABLE payment_run_locks (
  tenant_id          uuid NOT NULL REFERENCES tenants (id),
  business_entity_id uuid NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('direct-debit', 'credit-transfer')),
  holder             text NOT NULL,
  job_id             uuid,
  heartbeat_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, business_entity_id, kind),
  FOREIGN KEY (tenant_id, business_entity_id) REFERENCES business_entities (tenant_id, id)
);

-- the job that finished the order, so a retried job that had already finished returns it
ALTER TABLE payment_orders ADD COLUMN job_id uuid;
CREATE UNIQUE INDEX payment_orders_job ON payment_orders (tenant_id, job_id) WHERE job_id IS NOT NULL;
