import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CashError } from '../src/domain/errors.js';
import { parseStatementFile } from '../src/formats/statement/parse.js';
import type { Db } from '../src/store/db.js';
import { StatementStore } from '../src/store/statements/statement-store.js';
import { TenantStore } from '../src/store/tenants.js';
import { openTestDb } from '../src/store/test-support/test-db.js';
import { sharedDir } from './shared-dir.js';

/**
 * Every shared statement fixture that reads is stored, then stored again: the second import adds
 * nothing, and nothing of the first is lost (every item of the file is in the store once).
 */
const fixtures = join(sharedDir(), 'fixtures');
const files = ['camt052', 'camt053', 'camt054', 'mt940', 'mt942', 'csv'].flatMap((folder) =>
  existsSync(join(fixtures, folder)) ? readdirSync(join(fixtures, folder)).map((name) => `${folder}/${name}`) : [],
);

let db: Db;
let store: StatementStore;
let tenantId: string;

beforeAll(async () => {
  db = await openTestDb();
  store = new StatementStore(db);
  tenantId = (await new TenantStore(db).createTenant('Re-import')).id;
});
afterAll(() => db.close());

describe('re-importing the shared statement fixtures', () => {
  it.each(files)('%s: the second import adds nothing', async (path) => {
    const content = readFileSync(join(fixtures, path));
    let file;
    try {
      file = await parseStatementFile(content, { fileName: path });
    } catch (error) {
      // refused files are the readers' conformance tests' business; here only what reads counts
      expect(error).toBeInstanceOf(CashError);
      return;
    }
    const items = file.statements.reduce((n, s) => n + s.items.length, 0);
    const first = await store.importFile(tenantId, file, { fileName: path, content, importedBy: 'conformance' });
    const again = await store.importFile(tenantId, await parseStatementFile(content, { fileName: path }), { fileName: path, content, importedBy: 'conformance' });
    expect(again.newItems).toBe(0);
    expect(again.duplicateItems).toBe(items);
    expect(first.newItems + first.duplicateItems).toBe(items);
  });
});
