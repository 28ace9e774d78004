/**
 * `cash settlement create|undo`: manual settlement and its undo from the command line, through the
 * same ledger calls as POST /v1/settlements and /v1/settlements/undo.
 */
import type { Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import { formatMinor, parseMinor } from '../../domain/money.js';
import type { EntryItem } from '../../domain/entry-item.js';
import { asTenant } from './cli-tenant.js';

const collect = (value: string, previous: string[]) => [...previous, value];

function printItems(items: EntryItem[], json: boolean | undefined): void {
  for (const item of items) {
    process.stdout.write(
      json
        ? `${JSON.stringify({ ...item, amount: formatMinor(item.amount, item.currency), expectedAmount: formatMinor(item.expectedAmount, item.currency) })}\n`
        : `entry item ${item.id}: entry ${item.entryId} ↔ payment ${item.paymentId} ${formatMinor(item.amount + item.expectedAmount, item.currency)} ${item.currency}${item.reversalOf ? ` (undoes ${item.reversalOf})` : ''}\n`,
    );
  }
}

export function registerSettlement(program: Command): void {
  const group = program.command('settlement').description('Settle entries with payments by hand, or undo a settlement');

  group
    .command('create')
    .description('settle in one atomic call; repeat --allocation for one payment over several entries or several payments to one entry')
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--allocation <entryId:paymentId:amount>', 'what to settle, amount positive in the entry\'s currency', collect, [])
    .option('--json', 'print the entry items as JSON lines')
    .action(async (options: { tenant: string; allocation: string[]; json?: boolean }) => {
      await asTenant(options.tenant, 'Manual Settlement', async (services, ctx) => {
        const allocations = [];
        for (const text of options.allocation) {
          const [entryId, paymentId, amount, ...rest] = text.split(':');
          if (!entryId || !paymentId || !amount || rest.length > 0) {
            throw invalid('ALLOCATION_INVALID', `--allocation ${text}: expected entryId:paymentId:amount`);
          }
          const entry = await services.ledger.getEntry(ctx, entryId);
          allocations.push({ entryId, paymentId, amount: parseMinor(amount, entry.currency) });
        }
        printItems(await services.ledger.settle(ctx, allocations), options.json);
      });
    });

  group
    .command('undo')
    .description('undo settlements: reversal items are appended (history is kept) and the amounts given back')
    .argument('<entryItemIds...>', 'entry item ids')
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--reason <text>', 'why, for the record')
    .option('--json', 'print the reversal items as JSON lines')
    .action(async (entryItemIds: string[], options: { tenant: string; reason: string; json?: boolean }) => {
      await asTenant(options.tenant, 'Undo Settlement', async (services, ctx) => {
        printItems(await services.ledger.undoSettlement(ctx, entryItemIds, options.reason), options.json);
      });
    });
}
