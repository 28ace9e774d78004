import type { Command } from 'commander';
import { migrate } from '../../store/migrate.js';
import { dbConfigFromEnv, describeDb, openDb } from '../../store/open-db.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date (Heroku release phase)')
    .action(async () => {
      const config = dbConfigFromEnv();
      const db = await openDb(config);
      try {
        const applied = await migrate(db);
        process.stdout.write(
          applied.length ? `applied ${applied.join(', ')} to ${describeDb(config)}\n` : `${describeDb(config)} is up to date\n`,
        );
      } finally {
        await db.close();
      }
    });
}
