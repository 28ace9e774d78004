import { randomBytes } from 'node:crypto';
import type { Db } from '../db.js';
import { migrate } from '../migrate.js';
import { openPglite } from '../pglite-db.js';
import { openPostgres } from '../pg-db.js';

/**
 * A migrated database for one test file: in-memory PGlite, or, when DATABASE_URL is set, a fresh
 * schema on that PostgreSQL server (dropped on close), so test files never see each other's rows.
 */
export async function openTestDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPglite();
    await migrate(db);
    return db;
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres({ url, schema, max: 60 });
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}
