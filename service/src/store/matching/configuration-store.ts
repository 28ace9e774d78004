import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../../domain/errors.js';
import { compileConfiguration, DEFAULT_CONFIGURATIONS, readConfigurations, type MatchingConfiguration } from '../../matching/index.js';
import type { Db, Queryable, Row } from '../db.js';
import { isUuid } from '../ledger/queries.js';

export interface StoredConfiguration extends MatchingConfiguration {
  id: string;
}

/** What a tenant's matching runs with: its own set, or the shipped defaults while it has none. */
export interface EffectiveConfigurations {
  source: 'tenant' | 'default';
  configurations: MatchingConfiguration[];
}

/**
 * Validates one configuration as the engine reads it, and compiles it, so a pattern that does not
 * compile, or that the linear-time engine cannot run, is refused when it is saved rather than when a
 * statement arrives.
 */
export function validConfiguration(raw: unknown): MatchingConfiguration {
  const [configuration] = readConfigurations([raw]);
  // inactive ones too: switching one on later must not be what finds its pattern broken
  compileConfiguration(configuration!);
  return configuration!;
}

const toConfiguration = (row: Row): StoredConfiguration => ({
  id: String(row.id),
  name: String(row.name),
  template: row.template as MatchingConfiguration['template'],
  priority: Number(row.priority),
  active: Boolean(row.active),
  ...(row.description === null ? {} : { description: String(row.description) }),
  parser: row.parser as MatchingConfiguration['parser'],
  search: row.search as MatchingConfiguration['search'],
});

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Matching configurations per tenant, ordered by priority (lower runs first), then name. */
export class ConfigurationStore {
  constructor(private readonly db: Db) {}

  async list(tenantId: string): Promise<StoredConfiguration[]> {
    const rows = await this.db.query('SELECT * FROM matching_configurations WHERE tenant_id = $1 ORDER BY priority, name', [tenantId]);
    return rows.map(toConfiguration);
  }

  async effective(tenantId: string): Promise<EffectiveConfigurations> {
    const own = await this.list(tenantId);
    return own.length > 0
      ? { source: 'tenant', configurations: own.map(({ id: _id, ...configuration }) => configuration) }
      : { source: 'default', configurations: DEFAULT_CONFIGURATIONS.map((c) => ({ ...c })) };
  }

  async get(tenantId: string, id: string): Promise<StoredConfiguration> {
    const rows = isUuid(id) ? await this.db.query('SELECT * FROM matching_configurations WHERE tenant_id = $1 AND id = $2', [tenantId, id]) : [];
    if (!rows[0]) throw notFound('matching configuration', id);
    return toConfiguration(rows[0]);
  }

  async create(tenantId: string, configuration: MatchingConfiguration): Promise<StoredConfiguration> {
    compileConfiguration(configuration);
    const id = randomUUID();
    await this.write(
      `INSERT INTO matching_configurations (tenant_id, id, name, template, priority, active, description, parser, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [tenantId, id, ...columns(configuration)],
      configuration.name,
    );
    return this.get(tenantId, id);
  }

  async replace(tenantId: string, id: string, configuration: MatchingConfiguration): Promise<StoredConfiguration> {
    await this.get(tenantId, id);
    compileConfiguration(configuration);
    await this.write(
      `UPDATE matching_configurations SET name = $3, template = $4, priority = $5, active = $6, description = $7, parser = $8,
         search = $9, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, ...columns(configuration)],
      configuration.name,
    );
    return this.get(tenantId, id);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.get(tenantId, id);
    await this.db.query('DELETE FROM matching_configurations WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  }

  /** Copies the shipped defaults into the tenant's own set, as a starting point to change; refused when it has one. */
  async adoptDefaults(tenantId: string): Promise<StoredConfiguration[]> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM matching_configurations WHERE tenant_id = $1', [tenantId]);
      if (Number(row?.n ?? 0) > 0) {
        throw conflict('MATCHING_CONFIGURATIONS_EXIST', 'this tenant already has its own matching configurations');
      }
      await insertAll(tx, tenantId, DEFAULT_CONFIGURATIONS);
    });
    return this.list(tenantId);
  }

  /** Replaces the tenant's whole set in one transaction; an empty list brings the shipped defaults back. */
  async replaceAll(tenantId: string, configurations: readonly MatchingConfiguration[]): Promise<StoredConfiguration[]> {
    const names = new Set<string>();
    for (const { name } of configurations) {
      if (names.has(name)) throw conflict('MATCHING_CONFIGURATION_NAME_TAKEN', `two configurations are named "${name}"`, { name });
      names.add(name);
    }
    configurations.forEach(compileConfiguration);
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM matching_configurations WHERE tenant_id = $1', [tenantId]);
      await insertAll(tx, tenantId, configurations);
    });
    return this.list(tenantId);
  }

  private async write(sql: string, params: unknown[], name: string): Promise<void> {
    try {
      await this.db.query(sql, params);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('MATCHING_CONFIGURATION_NAME_TAKEN', `a configuration named "${name}" exists`, { name });
      throw error;
    }
  }
}

async function insertAll(tx: Queryable, tenantId: string, configurations: readonly MatchingConfiguration[]): Promise<void> {
  for (const configuration of configurations) {
    await tx.query(
      `INSERT INTO matching_configurations (tenant_id, id, name, template, priority, active, description, parser, search)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [tenantId, randomUUID(), ...columns(configuration)],
    );
  }
}

function columns(c: MatchingConfiguration): unknown[] {
  return [c.name, c.template, c.priority, c.active, c.description ?? null, JSON.stringify(c.parser), JSON.stringify(c.search)];
}
