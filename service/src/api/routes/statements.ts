import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Readable } from 'node:stream';
import { importStatement } from '../../banking/import-statement.js';
import { invalid } from '../../domain/errors.js';
import type { Ledger } from '../../domain/ledger-port.js';
import { DEFAULT_MAX_STATEMENT_BYTES, type StatementFormatOption } from '../../formats/statement/parse.js';
import { checkStatementHead, tooLarge } from '../../formats/statement/stream.js';
import type { StatementStore } from '../../store/statements/statement-store.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { MatchingStore } from '../../store/matching/index.js';
import type { RunStore } from '../../store/runs/run-store.js';
import { contextOf } from '../plugins/auth.js';
import { spoolUpload } from '../upload-spool.js';
import { errorResponses, IdParams, PageQuery, pageLimit, pageOf } from '../schemas/common.js';
import { ItemQuery, StatementUploadQuery } from '../schemas/statements.js';

const FILE_TYPES = ['application/xml', 'text/xml', 'application/octet-stream', 'text/csv', 'text/plain'];

export interface StatementRouteDeps {
  ledger: Ledger;
  statements: StatementStore;
  matching: MatchingStore;
  jobs: JobQueue;
  /** Lets a returned direct debit end the mandate it was collected under. */
  runs: RunStore;
  /** Largest upload in bytes (CASH_MAX_STATEMENT_BYTES); larger ones get 413 STATEMENT_TOO_LARGE. */
  maxStatementBytes?: number;
}

export const statementRoutes: FastifyPluginAsyncTypebox<StatementRouteDeps> = async (app, deps) => {
  const limit = deps.maxStatementBytes ?? DEFAULT_MAX_STATEMENT_BYTES;
  // Bank files arrive as they are and stay a stream, read by the route (this plugin's routes only).
  app.addContentTypeParser(FILE_TYPES, (_request, body, done) => done(null, body));

  app.post(
    '/v1/bank-statements',
    {
      config: { scope: 'write' },
      bodyLimit: DEFAULT_MAX_STATEMENT_BYTES,
      schema: {
        tags: ['bank statements'],
        summary: 'Upload a bank file (camt.052/053/054, MT940/MT942, bank or PSP CSV) as the request body',
        description:
          'Send the file as the body with Content-Type application/xml, text/plain, text/csv or application/octet-stream. ' +
          `Files larger than the server's limit (CASH_MAX_STATEMENT_BYTES, default ${DEFAULT_MAX_STATEMENT_BYTES / 1024 / 1024} MiB) ` +
          'are refused with 413 STATEMENT_TOO_LARGE, before reading when Content-Length says so. ' +
          'A file that names no account (some CSV exports) needs the account query parameter, else it is refused with STATEMENT_ACCOUNT_REQUIRED. ' +
          'Idempotent: items already imported are skipped and counted as duplicates. Booked items whose end-to-end id ' +
          'belongs to a payment of this tenant update that payment (collected, returned). The other booked items become ' +
          'payments and are matched against the open entries: certain matches are settled, the rest left as suggestions.',
        querystring: StatementUploadQuery,
        consumes: FILE_TYPES,
        response: { 201: Type.Ref('StatementImportSummary'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const body: unknown = request.body;
      if (!(body instanceof Readable)) {
        throw invalid('FILE_REQUIRED', `send the bank file itself as the body (Content-Type one of ${FILE_TYPES.join(', ')})`);
      }
      const fileName = request.query.fileName ?? 'upload';
      const declared = Number(request.headers['content-length']);
      if (declared > limit) {
        // Refused unread; closing the connection stops the client sending the rest.
        reply.header('connection', 'close');
        throw tooLarge(fileName, limit, declared);
      }
      const format = (request.query.format ?? 'auto') as StatementFormatOption;
      const read = { fileName, format, ...(request.query.encoding ? { encoding: request.query.encoding } : {}) };
      const upload = await spoolUpload(body, limit, fileName, (head) => checkStatementHead(head, read)).catch((error: unknown) => {
        reply.header('connection', 'close');
        throw error;
      });
      try {
        const summary = await importStatement(deps, contextOf(request, 'Statement Import'), upload, {
          ...read,
          maxBytes: limit,
          ...(request.query.account ? { account: request.query.account } : {}),
        });
        return reply.status(201).send(summary);
      } finally {
        await upload.remove();
      }
    },
  );

  app.get(
    '/v1/bank-statements',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['bank statements'],
        summary: 'Imported statements, oldest first',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: pageOf(Type.Ref('BankStatement')), ...errorResponses },
      },
    },
    async (request) => deps.statements.listStatements(contextOf(request).tenantId, pageLimit(request.query.limit), request.query.cursor ?? null),
  );

  app.get(
    '/v1/bank-statements/:id',
    {
      config: { scope: 'read' },
      schema: { tags: ['bank statements'], summary: 'A statement with its balances and warnings', params: IdParams, response: { 200: Type.Ref('BankStatement'), ...errorResponses } },
    },
    async (request) => deps.statements.getStatement(contextOf(request).tenantId, request.params.id),
  );

  app.get(
    '/v1/bank-statements/:id/items',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['bank statements'],
        summary: 'The items of a statement',
        params: IdParams,
        querystring: ItemQuery,
        response: { 200: pageOf(Type.Ref('BankStatementItem')), ...errorResponses },
      },
    },
    async (request) => {
      const tenantId = contextOf(request).tenantId;
      await deps.statements.getStatement(tenantId, request.params.id);
      return deps.statements.listItems(
        tenantId,
        { statementId: request.params.id, ...(request.query.matchingResult ? { matchingResult: request.query.matchingResult } : {}) },
        pageLimit(request.query.limit),
        request.query.cursor ?? null,
      );
    },
  );

  app.get(
    '/v1/bank-statement-items/:id',
    {
      config: { scope: 'read' },
      schema: { tags: ['bank statements'], summary: 'One statement item', params: IdParams, response: { 200: Type.Ref('BankStatementItem'), ...errorResponses } },
    },
    async (request) => deps.statements.getItem(contextOf(request).tenantId, request.params.id),
  );

  app.get(
    '/v1/bank-accounts',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['bank statements'],
        summary: 'Own bank accounts seen in statements, with balance and last statement date',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('BankAccount')) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await deps.statements.listAccounts(contextOf(request).tenantId) }),
  );
};
