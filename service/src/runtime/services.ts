import type { Ledger } from '../domain/ledger-port.js';
import { JobQueue } from '../jobs/queue.js';
import type { Db } from '../store/db.js';
import { PostgresLedger } from '../store/ledger/postgres-ledger.js';
import { migrate } from '../store/migrate.js';
import { openDb, type DbConfig } from '../store/open-db.js';
import { TenantStore } from '../store/tenants.js';
import { StatementStore } from '../store/statements/statement-store.js';
import { matchingStore, type MatchingStore } from '../store/matching/index.js';
import { PaymentRuns } from '../payment-runs/payment-runs.js';
import { RunStore } from '../store/runs/run-store.js';
import { OrgConnections } from '../salesforce/org-connections.js';
import { loadSecretKey } from '../salesforce/secret-crypto.js';

export interface Services {
  db: Db;
  ledger: Ledger;
  tenants: TenantStore;
  jobs: JobQueue;
  statements: StatementStore;
  matching: MatchingStore;
  paymentRuns: PaymentRuns;
  orgs: OrgConnections;
  close(): Promise<void>;
}

/** Wires the store's implementations together over one database; `secretKey` seals org credentials. */
export function servicesFor(db: Db, secretKey: () => Buffer = () => loadSecretKey(process.env, null)): Services {
  const ledger = new PostgresLedger(db);
  return {
    db,
    ledger,
    tenants: new TenantStore(db),
    jobs: new JobQueue(db),
    statements: new StatementStore(db),
    matching: matchingStore(db),
    paymentRuns: new PaymentRuns(ledger, new RunStore(db)),
    orgs: new OrgConnections(db, secretKey),
    close: () => db.close(),
  };
}

/**
 * Opens the configured database, brings its schema up to date and wires the services. `log` hears
 * each step: a first start of the embedded database takes many seconds and should not be silent.
 */
export async function openServices(config: DbConfig, log?: (message: string) => void): Promise<Services> {
  log?.('opening the database');
  const db = await openDb(config);
  log?.('migrating the database schema');
  const applied = await migrate(db);
  log?.(applied.length ? `applied migrations ${applied.join(', ')}` : 'database schema is up to date');
  // the embedded database may keep its own key in its data folder; PostgreSQL needs CASH_SECRET_KEY
  return servicesFor(db, () => loadSecretKey(process.env, db.kind === 'pglite' ? (config.dataDir ?? '.data/pglite') : null));
}
