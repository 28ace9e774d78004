import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CashError } from '../src/domain/errors.js';
import { parseStatementFile } from '../src/formats/statement/parse.js';
import { sharedDir } from './shared-dir.js';

/**
 * Every MT940/MT942 file of the shared fixture set (including the AGPL ones, which stay out of the
 * repository) must parse, or be refused with a clear error where MANIFEST.md marks it NEGATIVE.
 * Files noted EDGE (broken tags, 30 February, binary bytes) are read, not refused: the bookings
 * in them are real. Beyond "no crash": one item per :61: line, stable and unique keys, and the
 * balance check silent on consistent files and exact about the others.
 */
const fixtures = join(sharedDir(), 'fixtures');
const manifest = readFileSync(join(fixtures, 'MANIFEST.md'), 'utf8');

function noteFor(path: string): string {
  const section = manifest.split('\n### ').find((block) => block.startsWith(`\`${path}\``));
  return /- exercises: (.*)/.exec(section ?? '')?.[1] ?? '';
}

const files = ['mt940', 'mt942'].flatMap((folder) =>
  existsSync(join(fixtures, folder)) ? readdirSync(join(fixtures, folder)).map((name) => `${folder}/${name}`) : [],
);
const negative = files.filter((path) => noteFor(path).startsWith('NEGATIVE'));
const positive = files.filter((path) => !negative.includes(path));

/** Statements whose own figures do not add up: closing − (opening + booked items), checked by hand. */
const INCONSISTENT: Record<string, Record<number, string>> = {
  // A sample trimmed from a longer statement: the closing balance is the original one.
  'mt940/fruitl00p_rabobank-nl.sta': { 0: '19477.78' },
  // One booking of a larger day.
  'mt940/jejik_bayernlb-de.txt': { 0: '165.18' },
  // 0 + 79.70 + 149.50 - 79.90 + 10.10 = 159.40, the file closes with 159.60.
  'mt940/jejik_postfinance-ch.txt': { 0: '0.20' },
};

const statementLines = (text: string) => (text.match(/(?:^|\n):61:/g) ?? []).length;

describe('MT940/MT942 conformance over the shared fixtures', () => {
  it('finds the fixture set', () => {
    expect(files.length).toBeGreaterThanOrEqual(22);
    expect(negative).toEqual(['mt940/oca_wrong-file.940']);
  });

  it.each(negative)('refuses %s with an error naming the file and line', async (path) => {
    const name = path.split('/')[1]!;
    const error = await parseStatementFile(readFileSync(join(fixtures, path)), { fileName: name }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CashError);
    expect(error).toMatchObject({ code: 'STATEMENT_MALFORMED', details: { file: name, line: 1 } });
    expect((error as Error).message).toContain(name);
  });

  it.each(positive)('reads %s', async (path) => {
    const input = readFileSync(join(fixtures, path));
    const name = path.split('/')[1]!;
    const file = await parseStatementFile(input, { fileName: name });
    expect(file.format).toBe(path.startsWith('mt942') ? 'mt942' : 'mt940');
    expect(file.statements.length).toBeGreaterThan(0);

    const items = file.statements.flatMap((s) => s.items);
    expect(items).toHaveLength(statementLines(input.toString('latin1')));
    for (const item of items) {
      expect(item.amount).toMatch(/^\d+\.\d{2,}$/);
      expect(item.bookingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.details).toHaveLength(1);
    }

    for (const [index, statement] of file.statements.entries()) {
      const keys = statement.items.map((i) => i.key);
      expect(new Set(keys).size).toBe(keys.length);
      const mismatch = statement.warnings.find((w) => w.code === 'BALANCE_MISMATCH');
      expect(mismatch?.details?.difference ?? null, `statement ${index}`).toBe(INCONSISTENT[path]?.[index] ?? null);
    }

    // Reading the same file again gives the same keys: a re-import adds nothing.
    const again = await parseStatementFile(input, { fileName: name });
    expect(again.statements.map((s) => s.items.map((i) => i.key))).toEqual(file.statements.map((s) => s.items.map((i) => i.key)));
  });

  it('reports the MT942 control totals that do not match its entries', async () => {
    const file = await parseStatementFile(readFileSync(join(fixtures, 'mt942/wolph_mt942.sta')));
    expect(file.statements[0]!.warnings.map((w) => w.code)).toContain('CONTROL_TOTAL_MISMATCH');
  });

  it('checks the ING /SUM/ control totals and finds them right', async () => {
    const file = await parseStatementFile(readFileSync(join(fixtures, 'mt940/oca_ing-nl.940')));
    const [statement] = file.statements;
    expect(statement!.summary).toEqual({ debits: { count: 4, sum: '134.46' }, credits: { count: 4, sum: '36.58' } });
    expect(statement!.warnings).toEqual([]);
    expect(statement!.items[2]).toMatchObject({ returnReason: 'MS03', endToEndId: '20120123456789' });
  });

  it('reads the Mollie settlement with its tr_ payment ids as end-to-end ids', async () => {
    const file = await parseStatementFile(readFileSync(join(fixtures, 'mt940/oca_mollie-psp.mt940')));
    const items = file.statements[0]!.items;
    expect(items).toHaveLength(21);
    expect(items.filter((i) => i.endToEndId === 'tr_XXXXXXXXX')).toHaveLength(19);
    expect(items.at(-1)!.counterparty!.name).toBe('Mollie B.V.');
  });
});
