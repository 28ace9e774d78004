-- SEPA payment runs: the business entities that collect and pay, per-account file settings,
-- payment instruments (SEPA mandates of debtors, bank accounts of payees), and payment orders
-- (one pain.008/pain.001 file each) with one row per transaction linking its payment.

ALTER TABLE bank_accounts
  ADD COLUMN direct_debit_format text NOT NULL DEFAULT 'pain.008.001.08'
    CHECK (direct_debit_format IN ('pain.008.001.08', 'pain.008.001.02')),
  ADD COLUMN credit_transfer_format text NOT NULL DEFAULT 'pain.001.001.09'
    CHECK (credit_transfer_format IN ('pain.001.001.09', 'pain.001.001.03')),
  -- on / off: always / never; on-ask / off-ask: asked per run, with that default
  ADD COLUMN batch_booking text NOT NULL DEFAULT 'on' CHECK (batch_booking IN ('on', 'off', 'on-ask', 'off-ask')),
  ADD COLUMN charset text NOT NULL DEFAULT 'epc' CHECK (charset IN ('epc', 'de'));

CREATE TABLE business_entities (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  code             text NOT NULL,
  creditor_name    text NOT NULL,
  creditor_id      text,
  street           text,
  building_number  text,
  postal_code      text,
  town             text,
  country          char(2),
  bank_account_id  uuid NOT NULL,
  mandate_pattern  text NOT NULL DEFAULT '{CODE}-{YYYY}-{SEQ:6}',
  mandate_sequence integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, bank_account_id) REFERENCES bank_accounts (tenant_id, id)
);

-- A SEPA mandate (kind mandate) or a payee's bank account (kind bank-account) of a customer or
-- supplier account, the account id the entries carry.
CREATE TABLE payment_instruments (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  kind             text NOT NULL CHECK (kind IN ('mandate', 'bank-account')),
  account_id       text NOT NULL,
  account_holder   text NOT NULL,
  iban             text NOT NULL,
  bic              text,
  address          jsonb,
  active           boolean NOT NULL DEFAULT true,
  deactivation_reason text,
  reference        text,
  scheme           text CHECK (scheme IN ('CORE', 'B2B')),
  mandate_type     text CHECK (mandate_type IN ('RECURRENT', 'ONE_OFF')),
  signature_date   date,
  valid_until      date,
  last_collection_date date,
  final_collection_requested boolean NOT NULL DEFAULT false,
  original_reference text,
  original_iban    text,
  original_creditor_id text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (kind <> 'mandate' OR (reference IS NOT NULL AND scheme IS NOT NULL AND mandate_type IS NOT NULL AND signature_date IS NOT NULL))
);
CREATE UNIQUE INDEX payment_instruments_reference ON payment_instruments (tenant_id, reference) WHERE reference IS NOT NULL;
CREATE INDEX payment_instruments_account ON payment_instruments (tenant_id, account_id, kind);

CREATE TABLE payment_orders (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  id               uuid NOT NULL,
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  business_entity_id uuid NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('direct-debit', 'credit-transfer')),
  format           text NOT NULL,
  message_id       text NOT NULL,
  status           text NOT NULL CHECK (status IN ('Prepared', 'Submitted', 'Accepted', 'Partially accepted', 'Rejected')),
  requested_date   date NOT NULL,
  batch_booking    boolean NOT NULL,
  transaction_count integer NOT NULL,
  total            numeric NOT NULL,
  currency         char(3) NOT NULL DEFAULT 'EUR',
  file_xml         text NOT NULL,
  excluded         jsonb NOT NULL DEFAULT '[]',
  warnings         jsonb NOT NULL DEFAULT '[]',
  status_reasons   jsonb NOT NULL DEFAULT '[]',
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, message_id),
  FOREIGN KEY (tenant_id, business_entity_id) REFERENCES business_entities (tenant_id, id)
);
CREATE INDEX payment_orders_listing ON payment_orders (tenant_id, seq);

CREATE TABLE payment_order_transactions (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  order_id         uuid NOT NULL,
  position         integer NOT NULL,
  end_to_end_id    text NOT NULL,
  payment_information_id text,
  record_kind      text NOT NULL CHECK (record_kind IN ('entry', 'refund')),
  record_id        uuid NOT NULL,
  payment_id       uuid,
  instrument_id    uuid,
  -- the mandate's sequence type, so a rejected first collection goes out as FRST again
  sequence_type    text,
  amount           numeric NOT NULL CHECK (amount > 0),
  status           text NOT NULL DEFAULT 'Submitted' CHECK (status IN ('Submitted', 'Accepted', 'Rejected', 'Pending')),
  status_code      text,
  reason           text,
  PRIMARY KEY (tenant_id, order_id, position),
  UNIQUE (tenant_id, order_id, end_to_end_id),
  FOREIGN KEY (tenant_id, order_id) REFERENCES payment_orders (tenant_id, id),
  FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id)
);
CREATE INDEX payment_order_transactions_payment ON payment_order_transactions (tenant_id, payment_id);
