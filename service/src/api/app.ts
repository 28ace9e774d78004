import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ledger } from '../domain/ledger-port.js';
import type { JobQueue } from '../jobs/queue.js';
import type { Db } from '../store/db.js';
import type { TenantStore } from '../store/tenants.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerIdempotency } from './plugins/idempotency.js';
import { registerInputHandling } from './plugins/input.js';
import { entryRoutes } from './routes/entries.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { statementRoutes } from './routes/statements.js';
import { matchingRoutes } from './routes/matching.js';
import { MatchingConfiguration, MatchingRunSummary, Suggestion } from './schemas/matching.js';
import type { MatchingStore } from '../store/matching/index.js';
import { paymentRoutes } from './routes/payments.js';
import { refundRoutes } from './routes/refunds.js';
import { settlementRoutes } from './routes/settlements.js';
import { tenantRoutes } from './routes/tenants.js';
import { paymentRunRoutes } from './routes/payment-runs.js';
import { BusinessEntity, PaymentInstrument, PaymentOrder, RunSummary, SepaAddress, StatusApplication } from './schemas/payment-runs.js';
import type { PaymentRuns } from '../payment-runs/payment-runs.js';
import { Problem } from './schemas/common.js';
import { Entry } from './schemas/entries.js';
import { Job } from './schemas/jobs.js';
import { Payment } from './schemas/payments.js';
import { Refund } from './schemas/refunds.js';
import { EntryItem, EntryItems } from './schemas/settlements.js';
import { ApiKey, ApiKeyWithSecret, Tenant } from './schemas/tenants.js';
import { BankAccount, BankStatement, BankStatementItem, StatementImportSummary } from './schemas/statements.js';
import type { StatementStore } from '../store/statements/statement-store.js';
import type { OrgConnections } from '../salesforce/org-connections.js';
import { orgConnectionRoutes } from './routes/org-connection.js';
import { OrgConnection, OrgStatus } from './schemas/org-connection.js';

export interface AppDeps {
  db: Db;
  ledger: Ledger;
  tenants: TenantStore;
  jobs: JobQueue;
  statements: StatementStore;
  paymentRuns: PaymentRuns;
  matching: MatchingStore;
  orgs: OrgConnections;
  logger?: boolean;
  /** Largest request body in bytes. */
  bodyLimit?: number;
  /** Largest bank-file upload in bytes (bank files are streamed, not held; see routes/statements.ts). */
  maxStatementBytes?: number;
}

export const API_VERSION = '0.1.0';

/** Builds the HTTP API: one schema per shape gives validation, types and the OpenAPI document. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: deps.bodyLimit ?? 5 * 1024 * 1024,
    // bodies must match exactly: no silently dropped unknown fields, no "12" turned into 12
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  for (const schema of [Problem, Entry, Payment, EntryItem, EntryItems, Refund, Tenant, ApiKey, ApiKeyWithSecret, Job,
    BankStatement, BankStatementItem, BankAccount, StatementImportSummary, MatchingConfiguration, Suggestion, MatchingRunSummary]) {
    app.addSchema(schema);
  }
  for (const schema of [SepaAddress, BusinessEntity, PaymentInstrument, RunSummary, PaymentOrder, StatusApplication]) app.addSchema(schema);
  for (const schema of [OrgConnection, OrgStatus]) app.addSchema(schema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Cash Management API',
        version: API_VERSION,
        description:
          'Entries (receivables and payables), payments, settlements and refunds. Amounts are decimal strings. ' +
          'Sign convention: entries are positive for receivables and negative for payables; entry items are ' +
          'negative for money received and positive for money paid out. Errors are application/problem+json with a stable code.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'cm_… API key' } } },
      security: [{ apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerErrorHandling(app);
  // the API speaks JSON only: other bodies get 415 instead of a confusing validation error
  app.removeContentTypeParser('text/plain');
  registerInputHandling(app);
  registerAuth(app, deps.tenants);
  registerIdempotency(app, deps.db);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes, { db: deps.db });
  await app.register(tenantRoutes, { tenants: deps.tenants });
  await app.register(entryRoutes, { ledger: deps.ledger, store: deps.paymentRuns.store });
  await app.register(paymentRoutes, { ledger: deps.ledger });
  await app.register(settlementRoutes, { ledger: deps.ledger });
  await app.register(refundRoutes, { ledger: deps.ledger });
  await app.register(jobRoutes, { jobs: deps.jobs });
  await app.register(statementRoutes, {
    ledger: deps.ledger,
    statements: deps.statements,
    matching: deps.matching,
    jobs: deps.jobs,
    runs: deps.paymentRuns.store,
    ...(deps.maxStatementBytes ? { maxStatementBytes: deps.maxStatementBytes } : {}),
  });
  await app.register(matchingRoutes, { ledger: deps.ledger, statements: deps.statements, matching: deps.matching, jobs: deps.jobs });
  await app.register(paymentRunRoutes, { paymentRuns: deps.paymentRuns, jobs: deps.jobs });
  await app.register(orgConnectionRoutes, { orgs: deps.orgs });
  return app;
}
