import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { importStatement } from '../../banking/import-statement.js';
import { invalid } from '../../domain/errors.js';
import type { StatementFormatOption } from '../../formats/statement/parse.js';
import { maxStatementBytes, MAX_STATEMENT_BYTES_ENV } from '../../formats/statement/size-limit.js';
import { tooLarge } from '../../formats/statement/stream.js';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';
import { progressReporter } from '../progress.js';
import { MAX_BYTES_HELP, statementGroup } from './statement-parse.js';

/** Checks the file before the database is opened; it is then read as a stream (twice), never whole. */
async function fileSource(path: string, maxBytes: number) {
  const info = await stat(path).catch(() => {
    throw invalid('FILE_NOT_FOUND', `${path} cannot be read`, { file: path });
  });
  if (!info.isFile()) throw invalid('FILE_NOT_FOUND', `${path} is not a file`, { file: path });
  if (info.size > maxBytes) throw tooLarge(path, maxBytes, info.size);
  return { open: () => createReadStream(path, { highWaterMark: 1024 * 1024 }) };
}

/** Where the queued matching job runs and how to follow it: with the embedded database no other process can run it while this one holds it. */
function queuedMatching(jobId: string, tenant: string, kind: 'postgres' | 'pglite'): string {
  const runner =
    kind === 'pglite'
      ? 'it runs when `cash worker` (or `cash serve`, which runs jobs in-process) next opens this embedded database, after this command ends'
      : 'a running `cash worker` (or `cash serve` without --no-worker) on this database takes it; if none runs, start `cash worker`';
  return `  matching: too many items to match here, job ${jobId} queued;\n    ${runner};\n    follow it with: cash jobs show ${jobId} --tenant ${tenant}\n`;
}

export function registerStatementImport(program: Command): void {
  statementGroup(program)
    .command('import')
    .description(
      'store a statement file (one transaction; re-imports and overlapping files add only new items), then\n' +
        'update the payments whose end-to-end ids the bank booked and match the items (more than 500: a job,\n' +
        'see `cash jobs --help`); importing a file again finishes what an earlier import left undone;\n' +
        'prints a summary (new, duplicate, warnings)',
    )
    .argument('<file>', 'camt.052/053/054 XML, MT940/MT942, or a bank/PSP CSV export')
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--format <format>', 'auto | camt | mt940 | csv:PROFILE', 'auto')
    .option('--encoding <encoding>', 'character encoding, when detection gets it wrong (e.g. cp850)')
    .option('--account <iban>', 'IBAN of the account, for files that name none (some CSV exports); those are refused without it')
    .option('--max-bytes <size>', MAX_BYTES_HELP)
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, options: { tenant: string; format: string; encoding?: string; account?: string; maxBytes?: string; json?: boolean }) => {
      const maxBytes = maxStatementBytes(options.maxBytes, process.env[MAX_STATEMENT_BYTES_ENV]);
      const content = await fileSource(file, maxBytes);
      const services = await openServices(dbConfigFromEnv());
      try {
        await services.tenants.getTenant(options.tenant).catch(() => {
          throw invalid('TENANT_UNKNOWN', `tenant ${options.tenant} does not exist`);
        });
        const progress = progressReporter(`storing ${basename(file)}`);
        const summary = await importStatement(
          { ...services, runs: services.paymentRuns.store },
          { tenantId: options.tenant, actor: 'cli', businessProcess: 'Statement Import' },
          content,
          {
            fileName: basename(file),
            format: options.format as StatementFormatOption,
            maxBytes,
            ...(options.encoding ? { encoding: options.encoding } : {}),
            ...(options.account ? { account: options.account } : {}),
          },
          progress.update,
        );
        progress.done();
        if (options.json) {
          process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${basename(file)} (${summary.format}): ${summary.newItems} new item(s), ${summary.duplicateItems} already imported\n`);
        for (const s of summary.statements) {
          process.stdout.write(`  statement ${s.id} account ${s.account}: ${s.newItems} new, ${s.duplicateItems} duplicate\n`);
          for (const w of s.warnings) process.stdout.write(`    warning ${w.code}: ${w.message}\n`);
        }
        const f = summary.feedback;
        if (f.collected + f.reversed + f.failed > 0) {
          process.stdout.write(`  payments: ${f.collected} collected, ${f.reversed} reversed, ${f.failed} failed\n`);
        }
        if (f.refunded + f.refundsFailed > 0) {
          process.stdout.write(`  refunds: ${f.refunded} refunded, ${f.refundsFailed} failed\n`);
        }
        for (const w of f.warnings) process.stdout.write(`  warning ${w.code}: ${w.message}\n`);
        const m = summary.matching;
        process.stdout.write(
          'settled' in m
            ? `  matching: ${m.settled} settled, ${m.suggested} suggested (cash suggestions list), ${m.unmatched} unmatched\n`
            : queuedMatching(m.jobId, options.tenant, services.db.kind),
        );
      } finally {
        await services.close();
      }
    });
}
