import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Ledger } from '../../domain/ledger-port.js';
import { contextOf } from '../plugins/auth.js';
import { entryItemJson } from '../serialize.js';
import { errorResponses } from '../schemas/common.js';
import { SettlementCreate, SettlementUndo } from '../schemas/settlements.js';

export const settlementRoutes: FastifyPluginAsyncTypebox<{ ledger: Ledger }> = async (app, { ledger }) => {
  app.post(
    '/v1/settlements',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['settlements'],
        summary: 'Settle in one atomic call: one payment over several entries, several payments to one entry, or both',
        body: SettlementCreate,
        response: { 201: Type.Ref('EntryItems'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, request.body.businessProcess ?? 'Manual Settlement');
      // decimal amounts are read in their entry's currency by the ledger, under the row locks
      const allocations = request.body.allocations.map((a) => ({ entryId: a.entryId, paymentId: a.paymentId, amount: a.amount }));
      const items = await ledger.settle(ctx, allocations);
      return reply.status(201).send({ items: items.map(entryItemJson) });
    },
  );

  app.post(
    '/v1/settlements/undo',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['settlements'],
        summary: 'Undo settlements: appends reversal items (history is kept) and gives the amounts back',
        body: SettlementUndo,
        response: { 200: Type.Ref('EntryItems'), ...errorResponses },
      },
    },
    async (request) => {
      const items = await ledger.undoSettlement(contextOf(request, 'Undo Settlement'), request.body.entryItemIds, request.body.reason);
      return { items: items.map(entryItemJson) };
    },
  );
};
