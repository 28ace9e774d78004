import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { CashError, invalid, notFound } from '../domain/errors.js';
import type { Db } from './db.js';
import { isUuid } from './ledger/queries.js';

export type Scope = 'read' | 'write' | 'admin' | 'platform';
export const SCOPES: readonly Scope[] = ['read', 'write', 'admin', 'platform'];

export interface Tenant {
  id: string;
  name: string;
  createdAt: Date;
}

export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface Caller {
  tenantId: string;
  keyId: string;
  keyName: string;
  scopes: Scope[];
}

const KEY = /^cm_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
/** Keys are long random secrets, so a fast hash is enough; only the hash is stored. */
const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

const toKey = (row: Record<string, unknown>): ApiKeyRecord => ({
  id: String(row.id),
  tenantId: String(row.tenant_id),
  name: String(row.name),
  prefix: String(row.prefix),
  scopes: row.scopes as Scope[],
  createdAt: new Date(String(row.created_at)),
  lastUsedAt: row.last_used_at ? new Date(String(row.last_used_at)) : null,
  revokedAt: row.revoked_at ? new Date(String(row.revoked_at)) : null,
});

/**
 * Verified keys are remembered briefly, so a busy client does not cost a key lookup per request.
 * A revocation through this process takes effect at once; in other processes within this many ms.
 */
export const KEY_CACHE_MS = 5_000;
const KEY_CACHE_SIZE = 10_000;

export class TenantStore {
  private readonly verified = new Map<string, { caller: Caller; until: number }>();

  constructor(private readonly db: Db) {}

  async createTenant(name: string): Promise<Tenant> {
    if (!name.trim()) throw invalid('TENANT_NAME_REQUIRED', 'a tenant needs a name');
    const [row] = await this.db.query('INSERT INTO tenants (id, name) VALUES ($1, $2) RETURNING *', [randomUUID(), name.trim()]);
    return { id: String(row!.id), name: String(row!.name), createdAt: new Date(String(row!.created_at)) };
  }

  async getTenant(id: string): Promise<Tenant> {
    const rows = isUuid(id) ? await this.db.query('SELECT * FROM tenants WHERE id = $1', [id]) : [];
    if (!rows[0]) throw notFound('tenant', id);
    return { id: String(rows[0].id), name: String(rows[0].name), createdAt: new Date(String(rows[0].created_at)) };
  }

  async listTenants(): Promise<Tenant[]> {
    const rows = await this.db.query('SELECT * FROM tenants ORDER BY created_at, name');
    return rows.map((row) => ({ id: String(row.id), name: String(row.name), createdAt: new Date(String(row.created_at)) }));
  }

  async findTenantByName(name: string): Promise<Tenant | null> {
    const [row] = await this.db.query('SELECT * FROM tenants WHERE name = $1 ORDER BY created_at LIMIT 1', [name]);
    return row ? { id: String(row.id), name: String(row.name), createdAt: new Date(String(row.created_at)) } : null;
  }

  /** Creates a key and returns its secret once; afterwards only its hash exists. */
  async createApiKey(tenantId: string, name: string, scopes: Scope[]): Promise<{ key: string; record: ApiKeyRecord }> {
    await this.getTenant(tenantId);
    if (scopes.length === 0 || scopes.some((s) => !SCOPES.includes(s))) {
      throw invalid('SCOPES_INVALID', `scopes must be some of ${SCOPES.join(', ')}`, { scopes });
    }
    const prefix = randomBytes(6).toString('hex');
    const key = `cm_${prefix}_${randomBytes(32).toString('base64url')}`;
    const [row] = await this.db.query(
      'INSERT INTO api_keys (id, tenant_id, name, prefix, hash, scopes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [randomUUID(), tenantId, name, prefix, hashOf(key), [...new Set(scopes)]],
    );
    return { key, record: toKey(row!) };
  }

  /** The caller a key stands for, or an error that says nothing about which part was wrong. */
  async authenticate(key: string): Promise<Caller> {
    const refused = new CashError('UNAUTHORIZED', 'unauthorized', 'missing, unknown or revoked API key');
    const match = KEY.exec(key);
    if (!match) throw refused;
    const hash = hashOf(key);
    const known = this.verified.get(hash);
    if (known && known.until > Date.now()) return known.caller;
    const [row] = await this.db.query('SELECT * FROM api_keys WHERE prefix = $1', [match[1]]);
    if (!row || row.revoked_at) throw refused;
    const expected = Buffer.from(String(row.hash), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) throw refused;
    const caller = { tenantId: String(row.tenant_id), keyId: String(row.id), keyName: String(row.name), scopes: row.scopes as Scope[] };
    if (this.verified.size >= KEY_CACHE_SIZE) this.verified.clear();
    this.verified.set(hash, { caller, until: Date.now() + KEY_CACHE_MS });
    return caller;
  }

  async listApiKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.db.query('SELECT * FROM api_keys WHERE tenant_id = $1 ORDER BY created_at', [tenantId]);
    return rows.map(toKey);
  }

  async revokeApiKey(tenantId: string, id: string): Promise<ApiKeyRecord> {
    this.verified.clear();
    const rows = isUuid(id)
      ? await this.db.query(
          'UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE tenant_id = $1 AND id = $2 RETURNING *',
          [tenantId, id],
        )
      : [];
    if (!rows[0]) throw notFound('API key', id);
    return toKey(rows[0]);
  }

  async revokeKeysNamed(tenantId: string, name: string): Promise<void> {
    this.verified.clear();
    await this.db.query('UPDATE api_keys SET revoked_at = now() WHERE tenant_id = $1 AND name = $2 AND revoked_at IS NULL', [tenantId, name]);
  }
}
