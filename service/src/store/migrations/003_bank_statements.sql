-- Bank-side data: own bank accounts, imported files, statements and their items. Items carry a
-- stable key (bank reference, else content hash + occurrence) so re-imports add only what is new.
CREATE TABLE bank_accounts (
  tenant_id          uuid NOT NULL REFERENCES tenants (id),
  id                 uuid NOT NULL,
  account_key        text NOT NULL,
  iban               text,
  other_id           text,
  bic                text,
  currency           char(3),
  name               text,
  owner_name         text,
  balance            numeric,
  balance_date       date,
  last_statement_date date,
  initial_payment_status text NOT NULL DEFAULT 'Pending' CHECK (initial_payment_status IN ('Pending', 'Collected')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, account_key)
);

CREATE TABLE statement_files (
  tenant_id      uuid NOT NULL REFERENCES tenants (id),
  id             uuid NOT NULL,
  file_name      text NOT NULL,
  sha256         text NOT NULL,
  format         text NOT NULL,
  size_bytes     integer NOT NULL,
  imported_by    text NOT NULL,
  imported_at    timestamptz NOT NULL DEFAULT now(),
  summary        jsonb,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX statement_files_hash ON statement_files (tenant_id, sha256);

CREATE TABLE bank_statements (
  tenant_id          uuid NOT NULL REFERENCES tenants (id),
  id                 uuid NOT NULL,
  seq                bigint GENERATED ALWAYS AS IDENTITY,
  bank_account_id    uuid NOT NULL,
  statement_key      text NOT NULL,
  file_id            uuid NOT NULL,
  format             text NOT NULL,
  kind               text,
  statement_id       text,
  sequence_number    text,
  electronic_sequence_number text,
  from_date          date,
  to_date            date,
  currency           char(3),
  opening_balance    numeric,
  opening_date       date,
  closing_balance    numeric,
  closing_date       date,
  opening_available_balance numeric,
  closing_available_balance numeric,
  warnings           jsonb NOT NULL DEFAULT '[]',
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, bank_account_id, statement_key),
  FOREIGN KEY (tenant_id, bank_account_id) REFERENCES bank_accounts (tenant_id, id),
  FOREIGN KEY (tenant_id, file_id) REFERENCES statement_files (tenant_id, id)
);
CREATE INDEX bank_statements_listing ON bank_statements (tenant_id, seq);

CREATE TABLE bank_statement_items (
  tenant_id          uuid NOT NULL REFERENCES tenants (id),
  id                 uuid NOT NULL,
  seq                bigint GENERATED ALWAYS AS IDENTITY,
  statement_id       uuid NOT NULL,
  bank_account_id    uuid NOT NULL,
  item_key           text NOT NULL,
  amount             numeric NOT NULL CHECK (amount >= 0),
  currency           char(3),
  credit_debit       text NOT NULL CHECK (credit_debit IN ('CRDT', 'DBIT')),
  reversal           boolean NOT NULL,
  status             text NOT NULL CHECK (status IN ('BOOK', 'PDNG', 'INFO')),
  booking_date       date,
  value_date         date,
  remittance_information text,
  end_to_end_id      text,
  creditor_reference text,
  counterparty_name  text,
  counterparty_iban  text,
  bank_transaction_code text,
  return_reason      text,
  data               jsonb NOT NULL,
  matching_result    text NOT NULL DEFAULT 'Unmatched',
  payment_id         uuid,
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, bank_account_id, item_key),
  FOREIGN KEY (tenant_id, statement_id) REFERENCES bank_statements (tenant_id, id)
);
CREATE INDEX bank_statement_items_statement ON bank_statement_items (tenant_id, statement_id, seq);
CREATE INDEX bank_statement_items_e2e ON bank_statement_items (tenant_id, end_to_end_id) WHERE end_to_end_id IS NOT NULL;
