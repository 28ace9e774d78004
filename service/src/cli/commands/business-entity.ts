import type { Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import { cleanText } from '../../domain/text.js';
import { createBusinessEntity } from '../../payment-runs/instruments.js';
import type { RunAddress } from '../../formats/sepa/run-json-schema.js';
import { asTenant } from './cli-tenant.js';
import { commandGroup, printJsonLines, printTable } from './group.js';

interface CreateOptions {
  tenant: string;
  code: string;
  name: string;
  creditorId?: string;
  iban: string;
  bic?: string;
  accountName?: string;
  street?: string;
  buildingNumber?: string;
  postalCode?: string;
  town?: string;
  country?: string;
  mandatePattern?: string;
}

function addressOf(o: CreateOptions): RunAddress | null {
  if (o.country && !/^[A-Z]{2}$/.test(o.country)) throw invalid('COUNTRY_INVALID', `--country ${o.country}: an ISO 3166 code like DE`);
  const address = {
    ...(o.street ? { street: o.street } : {}),
    ...(o.buildingNumber ? { buildingNumber: o.buildingNumber } : {}),
    ...(o.postalCode ? { postalCode: o.postalCode } : {}),
    ...(o.town ? { town: o.town } : {}),
    ...(o.country ? { country: o.country } : {}),
  };
  return Object.keys(address).length > 0 ? address : null;
}

/**
 * `cash business-entity create|list`: the company that collects and pays, with its SEPA creditor
 * identifier and bank account, as POST /v1/business-entities creates it; SEPA runs name it by code.
 */
export function registerBusinessEntity(program: Command): void {
  const group = commandGroup(program, 'business-entity', 'The companies of a tenant that collect and pay: creditor id and bank account, for SEPA runs');
  group
    .command('create')
    .description('Create a business entity with its bank account (EUR); direct debits need --creditor-id')
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--code <code>', 'short code, e.g. ACME (A–Z, 0–9, "-"; at most 20), used by `cash sepa run --business-entity`')
    .requiredOption('--name <name>', 'creditor / debtor name written in the files (at most 70 characters)')
    .option('--creditor-id <id>', 'SEPA creditor identifier, e.g. DE98ZZZ09999999999')
    .requiredOption('--iban <iban>', 'IBAN of the bank account collections go to and payments leave from')
    .option('--bic <bic>', 'BIC of that bank account')
    .option('--account-name <name>', 'name of the bank account')
    .option('--street <street>', 'address: street')
    .option('--building-number <number>', 'address: building number')
    .option('--postal-code <code>', 'address: postal code')
    .option('--town <town>', 'address: town')
    .option('--country <code>', 'address: ISO 3166 country code, e.g. DE')
    .option('--mandate-pattern <pattern>', 'pattern of generated mandate references, e.g. {CODE}-{YYYY}-{SEQ:6}')
    .action(async (given: CreateOptions) => {
      const o = cleanText(given).value;
      if (!/^[A-Z0-9][A-Z0-9-]{0,19}$/.test(o.code)) throw invalid('CODE_INVALID', `--code ${o.code}: A–Z, 0–9 and "-", at most 20 characters`);
      if ([...o.name].length > 70) throw invalid('NAME_TOO_LONG', '--name: at most 70 characters');
      await asTenant(o.tenant, 'Business Entities', async (services, ctx) => {
        const entity = await createBusinessEntity(services.paymentRuns.store, ctx, {
          code: o.code,
          creditorName: o.name,
          creditorId: o.creditorId ?? null,
          address: addressOf(o),
          account: { iban: o.iban, bic: o.bic ?? null, name: o.accountName ?? null, currency: 'EUR' },
          ...(o.mandatePattern ? { mandatePattern: o.mandatePattern } : {}),
        });
        process.stdout.write(
          `business entity ${entity.code} (${entity.id}): ${entity.creditorName}, creditor id ${entity.creditorId ?? '-'}, ` +
            `account ${entity.bankAccount.iban}\n`,
        );
      });
    });

  group
    .command('list')
    .description('List the business entities: code, name, creditor id, IBAN, id')
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--json', 'print JSON lines')
    .action(async (options: { tenant: string; json?: boolean }) => {
      await asTenant(options.tenant, 'Business Entities', async (services, ctx) => {
        const entities = await services.paymentRuns.store.listBusinessEntities(ctx.tenantId);
        if (options.json) return printJsonLines(entities);
        printTable([
          ['CODE', 'NAME', 'CREDITOR ID', 'IBAN', 'ID'],
          ...entities.map((e) => [e.code, e.creditorName, e.creditorId ?? '-', e.bankAccount.iban, e.id]),
        ]);
      });
    });
}
