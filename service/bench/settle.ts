/**
 * `npm run bench -- settle [--clients 50] [--seconds 15]`: settlements per second and latency of
 * the HTTP API (real sockets, auth, validation, row locks) against local PostgreSQL, next to a
 * baseline in the same run that does the same locks, updates and inserts through `pg` directly.
 * Both sides get the same pool size; the HTTP clients run in a worker thread.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { buildApp } from '../src/api/app.js';
import { servicesFor } from '../src/runtime/services.js';
import { migrate } from '../src/store/migrate.js';
import { openPostgres } from '../src/store/pg-db.js';

const ENTRIES = 400;
const PAYMENTS = 400;
const POOL = 20;

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

interface Result {
  name: string;
  done: number;
  failed: number;
  seconds: number;
  latencies: number[];
}

/** Rounds a timing or rate for the report (these are measurements, never money). */
const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function drive(name: string, clients: number, seconds: number, once: () => Promise<boolean>): Promise<Result> {
  const latencies: number[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        if (await once()) latencies.push(performance.now() - t);
        else failed++;
      }
    }),
  );
  return { name, done: latencies.length, failed, seconds: (performance.now() - start) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

/** Runs the HTTP clients in a worker thread (see settle-client.support.mjs). */
function httpLoad(data: { address: string; key: string; entries: string[]; payments: string[]; clients: number; seconds: number }): Promise<Result> {
  const worker = new Worker(new URL('./settle-client.support.mjs', import.meta.url), { workerData: data });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { latencies: number[]; failed: number; seconds: number }) =>
      resolve({ name: 'HTTP API (POST /v1/settlements)', done: m.latencies.length, failed: m.failed, seconds: m.seconds, latencies: m.latencies.sort((a, b) => a - b) }),
    );
    worker.once('error', reject);
  });
}

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;

export async function run(args: string[]): Promise<void> {
  const clients = option(args, 'clients', 50);
  const seconds = option(args, 'seconds', 15);
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const db = await openPostgres({ url, schema, max: POOL });
  await migrate(db);
  const services = servicesFor(db);
  const tenant = await services.tenants.createTenant('bench');
  const { key } = await services.tenants.createApiKey(tenant.id, 'bench', ['write']);
  const ctx = { tenantId: tenant.id, actor: 'bench', businessProcess: 'Bench' };
  const { newEntry } = await import('../src/domain/new-entry.js');
  const entries: string[] = [];
  const payments: string[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    entries.push(
      (await services.ledger.createEntry(ctx, newEntry({ number: `B-${i}`, type: 'Debit', currency: 'EUR', amount: '1000000.00', account: { name: 'bench' } }))).id,
    );
  }
  for (let i = 0; i < PAYMENTS; i++) {
    payments.push(
      (
        await services.ledger.createPayment(ctx, {
          type: 'Payment', status: 'Collected', currency: 'EUR', amount: 100_000_000n, party: { name: null, iban: null, bic: null },
          accountId: null, externalId: null, endToEndId: null, paymentDate: null, statusDetails: null,
        })
      ).id,
    );
  }

  const app = await buildApp({ ...services, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const api = await httpLoad({ address, key, entries, payments, clients, seconds });
  await app.close();

  const pool = new pg.Pool({ connectionString: url, max: POOL, options: `-c search_path=${schema}` });
  const direct = await drive('baseline: same SQL through pg', clients, seconds, async () => {
    const client = await pool.connect();
    const entryId = pick(entries);
    const paymentId = pick(payments);
    try {
      await client.query('BEGIN');
      await client.query('SELECT * FROM entries WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenant.id, entryId]);
      await client.query('SELECT * FROM payments WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenant.id, paymentId]);
      await client.query('UPDATE entries SET assigned_amount = assigned_amount - 1, updated_at = now() WHERE tenant_id = $1 AND id = $2', [tenant.id, entryId]);
      await client.query('UPDATE payments SET assigned_amount = assigned_amount + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2', [tenant.id, paymentId]);
      await client.query(
        `INSERT INTO entry_items (tenant_id, id, entry_id, payment_id, currency, amount, expected_amount, business_process, created_by, created_at)
         VALUES ($1, $2, $3, $4, 'EUR', -1, 0, 'Bench', 'bench', now())`,
        [tenant.id, randomUUID(), entryId, paymentId],
      );
      await client.query('COMMIT');
      return true;
    } catch {
      await client.query('ROLLBACK');
      return false;
    } finally {
      client.release();
    }
  });
  await pool.end();
  await db.query(`DROP SCHEMA ${schema} CASCADE`);
  await db.close();

  const rows = [api, direct].map((r) => ({
    name: r.name,
    perSecond: r.done / r.seconds,
    p50: percentile(r.latencies, 50),
    p99: percentile(r.latencies, 99),
    failed: r.failed,
  }));
  process.stdout.write(`settle benchmark: ${clients} concurrent clients, ${seconds}s each, pool ${POOL}, ${ENTRIES} entries × ${PAYMENTS} payments\n`);
  process.stdout.write('| run | settlements/s | p50 ms | p99 ms | failed |\n| --- | ---: | ---: | ---: | ---: |\n');
  for (const r of rows) {
    process.stdout.write(`| ${r.name} | ${round(r.perSecond)} | ${round(r.p50, 1)} | ${round(r.p99, 1)} | ${r.failed} |\n`);
  }
  process.stdout.write(`API keeps ${round((rows[0]!.perSecond / rows[1]!.perSecond) * 100)}% of the direct baseline's throughput\n`);
}
