-- A tenant's connection to its Salesforce org: how the service signs in (JWT bearer or client
-- credentials), the org and user the credentials were verified against, and the private key or
-- consumer secret, encrypted with AES-256-GCM under CASH_SECRET_KEY (bound to the tenant id).
CREATE TABLE org_connections (
  tenant_id         uuid PRIMARY KEY REFERENCES tenants (id),
  flow              text NOT NULL CHECK (flow IN ('jwt-bearer', 'client-credentials')),
  login_url         text NOT NULL CHECK (login_url LIKE 'https://%'),
  client_id         text NOT NULL,
  username          text,
  secret_encrypted  text NOT NULL,
  org_id            text NOT NULL,
  user_id           text NOT NULL,
  org_username      text NOT NULL,
  instance_url      text NOT NULL,
  connected_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((flow = 'jwt-bearer') = (username IS NOT NULL))
);
