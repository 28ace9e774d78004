import type { Command } from 'commander';
import { jobHandlers } from '../../jobs/handlers.js';
import { Worker } from '../../jobs/worker.js';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Run queued jobs (imports, payment runs, matching) until stopped; needs DATABASE_URL to share jobs with `cash serve`')
    .option('--once', 'run the jobs that are ready, then exit')
    .action(async (options: { once?: boolean }) => {
      const services = await openServices(dbConfigFromEnv());
      const log = (message: string) => process.stdout.write(`${new Date().toISOString()} ${message}\n`);
      const worker = new Worker(services.jobs, jobHandlers(services.ledger, services, services.paymentRuns), { log });
      if (options.once) {
        log(`ran ${await worker.drain()} job(s)`);
        await services.close();
        return;
      }
      log('worker started');
      worker.start();
      const stop = async () => {
        await worker.stop();
        await services.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
