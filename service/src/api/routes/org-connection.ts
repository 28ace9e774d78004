import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { OrgConnection as Connection } from '../../salesforce/connection-store.js';
import type { OrgConnections } from '../../salesforce/org-connections.js';
import { contextOf } from '../plugins/auth.js';
import { errorResponses } from '../schemas/common.js';
import { OrgConnect } from '../schemas/org-connection.js';

const tags = ['org'];
const connectionJson = ({ tenantId: _tenant, connectedAt, ...rest }: Connection) => ({ ...rest, connectedAt: connectedAt.toISOString() });

/** The tenant's Salesforce org connection (admin scope): connect, inspect, disconnect. */
export const orgConnectionRoutes: FastifyPluginAsyncTypebox<{ orgs: OrgConnections }> = async (app, { orgs }) => {
  app.put(
    '/v1/org-connection',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Connect the tenant to its Salesforce org (JWT bearer or client credentials); the credentials are verified with the org first',
        body: OrgConnect,
        response: { 200: Type.Ref('OrgConnection'), ...errorResponses },
      },
    },
    async (request) => connectionJson(await orgs.connect(contextOf(request).tenantId, request.body)),
  );

  app.get(
    '/v1/org-connection',
    {
      config: { scope: 'admin' },
      schema: { tags, summary: 'The stored org connection (no call to the org)', response: { 200: Type.Ref('OrgConnection'), ...errorResponses } },
    },
    async (request) => connectionJson(await orgs.get(contextOf(request).tenantId)),
  );

  app.get(
    '/v1/org-connection/status',
    {
      config: { scope: 'admin' },
      schema: {
        tags,
        summary: 'Signs in to the org and reports its id, the user, the API requests left today and the subscription state',
        response: { 200: Type.Ref('OrgStatus'), ...errorResponses },
      },
    },
    async (request) => {
      const status = await orgs.status(contextOf(request).tenantId);
      return { ...status, connection: connectionJson(status.connection) };
    },
  );

  app.delete(
    '/v1/org-connection',
    {
      config: { scope: 'admin' },
      schema: { tags, summary: 'Disconnect the org and forget its credentials', response: { 204: Type.Null(), ...errorResponses } },
    },
    async (request, reply) => {
      await orgs.disconnect(contextOf(request).tenantId);
      return reply.status(204).send(null);
    },
  );
};
