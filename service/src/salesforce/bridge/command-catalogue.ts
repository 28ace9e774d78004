/**
 * What the service does with each command the package sends. A command whose capability this
 * service does not have (yet, or not configured for the tenant) is answered `failed` with a code
 * that names the missing capability, never left without an answer.
 */
import { CashError } from '../../domain/errors.js';
import type { OrgCommand } from './command-envelope.js';
import type { CommandName } from './command-payloads.js';

export interface CommandContext {
  tenantId: string;
  command: OrgCommand;
  /** Reports progress (0–100) to the org while the command runs. */
  progress(percent: number, message: string): Promise<void>;
}

export interface CommandResult {
  message: string;
  payload?: Record<string, unknown>;
}

export type CommandHandler = (ctx: CommandContext) => Promise<CommandResult>;
export type CommandHandlers = Partial<Record<CommandName, CommandHandler>>;

const MISSING: Record<CommandName, { code: string; message: string }> = {
  'create-payment-link': { code: 'PAYMENT_PROVIDER_NOT_AVAILABLE', message: 'payment links need a payment provider, and none is available to this service yet' },
  'provider-payment-run': { code: 'PAYMENT_PROVIDER_NOT_AVAILABLE', message: 'provider payment runs need a payment provider, and none is available to this service yet' },
  'retrieve-statements': { code: 'EBICS_NOT_AVAILABLE', message: 'retrieving statements needs an EBICS connection to the bank, which this service does not offer yet' },
  'initialise-ebics': { code: 'EBICS_NOT_AVAILABLE', message: 'EBICS key initialisation is not offered by this service yet' },
  'import-file': { code: 'ORG_LEDGER_NOT_AVAILABLE', message: "importing a file into the org needs the service's Salesforce ledger, which this version does not have yet" },
  'settle-automatically': { code: 'ORG_LEDGER_NOT_AVAILABLE', message: "automatic settlement in the org needs the service's Salesforce ledger, which this version does not have yet" },
  'direct-debit-run': { code: 'ORG_LEDGER_NOT_AVAILABLE', message: "a payment run on the org's entries needs the service's Salesforce ledger, which this version does not have yet" },
  'credit-transfer-run': { code: 'ORG_LEDGER_NOT_AVAILABLE', message: "a payment run on the org's entries needs the service's Salesforce ledger, which this version does not have yet" },
  refund: { code: 'ORG_LEDGER_NOT_AVAILABLE', message: "refunds in the org need the service's Salesforce ledger, which this version does not have yet" },
};

/** The handler of a command, or the error that says which capability is missing. */
export function handlerFor(handlers: CommandHandlers, name: CommandName): CommandHandler {
  const handler = handlers[name];
  if (handler) return handler;
  const missing = MISSING[name];
  return async () => {
    throw new CashError(missing.code, 'unavailable', missing.message);
  };
}
