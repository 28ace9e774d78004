import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import { readEntriesBytes, type EntriesFileFormat } from '../../formats/entries/entries-file.js';
import { importEntries } from '../../jobs/import-entries.js';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';
import { progressReporter } from '../progress.js';

export function registerEntriesImport(program: Command): void {
  const entries = program.command('entries').description('Work with entries (receivables and payables)');
  entries
    .command('import <file>')
    .description(
      'Import entries from CSV (header row; columns number,type,currency,amount,account.id,account.number,account.name,\n' +
        'contact.number,contact.name,title,paymentReference,statementDate,dueDate,creditApproval,excludeFromPaymentRun)\n' +
        'or JSON lines (one entry per line, as POST /v1/entries takes it). Exit code 1 when any line was refused.',
    )
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--format <format>', 'csv or jsonl (default: from the file name or content)')
    .option(
      '--encoding <encoding>',
      'character encoding of the file (e.g. windows-1252, latin1, utf-16le); default: detected from its bytes\n' +
        '(byte order mark, UTF-16, UTF-8, else the most plausible Western code page)',
    )
    .action(async (file: string, options: { tenant: string; format?: string; encoding?: string }) => {
      if (options.format && options.format !== 'csv' && options.format !== 'jsonl') {
        throw invalid('FORMAT_UNKNOWN', `--format must be csv or jsonl, not ${options.format}`);
      }
      const records = readEntriesBytes(await readFile(file), {
        fileName: file,
        ...(options.format ? { format: options.format as EntriesFileFormat } : {}),
        ...(options.encoding ? { encoding: options.encoding } : {}),
      });
      const services = await openServices(dbConfigFromEnv());
      try {
        await services.tenants.getTenant(options.tenant);
        const progress = progressReporter(`importing ${basename(file)}`);
        const summary = await importEntries(
          services.ledger,
          services.paymentRuns.store,
          { tenantId: options.tenant, actor: 'cli', businessProcess: 'Entries Import' },
          records,
          progress.update,
        );
        progress.done();
        process.stdout.write(`imported ${summary.imported} of ${summary.total} entries; refused ${summary.refused.length}\n`);
        for (const r of summary.refused) process.stdout.write(`  line ${r.line}: ${r.code} ${r.message}\n`);
        if (summary.refused.length > 0) process.exitCode = 1;
      } finally {
        await services.close();
      }
    });
}
