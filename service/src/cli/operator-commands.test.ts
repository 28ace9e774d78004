import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** What an operator does on a fresh clone, through the real CLI on an embedded database of its own. */
const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const folder = mkdtempSync(join(tmpdir(), 'cash-ops-'));
const dataDir = join(folder, 'pglite');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, CASH_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete e.DATABASE_URL;
  return e;
};
const args = (...rest: string[]) => ['--import', 'tsx', 'service/src/cli/main.ts', ...rest];

/** Runs `cash …` without blocking the test worker; resolves with exit status and output. */
function cash(...rest: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, args(...rest), { cwd: root, env: env(), encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
      done({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));
let tenant = '';
let demoKey = '';

describe('cash for an operator', () => {
  it('documents the environment and the limits in --help, and lists the operator commands', async () => {
    const help = await cash('--help');
    expect(help.status).toBe(0);
    for (const name of ['DATABASE_URL', 'CASH_DATA_DIR', 'PORT, HOST', 'LOG_LEVEL']) expect(help.stdout).toContain(name);
    expect(help.stdout).toMatch(/revoked key may still be accepted for up to 5 s/);
    expect(help.stdout).toMatch(/"platform" scope/);
    expect(help.stdout).toMatch(/taken over by another worker/);
    expect(help.stdout).toContain('999999999.99');
    for (const command of ['tenant', 'apikey', 'entries', 'payments', 'business-entity', 'mandate']) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
    expect(help.stderr).toBe('');
  }, 60_000);

  it('keeps one demo key for the data folder and names the database on stderr', async () => {
    const first = await cash('demo');
    expect(first.status).toBe(0);
    expect(first.stderr).toContain(`database: embedded PGlite in ${dataDir}\n`);
    tenant = /demo tenant (\S+)/.exec(first.stdout)![1]!;
    demoKey = /demo API key \(admin\): (cm_\S+)/.exec(first.stdout)![1]!;
    const again = await cash('demo');
    expect(again.stdout).toContain(`found demo tenant ${tenant}\ndemo API key (admin): ${demoKey}\n`);
  }, 180_000);

  it('lists tenants and API keys (never a secret), and revokes a key', async () => {
    const tenants = await cash('tenant', 'list', '--json');
    expect(lines(tenants.stdout)).toEqual([expect.objectContaining({ id: tenant, name: 'Demo GmbH' })]);

    const keys = await cash('apikey', 'list', '--tenant', tenant);
    expect(keys.stdout).toMatch(/^ID\s+NAME\s+PREFIX\s+SCOPES\s+CREATED\s+REVOKED$/m);
    expect(keys.stdout).toContain(`${demoKey.slice(0, 16)}  admin`);
    expect(keys.stdout).not.toContain(demoKey.slice(16));
    const [key] = lines((await cash('apikey', 'list', '--tenant', tenant, '--json')).stdout);

    const revoked = await cash('apikey', 'revoke', key.id, '--tenant', tenant);
    expect(revoked.stdout).toBe(`revoked API key ${key.id} (demo); running servers refuse it within 5 s\n`);
    expect(lines((await cash('apikey', 'list', '--tenant', tenant, '--json')).stdout)[0].revokedAt).toEqual(expect.any(String));
    const unknown = await cash('apikey', 'revoke', '00000000-0000-4000-8000-000000000000', '--tenant', tenant);
    expect(unknown).toMatchObject({ status: 2, stderr: expect.stringContaining('error NOT_FOUND') });
  }, 180_000);

  it('starts the server saying what it does, with a new demo key once the old one was revoked, and the same after a restart', async () => {
    const start = () =>
      new Promise<{ out: string; err: string }>((done, fail) => {
        const server = spawn(process.execPath, args('serve', '--demo', '--port', '0'), { cwd: root, env: env() });
        let out = '';
        let err = '';
        let ready = false;
        server.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (!ready && /demo API key/.test(out) && /listening on/.test(out)) {
            ready = true;
            server.kill('SIGTERM');
          }
        });
        // the next start needs the embedded database, so wait until this server has let go of it
        server.once('exit', (code) => (ready ? done({ out, err }) : fail(new Error(`server exited with ${code}: ${out}${err}`))));
      });
    const first = await start();
    expect(first.err).toMatch(/database: embedded PGlite in .*\nopening the database…\nmigrating the database schema…\ndatabase schema is up to date…\n/);
    expect(first.err).toMatch(/starting to listen on 127\.0\.0\.1:0…/);
    const key = /demo API key \(admin\): (cm_\S+)/.exec(first.out)![1]!;
    expect(key).not.toBe(demoKey);
    expect(first.out).toContain(`(kept in ${dataDir}.demo-key)`);
    const second = await start();
    expect(second.out).toContain(`demo API key (admin): ${key}`);
  }, 240_000);

  it('lists and shows entries and payments', async () => {
    const open = await cash('entries', 'list', '--tenant', tenant, '--status', 'Open', '--json');
    expect(lines(open.stdout).map((e) => e.number)).toContain('RE-2026-0004');
    expect(lines(open.stdout).every((e) => e.status === 'Open')).toBe(true);

    const page = await cash('entries', 'list', '--tenant', tenant, '--limit', '2');
    expect(page.stdout).toMatch(/^NUMBER\s+TYPE\s+STATUS\s+AMOUNT\s+OUTSTANDING\s+DUE\s+ACCOUNT\s+ID\nRE-2026-0001\s+Debit\s+Balanced\s+119\.00 EUR\s+0\.00\s+2026-12-02\s+C-10001\s+\S+\nRE-2026-0002 /);
    expect(page.stderr).toMatch(/more: --cursor \S+/);

    const shown = JSON.parse((await cash('entries', 'show', 'RE-2026-0001', '--tenant', tenant)).stdout);
    expect(shown).toMatchObject({ number: 'RE-2026-0001', status: 'Balanced', items: [expect.objectContaining({ amount: '-119.00' })] });

    const debits = lines((await cash('payments', 'list', '--tenant', tenant, '--type', 'Direct Debit', '--json')).stdout);
    expect(debits).toEqual([expect.objectContaining({ endToEndId: 'DEMO-DD-0001', status: 'Pending', amount: '1249.95' })]);
    const payment = JSON.parse((await cash('payments', 'show', debits[0].id, '--tenant', tenant)).stdout);
    expect(payment).toMatchObject({ id: debits[0].id, items: [expect.objectContaining({ expectedAmount: expect.any(String) })] });

    const missing = await cash('entries', 'show', 'NOPE-1', '--tenant', tenant);
    expect(missing).toMatchObject({ status: 2, stderr: expect.stringContaining('error NOT_FOUND: entry NOPE-1') });
  }, 240_000);

  it('creates and lists business entities and mandates, refusing bad details with a code', async () => {
    const created = await cash('business-entity', 'create', '--tenant', tenant, '--code', 'NORD', '--name', 'Nord GmbH',
      '--creditor-id', 'DE98ZZZ09999999999', '--iban', 'DE89 3704 0044 0532 0130 00', '--country', 'DE', '--town', 'Kiel');
    expect(created.stdout).toMatch(/^business entity NORD \(\S+\): Nord GmbH, creditor id DE98ZZZ09999999999, account DE89370400440532013000\n$/);
    const entities = await cash('business-entity', 'list', '--tenant', tenant);
    expect(entities.stdout).toMatch(/^DEMO\s+Demo GmbH\s+DE98ZZZ09999999999/m);
    expect(entities.stdout).toMatch(/^NORD\s+Nord GmbH/m);

    const mandate = await cash('mandate', 'create', '--tenant', tenant, '--business-entity', 'NORD', '--account', 'C-10006',
      '--holder', 'Nordlicht Software GmbH', '--iban', 'DE75512108001245126199', '--signed', '2026-11-20');
    expect(mandate.stdout).toMatch(/^mandate NORD-2026-000001 \(\S+\): CORE for account C-10006, Nordlicht Software GmbH, DE75512108001245126199\n$/);
    const mandates = lines((await cash('mandate', 'list', '--tenant', tenant, '--account', 'C-10006', '--json')).stdout);
    expect(mandates).toEqual([expect.objectContaining({ accountId: 'C-10006', mandate: expect.objectContaining({ reference: 'NORD-2026-000001', scheme: 'CORE' }) })]);

    expect(await cash('business-entity', 'create', '--tenant', tenant, '--code', 'BAD', '--name', 'x', '--iban', 'DE00123'))
      .toMatchObject({ status: 2, stderr: expect.stringContaining('error IBAN_INVALID') });
    expect(await cash('business-entity', 'create', '--tenant', tenant, '--code', 'bad code', '--name', 'x', '--iban', 'DE89370400440532013000'))
      .toMatchObject({ status: 2, stderr: expect.stringContaining('error CODE_INVALID') });
    expect(await cash('mandate', 'create', '--tenant', tenant, '--business-entity', 'NOPE', '--account', 'C-1', '--holder', 'x',
      '--iban', 'DE75512108001245126199', '--signed', '2026-02-30'))
      .toMatchObject({ status: 2, stderr: expect.stringContaining('error DATE_INVALID') });
    expect(await cash('mandate', 'list', '--tenant', 'nope'))
      .toMatchObject({ status: 2, stderr: expect.stringContaining('error TENANT_UNKNOWN') });
  }, 240_000);
});
