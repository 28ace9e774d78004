import type { Command } from 'commander';
import { registerMatch } from './match.js';
import { registerSepaCreditTransfer } from './sepa-credit-transfer.js';
import { registerSepaDirectDebit } from './sepa-direct-debit.js';
import { registerStatementParse } from './statement-parse.js';

/** Each command lives in its own file and registers itself here. */
type Register = (program: Command) => void;

const registrars: Register[] = [registerMatch, registerStatementParse, registerSepaDirectDebit, registerSepaCreditTransfer];

export function registerCommands(program: Command): void {
  for (const register of registrars) register(program);
}
