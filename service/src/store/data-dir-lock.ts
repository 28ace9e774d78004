import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { conflict } from '../domain/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database belongs to one process at a time: a second opener (say `cash tenant create`
 * while `npm start` runs) would write into a copy whose changes get lost. A lock file beside the
 * folder holds the owner's pid; one left by a process that died is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const path = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(path, { force: true });
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && alive(owner)) {
        throw conflict(
          'DATABASE_IN_USE',
          `the embedded database in ${dir} is in use by process ${owner} (is \`npm start\` running?); ` +
            'stop that process first, or set DATABASE_URL so that several processes share a PostgreSQL database',
          { dir, pid: owner },
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw conflict('DATABASE_IN_USE', `could not lock the embedded database in ${dir}`, { dir });
}
