import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CashError } from '../../domain/errors.js';
import { debit, directDebitRun, transfer, creditTransferRun } from '../../formats/sepa/test-support/runs.js';
import { xsdErrors } from '../../formats/sepa/test-support/xsd.js';
import { addBusinessDays, parseIsoDate, toIsoDate } from '../../formats/sepa/target2-calendar.js';
import { buildProgram } from '../program.js';
import { todayInFrankfurt } from './sepa-file-run.js';

/** A valid collection date whenever the test runs: three TARGET2 business days from today. */
const DATE = toIsoDate(addBusinessDays(parseIsoDate(todayInFrankfurt())!, 3));

let dir: string;
let stdout: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cash-sepa-'));
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

async function cash(...args: string[]): Promise<CashError | undefined> {
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'cash', ...args]);
    return undefined;
  } catch (error) {
    if (error instanceof CashError) return error;
    throw error;
  }
}

function runFile(run: object): string {
  const path = join(dir, 'RUN.json');
  writeFileSync(path, JSON.stringify(run));
  return path;
}

const broken = debit({ endToEndId: 'BAD', counterparty: { name: 'X', iban: 'DE03120300000000202051' } });

describe('cash sepa direct-debit / credit-transfer (file mode)', () => {
  it('writes a schema-valid pain.008.001.08 by default and pain.008.001.02 on request', async () => {
    const input = runFile(directDebitRun([debit()], { requestedDate: DATE }));
    const out = join(dir, 'dd.xml');
    expect(await cash('sepa', 'direct-debit', '--input', input, '--out', out)).toBeUndefined();
    expect(await xsdErrors(readFileSync(out, 'utf8'), 'pain.008.001.08')).toEqual([]);
    expect(stdout).toContain('1 transaction(s), 12.30 EUR');
    expect(await cash('sepa', 'direct-debit', '--input', input, '--out', out, '--format', 'pain.008.001.02')).toBeUndefined();
    expect(await xsdErrors(readFileSync(out, 'utf8'), 'pain.008.001.02')).toEqual([]);
  });

  it('writes pain.001.001.09 and pain.001.001.03 credit transfers', async () => {
    const input = runFile(creditTransferRun([transfer()], { requestedDate: DATE }));
    for (const format of ['pain.001.001.09', 'pain.001.001.03'] as const) {
      const out = join(dir, `${format}.xml`);
      expect(await cash('sepa', 'credit-transfer', '--input', input, '--out', out, '--format', format)).toBeUndefined();
      expect(await xsdErrors(readFileSync(out, 'utf8'), format)).toEqual([]);
    }
  });

  it('refuses the whole file when one transaction is invalid, lists the problem and writes nothing', async () => {
    const input = runFile(directDebitRun([debit(), broken], { requestedDate: DATE }));
    const out = join(dir, 'dd.xml');
    const error = await cash('sepa', 'direct-debit', '--input', input, '--out', out);
    expect(error?.code).toBe('SEPA_RUN_REFUSED');
    expect(error?.message).toContain('transaction 2 (BAD): IBAN_INVALID');
    expect(readdirSync(dir)).toEqual(['RUN.json']);
  });

  it('with --skip-invalid writes the valid rest and reports the excluded ones in the JSON summary', async () => {
    const input = runFile(directDebitRun([debit(), broken], { requestedDate: DATE }));
    const out = join(dir, 'dd.xml');
    expect(await cash('sepa', 'direct-debit', '--input', input, '--out', out, '--skip-invalid', '--json')).toBeUndefined();
    const summary = JSON.parse(stdout) as { transactions: { endToEndId: string }[]; excluded: { index: number }[] };
    expect(summary.transactions.map((t) => t.endToEndId)).toEqual(['INV-2026-0001']);
    expect(summary.excluded.map((e) => e.index)).toEqual([1]);
    expect(existsSync(out)).toBe(true);
  });

  it('explains a RUN.json that does not match the schema', async () => {
    const input = runFile({ initiatingParty: {}, transactions: 'none' });
    const error = await cash('sepa', 'direct-debit', '--input', input, '--out', join(dir, 'x.xml'));
    expect(error?.code).toBe('RUN_JSON_INVALID');
    expect(error?.message).toContain('/initiatingParty/name');
    expect(error?.message).toContain('/account');
  });
});
