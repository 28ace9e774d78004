import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CashError, invalid } from '../domain/errors.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Where the embedded database keeps its generated key, inside its own data folder. */
export const KEY_FILE = 'cash-secret.key';

/** Reads CASH_SECRET_KEY: 32 bytes as 64 hex digits or base64. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw invalid('SECRET_KEY_INVALID', 'CASH_SECRET_KEY must be 32 bytes: 64 hex digits or base64 (e.g. `openssl rand -hex 32`)');
  return key;
}

/**
 * The key that encrypts org credentials: CASH_SECRET_KEY, or for the embedded database a key the
 * service creates once in its data folder, readable by its owner only. With PostgreSQL and no
 * CASH_SECRET_KEY it refuses: a key beside a shared database would protect nothing.
 */
export function loadSecretKey(env: NodeJS.ProcessEnv, embeddedDataDir: string | null): Buffer {
  if (env.CASH_SECRET_KEY) return parseSecretKey(env.CASH_SECRET_KEY);
  if (!embeddedDataDir) {
    throw invalid('SECRET_KEY_MISSING', 'set CASH_SECRET_KEY (32 bytes, e.g. `openssl rand -hex 32`) to store org credentials');
  }
  const dir = resolve(embeddedDataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, KEY_FILE);
  try {
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // an existing file may have been copied with looser permissions
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return parseSecretKey(readFileSync(file, 'utf8'));
}

/**
 * AES-256-GCM with a random 96-bit IV. `context` (the tenant id) is authenticated too, so a
 * ciphertext moved to another tenant's row does not decrypt.
 */
export function encryptSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function decryptSecret(key: Buffer, sealed: string, context: string): string {
  const unreadable = () =>
    new CashError('SECRET_UNREADABLE', 'conflict', 'the stored org secret cannot be decrypted with this CASH_SECRET_KEY; connect the org again');
  const [version, data] = sealed.split(':');
  if (version !== VERSION || !data) throw unreadable();
  const raw = Buffer.from(data, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw unreadable();
  }
}
