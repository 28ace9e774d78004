/**
 * `cash suggestions …`: review what automatic matching left open — list (with filters), accept
 * (settles the allocations), reject — and match a statement again.
 */
import type { Command } from 'commander';
import { autoMatchItems, itemsOfStatements } from '../../banking/auto-match.js';
import { AUTO_MATCH_INLINE_LIMIT, MATCHING_RUN } from '../../banking/auto-match-job.js';
import { acceptSuggestion, rejectSuggestion } from '../../banking/auto-match-review.js';
import { invalid } from '../../domain/errors.js';
import { SUGGESTION_STATUSES, type Suggestion, type SuggestionFilter, type SuggestionStatus } from '../../store/matching/index.js';
import { LIMIT_HELP, parseLimit } from '../limit-option.js';
import { progressReporter } from '../progress.js';
import type { LedgerContext } from '../../domain/ledger-port.js';
import type { Services } from '../../runtime/services.js';
import { asTenant } from './cli-tenant.js';

/** For a person: entries by their number, looked up once each. */
function entryNumbers(services: Services, ctx: LedgerContext) {
  const known = new Map<string, Promise<string>>();
  return (id: string) => {
    if (!known.has(id)) known.set(id, services.ledger.getEntry(ctx, id).then((e) => e.number, () => id));
    return known.get(id)!;
  };
}

async function describe(s: Suggestion, numberOf: (id: string) => Promise<string>): Promise<string> {
  const parts = await Promise.all(s.allocations.map(async (a) => `${a.amount} → ${await numberOf(a.entryId)} (${a.entryId})`));
  const allocations = parts.join(', ');
  return [
    `suggestion ${s.id} [${s.status}] item ${s.itemId} candidate ${s.rank}, score ${s.score}${s.configuration ? ` (${s.configuration})` : ''}`,
    `  settles: ${allocations} from payment ${s.paymentId}`,
    ...s.reasons.map((r) => `  - ${r}`),
  ].join('\n');
}

async function print(suggestion: Suggestion, json: boolean | undefined, numberOf: (id: string) => Promise<string>): Promise<void> {
  process.stdout.write(json ? `${JSON.stringify(suggestion)}\n` : `${await describe(suggestion, numberOf)}\n`);
}

export function registerSuggestions(program: Command): void {
  const group = program.command('suggestions').description('Review matching suggestions left by automatic matching after statement imports');

  group
    .command('list')
    .description('list suggestions, oldest first (JSON lines with --json)')
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--status <status>', `${SUGGESTION_STATUSES.join(' | ')}`, 'Open')
    .option('--statement <id>', 'only the items of this bank statement')
    .option('--item <id>', 'only this bank statement item')
    .option('--min-score <score>', 'only suggestions scoring at least this (0–1)')
    .option('--limit <n>', LIMIT_HELP, '100')
    .option('--json', 'print one JSON object per line')
    .action(async (options: { tenant: string; status: string; statement?: string; item?: string; minScore?: string; limit: string; json?: boolean }) => {
      if (!(SUGGESTION_STATUSES as readonly string[]).includes(options.status)) {
        throw invalid('SUGGESTION_STATUS_UNKNOWN', `--status must be one of ${SUGGESTION_STATUSES.join(', ')}`);
      }
      const minScore = options.minScore === undefined ? undefined : Number(options.minScore);
      if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) throw invalid('MIN_SCORE_INVALID', '--min-score must be between 0 and 1');
      const limit = parseLimit(options.limit);
      const filter: SuggestionFilter = {
        status: options.status as SuggestionStatus,
        ...(options.statement ? { statementId: options.statement } : {}),
        ...(options.item ? { itemId: options.item } : {}),
        ...(minScore !== undefined ? { minScore } : {}),
      };
      await asTenant(options.tenant, 'Matching Suggestion', async (services, ctx) => {
        const numberOf = entryNumbers(services, ctx);
        let left = limit;
        let cursor: string | null = null;
        do {
          const page = await services.matching.suggestions.list(ctx.tenantId, filter, Math.min(left, 500), cursor);
          for (const suggestion of page.items) await print(suggestion, options.json, numberOf);
          left -= page.items.length;
          cursor = page.nextCursor;
        } while (cursor && left > 0);
      });
    });

  for (const [name, decide] of [
    ['accept', acceptSuggestion],
    ['reject', rejectSuggestion],
  ] as const) {
    group
      .command(name)
      .description(name === 'accept' ? 'accept a suggestion: its allocations are settled with the item\'s payment' : 'reject a suggestion; nothing is settled')
      .argument('<id>', 'suggestion id')
      .requiredOption('--tenant <id>', 'tenant id')
      .option('--note <text>', 'why, for the record')
      .option('--json', 'print the suggestion as JSON')
      .action(async (id: string, options: { tenant: string; note?: string; json?: boolean }) => {
        await asTenant(options.tenant, 'Matching Suggestion', async (services, ctx) => {
          await print(await decide(services, ctx, id, options.note ?? null), options.json, entryNumbers(services, ctx));
        });
      });
  }

  group
    .command('rematch')
    .description(
      'match a statement again with the current configurations and open entries (items whose payment is\n' +
        `not settled yet); more than ${AUTO_MATCH_INLINE_LIMIT} items are left to the job worker`,
    )
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--statement <id>', 'bank statement id')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { tenant: string; statement: string; json?: boolean }) => {
      await asTenant(options.tenant, 'Automatic Matching', async (services, ctx) => {
        const itemIds = await itemsOfStatements(services.statements, ctx.tenantId, [options.statement]);
        if (itemIds.length > AUTO_MATCH_INLINE_LIMIT) {
          const job = await services.jobs.enqueue(ctx.tenantId, MATCHING_RUN, { statementIds: [options.statement] }, ctx.actor);
          process.stdout.write(
            options.json
              ? `${JSON.stringify({ jobId: job.id })}\n`
              : `${itemIds.length} items: matching job ${job.id} queued for a worker (see cash jobs --help); follow it with: cash jobs show ${job.id} --tenant ${options.tenant}\n`,
          );
          return;
        }
        const progress = progressReporter('matching items');
        const summary = await autoMatchItems(services, ctx, itemIds, progress.update);
        progress.done();
        process.stdout.write(
          options.json
            ? `${JSON.stringify(summary)}\n`
            : `${summary.items} item(s): ${summary.settled} settled, ${summary.suggested} suggested, ${summary.unmatched} unmatched, ` +
                `${summary.skipped} already settled (${summary.configurations} configurations)\n`,
        );
      });
    });
}
