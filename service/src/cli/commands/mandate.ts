import { Option, type Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import { cleanText } from '../../domain/text.js';
import { isCalendarDate } from '../../schemas/primitives.js';
import { createMandateInstrument } from '../../payment-runs/instruments.js';
import type { MandateScheme, MandateType } from '../../domain/mandates/mandate.js';
import { asTenant } from './cli-tenant.js';
import { commandGroup, printJsonLines, printTable } from './group.js';
import { MAX_PAGE_LIMIT, parseLimit } from '../limit-option.js';
import { pageOptions, reportMore } from './listing.js';
import { todayInFrankfurt } from './sepa-file-run.js';

interface CreateOptions {
  tenant: string;
  businessEntity: string;
  account: string;
  holder: string;
  iban: string;
  bic?: string;
  scheme: MandateScheme;
  type?: MandateType;
  signed: string;
  reference?: string;
  validUntil?: string;
}

const date = (option: string, value: string | undefined) => {
  if (value !== undefined && !isCalendarDate(value)) throw invalid('DATE_INVALID', `${option} "${value}" is not a date (YYYY-MM-DD)`);
};

/**
 * `cash mandate create|list`: a customer's SEPA direct-debit mandate, as POST /v1/payment-instruments
 * creates it. A direct-debit run collects the open receivables whose account id has an active mandate.
 */
export function registerMandate(program: Command): void {
  const group = commandGroup(program, 'mandate', 'SEPA direct-debit mandates of customers');
  group
    .command('create')
    .description('Add a signed mandate; without --reference one is generated from the business entity\'s pattern')
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--business-entity <code>', 'business entity (code or id) the mandate was given to')
    .requiredOption('--account <id>', 'the customer\'s account id, as its entries carry it (account.id)')
    .requiredOption('--holder <name>', 'account holder (the debtor)')
    .requiredOption('--iban <iban>', 'the debtor\'s IBAN')
    .option('--bic <bic>', 'the debtor\'s BIC')
    .addOption(new Option('--scheme <scheme>', 'SEPA scheme').choices(['CORE', 'B2B']).default('CORE'))
    .addOption(new Option('--type <type>', 'a series of collections, or exactly one').choices(['RECURRENT', 'ONE_OFF']))
    .requiredOption('--signed <date>', 'date the mandate was signed (YYYY-MM-DD)')
    .option('--reference <reference>', 'mandate reference (at most 35 characters)')
    .option('--valid-until <date>', 'last day a collection may fall on')
    .action(async (given: CreateOptions) => {
      const o = cleanText(given).value;
      date('--signed', o.signed);
      date('--valid-until', o.validUntil);
      await asTenant(o.tenant, 'Mandates', async (services, ctx) => {
        const instrument = await createMandateInstrument(
          services.paymentRuns.store,
          ctx,
          {
            businessEntity: o.businessEntity,
            accountId: o.account,
            scheme: o.scheme,
            signatureDate: o.signed,
            accountHolder: o.holder,
            iban: o.iban,
            ...(o.bic ? { bic: o.bic } : {}),
            ...(o.type ? { type: o.type } : {}),
            ...(o.reference ? { reference: o.reference } : {}),
            ...(o.validUntil ? { validUntil: o.validUntil } : {}),
          },
          todayInFrankfurt(),
        );
        process.stdout.write(
          `mandate ${instrument.mandate!.reference} (${instrument.id}): ${instrument.mandate!.scheme} for account ${instrument.accountId}, ` +
            `${instrument.accountHolder}, ${instrument.iban}\n`,
        );
      });
    });

  pageOptions(
    group
      .command('list')
      .description('List mandates, oldest first: reference, scheme, account, holder, IBAN, active')
      .requiredOption('--tenant <id>', 'tenant id')
      .option('--account <id>', 'only the mandates of this account id'),
  ).action(async (options: { tenant: string; account?: string; limit: string; cursor?: string; json?: boolean }) => {
    const limit = parseLimit(options.limit, MAX_PAGE_LIMIT);
    await asTenant(options.tenant, 'Mandates', async (services, ctx) => {
      const page = await services.paymentRuns.store.listInstruments(ctx.tenantId, options.account ? { accountId: options.account } : {}, limit, options.cursor ?? null);
      const mandates = page.items.filter((i) => i.mandate);
      if (options.json) printJsonLines(mandates);
      else {
        printTable([
          ['REFERENCE', 'SCHEME', 'ACCOUNT', 'HOLDER', 'IBAN', 'ACTIVE', 'ID'],
          ...mandates.map((i) => [i.mandate!.reference, i.mandate!.scheme, i.accountId ?? i.accountNumber ?? '', i.accountHolder, i.iban, i.active ? 'yes' : `no (${i.deactivationReason ?? ''})`, i.id]),
        ]);
      }
      reportMore(page);
    });
  });
}
