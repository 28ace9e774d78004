import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Ledger } from '../../domain/ledger-port.js';
import { CashError } from '../../domain/errors.js';
import { parseMinor } from '../../domain/money.js';
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
      // amounts are parsed in the currency of their entry, so the entries are read first
      const currencies = new Map<string, string>();
      for (const a of request.body.allocations) {
        if (!currencies.has(a.entryId)) currencies.set(a.entryId, (await ledger.getEntry(ctx, a.entryId)).currency);
      }
      const allocations = request.body.allocations.map((a, index) => {
        try {
          return { entryId: a.entryId, paymentId: a.paymentId, amount: parseMinor(a.amount, currencies.get(a.entryId)!) };
        } catch (error) {
          if (error instanceof CashError) throw new CashError(error.code, error.kind, `allocation ${index}: ${error.message}`, error.details);
          throw error;
        }
      });
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
