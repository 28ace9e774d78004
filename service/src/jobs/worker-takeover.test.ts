import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { openDb } from '../store/open-db.js';
import { openPostgres } from '../store/pg-db.js';
import { TenantStore } from '../store/tenants.js';
import { JobQueue } from './queue.js';
import { Worker } from './worker.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const url = process.env.DATABASE_URL;
// the dead worker and the live one share a database: a schema of the PostgreSQL server, or an embedded one on disk
const schema = url ? `test_${randomBytes(6).toString('hex')}` : undefined;
const dataDir = url ? undefined : mkdtempSync(join(tmpdir(), 'cash-takeover-'));
const open = async (): Promise<Db> => (url ? openPostgres({ url, schema, max: 3 }) : openDb({ dataDir }));

afterAll(async () => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (schema) {
    const db = await openPostgres({ url: url!, max: 1 });
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  }
});

/** Starts a worker process and resolves when it runs a job, with the job's id and a way to kill it. */
function holdingWorker(): Promise<{ jobId: string; kill: () => Promise<void> }> {
  const env = { ...process.env, CASH_JOB_STALE_SECONDS: '2', ...(schema ? { TEST_PG_SCHEMA: schema } : { CASH_DATA_DIR: dataDir }) };
  const child = spawn(process.execPath, ['--import', 'tsx', 'service/src/jobs/test-support/holding-worker.ts'], { cwd: root, env });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolveStarted, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const started = /running (\S+)\n/.exec(out);
      if (started) resolveStarted({ jobId: started[1]!, kill: () => (child.kill('SIGKILL'), exited) });
    });
    void exited.then(() => reject(new Error(`the worker process ended before running the job: ${err}`)));
  });
}

describe('a worker that dies while running a job', () => {
  it('leaves the job to another worker once its heartbeat is older than the stale time', async () => {
    let db = await open();
    await migrate(db);
    const tenantId = (await new TenantStore(db).createTenant('Takeover')).id;
    const queued = await new JobQueue(db).enqueue(tenantId, 'test.hold', {}, 'test');
    // the embedded database is one process's at a time: the dying worker has it until it dies
    if (!url) await db.close();

    const dying = await holdingWorker();
    expect(dying.jobId).toBe(queued.id);
    await dying.kill();

    if (!url) db = await open();
    const queue = new JobQueue(db);
    const abandoned = await queue.get(tenantId, queued.id);
    expect(abandoned).toMatchObject({ status: 'running', attempts: 1, progress: { done: 1 } });

    const steps: string[] = [];
    const survivor = new Worker(
      queue,
      {
        'test.hold': async ({ progress }) => {
          steps.push('ran again');
          await progress(2, 2, 'finished by the second worker');
          return { finishedBy: 'survivor' };
        },
      },
      { staleAfterMs: 2000 },
    );
    expect(survivor.id).not.toBe(abandoned.worker);
    for (let polls = 0; polls < 150 && steps.length === 0; polls++) {
      if ((await survivor.drain()) === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(steps).toEqual(['ran again']);
    expect(await queue.get(tenantId, queued.id)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      worker: survivor.id,
      result: { finishedBy: 'survivor' },
      progress: { done: 2, total: 2 },
    });
    await db.close();
  }, 120_000);
});
