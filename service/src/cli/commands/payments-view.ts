import { Option, type Command } from 'commander';
import { entryItemJson, paymentJson } from '../../api/serialize.js';
import { PAYMENT_STATUSES, PAYMENT_TYPES, type Payment } from '../../domain/payment.js';
import { asTenant } from './cli-tenant.js';
import { commandGroup, printJsonLines, printTable } from './group.js';
import { MAX_PAGE_LIMIT, parseLimit } from '../limit-option.js';
import { pageOptions, reportMore } from './listing.js';

/** `cash payments list|show`: money received and paid out, as the API lists it. */
export function registerPaymentsView(program: Command): void {
  const payments = commandGroup(program, 'payments', 'Look at payments (money received and paid out)');
  pageOptions(
    payments
      .command('list')
      .description('List payments, oldest first: type, status, amount, assigned, available, date, party, end-to-end id')
      .requiredOption('--tenant <id>', 'tenant id')
      .addOption(new Option('--status <status>', 'only payments in this status').choices(PAYMENT_STATUSES))
      .addOption(new Option('--type <type>', 'only payments of this type').choices(PAYMENT_TYPES)),
  ).action(async (options: { tenant: string; status?: Payment['status']; type?: Payment['type']; limit: string; cursor?: string; json?: boolean }) => {
    const limit = parseLimit(options.limit, MAX_PAGE_LIMIT);
    await asTenant(options.tenant, 'Payments', async (services, ctx) => {
      const filter = { ...(options.status ? { status: options.status } : {}), ...(options.type ? { type: options.type } : {}) };
      const page = await services.ledger.listPayments(ctx, filter, limit, options.cursor ?? null);
      if (options.json) printJsonLines(page.items.map(paymentJson));
      else {
        printTable([
          ['TYPE', 'STATUS', 'AMOUNT', 'ASSIGNED', 'AVAILABLE', 'DATE', 'PARTY', 'END-TO-END ID', 'ID'],
          ...page.items.map((p) => {
            const json = paymentJson(p);
            return [p.type, p.status, `${json.amount} ${p.currency}`, json.assignedAmount, json.availableAmount, p.paymentDate ?? '-', p.party.name ?? '-', p.endToEndId ?? '-', p.id];
          }),
        ]);
      }
      reportMore(page);
    });
  });

  payments
    .command('show <id>')
    .description('Show one payment as JSON, with the entry items that settle or expect it')
    .requiredOption('--tenant <id>', 'tenant id')
    .action(async (id: string, options: { tenant: string }) => {
      await asTenant(options.tenant, 'Payments', async (services, ctx) => {
        const payment = await services.ledger.getPayment(ctx, id);
        const items = await services.ledger.listEntryItems(ctx, { paymentId: payment.id });
        process.stdout.write(`${JSON.stringify({ ...paymentJson(payment), items: items.map(entryItemJson) }, null, 2)}\n`);
      });
    });
}
