import type { Command } from 'commander';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';
import { SCOPES, type Scope } from '../../store/tenants.js';
import { invalid } from '../../domain/errors.js';

export function registerTenant(program: Command): void {
  const tenant = program.command('tenant').description('Manage tenants (one per Salesforce org or standalone company)');
  tenant
    .command('create <name>')
    .description('Create a tenant and print its id and a first admin API key')
    .action(async (name: string) => {
      const services = await openServices(dbConfigFromEnv());
      try {
        const created = await services.tenants.createTenant(name);
        const { key } = await services.tenants.createApiKey(created.id, 'admin', ['admin']);
        process.stdout.write(`tenant ${created.id} (${created.name})\nadmin API key: ${key}\n`);
      } finally {
        await services.close();
      }
    });
}

export function registerApiKey(program: Command): void {
  const apikey = program.command('apikey').description('Manage API keys (stored hashed; the secret is shown once)');
  apikey
    .command('create')
    .description('Create an API key for a tenant')
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--name <name>', 'what the key is for', 'cli')
    .option('--scopes <list>', `comma-separated scopes: ${SCOPES.join(', ')}`, 'read,write')
    .action(async (options: { tenant: string; name: string; scopes: string }) => {
      const scopes = options.scopes.split(',').map((s) => s.trim()) as Scope[];
      if (scopes.some((s) => !SCOPES.includes(s))) {
        throw invalid('SCOPES_INVALID', `scopes must be some of ${SCOPES.join(', ')}`);
      }
      const services = await openServices(dbConfigFromEnv());
      try {
        const { key, record } = await services.tenants.createApiKey(options.tenant, options.name, scopes);
        process.stdout.write(`API key ${record.id} (${record.scopes.join(', ')}): ${key}\n`);
      } finally {
        await services.close();
      }
    });
}
