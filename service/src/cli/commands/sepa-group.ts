import type { Command } from 'commander';

/**
 * The `cash sepa` command group. Every `sepa` subcommand registers under it from its own file
 * (direct-debit, credit-transfer here; status and store runs from theirs).
 */
export function sepaGroup(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'sepa') ??
    program
      .command('sepa')
      .description('SEPA payment files: direct debits (pain.008), credit transfers (pain.001), bank status reports (pain.002)')
  );
}
