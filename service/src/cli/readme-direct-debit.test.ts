import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The README's "Direct-debit run from the command line", run as written in an empty folder: only
 * the line defining `cash` is pointed at this work tree's sources instead of the built CLI. Ids and
 * message ids are new on every run, so they are compared as the README shows them (<id>, CM-<…>),
 * and runs of spaces (table columns) as two. The entries are due 2028-06-15: once that date has
 * passed, the run collects on another date and this fails until the README's dates move on.
 */
const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const folder = mkdtempSync(join(tmpdir(), 'cash-readme-dd-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const normalised = (text: string) =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/CM-\d{14}-[0-9A-F]{6}/g, 'CM-<…>')
    .replace(/ {2,}/g, '  ');

describe('README direct-debit run from the command line', () => {
  // asynchronous, so the test worker stays responsive during the minute this takes
  it('prints what the README says it prints and writes the pain.008 file', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- direct-debit:start -->'), readme.indexOf('<!-- direct-debit:end -->'));
    const [, script, expected] = /```bash\n([\s\S]*?)```[\s\S]*?```\n([\s\S]*?)```/.exec(section)!;
    const loader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const cli = join(root, 'service/src/cli/main.ts');
    const runnable = script!.replace(/^cash\(\) \{.*$/m, `cash() { node --import ${loader} ${cli} "$@"; }`);
    expect(runnable).toContain(cli);

    const env: Record<string, string | undefined> = { ...process.env };
    delete env.DATABASE_URL;
    delete env.CASH_DATA_DIR;
    const result = await promisify(execFile)('bash', ['-e', '-c', runnable], { cwd: folder, env, encoding: 'utf8', timeout: 300_000 });
    expect(normalised(result.stdout)).toBe(normalised(expected!));
    expect(result.stderr).toContain(`database: embedded PGlite in ${join(folder, '.data/acme')}`);
    expect(existsSync(join(folder, 'acme-dd.xml'))).toBe(true);
    expect(readFileSync(join(folder, 'acme-dd.xml'), 'utf8')).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.08');
  }, 360_000);
});
