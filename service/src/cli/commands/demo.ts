import type { Command } from 'commander';
import { ensureDemo } from '../../runtime/demo.js';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Create the demo tenant with realistic entries and payments (once) and print a fresh demo API key')
    .action(async () => {
      const services = await openServices(dbConfigFromEnv());
      try {
        const demo = await ensureDemo(services.ledger, services.tenants, services.paymentRuns, services);
        process.stdout.write(
          `${demo.seeded ? 'seeded' : 'found'} demo tenant ${demo.tenantId}\ndemo API key (admin): ${demo.key}\n`,
        );
      } finally {
        await services.close();
      }
    });
}
