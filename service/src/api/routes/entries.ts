import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Ledger } from '../../domain/ledger-port.js';
import { createEntry } from '../../payment-runs/entry-business-entity.js';
import type { RunStore } from '../../store/runs/run-store.js';
import { contextOf } from '../plugins/auth.js';
import { entryItemJson, entryJson, refundJson } from '../serialize.js';
import { errorResponses, IdParams, pageLimit, pageOf } from '../schemas/common.js';
import { Entry, EntryCancel, EntryControlsBody, EntryCreate, EntryQuery } from '../schemas/entries.js';

export const entryRoutes: FastifyPluginAsyncTypebox<{ ledger: Ledger; store: RunStore }> = async (app, { ledger, store }) => {
  app.post(
    '/v1/entries',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['entries'],
        summary: 'Create an entry (receivable or payable)',
        description:
          'The entry belongs to the business entity it names (id or code of this tenant). It may be left out while the tenant has ' +
          'at most one entity; with several it is refused with BUSINESS_ENTITY_REQUIRED.',
        body: EntryCreate,
        response: { 201: Type.Ref('Entry'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const entry = await createEntry(ledger, store, contextOf(request), request.body);
      return reply.status(201).send(entryJson(entry));
    },
  );

  app.get(
    '/v1/entries',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['entries'],
        summary: 'List entries, oldest first, with filters and cursor pagination',
        querystring: EntryQuery,
        response: { 200: pageOf(Type.Ref('Entry')), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const page = await ledger.listEntries(contextOf(request), filter, pageLimit(limit), cursor ?? null);
      return { items: page.items.map(entryJson), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/entries/:id',
    {
      config: { scope: 'read' },
      schema: { tags: ['entries'], summary: 'Read an entry', params: IdParams, response: { 200: Type.Ref('Entry'), ...errorResponses } },
    },
    async (request) => entryJson(await ledger.getEntry(contextOf(request), request.params.id)),
  );

  app.get(
    '/v1/entries/:id/items',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['entries'],
        summary: 'The entry items (settlements and their reversals) of an entry',
        params: IdParams,
        response: { 200: Type.Ref('EntryItems'), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await ledger.getEntry(ctx, request.params.id);
      return { items: (await ledger.listEntryItems(ctx, { entryId: request.params.id })).map(entryItemJson) };
    },
  );

  app.post(
    '/v1/entries/:id/controls',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['entries'],
        summary: 'Approve a payable for payout, exclude an entry from payment runs, or record why it is excluded',
        params: IdParams,
        body: EntryControlsBody,
        response: { 200: Type.Ref('Entry'), ...errorResponses },
      },
    },
    async (request) => entryJson(await ledger.setEntryControls(contextOf(request, 'Entry Controls'), request.params.id, request.body)),
  );

  app.post(
    '/v1/entries/:id/cancel',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['entries'],
        summary: 'Cancel an entry; its settlements are reversed and the credit balance strategy applies',
        params: IdParams,
        body: EntryCancel,
        response: {
          200: Type.Object({ entry: Type.Ref('Entry'), refunds: Type.Array(Type.Ref('Refund')) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { entry, refunds } = await ledger.cancelEntry(contextOf(request, 'Entry Cancellation'), request.params.id, {
        reason: request.body.reason,
        number: request.body.number ?? null,
        strategy: request.body.strategy ?? 'Future Settlement',
      });
      return { entry: entryJson(entry), refunds: refunds.map(refundJson) };
    },
  );
};

export const entrySchemas = [Entry];
