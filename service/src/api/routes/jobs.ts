import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ENTRIES_IMPORT } from '../../jobs/handlers.js';
import { JOB_STATUSES, type JobQueue } from '../../jobs/queue.js';
import { contextOf } from '../plugins/auth.js';
import { errorResponses, IdParams, PageQuery, pageLimit } from '../schemas/common.js';
import { EntriesImport, jobJson } from '../schemas/jobs.js';


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
        querystring: Type.Object(
          { limit: PageQuery.limit, status: Type.Optional(Type.Union(JOB_STATUSES.map((s) => Type.Literal(s)))) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Job')) }), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, status } = request.query;
      return { items: (await jobs.list(contextOf(request).tenantId, pageLimit(limit), status ? { status } : {})).map(jobJson) };
    },
  );

  app.get(
    '/v1/jobs/:id',
    {
      config: { scope: 'read' },
      schema: { tags: ['jobs'], summary: 'A job with its status and progress', params: IdParams, response: { 200: Type.Ref('Job'), ...errorResponses } },
    },
    async (request) => jobJson(await jobs.get(contextOf(request).tenantId, request.params.id)),
  );

  app.post(
    '/v1/jobs/:id/cancel',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a job: a queued one at once, a running one when it next reports progress (409 JOB_FINISHED once it has ended)',
        params: IdParams,
        response: { 200: Type.Ref('Job'), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return jobJson(await jobs.cancel(ctx.tenantId, request.params.id, ctx.actor));
    },
  );

  app.post(
    '/v1/jobs/:id/retry',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['jobs'],
        summary: 'Queue a failed or cancelled job again, from the start (409 JOB_NOT_RETRYABLE otherwise)',
        params: IdParams,
        response: { 200: Type.Ref('Job'), ...errorResponses },
      },
    },
    async (request) => jobJson(await jobs.retry(contextOf(request).tenantId, request.params.id)),
  );
};
