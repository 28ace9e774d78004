import type { Db, Row } from '../store/db.js';
import type { OrgFlow } from './org-credentials.js';

/** A tenant's org connection as the operator may see it: never the secret. */
export interface OrgConnection {
  tenantId: string;
  flow: OrgFlow;
  loginUrl: string;
  clientId: string;
  /** The user the JWT bearer flow signs in as; null for client credentials (the app's run-as user). */
  username: string | null;
  orgId: string;
  /** The org user the credentials act as, as verified at connection time. */
  userId: string;
  orgUsername: string;
  instanceUrl: string;
  connectedAt: Date;
}

export interface StoredOrgConnection extends OrgConnection {
  /** The private key or consumer secret, sealed by secret-crypto. */
  secretEncrypted: string;
}

const fromRow = (row: Row): StoredOrgConnection => ({
  tenantId: String(row.tenant_id),
  flow: row.flow as OrgFlow,
  loginUrl: String(row.login_url),
  clientId: String(row.client_id),
  username: row.username === null ? null : String(row.username),
  orgId: String(row.org_id),
  userId: String(row.user_id),
  orgUsername: String(row.org_username),
  instanceUrl: String(row.instance_url),
  connectedAt: new Date(String(row.connected_at)),
  secretEncrypted: String(row.secret_encrypted),
});

/** One org connection per tenant (table org_connections, migration 012). */
export class ConnectionStore {
  constructor(private readonly db: Db) {}

  async save(connection: Omit<StoredOrgConnection, 'connectedAt'>): Promise<StoredOrgConnection> {
    const [row] = await this.db.query(
      `INSERT INTO org_connections (tenant_id, flow, login_url, client_id, username, secret_encrypted, org_id, user_id, org_username, instance_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (tenant_id) DO UPDATE SET flow = $2, login_url = $3, client_id = $4, username = $5, secret_encrypted = $6,
         org_id = $7, user_id = $8, org_username = $9, instance_url = $10, connected_at = now()
       RETURNING *`,
      [connection.tenantId, connection.flow, connection.loginUrl, connection.clientId, connection.username, connection.secretEncrypted,
        connection.orgId, connection.userId, connection.orgUsername, connection.instanceUrl],
    );
    return fromRow(row!);
  }

  async get(tenantId: string): Promise<StoredOrgConnection | null> {
    const [row] = await this.db.query('SELECT * FROM org_connections WHERE tenant_id = $1', [tenantId]);
    return row ? fromRow(row) : null;
  }

  /** Tenants that have an org connection. */
  async tenants(): Promise<string[]> {
    const rows = await this.db.query('SELECT tenant_id FROM org_connections ORDER BY connected_at');
    return rows.map((r) => String(r.tenant_id));
  }

  async delete(tenantId: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM org_connections WHERE tenant_id = $1 RETURNING tenant_id', [tenantId]);
    return rows.length > 0;
  }
}
