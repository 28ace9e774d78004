import { writeFile } from 'node:fs/promises';
import { Argument, type Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import type { RunSummary } from '../../payment-runs/payment-runs.js';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';
import { progressReporter } from '../progress.js';
import { sepaGroup } from './sepa-group.js';

interface RunOptions {
  tenant: string;
  businessEntity: string;
  until: string;
  dryRun?: boolean;
  batchBooking?: boolean;
  out?: string;
  json?: boolean;
}

function printSummary(summary: RunSummary, dryRun: boolean): void {
  const verb = summary.kind === 'direct-debit' ? 'collect' : 'pay';
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `${dryRun ? 'would ' : ''}${verb} ${summary.count} transaction(s), ${summary.total} ${summary.currency}` +
      `${summary.requestedDates.length > 0 ? ` on ${summary.requestedDates.join(', ')}` : ''}` +
      ` (${summary.format}, batch booking ${summary.batchBooking ? 'on' : 'off'})`,
  );
  // every payment-information block with its own date, so no collection date is hidden
  for (const b of summary.paymentInformation) {
    const kind = [b.scheme, b.sequenceType].filter(Boolean).join(' ');
    out(`  ${b.requestedDate}${kind ? ` ${kind}` : ''}: ${b.count} transaction(s), ${b.total} ${summary.currency}`);
  }
  for (const i of summary.included) {
    const mandate = i.mandateReference ? `  mandate ${i.mandateReference} ${i.sequenceType}` : '';
    out(`  ${i.label}  ${i.amount}  ${i.requestedDate}  ${i.endToEndId}${mandate}`);
  }
  if (summary.excluded.length > 0) {
    out(`excluded ${summary.excluded.length}${dryRun ? '' : ' (flagged on the entry with the reason)'}:`);
    for (const e of summary.excluded) out(`  ${e.label}  ${e.code}: ${e.message}`);
  }
}

/**
 * `cash sepa run direct-debit|credit-transfer`: a run from the store. --dry-run shows what would be
 * collected or paid and what is excluded and why; otherwise the order, its payments and expected
 * entry items are created and the file is written with --out.
 */
export function registerSepaRun(program: Command): void {
  sepaGroup(program)
    .command('run')
    .description(
      'SEPA run from the store: open receivables with an active mandate (direct-debit) or approved payables and\n' +
        'refunds (credit-transfer) due until a date, for one business entity; creates the payment order, payments\n' +
        'with end-to-end ids and expected entry items, and flags what cannot go in with the reason',
    )
    .addArgument(new Argument('<kind>', 'what to run').choices(['direct-debit', 'credit-transfer']))
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--business-entity <code>', 'business entity (code or id) that collects or pays')
    .requiredOption('--until <date>', 'take entries due on or before this date (YYYY-MM-DD)')
    .option('--dry-run', 'show what would be collected or paid and what is excluded and why; change nothing')
    .option('--batch-booking', 'book the file as one amount (where the bank account asks per run)')
    .option('--no-batch-booking', 'book each transaction on its own (where the bank account asks per run)')
    .option('--out <file>', 'write the pain.008 / pain.001 file here')
    .option('--json', 'print the summary (and the order) as JSON')
    .action(async (kind: 'direct-debit' | 'credit-transfer', options: RunOptions) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(options.until)) throw invalid('DATE_INVALID', `--until "${options.until}" is not a date (YYYY-MM-DD)`);
      if (options.dryRun && options.out) throw invalid('OPTIONS_CONFLICT', '--dry-run writes no file; leave out --out');
      const services = await openServices(dbConfigFromEnv());
      try {
        await services.tenants.getTenant(options.tenant);
        const ctx = { tenantId: options.tenant, actor: 'cli', businessProcess: 'Payment Run' };
        const request = {
          kind,
          businessEntity: options.businessEntity,
          until: options.until,
          ...(options.batchBooking === undefined ? {} : { batchBooking: options.batchBooking }),
        };
        if (options.dryRun) {
          const summary = await services.paymentRuns.preview(ctx, request);
          if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          else printSummary(summary, true);
          return;
        }
        const progress = progressReporter(`${kind} run`);
        const { order, summary, resumed } = await services.paymentRuns.create(ctx, request, progress.update);
        progress.done();
        if (resumed && !options.json) {
          process.stdout.write(`finished the unfinished run ${order.messageId} a stopped process left behind; run again for anything due since\n`);
        }
        if (options.out) {
          const file = await services.paymentRuns.store.orderFile(options.tenant, order.id);
          await writeFile(options.out, file.xml);
        }
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ order, summary, resumed }, null, 2)}\n`);
          return;
        }
        printSummary(summary, false);
        process.stdout.write(`payment order ${order.id} (message ${order.messageId}) ${order.status}`);
        process.stdout.write(options.out ? `; file written to ${options.out}\n` : '; the file: GET /v1/payment-runs/{id}/file\n');
      } finally {
        await services.close();
      }
    });
}
