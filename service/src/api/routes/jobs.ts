import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ENTRIES_IMPORT } from '../../jobs/handlers.js';
import type { Job, JobQueue } from '../../jobs/queue.js';
import { contextOf } from '../plugins/auth.js';
import { errorResponses, IdParams, PageQuery, pageLimit } from '../schemas/common.js';
import { EntriesImport } from '../schemas/jobs.js';

const jobJson = (j: Job) => ({
  id: j.id,
  type: j.type,
  status: j.status,
  progress: j.progress,
  result: j.result,
  error: j.error,
  attempts: j.attempts,
  createdAt: j.createdAt.toISOString(),
  updatedAt: j.updatedAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

export const jobRoutes: FastifyPluginAsyncTypebox<{ jobs: JobQueue }> = async (app, { jobs }) => {
  app.post(
    '/v1/entries/imports',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['entries', 'jobs'],
        summary: 'Import a file of entries as a background job; follow it at /v1/jobs/{id}',
        body: EntriesImport,
        response: { 202: Type.Ref('Job'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const job = await jobs.enqueue(ctx.tenantId, ENTRIES_IMPORT, request.body, ctx.actor);
      return reply.status(202).header('location', `/v1/jobs/${job.id}`).send(jobJson(job));
    },
  );

  app.get(
    '/v1/jobs',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['jobs'],
        summary: 'Recent jobs of the tenant, newest first',
        querystring: Type.Object({ limit: PageQuery.limit }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Job')) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await jobs.list(contextOf(request).tenantId, pageLimit(request.query.limit))).map(jobJson) }),
  );

  app.get(
    '/v1/jobs/:id',
    {
      config: { scope: 'read' },
      schema: { tags: ['jobs'], summary: 'A job with its status and progress', params: IdParams, response: { 200: Type.Ref('Job'), ...errorResponses } },
    },
    async (request) => jobJson(await jobs.get(contextOf(request).tenantId, request.params.id)),
  );
};
