import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const fixture = (path: string) => fileURLToPath(new URL(`../../formats/camt/__fixtures__/${path}`, import.meta.url));

async function cash(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('cash statement parse', () => {
  it('prints the normalised model as JSON', async () => {
    const result = await cash('statement', 'parse', fixture('own/prefixed-namespace_camt053.v13.xml'));
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.format).toBe('camt.053.001.13');
    expect(parsed.statements[0]).toMatchObject({
      account: { iban: 'DE89370400440532013000', other: null, currency: 'EUR' },
      openingBalance: { amount: '-12.30', date: '2026-11-02' },
      closingBalance: { amount: '100.00', date: '2026-11-02' },
      warnings: [],
    });
    expect(parsed.statements[0].items[0]).toMatchObject({
      amount: '112.30',
      creditDebit: 'CRDT',
      status: 'BOOK',
      endToEndId: 'INV-2026-0042',
      bankTransactionCode: 'PMNT/RCDT/ESCT',
      counterparty: { name: 'Müller & Söhne GmbH', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPPXXX' },
    });
  });

  it('refuses a hostile file with a message on stderr and a non-zero exit code', async () => {
    const result = await cash('statement', 'parse', fixture('own/billion-laughs.xml'));
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error XML_DTD_FORBIDDEN: billion-laughs\.xml: line 13/);
  });

  it('refuses a file larger than --max-bytes without reading it', async () => {
    const result = await cash('statement', 'parse', '--max-bytes', '100', fixture('camt053/iso20022js_ing-nl_camt053.v2.xml'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/STATEMENT_TOO_LARGE/);
  });
});
