import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { importStatement } from '../../banking/import-statement.js';
import { invalid } from '../../domain/errors.js';
import type { Ledger } from '../../domain/ledger-port.js';
import { DEFAULT_MAX_STATEMENT_BYTES, type StatementFormatOption } from '../../formats/statement/parse.js';
import type { StatementStore } from '../../store/statements/statement-store.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { MatchingStore } from '../../store/matching/index.js';
import type { RunStore } from '../../store/runs/run-store.js';
import { contextOf } from '../plugins/auth.js';
import { errorResponses, IdParams, PageQuery, pageLimit, pageOf } from '../schemas/common.js';
import { ItemQuery, StatementUploadQuery } from '../schemas/statements.js';

const FILE_TYPES = ['application/xml', 'text/xml', 'application/octet-stream', 'text/csv', 'text/plain'];

export const statementRoutes: FastifyPluginAsyncTypebox<{ ledger: Ledger; statements: StatementStore; matching: MatchingStore; jobs: JobQueue; runs: RunStore }> = async (app, deps) => {
  // bank files arrive as they are; these parsers apply to this plugin's routes only
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: DEFAULT_MAX_STATEMENT_BYTES }, (_request, body, done) =>
    done(null, body),
  );

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
          'Idempotent: items already imported are skipped and counted as duplicates. Booked items whose end-to-end id ' +
          'belongs to a payment of this tenant update that payment (collected, returned). The other booked items become ' +
          'payments and are matched against the open entries: certain matches are settled, the rest left as suggestions.',
        querystring: StatementUploadQuery,
        consumes: FILE_TYPES,
        response: { 201: Type.Ref('StatementImportSummary'), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw invalid('FILE_REQUIRED', `send the bank file itself as the body (Content-Type one of ${FILE_TYPES.join(', ')})`);
      }
      const summary = await importStatement(deps, contextOf(request, 'Statement Import'), request.body, {
        fileName: request.query.fileName ?? 'upload',
        format: (request.query.format ?? 'auto') as StatementFormatOption,
        ...(request.query.encoding ? { encoding: request.query.encoding } : {}),
      });
      return reply.status(201).send(summary);
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
