import type { Command } from 'commander';
import { jobHandlers } from '../../jobs/handlers.js';
import { jobTimingFromEnv } from '../../jobs/timing.js';
import { Worker } from '../../jobs/worker.js';
import { orgBridgeFor } from '../../runtime/org-bridge-runtime.js';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv } from '../../store/open-db.js';
import { WORKER_HELP } from './jobs-help.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Run queued jobs (imports, payment runs, matching) until stopped; needs DATABASE_URL to share jobs with `cash serve`')
    .addHelpText('after', WORKER_HELP)
    .option('--once', 'run the jobs that are ready, then exit')
    .action(async (options: { once?: boolean }) => {
      const timing = jobTimingFromEnv();
      const services = await openServices(dbConfigFromEnv());
      const log = (message: string) => process.stdout.write(`${new Date().toISOString()} ${message}\n`);
      const org = orgBridgeFor(services, log);
      const worker = new Worker(services.jobs, { ...jobHandlers(services.ledger, services, services.paymentRuns), ...org.handlers }, { log, ...timing });
      if (options.once) {
        log(`ran ${await worker.drain()} job(s)`);
        await services.close();
        return;
      }
      log(`worker ${worker.id} started (heartbeat every ${timing.heartbeatMs / 1000} s; jobs silent for ${timing.staleAfterMs / 1000} s are taken over)`);
      worker.start();
      // connected tenants' commands: one process of all the web and worker processes holds each tenant
      org.bridge.start();
      const stop = async () => {
        await org.bridge.stop();
        await worker.stop();
        await services.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
