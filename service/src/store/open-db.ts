import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from './db.js';
import { openPglite } from './pglite-db.js';
import { openPostgres } from './pg-db.js';
import { lockDataDir } from './data-dir-lock.js';

export interface DbConfig {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database. */
  dataDir?: string | undefined;
}

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.CASH_DATA_DIR || '.data/pglite' };
}

export async function openDb(config: DbConfig): Promise<Db> {
  if (config.databaseUrl) return openPostgres({ url: config.databaseUrl });
  const dir = resolve(config.dataDir ?? '.data/pglite');
  mkdirSync(dir, { recursive: true });
  const release = lockDataDir(dir);
  try {
    const db = await openPglite(dir);
    return {
      ...db,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Where the data lives, for messages to the operator (no credentials). */
export function describeDb(config: DbConfig): string {
  if (!config.databaseUrl) return `embedded PGlite in ${resolve(config.dataDir ?? '.data/pglite')}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
