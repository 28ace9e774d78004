import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '../../../../..');
const dir = mkdtempSync(join(tmpdir(), 'cash-statement-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cash(...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, CASH_DATA_DIR: join(dir, 'data') };
  delete env.DATABASE_URL;
  delete env.CASH_MAX_STATEMENT_BYTES;
  return spawnSync(process.execPath, ['--import', 'tsx', 'service/src/cli/main.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

describe('cash statement import', () => {
  it('documents the account and the size limit in --help', () => {
    const help = cash('statement', 'import', '--help');
    expect(help.stdout).toContain('--account <iban>');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      '--max-bytes <size> refuse larger files: bytes, or with K, M, G (binary); default env CASH_MAX_STATEMENT_BYTES, else 256M',
    );
  }, 120_000);

  it('refuses a file that names no account unless one is given, then stores it under that account', () => {
    const tenant = /tenant (\S+)/.exec(cash('tenant', 'create', 'Konto GmbH').stdout)![1]!;
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'Booking Date,Amount,Currency,Description\n2026-12-01,-10.00,EUR,Fee\n2026-12-02,25.00,EUR,Refund\n');

    const refused = cash('statement', 'import', file, '--tenant', tenant);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/^database: .*\nerror STATEMENT_ACCOUNT_REQUIRED: export\.csv does not say which account/);

    const stored = cash('statement', 'import', file, '--tenant', tenant, '--account', 'GB33 BUKB 2020 1555 5555 55');
    expect(stored.status).toBe(0);
    expect(stored.stdout).toContain('export.csv (csv:generic): 2 new item(s), 0 already imported');
    expect(stored.stdout).toMatch(/account GB33BUKB20201555555555: 2 new, 0 duplicate/);

    const tooLarge = cash('statement', 'import', file, '--tenant', tenant, '--max-bytes', '10');
    expect(tooLarge.stderr).toMatch(/^database: .*\nerror STATEMENT_TOO_LARGE: .*export\.csv: \d+ bytes, more than the limit of 10 bytes/);
  }, 240_000);
});
