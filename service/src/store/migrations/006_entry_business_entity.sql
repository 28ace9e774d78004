-- Entries and mandates belong to a business entity (as Entry__c.BusinessEntity__c in the package),
-- so a run only ever collects or pays its own entity's customers and suppliers. A payee's bank
-- account stays shared: it is the supplier's, whoever pays it.
ALTER TABLE entries ADD COLUMN business_entity_id uuid;
ALTER TABLE entries ADD CONSTRAINT entries_business_entity
  FOREIGN KEY (tenant_id, business_entity_id) REFERENCES business_entities (tenant_id, id);
CREATE INDEX entries_business_entity ON entries (tenant_id, business_entity_id, status);

-- an exclusion a run set (no mandate, …) is checked again by the next run; one a person set stays
ALTER TABLE entries ADD COLUMN excluded_automatically boolean NOT NULL DEFAULT false;

ALTER TABLE payment_instruments ADD COLUMN business_entity_id uuid;
ALTER TABLE payment_instruments ADD CONSTRAINT payment_instruments_business_entity
  FOREIGN KEY (tenant_id, business_entity_id) REFERENCES business_entities (tenant_id, id);
-- an instrument is found by the account id or the account number the entries carry
ALTER TABLE payment_instruments ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE payment_instruments ADD COLUMN account_number text;
ALTER TABLE payment_instruments ADD CONSTRAINT payment_instruments_account
  CHECK (account_id IS NOT NULL OR account_number IS NOT NULL);
CREATE INDEX payment_instruments_account_number ON payment_instruments (tenant_id, account_number, kind);

-- what was there before: in a tenant with exactly one entity, everything is that entity's
WITH sole AS (
  SELECT tenant_id, (array_agg(id))[1] AS id FROM business_entities GROUP BY tenant_id HAVING count(*) = 1
)
UPDATE entries e SET business_entity_id = sole.id FROM sole WHERE e.tenant_id = sole.tenant_id AND e.business_entity_id IS NULL;
WITH sole AS (
  SELECT tenant_id, (array_agg(id))[1] AS id FROM business_entities GROUP BY tenant_id HAVING count(*) = 1
)
UPDATE payment_instruments i SET business_entity_id = sole.id FROM sole
  WHERE i.tenant_id = sole.tenant_id AND i.kind = 'mandate' AND i.business_entity_id IS NULL;
-- exclusions whose every message is one a run wrote ("CODE: reason") were set by a run
UPDATE entries SET excluded_automatically = true
  WHERE exclude_from_payment_run AND cardinality(error_messages) > 0
    AND NOT EXISTS (SELECT 1 FROM unnest(error_messages) m WHERE m !~ '^[A-Z][A-Z0-9_]+: ');
