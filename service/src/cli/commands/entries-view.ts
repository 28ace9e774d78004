import { Option, type Command } from 'commander';
import { entryItemJson, entryJson } from '../../api/serialize.js';
import { ENTRY_STATUSES, type Entry } from '../../domain/entry.js';
import type { LedgerContext } from '../../domain/ledger-port.js';
import { notFound } from '../../domain/errors.js';
import type { Services } from '../../runtime/services.js';
import { isUuid } from '../../store/ledger/queries.js';
import { asTenant } from './cli-tenant.js';
import { commandGroup, printJsonLines, printTable } from './group.js';
import { MAX_PAGE_LIMIT, parseLimit } from '../limit-option.js';
import { pageOptions, reportMore } from './listing.js';

async function findEntry(services: Services, ctx: LedgerContext, idOrNumber: string): Promise<Entry> {
  if (isUuid(idOrNumber)) return services.ledger.getEntry(ctx, idOrNumber);
  const [entry] = (await services.ledger.listEntries(ctx, { number: idOrNumber }, 1, null)).items;
  if (!entry) throw notFound('entry', idOrNumber);
  return entry;
}

/** `cash entries list|show`: a tenant's entries as the API lists them. */
export function registerEntriesView(program: Command): void {
  const entries = commandGroup(program, 'entries', 'Work with entries (receivables and payables)');
  pageOptions(
    entries
      .command('list')
      .description('List entries, oldest first: number, type, status, amount, outstanding, due date, account')
      .requiredOption('--tenant <id>', 'tenant id')
      .addOption(new Option('--status <status>', 'only entries in this status').choices(ENTRY_STATUSES))
      .addOption(new Option('--type <type>', 'Debit (receivables) or Credit (payables)').choices(['Debit', 'Credit']))
      .option('--account <id>', 'only entries of this account id'),
  ).action(async (options: { tenant: string; status?: Entry['status']; type?: Entry['type']; account?: string; limit: string; cursor?: string; json?: boolean }) => {
    const limit = parseLimit(options.limit, MAX_PAGE_LIMIT);
    await asTenant(options.tenant, 'Entries', async (services, ctx) => {
      const filter = {
        ...(options.status ? { status: options.status } : {}),
        ...(options.type ? { type: options.type } : {}),
        ...(options.account ? { accountId: options.account } : {}),
      };
      const page = await services.ledger.listEntries(ctx, filter, limit, options.cursor ?? null);
      if (options.json) printJsonLines(page.items.map(entryJson));
      else {
        printTable([
          ['NUMBER', 'TYPE', 'STATUS', 'AMOUNT', 'OUTSTANDING', 'DUE', 'ACCOUNT', 'ID'],
          ...page.items.map((e) => {
            const json = entryJson(e);
            return [e.number, e.type, e.status, `${json.initialAmount} ${e.currency}`, json.outstandingAmount, e.dueDate ?? '-', e.account.number ?? e.account.id ?? e.account.name ?? '-', e.id];
          }),
        ]);
      }
      reportMore(page);
    });
  });

  entries
    .command('show <idOrNumber>')
    .description('Show one entry (by id or number) as JSON, with its entry items')
    .requiredOption('--tenant <id>', 'tenant id')
    .action(async (idOrNumber: string, options: { tenant: string }) => {
      await asTenant(options.tenant, 'Entries', async (services, ctx) => {
        const entry = await findEntry(services, ctx, idOrNumber);
        const items = await services.ledger.listEntryItems(ctx, { entryId: entry.id });
        process.stdout.write(`${JSON.stringify({ ...entryJson(entry), items: items.map(entryItemJson) }, null, 2)}\n`);
      });
    });
}
