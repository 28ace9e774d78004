import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, KEY_FILE, loadSecretKey, parseSecretKey } from './secret-crypto.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cash-secret-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const key = randomBytes(32);
const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';

describe('secret encryption (AES-256-GCM)', () => {
  it('round-trips, never shows the plaintext and never repeats a ciphertext', () => {
    const a = encryptSecret(key, pem, 'tenant-1');
    const b = encryptSecret(key, pem, 'tenant-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('PRIVATE KEY');
    expect(Buffer.from(a.slice(3), 'base64').toString('latin1')).not.toContain('MIIEvQ');
    expect(decryptSecret(key, a, 'tenant-1')).toBe(pem);
  });

  it('refuses another key, another tenant and any change to the ciphertext', () => {
    const sealed = encryptSecret(key, pem, 'tenant-1');
    const refused = { code: 'SECRET_UNREADABLE' };
    expect(() => decryptSecret(randomBytes(32), sealed, 'tenant-1')).toThrow(expect.objectContaining(refused));
    expect(() => decryptSecret(key, sealed, 'tenant-2')).toThrow(expect.objectContaining(refused));
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => decryptSecret(key, `v1:${raw.toString('base64')}`, 'tenant-1')).toThrow(expect.objectContaining(refused));
  });
});

describe('the secret key', () => {
  it('reads CASH_SECRET_KEY as hex or base64 and refuses anything but 32 bytes', () => {
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(() => parseSecretKey('short')).toThrow(expect.objectContaining({ code: 'SECRET_KEY_INVALID' }));
    expect(loadSecretKey({ CASH_SECRET_KEY: key.toString('hex') }, tempDir())).toEqual(key);
  });

  it('creates one owner-only key file for the embedded database and reuses it', () => {
    const dir = tempDir();
    const first = loadSecretKey({}, dir);
    const file = join(dir, KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({}, dir)).toEqual(first);
    chmodSync(file, 0o644);
    expect(loadSecretKey({}, dir)).toEqual(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to make up a key for PostgreSQL', () => {
    expect(() => loadSecretKey({}, null)).toThrow(expect.objectContaining({ code: 'SECRET_KEY_MISSING' }));
  });
});
