import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { TenantStore } from '../../store/tenants.js';
import { contextOf } from '../plugins/auth.js';
import { apiKeyJson, tenantJson } from '../serialize.js';
import { errorResponses, IdParams } from '../schemas/common.js';
import { ApiKeyCreate, TenantCreate } from '../schemas/tenants.js';

export const tenantRoutes: FastifyPluginAsyncTypebox<{ tenants: TenantStore }> = async (app, { tenants }) => {
  app.post(
    '/v1/tenants',
    {
      config: { scope: 'platform' },
      schema: {
        tags: ['tenants'],
        summary: 'Create a tenant with its first admin API key (platform operators only)',
        body: TenantCreate,
        response: { 201: Type.Object({ tenant: Type.Ref('Tenant'), key: Type.String(), apiKey: Type.Ref('ApiKey') }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const tenant = await tenants.createTenant(request.body.name);
      const { key, record } = await tenants.createApiKey(tenant.id, 'admin', ['admin']);
      return reply.status(201).send({ tenant: tenantJson(tenant), key, apiKey: apiKeyJson(record) });
    },
  );

  app.get(
    '/v1/tenant',
    {
      config: { scope: 'read' },
      schema: { tags: ['tenants'], summary: "The caller's tenant", response: { 200: Type.Ref('Tenant'), ...errorResponses } },
    },
    async (request) => tenantJson(await tenants.getTenant(contextOf(request).tenantId)),
  );

  app.get(
    '/v1/api-keys',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['tenants'],
        summary: "The tenant's API keys (never their secrets)",
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('ApiKey')) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await tenants.listApiKeys(contextOf(request).tenantId)).map(apiKeyJson) }),
  );

  app.post(
    '/v1/api-keys',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['tenants'],
        summary: 'Create an API key; its secret is shown once',
        body: ApiKeyCreate,
        response: { 201: Type.Ref('ApiKeyWithSecret'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { key, record } = await tenants.createApiKey(contextOf(request).tenantId, request.body.name, request.body.scopes);
      return reply.status(201).send({ key, apiKey: apiKeyJson(record) });
    },
  );

  app.post(
    '/v1/api-keys/:id/revoke',
    {
      config: { scope: 'admin' },
      schema: { tags: ['tenants'], summary: 'Revoke an API key', params: IdParams, response: { 200: Type.Ref('ApiKey'), ...errorResponses } },
    },
    async (request) => apiKeyJson(await tenants.revokeApiKey(contextOf(request).tenantId, request.params.id)),
  );
};
