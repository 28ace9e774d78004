import type { Command } from 'commander';
import { buildApp } from '../../api/app.js';
import { jobHandlers } from '../../jobs/handlers.js';
import { jobTimingFromEnv } from '../../jobs/timing.js';
import { Worker } from '../../jobs/worker.js';
import { ensureDemo } from '../../runtime/demo.js';
import { demoKeyFile } from '../../runtime/demo-key-file.js';
import { orgBridgeFor } from '../../runtime/org-bridge-runtime.js';
import { openServices } from '../../runtime/services.js';
import { dbConfigFromEnv, describeDb } from '../../store/open-db.js';
import { DEFAULT_MAX_STATEMENT_BYTES } from '../../formats/statement/parse.js';
import { maxStatementBytes, MAX_STATEMENT_BYTES_ENV } from '../../formats/statement/size-limit.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the HTTP API (migrates the database first). With the embedded database the job worker runs in-process.')
    .option('-p, --port <port>', 'port to listen on (env PORT)', process.env.PORT ?? '3000')
    .option('--host <host>', 'interface to bind (env HOST)', process.env.HOST ?? '127.0.0.1')
    .option('--demo', 'create and seed the demo tenant if missing and print its demo API key (the same on every start; see `cash demo --help`)')
    .option('--no-worker', 'do not run the job worker in this process (run `cash worker` instead)')
    .option(
      '--max-statement-bytes <size>',
      `largest bank-file upload: bytes, or with K, M, G (binary); larger ones get 413 (env ${MAX_STATEMENT_BYTES_ENV}, default ` +
        `${DEFAULT_MAX_STATEMENT_BYTES / 1024 / 1024}M)`,
    )
    .action(async (options: { port: string; host: string; demo?: boolean; worker: boolean; maxStatementBytes?: string }) => {
      const maxBytes = maxStatementBytes(options.maxStatementBytes, process.env[MAX_STATEMENT_BYTES_ENV], '--max-statement-bytes');
      const config = dbConfigFromEnv();
      // steps go to stderr, so a slow first start says what it is doing and stdout stays for the result
      const step = (message: string) => process.stderr.write(`${message}…\n`);
      const services = await openServices(config, step);
      const app = await buildApp({ ...services, logger: process.env.LOG_LEVEL !== 'silent', maxStatementBytes: maxBytes });
      const demo = options.demo
        ? await ensureDemo(services.ledger, services.tenants, services.paymentRuns, services, { keyFile: demoKeyFile(config), log: step })
        : null;
      // PGlite is one process's database, so its jobs must run here; with Postgres a worker dyno may take them
      const org = orgBridgeFor(services, (m) => app.log.info(m));
      const handlers = { ...jobHandlers(services.ledger, services, services.paymentRuns), ...org.handlers };
      const worker = options.worker || services.db.kind === 'pglite' ? new Worker(services.jobs, handlers, { log: (m) => app.log.info(m), ...jobTimingFromEnv() }) : null;
      worker?.start();
      // connected tenants' commands: one process of all the web and worker processes holds each tenant
      org.bridge.start();
      step(`starting to listen on ${options.host}:${options.port}`);
      const address = await app.listen({ port: Number(options.port), host: options.host });
      const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
      process.stdout.write(
        [
          '',
          `Cash Management API listening on ${url}`,
          `  database:  ${describeDb(config)}`,
          `  docs:      ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
          ...(demo
            ? [
                `  demo tenant ${demo.tenantId}${demo.seeded ? ' (seeded now)' : ''}`,
                `  demo API key (admin): ${demo.key}   (kept in ${demoKeyFile(config)})`,
                `  try: curl -H "Authorization: Bearer ${demo.key}" ${url}/v1/entries`,
              ]
            : []),
          '',
        ].join('\n'),
      );
      const stop = async () => {
        await org.bridge.stop();
        await worker?.stop();
        await app.close();
        await services.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
