/**
 * Vitest global setup: the test CA, trusted by every test process through NODE_EXTRA_CA_CERTS.
 * Its folder outlives the run (processes that start while vitest shuts down still read the CA
 * file); folders of runs older than a day are removed here instead.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestTls, TLS_DIR_VARIABLE } from './test-tls.js';

const PREFIX = 'cash-test-tls-';
const DAY = 24 * 60 * 60 * 1000;

export default function setup(): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    const old = join(tmpdir(), name);
    if (Date.now() - statSync(old).mtimeMs > DAY) rmSync(old, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  createTestTls(dir);
  process.env[TLS_DIR_VARIABLE] = dir;
  process.env.NODE_EXTRA_CA_CERTS = join(dir, 'ca.crt');
}
