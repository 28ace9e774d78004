import type { Command } from 'commander';
import { buildApp } from '../../api/app.js';
import { servicesFor } from '../../runtime/services.js';
import { openPglite } from '../../store/pglite-db.js';

/** The OpenAPI document without starting a server (docs/openapi.json is generated from it). */
export async function openApiDocument(): Promise<unknown> {
  const services = servicesFor(await openPglite());
  const app = await buildApp(services);
  await app.ready();
  const doc = app.swagger();
  await app.close();
  await services.close();
  return doc;
}

export function registerOpenApi(program: Command): void {
  program
    .command('openapi')
    .description('Print the OpenAPI document of the HTTP API')
    .action(async () => {
      process.stdout.write(`${JSON.stringify(await openApiDocument(), null, 2)}\n`);
    });
}
