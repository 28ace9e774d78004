import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { invalid } from '../../domain/errors.js';
import { sequenceTypeFor } from '../../domain/mandates/lifecycle.js';
import type { JobQueue } from '../../jobs/queue.js';
import { jobJson } from '../schemas/jobs.js';
import {
  amendMandateInstrument,
  createBusinessEntity,
  createMandateInstrument,
  createPayeeAccount,
  deactivateInstrument,
} from '../../payment-runs/instruments.js';
import type { PaymentRuns } from '../../payment-runs/payment-runs.js';
import { PAYMENT_RUN_CREATE } from '../../payment-runs/run-job.js';
import type { Instrument } from '../../store/runs/run-store.js';
import { contextOf } from '../plugins/auth.js';
import { errorResponses, IdParams, PageQuery, pageLimit, pageOf } from '../schemas/common.js';
import { BankAccountSettings, BusinessEntityCreate, Deactivation, InstrumentCreate, InstrumentQuery, MandateAmend, RunRequest } from '../schemas/payment-runs.js';

const XML_TYPES = ['application/xml', 'text/xml', 'application/octet-stream'];
const MAX_STATUS_REPORT_BYTES = 20 * 1024 * 1024;

const instrumentJson = (i: Instrument) => ({
  ...i,
  mandate: i.mandate
    ? {
        reference: i.mandate.reference,
        scheme: i.mandate.scheme,
        type: i.mandate.type,
        signatureDate: i.mandate.signatureDate,
        validUntil: i.mandate.validUntil ?? null,
        lastCollectionDate: i.mandate.lastCollectionDate ?? null,
        nextSequenceType: sequenceTypeFor(i.mandate),
        amendment: i.mandate.amendment ?? null,
      }
    : null,
});

const today = () => new Date().toISOString().slice(0, 10);

