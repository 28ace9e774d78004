import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'cash-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cash(...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, CASH_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'service/src/cli/main.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

describe('cash CLI', () => {
  it('documents every command in --help', () => {
    const help = cash('--help');
    expect(help.status).toBe(0);
    for (const command of ['serve', 'worker', 'migrate', 'tenant', 'apikey', 'entries', 'demo', 'openapi']) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('creates a tenant and imports entries, with progress and a summary of what was refused and why', () => {
    const created = cash('tenant', 'create', 'Import GmbH');
    expect(created.status).toBe(0);
    const tenant = /tenant (\S+)/.exec(created.stdout)![1]!;
    expect(created.stdout).toMatch(/admin API key: cm_/);

    const imported = cash('entries', 'import', 'service/src/formats/entries/__fixtures__/entries.csv', '--tenant', tenant);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toMatch(/importing entries\.csv: 7\/7 \(100%\)/);
    expect(imported.stdout).toContain('imported 3 of 7 entries; refused 4');
    expect(imported.stdout).toContain('line 5: AMOUNT_TOO_PRECISE');
    expect(imported.stdout).toContain('line 6: CURRENCY_UNKNOWN');
    expect(imported.stdout).toContain('line 7: VALIDATION_FAILED type: "Receivable" is not allowed here');
    expect(imported.stdout).toContain('line 8: ENTRY_NUMBER_EXISTS');

    // A spreadsheet's "Unicode text" export is UTF-16; read as UTF-8 its header was a garbled column list.
    const wide = cash('entries', 'import', 'service/src/formats/entries/__fixtures__/entries-utf16le-bom.csv', '--tenant', tenant);
    expect(wide.stdout).toContain('imported 2 of 2 entries; refused 0');
    const forced = cash('entries', 'import', 'service/src/formats/entries/__fixtures__/entries-latin1.csv', '--tenant', tenant, '--encoding', 'nope');
    expect(forced.stderr).toMatch(/^database: .*\nerror STATEMENT_ENCODING_UNKNOWN: .*unknown encoding "nope"/);
  }, 240_000);

  it('refuses an unknown tenant with a clear message and no stack trace', () => {
    const result = cash('entries', 'import', 'service/src/formats/entries/__fixtures__/entries.csv', '--tenant', 'nope');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`database: embedded PGlite in ${dataDir}\nerror NOT_FOUND: tenant nope does not exist\n`);
  }, 120_000);
});
