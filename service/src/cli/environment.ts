import type { Command } from 'commander';
import { KEY_CACHE_MS } from '../store/tenants.js';
import { dbConfigFromEnv, describeDb } from '../store/open-db.js';
import { MAX_AMOUNT } from '../domain/money.js';

/** Commands that work on files only and never open the database. */
const FILE_ONLY = new Set(['openapi', 'match', 'statement parse', 'sepa direct-debit', 'sepa credit-transfer']);

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Says on stderr which database a command is about to use (never a password), so nobody writes into the wrong one. */
export function announceDatabase(command: Command, env: NodeJS.ProcessEnv = process.env): void {
  if (FILE_ONLY.has(pathOf(command))) return;
  process.stderr.write(`database: ${describeDb(dbConfigFromEnv(env))}\n`);
}

export const ENVIRONMENT_HELP = `
Environment:
  DATABASE_URL   PostgreSQL connection string (postgres://user:password@host:5432/db); when unset the
                 embedded PGlite database is used, which one process may open at a time
  CASH_DATA_DIR  folder of the embedded database (default .data/pglite); the demo API key is kept
                 beside it, in CASH_DATA_DIR.demo-key (owner-only)
  PORT, HOST     where \`cash serve\` listens (default 3000 on 127.0.0.1)
  LOG_LEVEL      "silent" turns off the API's request log
  CASH_MAX_STATEMENT_BYTES  largest bank file (bytes, or 512K, 256M, 1G; default 256M)
  CASH_JOB_STALE_SECONDS    seconds without a heartbeat after which a running job is taken over (45)
  CASH_SECRET_KEY           64 hex characters: the key that seals org credentials (PostgreSQL needs it;
                 the embedded database makes one in its data folder)
  SF_PUBSUB_ENDPOINT        host:port of the Salesforce Pub/Sub API (default api.pubsub.salesforce.com:7443)
  NODE_EXTRA_CA_CERTS       a private CA to trust for the org's REST and Pub/Sub connections

Every command that uses the database names it on stderr first ("database: …").

Limits:
  amounts        digits, "." and at most the currency's decimals, an optional leading "-"; no spaces,
                 "+", exponents or thousands separators; at most ${MAX_AMOUNT} (9 digits before the point)
  text           normalised to Unicode NFC; a NUL character is refused (TEXT_NUL_BYTE)
  API keys       a revoked key may still be accepted for up to ${KEY_CACHE_MS / 1000} s by other running processes
  platform scope only a key with the "platform" scope may create tenants over the API; \`cash tenant
                 create\` needs none (it works on the database directly)
  jobs           a job whose worker stopped answering is taken over by another worker within a
                 minute (CASH_JOB_STALE_SECONDS)
  uploads        JSON bodies up to 5 MiB; bank files up to CASH_MAX_STATEMENT_BYTES (413 beyond)
`;
