import type { Command } from 'commander';
import { apiKeyJson } from '../../api/serialize.js';
import { KEY_CACHE_MS } from '../../store/tenants.js';
import { asTenant } from './cli-tenant.js';
import { commandGroup, printJsonLines, printTable } from './group.js';

/** `cash apikey list|revoke`: what keys a tenant has (never their secrets), and ending one. */
export function registerApiKeyManage(program: Command): void {
  const apikey = commandGroup(program, 'apikey', 'Manage API keys');
  apikey
    .command('list')
    .description('List a tenant\'s API keys: id, name, prefix (cm_PREFIX_…), scopes, created, revoked; never the secret')
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--json', 'print JSON lines')
    .action(async (options: { tenant: string; json?: boolean }) => {
      await asTenant(options.tenant, 'API Keys', async (services) => {
        const keys = await services.tenants.listApiKeys(options.tenant);
        if (options.json) return printJsonLines(keys.map(apiKeyJson));
        printTable([
          ['ID', 'NAME', 'PREFIX', 'SCOPES', 'CREATED', 'REVOKED'],
          ...keys.map((k) => [k.id, k.name, `cm_${k.prefix}_`, k.scopes.join(','), k.createdAt.toISOString(), k.revokedAt?.toISOString() ?? '-']),
        ]);
      });
    });
  apikey
    .command('revoke <id>')
    .description(
      `Revoke an API key. A running server that used the key in the last ${KEY_CACHE_MS / 1000} s may still accept it ` +
        'for up to that long (verified keys are remembered briefly)',
    )
    .requiredOption('--tenant <id>', 'tenant id')
    .action(async (id: string, options: { tenant: string }) => {
      await asTenant(options.tenant, 'API Keys', async (services) => {
        const key = await services.tenants.revokeApiKey(options.tenant, id);
        process.stdout.write(
          `revoked API key ${key.id} (${key.name}); running servers refuse it within ${KEY_CACHE_MS / 1000} s\n`,
        );
      });
    });
}
