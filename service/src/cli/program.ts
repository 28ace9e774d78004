import { Command } from 'commander';
import { registerCommands } from './commands/index.js';
import { announceDatabase, ENVIRONMENT_HELP } from './environment.js';

export function buildProgram(): Command {
  const program = new Command('cash')
    .description(
      'Cash Management service: entries, payments and settlement; bank files in and out; matching.\n' +
        'Uses the embedded database in ./.data/pglite (CASH_DATA_DIR) unless DATABASE_URL points at PostgreSQL.',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .addHelpText('after', ENVIRONMENT_HELP)
    .hook('preAction', (_program, command) => announceDatabase(command));
  registerCommands(program);
  return program;
}
