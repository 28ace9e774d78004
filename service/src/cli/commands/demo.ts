import type { Command } from 'commander';
import { ensureDemo } from '../../runtime/demo.js';
import { demoKeyFile } from '../../runtime/demo-key-file.js';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Create the demo tenant with realistic entries and payments (once) and print its demo API key. The key stays the ' +
        'same across restarts: it is kept (owner-only) in a file beside the data folder, CASH_DATA_DIR + ".demo-key"; ' +
        'delete that file for a new one.',
    )
    .action(async () => {
      const config = dbConfigFromEnv();
      const services = await openServices(config);
      try {
        const demo = await ensureDemo(services.ledger, services.tenants, services.paymentRuns, services, { keyFile: demoKeyFile(config) });
        process.stdout.write(
          `${demo.seeded ? 'seeded' : 'found'} demo tenant ${demo.tenantId}\ndemo API key (admin): ${demo.key}\n`,
        );
      } finally {
        await services.close();
      }
    });
}
