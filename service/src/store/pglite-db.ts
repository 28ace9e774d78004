import { PGlite } from '@electric-sql/pglite';
import type { Db, Row } from './db.js';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in a local data folder (or in memory
 * when no folder is given). One connection; PGlite runs transactions one after another.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  return {
    kind: 'pglite',
    query: async <T extends Row>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <T extends Row>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    async close() {
      await db.close();
    },
  };
}
