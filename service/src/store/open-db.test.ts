import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from './open-db.js';

const root = mkdtempSync(join(tmpdir(), 'cash-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the embedded database folder', () => {
  it('is refused to a second opener while the first has it, and free again once closed', async () => {
    const dataDir = join(root, 'pglite');
    const first = await openDb({ dataDir });
    await expect(openDb({ dataDir })).rejects.toMatchObject({ code: 'DATABASE_IN_USE', message: expect.stringContaining(String(process.pid)) });
    await first.query('CREATE TABLE kept (v int)');
    await first.query('INSERT INTO kept VALUES (1)');
    await first.close();
    const second = await openDb({ dataDir });
    expect(await second.query('SELECT v FROM kept')).toEqual([{ v: 1 }]);
    await second.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = join(root, 'stale');
    writeFileSync(`${dataDir}.lock`, '2147483646');
    const db = await openDb({ dataDir });
    await db.close();
  });
});
