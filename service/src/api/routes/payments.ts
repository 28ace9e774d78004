import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { isValidBIC, isValidIBAN, electronicFormatIBAN } from 'ibantools';
import { invalid } from '../../domain/errors.js';
import type { Ledger } from '../../domain/ledger-port.js';
import { parseMinor } from '../../domain/money.js';
import { contextOf } from '../plugins/auth.js';
import { entryItemJson, paymentJson } from '../serialize.js';
import { errorResponses, IdParams, pageLimit, pageOf } from '../schemas/common.js';
import { PaymentCreate, PaymentQuery, PaymentStatusChange } from '../schemas/payments.js';

function partyOf(party: PaymentCreate['party']) {
  const iban = party?.iban ? electronicFormatIBAN(party.iban) : null;
  if (party?.iban && (!iban || !isValidIBAN(iban))) {
    throw invalid('IBAN_INVALID', `"${party.iban}" is not a valid IBAN`, { iban: party.iban });
  }
  if (party?.bic && !isValidBIC(party.bic)) throw invalid('BIC_INVALID', `"${party.bic}" is not a valid BIC`, { bic: party.bic });
  return { name: party?.name ?? null, iban, bic: party?.bic ?? null };
}

export const paymentRoutes: FastifyPluginAsyncTypebox<{ ledger: Ledger }> = async (app, { ledger }) => {
  app.post(
    '/v1/payments',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['payments'],
        summary: 'Record a payment (money received or paid out)',
        body: PaymentCreate,
        response: { 201: Type.Ref('Payment'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const amount = parseMinor(body.amount, body.currency);
      if (amount <= 0n) throw invalid('AMOUNT_NOT_POSITIVE', 'a payment amount is positive; its type gives the direction');
      const payment = await ledger.createPayment(contextOf(request), {
        type: body.type,
        status: body.status ?? 'Collected',
        currency: body.currency,
        amount,
        party: partyOf(body.party),
        accountId: body.accountId ?? null,
        externalId: body.externalId ?? null,
        endToEndId: body.endToEndId ?? null,
        paymentDate: body.paymentDate ?? null,
        statusDetails: body.statusDetails ?? null,
      });
      return reply.status(201).send(paymentJson(payment));
    },
  );

  app.get(
    '/v1/payments',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['payments'],
        summary: 'List payments, oldest first, with filters and cursor pagination',
        querystring: PaymentQuery,
        response: { 200: pageOf(Type.Ref('Payment')), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const page = await ledger.listPayments(contextOf(request), filter, pageLimit(limit), cursor ?? null);
      return { items: page.items.map(paymentJson), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/payments/:id',
    {
      config: { scope: 'read' },
      schema: { tags: ['payments'], summary: 'Read a payment', params: IdParams, response: { 200: Type.Ref('Payment'), ...errorResponses } },
    },
    async (request) => paymentJson(await ledger.getPayment(contextOf(request), request.params.id)),
  );

  app.get(
    '/v1/payments/:id/items',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['payments'],
        summary: 'The entry items of a payment',
        params: IdParams,
        response: { 200: Type.Ref('EntryItems'), ...errorResponses },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await ledger.getPayment(ctx, request.params.id);
      return { items: (await ledger.listEntryItems(ctx, { paymentId: request.params.id })).map(entryItemJson) };
    },
  );

  app.post(
    '/v1/payments/:id/status',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['payments'],
        summary: 'Move a payment on (Collected converts expected to assigned; Failed/Reversed reopen its entries)',
        params: IdParams,
        body: PaymentStatusChange,
        response: { 200: Type.Ref('Payment'), ...errorResponses },
      },
    },
    async (request) =>
      paymentJson(
        await ledger.setPaymentStatus(
          contextOf(request, 'Payment Status'),
          request.params.id,
          request.body.status,
          request.body.details ?? null,
        ),
      ),
  );
};