export const paymentRunRoutes: FastifyPluginAsyncTypebox<{ paymentRuns: PaymentRuns; jobs: JobQueue }> = async (app, { paymentRuns, jobs }) => {
  const store = paymentRuns.store;
  // status reports arrive as the bank's XML file; this parser applies to this plugin's routes only
  app.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: MAX_STATUS_REPORT_BYTES }, (_request, body, done) => done(null, body));

  app.post(
    '/v1/business-entities',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['payment runs'],
        summary: 'Create a business entity: creditor name and identifier, address, bank account and its file settings',
        body: BusinessEntityCreate,
        response: { 201: Type.Ref('BusinessEntity'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const entity = await createBusinessEntity(store, contextOf(request), {
        code: b.code,
        creditorName: b.creditorName,
        creditorId: b.creditorId ?? null,
        address: b.address ?? null,
        account: { iban: b.account.iban, bic: b.account.bic ?? null, name: b.account.name ?? null, currency: 'EUR' },
        ...(b.settings ? { settings: b.settings } : {}),
        ...(b.mandatePattern ? { mandatePattern: b.mandatePattern } : {}),
      });
      return reply.status(201).send(entity);
    },
  );

  app.get(
    '/v1/business-entities',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['payment runs'],
        summary: 'The business entities of the tenant',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('BusinessEntity')) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await store.listBusinessEntities(contextOf(request).tenantId) }),
  );

  app.put(
    '/v1/business-entities/:id/settings',
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['payment runs'],
        summary: 'Change the bank account\'s file settings: message versions, batch booking, initial payment status, character set',
        params: IdParams,
        body: BankAccountSettings,
        response: { 200: Type.Ref('BusinessEntity'), ...errorResponses },
      },
    },
    async (request) => store.updateSettings(contextOf(request).tenantId, request.params.id, request.body),
  );

  app.post(
    '/v1/payment-instruments',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['payment runs'],
        summary: 'Add a SEPA mandate of a debtor or the bank account a payee is paid to',
        description:
          'Mandates need businessEntity, scheme and signatureDate; without a reference one is generated from the business entity\'s ' +
          'pattern, and only that entity\'s runs collect under it. The account is named by accountId, accountNumber or both: ' +
          'an entry is matched on either (its account.id or account.number).',
        body: InstrumentCreate,
        response: { 201: Type.Ref('PaymentInstrument'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const ctx = contextOf(request);
      const optional = { ...(b.bic ? { bic: b.bic } : {}), ...(b.address ? { address: b.address } : {}) };
      let instrument: Instrument;
      if (b.kind === 'mandate') {
        if (!b.scheme || !b.signatureDate || !b.businessEntity) {
          throw invalid('MANDATE_FIELDS_MISSING', 'a mandate needs businessEntity, scheme and signatureDate');
        }
        instrument = await createMandateInstrument(
          store,
          ctx,
          {
            businessEntity: b.businessEntity,
            accountId: b.accountId ?? null,
            accountNumber: b.accountNumber ?? null,
            scheme: b.scheme,
            signatureDate: b.signatureDate,
            accountHolder: b.accountHolder,
            iban: b.iban,
            ...optional,
            ...(b.reference ? { reference: b.reference } : {}),
            ...(b.type ? { type: b.type } : {}),
            ...(b.validUntil ? { validUntil: b.validUntil } : {}),
          },
          today(),
        );
      } else {
        instrument = await createPayeeAccount(store, ctx, { accountId: b.accountId ?? null, accountNumber: b.accountNumber ?? null, accountHolder: b.accountHolder, iban: b.iban, ...optional });
      }
      return reply.status(201).send(instrumentJson(instrument));
    },
  );

  app.get(
    '/v1/payment-instruments',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['payment runs'],
        summary: 'Mandates and payee bank accounts, oldest first',
        querystring: InstrumentQuery,
        response: { 200: pageOf(Type.Ref('PaymentInstrument')), ...errorResponses },
      },
    },
    async (request) => {
      const page = await store.listInstruments(
        contextOf(request).tenantId,
        {
          ...(request.query.accountId ? { accountId: request.query.accountId } : {}),
          ...(request.query.accountNumber ? { accountNumber: request.query.accountNumber } : {}),
        },
        pageLimit(request.query.limit),
        request.query.cursor ?? null,
      );
      return { items: page.items.map(instrumentJson), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/payment-instruments/:id',
    {
      config: { scope: 'read' },
      schema: { tags: ['payment runs'], summary: 'One mandate or payee bank account', params: IdParams, response: { 200: Type.Ref('PaymentInstrument'), ...errorResponses } },
    },
    async (request) => instrumentJson(await store.getInstrument(contextOf(request).tenantId, request.params.id)),
  );

  app.post(
    '/v1/payment-instruments/:id/amend',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['payment runs'],
        summary: 'Amend a mandate (IBAN, reference, account holder); the next collection reports the original values',
        params: IdParams,
        body: MandateAmend,
        response: { 200: Type.Ref('PaymentInstrument'), ...errorResponses },
      },
    },
    async (request) => instrumentJson(await amendMandateInstrument(store, contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/v1/payment-instruments/:id/deactivate',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['payment runs'],
        summary: 'End a mandate or a payee bank account, with the reason; runs no longer use it',
        params: IdParams,
        body: Deactivation,
        response: { 200: Type.Ref('PaymentInstrument'), ...errorResponses },
      },
    },
    async (request) => instrumentJson(await deactivateInstrument(store, contextOf(request), request.params.id, request.body.reason)),
  );

  app.post(
    '/v1/payment-runs/preview',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['payment runs'],
        summary: 'What a run would collect or pay, and what is excluded and why; changes nothing',
        body: RunRequest,
        response: { 200: Type.Ref('RunSummary'), ...errorResponses },
      },
    },
    async (request) => paymentRuns.preview(contextOf(request), request.body),
  );

  app.post(
    '/v1/payment-runs',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['payment runs', 'jobs'],
        summary: 'Create a run as a background job; its result names the payment order (follow it at /v1/jobs/{id})',
        description:
          'The run writes the pain.008 / pain.001 file, creates one payment per transaction (status from the bank account\'s ' +
          'initial payment status, end-to-end id stored) with an entry item for the expected amount, and flags the entries ' +
          'that cannot go in as excluded with the reason. One run per business entity and kind at a time: while one is ' +
          'queued or running, another is refused with 409 RUN_IN_PROGRESS. A run is all or nothing: its plan is stored ' +
          'first, and a run whose worker dies is resumed from it when the job is retried.',
        body: RunRequest,
        response: { 202: Type.Ref('Job'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      // refuse an unknown entity, a fixed batch-booking setting or a run already under way now rather than in a failed job
      const jobId = randomUUID();
      const reservation = await paymentRuns.reserve(ctx, request.body, jobId);
      const job = await jobs.enqueue(ctx.tenantId, PAYMENT_RUN_CREATE, request.body, ctx.actor, { id: jobId }).catch(async (error: unknown) => {
        await reservation.release();
        throw error;
      });
      return reply.status(202).header('location', `/v1/jobs/${job.id}`).send(jobJson(job));
    },
  );

  app.get(
    '/v1/payment-runs',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['payment runs'],
        summary: 'Payment orders (one file each), oldest first',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: pageOf(Type.Ref('PaymentOrder')), ...errorResponses },
      },
    },
    async (request) => store.listOrders(contextOf(request).tenantId, pageLimit(request.query.limit), request.query.cursor ?? null),
  );

  app.get(
    '/v1/payment-runs/:id',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['payment runs'],
        summary: 'A payment order with its transactions, their payments and bank status',
        params: IdParams,
        response: { 200: Type.Ref('PaymentOrder'), ...errorResponses },
      },
    },
    async (request) => paymentRuns.order(contextOf(request), request.params.id),
  );

  app.get(
    '/v1/payment-runs/:id/file',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['payment runs'],
        summary: 'The pain.008 / pain.001 file of a payment order',
        params: IdParams,
        produces: ['application/xml'],
        response: { 200: Type.String({ description: 'The XML file' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await store.orderFile(contextOf(request).tenantId, request.params.id);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.messageId}.xml"`)
        .send(file.xml);
    },
  );

  app.post(
    '/v1/payment-runs/:id/submit',
    {
      config: { scope: 'write' },
      schema: {
        tags: ['payment runs'],
        summary: 'Record that the file went to the bank (Prepared → Submitted)',
        params: IdParams,
        response: { 200: Type.Ref('PaymentOrder'), ...errorResponses },
      },
    },
    async (request) => paymentRuns.markSubmitted(contextOf(request), request.params.id),
  );

  app.post(
    '/v1/payment-status-reports',
    {
      config: { scope: 'write' },
      bodyLimit: MAX_STATUS_REPORT_BYTES,
      schema: {
        tags: ['payment runs'],
        summary: 'Apply a pain.002 status report (body: the XML file) to the payment order it answers',
        description:
          'Rejected transactions fail their payments: the expected amount leaves the entry, which is open again, and the ' +
          'reason is kept. The order becomes Accepted, Partially accepted or Rejected. Applying a report twice changes nothing.',
        consumes: XML_TYPES,
        response: { 200: Type.Ref('StatusApplication'), ...errorResponses },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) {
        throw invalid('FILE_REQUIRED', `send the pain.002 file itself as the body (Content-Type one of ${XML_TYPES.join(', ')})`);
      }
      return paymentRuns.applyStatusReport(contextOf(request, 'Payment Status Report'), request.body);
    },
  );
};
