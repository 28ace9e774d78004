import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../store/test-support/test-db.js';
import { servicesFor, type Services } from './services.js';
import { ensureDemo } from './demo.js';

let services: Services;
const folder = mkdtempSync(join(tmpdir(), 'cash-demo-key-'));
const keyFile = join(folder, 'pglite.demo-key');

beforeAll(async () => {
  services = servicesFor(await openTestDb());
});
afterAll(async () => {
  await services.close();
  rmSync(folder, { recursive: true, force: true });
});

const demo = () => ensureDemo(services.ledger, services.tenants, undefined, undefined, { keyFile });

describe('the demo API key', () => {
  it('stays the same across restarts, kept in an owner-only file and stored hashed in the database', async () => {
    const first = await demo();
    const second = await demo();
    expect(second.key).toBe(first.key);
    expect(second.seeded).toBe(false);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(first.key);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(await services.tenants.authenticate(first.key)).toMatchObject({ tenantId: first.tenantId, keyName: 'demo' });
    const rows = await services.db.query('SELECT * FROM api_keys WHERE tenant_id = $1', [first.tenantId]);
    expect(JSON.stringify(rows)).not.toContain(first.key.slice(16));
  });

  it('is replaced when its file is gone or holds a key the database no longer accepts', async () => {
    const kept = (await demo()).key;
    rmSync(keyFile);
    const replaced = (await demo()).key;
    expect(replaced).not.toBe(kept);
    await expect(services.tenants.authenticate(kept)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    writeFileSync(keyFile, 'cm_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n');
    const fresh = (await demo()).key;
    expect(fresh).not.toBe(replaced);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(fresh);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });
});
