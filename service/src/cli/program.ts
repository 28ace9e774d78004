import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

export function buildProgram(): Command {
  const program = new Command('cash')
    .description(
      'Cash Management service: entries, payments and settlement; bank files in and out; matching.\n' +
        'Uses the embedded database in ./.data unless DATABASE_URL points at PostgreSQL.',
    )
    .version('0.1.0')
    .showHelpAfterError();
  registerCommands(program);
  return program;
}
