import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { autoMatchItems, itemsOfStatements, type AutoMatchDeps } from '../../banking/auto-match.js';
import { AUTO_MATCH_INLINE_LIMIT, MATCHING_RUN } from '../../banking/auto-match-job.js';
import { acceptSuggestion, rejectSuggestion } from '../../banking/auto-match-review.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { MatchingConfiguration as Configuration } from '../../matching/index.js';
import { validConfiguration } from '../../store/matching/index.js';
import { contextOf } from '../plugins/auth.js';
import { errorResponses, IdParams, pageLimit, pageOf } from '../schemas/common.js';
import { Decision, ItemMatching, MatchingConfigurationInput, MatchingConfigurations, SuggestionQuery } from '../schemas/matching.js';

const configurationJson = (c: Configuration & { id?: string }) => ({
  id: c.id ?? null,
  name: c.name,
  template: c.template,
  priority: c.priority,
  active: c.active,
  description: c.description ?? null,
  parser: c.parser,
  search: c.search,
});

const tags = ['matching'];

export const matchingRoutes: FastifyPluginAsyncTypebox<AutoMatchDeps & { jobs: JobQueue }> = async (app, deps) => {
  const { matching } = deps;

  app.get(
    '/v1/matching/configurations',
    {
      config: { scope: 'read' },
      schema: { tags, summary: 'The matching configurations that run, by priority', response: { 200: MatchingConfigurations, ...errorResponses } },
    },
    async (request) => {
      const tenantId = contextOf(request).tenantId;
      const own = await matching.configurations.list(tenantId);
      if (own.length > 0) return { source: 'tenant' as const, items: own.map(configurationJson) };
      const { configurations } = await matching.configurations.effective(tenantId);
      return { source: 'default' as const, items: configurations.map(configurationJson) };
    },
  );

  app.post(
    '/v1/matching/configurations',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Add a matching configuration (the first one replaces the shipped defaults; copy them first to keep them)',
        body: MatchingConfigurationInput,
        response: { 201: Type.Ref('MatchingConfiguration'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await matching.configurations.create(contextOf(request).tenantId, validConfiguration(request.body));
      return reply.status(201).send(configurationJson(created));
    },
  );

  app.post(
    '/v1/matching/configurations/defaults',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Copy the shipped default configurations into the tenant\'s own set, to change them from there',
        response: { 201: MatchingConfigurations, ...errorResponses },
      },
    },
    async (request, reply) => {
      const items = await matching.configurations.adoptDefaults(contextOf(request).tenantId);
      return reply.status(201).send({ source: 'tenant' as const, items: items.map(configurationJson) });
    },
  );

  app.get(
    '/v1/matching/configurations/:id',
    {
      config: { scope: 'read' },
      schema: { tags, summary: 'One of the tenant\'s matching configurations', params: IdParams, response: { 200: Type.Ref('MatchingConfiguration'), ...errorResponses } },
    },
    async (request) => configurationJson(await matching.configurations.get(contextOf(request).tenantId, request.params.id)),
  );

  app.put(
    '/v1/matching/configurations/:id',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Replace a matching configuration',
        params: IdParams,
        body: MatchingConfigurationInput,
        response: { 200: Type.Ref('MatchingConfiguration'), ...errorResponses },
      },
    },
    async (request) =>
      configurationJson(await matching.configurations.replace(contextOf(request).tenantId, request.params.id, validConfiguration(request.body))),
  );

  app.delete(
    '/v1/matching/configurations/:id',
    {
      config: { scope: 'admin' },
      schema: { tags, summary: 'Delete a matching configuration', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      await matching.configurations.remove(contextOf(request).tenantId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/matching/suggestions',
    {
      config: { scope: 'read' },
      schema: {
        tags,
        summary: 'Suggestions left for review, oldest first, best candidate of an item first',
        querystring: SuggestionQuery,
        response: { 200: pageOf(Type.Ref('MatchingSuggestion')), ...errorResponses },
      },
    },
    async (request) => {
      const { status, statementId, itemId, minScore, limit, cursor } = request.query;
      return matching.suggestions.list(
        contextOf(request).tenantId,
        {
          ...(status ? { status } : {}),
          ...(statementId ? { statementId } : {}),
          ...(itemId ? { itemId } : {}),
          ...(minScore ? { minScore: Number(minScore) } : {}),
        },
        pageLimit(limit),
        cursor ?? null,
      );
    },
  );

  app.get(
    '/v1/matching/suggestions/:id',
    {
      config: { scope: 'read' },
      schema: { tags, summary: 'One suggestion with its allocations, score breakdown and reasons', params: IdParams, response: { 200: Type.Ref('MatchingSuggestion'), ...errorResponses } },
    },
    async (request) => matching.suggestions.get(contextOf(request).tenantId, request.params.id),
  );

  app.post(
    '/v1/matching/suggestions/:id/accept',
    {
      config: { scope: 'write' },
      schema: {
        tags,
        summary: 'Accept a suggestion: settles its allocations with the item\'s payment; the item\'s other suggestions are superseded',
        params: IdParams,
        body: Type.Optional(Decision),
        response: { 200: Type.Ref('MatchingSuggestion'), ...errorResponses },
      },
    },
    async (request) => acceptSuggestion(deps, contextOf(request, 'Matching Suggestion'), request.params.id, request.body?.note ?? null),
  );

  app.post(
    '/v1/matching/suggestions/:id/reject',
    {
      config: { scope: 'write' },
      schema: {
        tags,
        summary: 'Reject a suggestion; nothing is settled',
        params: IdParams,
        body: Type.Optional(Decision),
        response: { 200: Type.Ref('MatchingSuggestion'), ...errorResponses },
      },
    },
    async (request) => rejectSuggestion(deps, contextOf(request), request.params.id, request.body?.note ?? null),
  );

  app.post(
    '/v1/bank-statements/:id/matching',
    {
      config: { scope: 'write' },
      schema: {
        tags,
        summary: 'Match a statement again: items whose payment is not settled yet are matched with the current configurations and open entries',
        description: `Up to ${AUTO_MATCH_INLINE_LIMIT} items are matched in the request (200); more run as a ${MATCHING_RUN} job (202, follow /v1/jobs/{jobId}).`,
        params: IdParams,
        response: { 200: Type.Ref('MatchingRunSummary'), 202: Type.Ref('MatchingRunSummary'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, 'Automatic Matching');
      const itemIds = await itemsOfStatements(deps.statements, ctx.tenantId, [request.params.id]);
      if (itemIds.length > AUTO_MATCH_INLINE_LIMIT) {
        const job = await deps.jobs.enqueue(ctx.tenantId, MATCHING_RUN, { statementIds: [request.params.id] }, ctx.actor);
        return reply.status(202).send({ jobId: job.id });
      }
      return { ...(await autoMatchItems(deps, ctx, itemIds)), jobId: null };
    },
  );

  app.get(
    '/v1/bank-statement-items/:id/matching',
    {
      config: { scope: 'read' },
      schema: {
        tags,
        summary: 'How matching ended for an item and why, with its suggestions',
        params: IdParams,
        response: { 200: ItemMatching, ...errorResponses },
      },
    },
    async (request) => {
      const tenantId = contextOf(request).tenantId;
      const item = await deps.statements.getItem(tenantId, request.params.id);
      const result = await matching.suggestions.itemResult(tenantId, item.id);
      const suggestions = await matching.suggestions.list(tenantId, { itemId: item.id }, 500, null);
      return {
        itemId: item.id,
        matchingResult: item.matchingResult,
        paymentId: item.paymentId,
        outcome: result?.outcome ?? null,
        score: result?.score ?? null,
        configuration: result?.configuration ?? null,
        reasons: result?.reasons ?? [],
        matchedAt: result?.matchedAt ?? null,
        suggestions: suggestions.items,
      };
    },
  );
};
