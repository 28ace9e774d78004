import type { Command } from 'commander';
import { tenantJson } from '../../api/serialize.js';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';
import { commandGroup, printJsonLines, printTable } from './group.js';

/** `cash tenant list`: every tenant of the database, oldest first. */
export function registerTenantList(program: Command): void {
  commandGroup(program, 'tenant', 'Manage tenants')
    .command('list')
    .description('List the tenants: id, name, created at')
    .option('--json', 'print JSON lines')
    .action(async (options: { json?: boolean }) => {
      const services = await openServices(dbConfigFromEnv());
      try {
        const tenants = await services.tenants.listTenants();
        if (options.json) printJsonLines(tenants.map(tenantJson));
        else printTable([['ID', 'NAME', 'CREATED'], ...tenants.map((t) => [t.id, t.name, t.createdAt.toISOString()])]);
      } finally {
        await services.close();
      }
    });
}
