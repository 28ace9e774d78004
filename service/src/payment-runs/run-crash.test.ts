import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isActive } from '../domain/entry-item.js';
import type { LedgerContext } from '../domain/ledger-port.js';
import { formatMinor } from '../domain/money.js';
import { newEntry } from '../domain/new-entry.js';
import { servicesFor, type Services } from '../runtime/services.js';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { openDb } from '../store/open-db.js';
import { openPostgres } from '../store/pg-db.js';
import { createBusinessEntity, createMandateInstrument } from './instruments.js';
import { PAYMENT_RUN_CREATE, paymentRunJob } from './run-job.js';
import { pain008Transactions } from './test-support/pain008-transactions.js';

/**
 * A worker killed with SIGKILL at every write of a run, then restarted: the run must end up whole.
 * One tenant per kill point, so one database serves them all; the children run one after another
 * (PGlite belongs to one process at a time).
 */
const root = resolve(import.meta.dirname, '../../..');
/**
 * A run of 7 due entries makes 20 writes (lock, plan, 7 payments and their entry items, 2 excluded
 * entries flagged, order, lock released), so killing after each one reaches every step.
 */
const KILL_POINTS = Array.from({ length: 20 }, (_, i) => i + 1);
const DUE = 7;
const today = '2026-11-27';
const url = process.env.DATABASE_URL;
const schema = `test_crash_${randomBytes(6).toString('hex')}`;
// in memory-backed /dev/shm where there is one: twenty restarts of PGlite are mostly file work
const dataDir = url ? '' : join(mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'cash-crash-')), 'pglite');

const open = (): Promise<Db> => (url ? openPostgres({ url, schema, max: 4 }) : openDb({ dataDir }));

afterAll(async () => {
  if (url) {
    const db = await openPostgres({ url });
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  } else rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
});

interface Seeded {
  killAt: number;
  ctx: LedgerContext;
  /** Entry id → amount in minor units, for the entries that have a mandate. */
  due: Map<string, bigint>;
  withoutMandate: string[];
}

async function seed(services: Services, killAt: number): Promise<Seeded> {
  const ctx = { tenantId: (await services.tenants.createTenant(`Crash ${killAt}`)).id, actor: 'test', businessProcess: 'Test' };
  const store = services.paymentRuns.store;
  await createBusinessEntity(store, ctx, {
    code: 'CRASH', creditorName: 'Crash GmbH', creditorId: 'DE98ZZZ09999999999', address: null,
    account: { iban: 'DE44500105175407324931', bic: null, name: null, currency: 'EUR' },
  });
  const due = new Map<string, bigint>();
  const withoutMandate: string[] = [];
  for (let i = 0; i < DUE + 2; i++) {
    const account = `K-${i}`;
    const amountMinor = BigInt(1000 + i * 137);
    if (i < DUE) {
      await createMandateInstrument(store, ctx, { businessEntity: 'CRASH', accountId: account, scheme: 'CORE', signatureDate: '2026-01-05', accountHolder: `Holder ${i}`, iban: 'DE89370400440532013000' }, today);
    }
    const entry = await services.ledger.createEntry(ctx, newEntry({ number: `INV-${i}`, type: 'Debit', currency: 'EUR', amount: formatMinor(amountMinor, 'EUR'), dueDate: '2026-12-10', account: { id: account, name: account } }));
    if (i < DUE) due.set(entry.id, amountMinor);
    else withoutMandate.push(entry.id);
  }
  await services.jobs.enqueue(ctx.tenantId, PAYMENT_RUN_CREATE, { kind: 'direct-debit', businessEntity: 'CRASH', until: '2026-12-31', today }, 'test');
  return { killAt, ctx, due, withoutMandate };
}

function runChild(killAt: number): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  const env = { ...process.env, ...(url ? { CRASH_SCHEMA: schema } : { CASH_DATA_DIR: dataDir }) };
  const child = spawn(process.execPath, ['--import', 'tsx', 'service/src/payment-runs/test-support/crash-child.ts', String(killAt)], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('exit', (_code, signal) => done({ signal, output })));
}

