import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DbConfig } from '../store/open-db.js';

/**
 * The demo API key in plain text lives only in this file, beside the embedded database folder (as
 * its lock file does), so scripts keep working across restarts; the database holds its hash.
 */
export function demoKeyFile(config: DbConfig): string {
  return `${resolve(config.dataDir ?? '.data/pglite')}.demo-key`;
}

export function readDemoKey(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}

/** Owner-only (0600), also when the file was there before with looser permissions. */
export function writeDemoKey(file: string, key: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
