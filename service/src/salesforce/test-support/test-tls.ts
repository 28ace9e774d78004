import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestTls, testServerTls } from '../../test-support/test-tls.js';

export interface TestTls {
  /** PEM of the self-signed certificate authority the client must trust. */
  ca: string;
  /** The server's certificate (for localhost and 127.0.0.1, signed by `ca`) and key. */
  cert: string;
  key: string;
}

/** A throw-away CA that nothing trusts, and a server certificate signed by it (for refusal tests). */
export function makeTestTls(): TestTls {
  const dir = mkdtempSync(join(tmpdir(), 'cash-untrusted-tls-'));
  try {
    createTestTls(dir);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    return { ca: read('ca.crt'), cert: read('server.crt'), key: read('server.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The certificate of this test run's CA (vitest's global setup), which every test process already
 * trusts through NODE_EXTRA_CA_CERTS, as a deployed service trusts a private CA.
 */
export function trustedTestTls(): TestTls {
  const { ca, cert, key } = testServerTls();
  return { ca: ca.toString('utf8'), cert: cert.toString('utf8'), key: key.toString('utf8') };
}

/** An RSA key and its self-signed certificate, as an admin makes them for an External Client App. */
export function makeClientCertificate(): { privateKey: string; certificate: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cash-test-client-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'client.key', '-out', 'client.pem', '-days', '2', '-subj', '/CN=cash-service'], { cwd: dir, stdio: 'pipe' });
    return { privateKey: readFileSync(join(dir, 'client.key'), 'utf8'), certificate: readFileSync(join(dir, 'client.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
