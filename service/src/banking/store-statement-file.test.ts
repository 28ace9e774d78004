import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../domain/ledger-port.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { importStatement } from './import-statement.js';
import { storeStatementFile } from './store-statement-file.js';

let services: Services;
let ctx: LedgerContext;

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  const tenant = await services.tenants.createTenant('Streamed statements');
  ctx = { tenantId: tenant.id, actor: 'test', businessProcess: 'Statement Import' };
});
afterAll(() => services.close());

/** A CSV export that names no account: neither a column nor a line above the header. */
const accountless = Buffer.from(
  'Booking Date,Value Date,Description,Amount,Currency\n' +
    '2026-12-01,2026-12-01,Rent December,-1200.00,EUR\n' +
    '2026-12-02,2026-12-02,Invoice 42,350.00,EUR\n',
);
const ACCOUNT_A = 'DE89370400440532013000';
const ACCOUNT_B = 'GB33BUKB20201555555555';

describe('statements that name no account', () => {
  it('are refused without an account, with a stable code, and nothing is stored', async () => {
    await expect(importStatement(services, ctx, accountless, { fileName: 'export.csv' })).rejects.toMatchObject({
      code: 'STATEMENT_ACCOUNT_REQUIRED',
      message: expect.stringContaining('does not say which account'),
    });
    expect((await services.statements.listStatements(ctx.tenantId, 10, null)).items).toEqual([]);
  });

  it('are stored under the account given, and the same rows of another account are not taken for duplicates', async () => {
    const a = await importStatement(services, ctx, accountless, { fileName: 'a.csv', account: 'de89 3704 0044 0532 0130 00' });
    expect(a).toMatchObject({ newItems: 2, duplicateItems: 0, statements: [{ account: ACCOUNT_A }] });
    const b = await importStatement(services, ctx, accountless, { fileName: 'b.csv', account: ACCOUNT_B });
    expect(b).toMatchObject({ newItems: 2, duplicateItems: 0, statements: [{ account: ACCOUNT_B }] });
    const again = await importStatement(services, ctx, accountless, { fileName: 'a-again.csv', account: ACCOUNT_A });
    expect(again).toMatchObject({ newItems: 0, duplicateItems: 2 });
    const accounts = await services.statements.listAccounts(ctx.tenantId);
    expect(accounts.map((account) => account.iban).sort()).toEqual([ACCOUNT_A, ACCOUNT_B]);
  });

  it('refuses an account that is not a valid IBAN, and one that contradicts the file', async () => {
    await expect(importStatement(services, ctx, accountless, { fileName: 'x.csv', account: 'DE00370400440532013000' })).rejects.toMatchObject({
      code: 'ACCOUNT_IBAN_INVALID',
    });
    const camt = readFileSync(new URL('./__fixtures__/feedback_camt053.v8.xml', import.meta.url));
    await expect(importStatement(services, ctx, camt, { fileName: 'day.xml', account: ACCOUNT_B })).rejects.toMatchObject({
      code: 'STATEMENT_ACCOUNT_CONFLICT',
    });
  });
});

describe('streamed statement files', () => {
  const sta = readFileSync(new URL('../formats/mt940/__fixtures__/jejik_volksbank-de.txt', import.meta.url));
  /** A camt.053 day whose four entries are repeated 500 times: 2,000 items. */
  const camt = readFileSync(new URL('./__fixtures__/feedback_camt053.v8.xml', import.meta.url), 'utf8');
  const entries = camt.slice(camt.indexOf('<Ntry>'), camt.lastIndexOf('</Ntry>') + '</Ntry>'.length);
  const large = Buffer.from(camt.replace(entries, entries.repeat(500)));

  it('stores items in batches while the file is still being read, and never needs it whole', async () => {
    const chunks: Buffer[] = [];
    for (let at = 0; at < large.length; at += 4 * 1024) chunks.push(large.subarray(at, at + 4 * 1024));
    let given = 0;
    const source = {
      async *open() {
        given = 0;
        for (const chunk of chunks) {
          given += 1;
          yield chunk;
        }
      },
    };
    let givenAtFirstStore = -1;
    const stored = await storeStatementFile(services.statements, ctx, source, { fileName: 'large.xml' }, () => {
      if (givenAtFirstStore < 0) givenAtFirstStore = given;
    });
    expect(stored).toMatchObject({ newItems: 2000, duplicateItems: 0 });
    expect(givenAtFirstStore).toBeGreaterThan(0);
    expect(givenAtFirstStore).toBeLessThan(chunks.length / 2);
    expect(await services.statements.getStatement(ctx.tenantId, stored.statements[0]!.id)).toMatchObject({
      itemCount: 2000,
    });
  });

  it('refuses a source over the limit as soon as the limit is passed', async () => {
    let given = 0;
    const endless = {
      async *open() {
        for (;;) {
          given += 1;
          yield sta;
        }
      },
    };
    await expect(importStatement(services, ctx, endless, { fileName: 'endless.sta', maxBytes: 100_000 })).rejects.toMatchObject({
      code: 'STATEMENT_TOO_LARGE',
    });
    expect(given).toBeLessThanOrEqual(Math.ceil(100_000 / sta.length) + 1);
  });
});

describe('bank texts', () => {
  it('are stored in NFC and without NUL characters, so a NUL in a bank file never fails the import', async () => {
    const sta = readFileSync(new URL('../formats/mt940/__fixtures__/jejik_volksbank-de.txt', import.meta.url), 'latin1').replace(
      'SVWZ+einfach so fuer euch',
      'SVWZ+Cafe\u0301 so\u0000 fuer euch',
    );
    const imported = await importStatement(services, ctx, Buffer.from(sta, 'utf8'), { fileName: 'nul.sta' });
    const items = await services.statements.listItems(ctx.tenantId, { statementId: imported.statements[0]!.id }, 50, null);
    const texts = items.items.map((item) => JSON.stringify(item));
    expect(texts.some((t) => t.includes('Caf\u00e9 so fuer euch'))).toBe(true);
    expect(texts.some((t) => t.includes('\\u0000') || t.includes('e\u0301'))).toBe(false);
  });
});
