/**
 * The statement import as it was before streaming, for the `uploads` benchmark's baseline:
 * `cli FILE TENANT` reads the file whole, parses it into the full model and stores it;
 * `serve PORT` takes uploads as one Buffer (limit 512 MiB) and does the same. What follows the
 * storing (bank feedback, matching) is today's code on both sides.
 */
import { readFile } from 'node:fs/promises';
import Fastify from 'fastify';
import { matchAfterImport } from '../src/banking/auto-match-job.js';
import { applyBankFeedback } from '../src/banking/bank-feedback.js';
import { parseStatementFile } from '../src/formats/statement/parse.js';
import { openServices } from '../src/runtime/services.js';
import { dbConfigFromEnv } from '../src/store/open-db.js';

const OLD_LIMIT = 512 * 1024 * 1024;
const services = await openServices(dbConfigFromEnv());

async function importWhole(tenantId: string, content: Buffer, fileName: string) {
  const file = await parseStatementFile(content, { fileName, maxBytes: OLD_LIMIT });
  const stored = await services.statements.importFile(tenantId, file, { fileName, content, importedBy: 'bench' });
  const ctx = { tenantId, actor: 'bench', businessProcess: 'Statement Import' };
  await applyBankFeedback(services.ledger, services.statements, ctx, stored.newItemIds);
  await matchAfterImport(services, ctx, { newItemIds: stored.newItemIds, statementIds: stored.statements.map((s) => s.id) });
  return stored;
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'cli') {
  const [path, tenant] = args as [string, string];
  try {
    const stored = await importWhole(tenant, await readFile(path), path);
    process.stdout.write(`${stored.newItems} new item(s), ${stored.duplicateItems} already imported\n`);
  } catch (error) {
    process.stdout.write(`error ${(error as { code?: string }).code ?? String(error)}\n`);
  } finally {
    await services.close();
  }
} else {
  const [port, tenant] = args as [string, string];
  const app = Fastify({ bodyLimit: OLD_LIMIT });
  app.addContentTypeParser(['application/octet-stream'], { parseAs: 'buffer', bodyLimit: OLD_LIMIT }, (_request, body, done) => done(null, body));
  app.post('/upload', async (request, reply) => {
    try {
      const stored = await importWhole(tenant, request.body as Buffer, 'upload');
      return reply.status(201).send({ newItems: stored.newItems, duplicateItems: stored.duplicateItems });
    } catch (error) {
      return reply.status(422).send({ code: (error as { code?: string }).code ?? 'ERROR' });
    }
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  process.stdout.write('listening\n');
  process.once('SIGTERM', async () => {
    await app.close();
    await services.close();
    process.exit(0);
  });
}
