/**
 * `cash matching-config …`: a tenant's matching configurations — show the set that runs, replace it
 * from a JSON file (the format `cash match --config` reads), or go back to the shipped defaults.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { invalid } from '../../domain/errors.js';
import { readConfigurations } from '../../matching/index.js';
import { validConfiguration } from '../../store/matching/index.js';
import { asTenant } from './cli-tenant.js';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw invalid('MATCHING_CONFIG_UNREADABLE', `${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function registerMatchingConfig(program: Command): void {
  const group = program.command('matching-config').description('Show or change the matching configurations of a tenant');

  group
    .command('show')
    .description('print the configurations that run, by priority, as JSON (the shipped defaults while the tenant has none)')
    .requiredOption('--tenant <id>', 'tenant id')
    .action(async (options: { tenant: string }) => {
      await asTenant(options.tenant, 'Matching Configuration', async (services, ctx) => {
        const effective = await services.matching.configurations.effective(ctx.tenantId);
        process.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
      });
    });

  group
    .command('import')
    .description('replace the tenant\'s configurations with those of a JSON file (a list, or { "configurations": [...] })')
    .argument('<file>', 'configuration file')
    .requiredOption('--tenant <id>', 'tenant id')
    .action(async (file: string, options: { tenant: string }) => {
      const configurations = readConfigurations(readJson(file)).map(validConfiguration);
      await asTenant(options.tenant, 'Matching Configuration', async (services, ctx) => {
        const stored = await services.matching.configurations.replaceAll(ctx.tenantId, configurations);
        process.stdout.write(`${stored.length} configuration(s) stored for tenant ${ctx.tenantId}\n`);
      });
    });

  group
    .command('reset')
    .description('delete the tenant\'s own configurations, so the shipped defaults run again')
    .requiredOption('--tenant <id>', 'tenant id')
    .action(async (options: { tenant: string }) => {
      await asTenant(options.tenant, 'Matching Configuration', async (services, ctx) => {
        await services.matching.configurations.replaceAll(ctx.tenantId, []);
        process.stdout.write(`tenant ${ctx.tenantId} matches with the shipped defaults\n`);
      });
    });
}
