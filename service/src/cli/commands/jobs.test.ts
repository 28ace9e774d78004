import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { camtStatement } from '../../banking/auto-match-demo.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'cash-jobs-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the CLI without blocking the test process (a long synchronous spawn starves the test runner). */
function cash(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, CASH_DATA_DIR: join(dataDir, 'db') };
  delete env.DATABASE_URL;
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'service/src/cli/main.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
      done({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

describe('cash jobs', () => {
  it('follows the matching job of a large import: the import says how it runs; show, cancel, retry, and a worker runs it', async () => {
    const tenant = /tenant (\S+)/.exec((await cash('tenant', 'create', 'Jobs GmbH')).stdout)![1]!;
    const file = join(dataDir, 'large.xml');
    const bookings = Array.from({ length: 501 }, (_, i) => ({ ref: `J-${i}`, amount: '2.00', creditDebit: 'CRDT' as const, party: { name: 'Viele', iban: null }, text: `Posten ${i}` }));
    writeFileSync(file, camtStatement(bookings, '2027-06-01'));

    const imported = await cash('statement', 'import', file, '--tenant', tenant);
    expect(imported.status).toBe(0);
    const jobId = /job (\S+) queued/.exec(imported.stdout)![1]!;
    expect(imported.stdout).toContain('it runs when `cash worker` (or `cash serve`, which runs jobs in-process) next opens this embedded database');
    expect(imported.stdout).toContain(`follow it with: cash jobs show ${jobId} --tenant ${tenant}`);

    const listed = await cash('jobs', 'list', '--tenant', tenant);
    expect(listed.stdout).toMatch(new RegExp(`^${jobId}  queued +matching\\.run`, 'm'));
    const shown = await cash('jobs', 'show', jobId, '--tenant', tenant);
    expect(shown.stdout).toContain(`job ${jobId} (matching.run): queued`);
    expect(shown.stdout).toContain('waiting for a worker');

    expect((await cash('jobs', 'cancel', jobId, '--tenant', tenant)).stdout).toContain(`job ${jobId} (matching.run): cancelled`);
    expect((await cash('jobs', 'retry', jobId, '--tenant', tenant)).stdout).toContain(`job ${jobId} (matching.run): queued`);

    expect((await cash('worker', '--once')).stdout).toContain('ran 1 job(s)');
    const done = JSON.parse((await cash('jobs', 'show', jobId, '--tenant', tenant, '--json')).stdout);
    expect(done).toMatchObject({ id: jobId, status: 'succeeded', attempts: 1, result: { items: 501, paymentsCreated: 501 } });
    expect((await cash('jobs', '--help')).stdout).toMatch(/once it is 45 s old, the next worker looking\s+for work takes the job over/);
  }, 300_000);
});
