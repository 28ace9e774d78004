import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Ledger } from '../../domain/ledger-port.js';
import { parseMinor } from '../../domain/money.js';
import { contextOf } from '../plugins/auth.js';
import { refundJson } from '../serialize.js';
import { errorResponses, IdParams } from '../schemas/common.js';
import { RefundCancel, RefundCreate, RefundQuery, RefundStatusChange } from '../schemas/refunds.js';

export const refundRoutes: FastifyPluginAsyncTypebox<{ ledger: Ledger }> = async (app, { ledger }) => {
  const one = { 200: Type.Ref('Refund'), ...errorResponses };

  app.post(
    '/v1/refunds',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['refunds'],
        summary: 'Prepare a refund of (part of) a payment received; its amount is blocked on the payment',
        body: RefundCreate,
        response: { 201: Type.Ref('Refund'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, 'Refund');
      const payment = await ledger.getPayment(ctx, request.body.paymentId);
      const refund = await ledger.createRefund(ctx, payment.id, {
        amount: parseMinor(request.body.amount, payment.currency),
        reason: request.body.reason ?? null,
        ...(request.body.method ? { method: request.body.method } : {}),
      });
      return reply.status(201).send(refundJson(refund));
    },
  );

  app.get(
    '/v1/refunds',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['refunds'],
        summary: 'List refunds',
        querystring: RefundQuery,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Refund')) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await ledger.listRefunds(contextOf(request), request.query)).map(refundJson) }),
  );

  app.get(
    '/v1/refunds/:id',
    { config: { scope: 'read' }, schema: { tags: ['refunds'], summary: 'Read a refund', params: IdParams, response: one } },
    async (request) => refundJson(await ledger.getRefund(contextOf(request), request.params.id)),
  );

  app.post(
    '/v1/refunds/:id/approve',
    {
      config: { scope: 'write' },
      schema: { tags: ['refunds'], summary: 'Approve a prepared refund for payout', params: IdParams, response: one },
    },
    async (request) => refundJson(await ledger.setRefundStatus(contextOf(request, 'Refund'), request.params.id, 'Approved', null)),
  );

  app.post(
    '/v1/refunds/:id/cancel',
    {
      config: { scope: 'write' },
      schema: { tags: ['refunds'], summary: 'Cancel a refund; its amount is free again', params: IdParams, body: RefundCancel, response: one },
    },
    async (request) =>
      refundJson(await ledger.setRefundStatus(contextOf(request, 'Refund'), request.params.id, 'Canceled', request.body.reason)),
  );

  app.post(
    '/v1/refunds/:id/status',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['refunds'],
        summary: 'Record the payout of an approved refund: Pending, then Refunded or Failed',
        params: IdParams,
        body: RefundStatusChange,
        response: one,
      },
    },
    async (request) =>
      refundJson(
        await ledger.setRefundStatus(contextOf(request, 'Refund'), request.params.id, request.body.status, request.body.note ?? null),
      ),
  );
};
