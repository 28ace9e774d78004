import type { Command } from 'commander';
import { registerDemo } from './demo.js';
import { registerEntriesImport } from './entries-import.js';
import { registerMigrate } from './migrate.js';
import { registerOpenApi } from './openapi.js';
import { registerServe } from './serve.js';
import { registerApiKey, registerTenant } from './tenant.js';
import { registerWorker } from './worker.js';
import { registerJobs } from './jobs.js';
import { registerMatch } from './match.js';
import { registerSepaCreditTransfer } from './sepa-credit-transfer.js';
import { registerSepaDirectDebit } from './sepa-direct-debit.js';
import { registerSepaRun } from './sepa-run.js';
import { registerSepaStatus } from './sepa-status.js';
import { registerStatementParse } from './statement-parse.js';
import { registerStatementImport } from './statement-import.js';
import { registerSuggestions } from './suggestions.js';
import { registerMatchingConfig } from './matching-config.js';
import { registerSettlement } from './settlement.js';
import { registerTenantList } from './tenant-list.js';
import { registerApiKeyManage } from './apikey-manage.js';
import { registerEntriesView } from './entries-view.js';
import { registerPaymentsView } from './payments-view.js';
import { registerBusinessEntity } from './business-entity.js';
import { registerMandate } from './mandate.js';
import { registerOrg } from './org.js';

/** Each command lives in its own file and registers itself here. */
type Register = (program: Command) => void;

const registrars: Register[] = [
  registerServe,
  registerMigrate,
  registerWorker,
  registerJobs,
  registerTenant,
  registerTenantList,
  registerApiKey,
  registerApiKeyManage,
  registerEntriesImport,
  registerEntriesView,
  registerPaymentsView,
  registerBusinessEntity,
  registerMandate,
  registerDemo,
  registerOpenApi,
  registerSuggestions,
  registerMatchingConfig,
  registerSettlement,
  registerOrg,
  registerMatch, registerStatementParse, registerStatementImport, registerSepaDirectDebit, registerSepaCreditTransfer, registerSepaRun, registerSepaStatus];

export function registerCommands(program: Command): void {
  for (const register of registrars) register(program);
}
