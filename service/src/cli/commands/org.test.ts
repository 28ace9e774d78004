import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../salesforce/secret-crypto.js';
import { CC_CLIENT_ID, INTEGRATION_USER, JWT_CLIENT_ID, openOrgFixture, type OrgFixture } from '../../salesforce/test-support/org-fixture.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../../..');
const work = mkdtempSync(join(tmpdir(), 'cash-org-cli-'));
const dataDir = join(work, 'data');
const caFile = join(work, 'ca.pem');
const keyFile = join(work, 'integration.key');
const wrongSecretFile = join(work, 'wrong.secret');
let f: OrgFixture;
let tenant: string;

beforeAll(async () => {
  f = await openOrgFixture();
  tenant = /tenant (\S+)/.exec((await cash(['tenant', 'create', 'Org GmbH'])).stdout)![1]!;
  writeFileSync(caFile, f.org.ca);
  writeFileSync(keyFile, f.jwt.secret, { mode: 0o600 });
  writeFileSync(wrongSecretFile, 'not-the-secret\n', { mode: 0o600 });
}, 120_000);
afterAll(async () => {
  await f.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs the CLI in its own process (asynchronously: the test org answers from this one). */
function cash(args: string[], trustCa = true): Promise<{ status: number; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, CASH_DATA_DIR: dataDir, NODE_EXTRA_CA_CERTS: trustCa ? caFile : undefined };
  delete env.DATABASE_URL;
  delete env.CASH_SECRET_KEY;
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'service/src/cli/main.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      // every database command names its database on stderr; the assertions are about the rest
      done({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr: stderr.replace(/^database: embedded PGlite in .*\n/m, '') });
    });
  });
}

describe('cash org', () => {
  it('connects with the JWT bearer flow, trusting the org through NODE_EXTRA_CA_CERTS, shows status and disconnects', async () => {
    const login = ['--tenant', tenant, '--login-url', f.org.loginUrl, '--client-id', JWT_CLIENT_ID, '--username', INTEGRATION_USER, '--private-key', keyFile];

    const untrusted = await cash(['org', 'connect', ...login], false);
    expect(untrusted.status).toBe(2);
    expect(untrusted.stderr).toMatch(/^error ORG_UNREACHABLE: the org cannot be reached: .*(unable to verify the first certificate|self-signed certificate in certificate chain)\n$/);

    const connected = await cash(['org', 'connect', ...login]);
    expect(connected.stderr).toBe('');
    expect(connected.stdout).toBe(`connected tenant ${tenant} to org ${f.org.orgId} as ${INTEGRATION_USER} (jwt-bearer) at ${f.org.instanceUrl}\n`);
    expect(statSync(join(dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);

    const status = await cash(['org', 'status', '--tenant', tenant]);
    expect(status.status).toBe(0);
    expect(status.stdout).toContain(`org:          ${f.org.orgId}\n`);
    expect(status.stdout).toContain(`user:         ${INTEGRATION_USER} (`);
    expect(status.stdout).toMatch(/API requests: \d+ of 15000 left today\n/);
    expect(status.stdout).toContain('subscription: not subscribed\n');
    expect(status.stdout + status.stderr).not.toContain('PRIVATE');

    expect((await cash(['org', 'disconnect', '--tenant', tenant])).stdout).toBe(`disconnected tenant ${tenant} from its org\n`);
    expect((await cash(['org', 'status', '--tenant', tenant])).stderr).toBe(`error ORG_NOT_CONNECTED: tenant ${tenant} has no org connection\n`);
  }, 240_000);

  it("refuses client credentials the org refuses, with the org's message", async () => {
    const refused = await cash(['org', 'connect', '--tenant', tenant, '--login-url', f.org.loginUrl, '--client-id', CC_CLIENT_ID, '--client-secret-file', wrongSecretFile]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('error ORG_AUTH_FAILED: the org refused the credentials: invalid_client: invalid client credentials\n');
  }, 240_000);
});
