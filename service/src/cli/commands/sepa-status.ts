import { basename } from 'node:path';
import type { Command } from 'commander';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';
import { readStatementFile } from './statement-parse.js';
import { sepaGroup } from './sepa-group.js';

const MAX_STATUS_REPORT_BYTES = 20 * 1024 * 1024;

/** `cash sepa status FILE`: reads a pain.002 and applies it to the payment order it answers. */
export function registerSepaStatus(program: Command): void {
  sepaGroup(program)
    .command('status')
    .description(
      'apply a bank status report (pain.002) to the payment order it answers: rejected transactions fail their\n' +
        'payments and open their entries again (reason kept); the order becomes Accepted, Partially accepted or Rejected',
    )
    .argument('<file>', 'pain.002.001.03 (also the Swiss and German variants) or pain.002.001.10')
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { tenant: string; json?: boolean }) => {
      const content = await readStatementFile(file, MAX_STATUS_REPORT_BYTES);
      const services = await openServices(dbConfigFromEnv());
      try {
        await services.tenants.getTenant(options.tenant);
        const result = await services.paymentRuns.applyStatusReport(
          { tenantId: options.tenant, actor: 'cli', businessProcess: 'Payment Status Report' },
          content,
        );
        if (options.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const out = (line: string) => process.stdout.write(`${line}\n`);
        out(
          `${basename(file)}: order ${result.messageId} ${result.orderStatus} — ${result.accepted} accepted, ` +
            `${result.rejected} rejected, ${result.pending} pending, ${result.unknown} without status`,
        );
        for (const p of result.payments.filter((p) => p.outcome === 'rejected')) out(`  rejected ${p.endToEndId}: ${p.reason ?? p.status}`);
        for (const id of result.unmatchedEndToEndIds) out(`  warning: ${id || '(no end-to-end id)'} is not a transaction of this order`);
      } finally {
        await services.close();
      }
    });
}
