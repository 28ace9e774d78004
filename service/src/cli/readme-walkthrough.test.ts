import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's curl walk-through, run as written against `cash serve --demo` on a fresh embedded
 * database: if the README drifts from the API, this fails.
 */
const root = resolve(fileURLToPath(import.meta.url), '../../../..');
let server: ChildProcess;
let dataDir: string;
let url = '';
let key = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cash-readme-'));
  const env: Record<string, string | undefined> = { ...process.env, CASH_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ['--import', 'tsx', 'service/src/cli/main.ts', 'serve', '--demo', '--port', '0'], { cwd: root, env });
  let out = '';
  await new Promise<void>((done, fail) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(out);
      const demo = /demo API key \(admin\): (cm_\S+)/.exec(out);
      if (listening && demo) {
        url = listening[1]!;
        key = demo[1]!;
        done();
      }
    });
    server.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    server.on('exit', (code) => fail(new Error(`server exited with ${code}: ${out}`)));
  });
}, 120_000);

afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('README walk-through', () => {
  it('prints what the README says it prints', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- walkthrough:start -->'), readme.indexOf('<!-- walkthrough:end -->'));
    const [, script, expected] = /```bash\n([\s\S]*?)```[\s\S]*?```\n([\s\S]*?)```/.exec(section)!;
    const runnable = script!.replace(/^export CASH=\S+ KEY=\S+/m, `export CASH=${url} KEY=${key}`);
    expect(runnable).toContain(key);
    const result = spawnSync('bash', ['-e', '-c', runnable], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });
});
