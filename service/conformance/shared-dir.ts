import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared fixtures folder: SHARED_DIR, or ../shared beside the repository. */
export function sharedDir(): string {
  const dir = process.env.SHARED_DIR ?? resolve(fileURLToPath(import.meta.url), '../../../../shared');
  if (!existsSync(dir)) {
    throw new Error(`shared fixtures not found at ${dir}; set SHARED_DIR`);
  }
  return dir;
}
