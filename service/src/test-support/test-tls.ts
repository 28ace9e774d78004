/**
 * A certificate authority for tests, made with `openssl` once per test run (vitest's global setup),
 * and a server certificate for `localhost`/`127.0.0.1` signed by it. The CA reaches every test
 * process through `NODE_EXTRA_CA_CERTS`, exactly as an operator trusts a private CA in production,
 * so clients under test keep full certificate verification.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TLS_DIR_VARIABLE = 'CASH_TEST_TLS_DIR';

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: 'pipe' });

/** Creates `ca.crt`, and `server.key`/`server.crt` for localhost, in `dir`. */
export function createTestTls(dir: string): void {
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3', '-subj', '/CN=Cash Management test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '3', '-extfile', 'server.ext'], dir);
}

/** The server key and certificate of this test run. */
export function testServerTls(): { key: Buffer; cert: Buffer; ca: Buffer } {
  const dir = process.env[TLS_DIR_VARIABLE];
  if (!dir || !existsSync(join(dir, 'server.crt'))) {
    throw new Error(`${TLS_DIR_VARIABLE} is not set: run the tests through service/vitest.config.ts, whose global setup creates the test CA`);
  }
  return { key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.crt')), ca: readFileSync(join(dir, 'ca.crt')) };
}
