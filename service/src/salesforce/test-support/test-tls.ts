import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';

export interface TestTls {
  /** PEM of the self-signed certificate authority the client must trust. */
  ca: string;
  /** The server's certificate (for localhost and 127.0.0.1, signed by `ca`) and key. */
  cert: string;
  key: string;
}

/** A throw-away CA and a server certificate signed by it, made with openssl at test time. */
export function makeTestTls(): TestTls {
  const dir = mkdtempSync(join(tmpdir(), 'cash-test-tls-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Cash Management test CA');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
    writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'san.ext');
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    return { ca: read('ca.pem'), cert: read('server.pem'), key: read('server.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes this test process trust `ca` in addition to the public roots, as NODE_EXTRA_CA_CERTS
 * does for a deployed service (which reads it only at start-up). jsforce's node-fetch uses the
 * global agent, so this reaches it; verification stays on.
 */
export function trustInThisProcess(ca: string): () => void {
  const options = https.globalAgent.options;
  const before = options.ca;
  options.ca = [...rootCertificates, ca];
  return () => {
    options.ca = before;
  };
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