/** The restarted worker: takes over every job whose worker died and runs it to the end. */
async function restart(services: Services): Promise<void> {
  const handler = paymentRunJob(services.paymentRuns);
  for (let job = await services.jobs.claim('restarted', 0); job; job = await services.jobs.claim('restarted', 0)) {
    const claimed = job;
    try {
      const result = await handler({
        job: claimed,
        progress: async (done, total, message) => void (await services.jobs.progress(claimed.id, 'restarted', done, total, message ?? null)),
      });
      await services.jobs.finish(claimed.id, 'restarted', { status: 'succeeded', result });
    } catch (error) {
      const failure = { code: (error as { code?: string }).code ?? 'INTERNAL', message: (error as Error).message };
      await services.jobs.finish(claimed.id, 'restarted', { status: 'failed', error: failure });
    }
  }
}

async function assertWhole(services: Services, seeded: Seeded): Promise<void> {
  const { ctx, due, killAt } = seeded;
  const where = `killed after write ${killAt}`;
  const [job] = await services.jobs.list(ctx.tenantId, 10);
  expect([job?.status, job?.error], where).toEqual(['succeeded', null]);

  const orders = (await services.paymentRuns.store.listOrders(ctx.tenantId, 10, null)).items;
  expect(orders.map((o) => o.status), where).toEqual(['Prepared']);
  const order = orders[0]!;
  const transactions = await services.paymentRuns.store.orderTransactions(ctx.tenantId, order.id);

  // every due entry is in the order exactly once, every entry without a mandate excluded with its reason
  expect(transactions.map((t) => t.recordId).sort(), where).toEqual([...due.keys()].sort());
  expect(order.excluded.map((e) => [e.recordId, e.code]).sort(), where).toEqual(seeded.withoutMandate.map((id) => [id, 'MANDATE_MISSING']).sort());
  expect(order.transactionCount, where).toBe(DUE);

  // each transaction is one pending payment expected by its entry, and nothing else was created
  const payments = (await services.ledger.listPayments(ctx, {}, 100, null)).items;
  expect(payments.map((p) => p.id).sort(), where).toEqual(transactions.map((t) => t.paymentId).sort());
  for (const t of transactions) {
    const payment = payments.find((p) => p.id === t.paymentId)!;
    expect(payment, where).toMatchObject({ status: 'Pending', endToEndId: t.endToEndId, amount: due.get(t.recordId) });
    const items = (await services.ledger.listEntryItems(ctx, { entryId: t.recordId })).filter(isActive);
    expect(items.map((i) => [i.paymentId, i.expectedAmount]), where).toEqual([[payment.id, -payment.amount]]);
  }

  // the file holds exactly the order's payments
  const file = await services.paymentRuns.store.orderFile(ctx.tenantId, order.id);
  const inFile = pain008Transactions(file.xml).map((t) => `${t.endToEndId} ${t.amount}`).sort();
  expect(inFile, where).toEqual(payments.map((p) => `${p.endToEndId} ${formatMinor(p.amount, 'EUR')}`).sort());
}

describe(`a run killed with SIGKILL at ${KILL_POINTS.length} points (${url ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('resumes on restart: each due entry in exactly one order or excluded with its reason, the file equal to the payments', async () => {
    let services = servicesFor(await open());
    await migrate(services.db);
    const seeded: Seeded[] = [];
    for (const killAt of KILL_POINTS) seeded.push(await seed(services, killAt));
    await services.close();

    for (const { killAt } of seeded) {
      const { signal, output } = await runChild(killAt);
      expect(signal, `child meant to die after write ${killAt}: ${output}`).toBe('SIGKILL');
    }

    services = servicesFor(await open());
    try {
      await restart(services);
      for (const s of seeded) await assertWhole(services, s);
    } finally {
      await services.close();
    }
  }, 600_000);
});
