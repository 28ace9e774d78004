import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '../../jobs/worker.js';
import { PAYMENT_RUN_CREATE, paymentRunJob } from '../../payment-runs/run-job.js';
import { statusReport } from '../../payment-runs/test-support/status-report.js';
import { openHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
let admin: string;
let write: string;
const entity = {
  code: 'ACME',
  creditorName: 'ACME Handels GmbH',
  creditorId: 'DE98ZZZ09999999999',
  address: { street: 'Marktplatz', buildingNumber: '5', postalCode: '80331', town: 'München', country: 'DE' },
  account: { iban: 'DE44 5001 0517 5407 3249 31', bic: 'INGDDEFFXXX' },
  settings: { batchBooking: 'off-ask' },
};
const mandate = {
  kind: 'mandate',
  businessEntity: 'ACME',
  accountId: 'K-1',
  accountHolder: 'Erika Mustermann',
  iban: 'DE02120300000000202051',
  scheme: 'CORE',
  signatureDate: '2026-01-10',
};
const run = { kind: 'direct-debit', businessEntity: 'ACME', until: '2027-01-31' };

beforeAll(async () => {
  h = await openHarness();
  admin = h.tenantA.admin;
  write = h.tenantA.write;
});
afterAll(() => h.close());

describe('payment-run API', () => {
  const ids: Record<string, string> = {};

  it('sets up a business entity (admin only), a mandate with a generated reference and a payee account', async () => {
    expect((await h.call(write, { method: 'POST', url: '/v1/business-entities', payload: entity })).status).toBe(403);
    const created = await h.call(admin, { method: 'POST', url: '/v1/business-entities', payload: entity });
    expect(created.status).toBe(201);
    expect(created.body.bankAccount).toMatchObject({ iban: 'DE44500105175407324931', batchBooking: 'off-ask', directDebitFormat: 'pain.008.001.08' });
    expect((await h.call(admin, { method: 'POST', url: '/v1/business-entities', payload: entity })).body.code).toBe('BUSINESS_ENTITY_EXISTS');
    const wrongId = await h.call(admin, { method: 'POST', url: '/v1/business-entities', payload: { ...entity, code: 'X', creditorId: 'DE99ZZZ09999999999' } });
    expect([wrongId.status, wrongId.body.code]).toEqual([422, 'CREDITOR_ID_INVALID']);

    const settings = await h.call(admin, { method: 'PUT', url: `/v1/business-entities/${created.body.id}/settings`, payload: { directDebitFormat: 'pain.008.001.02' } });
    expect(settings.body.bankAccount).toMatchObject({ directDebitFormat: 'pain.008.001.02', batchBooking: 'off-ask' });
    await h.call(admin, { method: 'PUT', url: '/v1/business-entities/ACME/settings', payload: { directDebitFormat: 'pain.008.001.08' } });

    const m = await h.call(write, { method: 'POST', url: '/v1/payment-instruments', payload: mandate });
    expect(m.status).toBe(201);
    expect(m.body.mandate).toMatchObject({ reference: 'ACME-2026-000001', scheme: 'CORE', nextSequenceType: 'FRST' });
    ids.mandate = m.body.id;
    const badIban = await h.call(write, { method: 'POST', url: '/v1/payment-instruments', payload: { ...mandate, iban: 'DE00123' } });
    expect(badIban.body.code).toBe('MANDATE_INVALID');
    const listed = await h.call(write, { method: 'GET', url: '/v1/payment-instruments?accountId=K-1' });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([ids.mandate]);
  });

  it('previews, creates a run through the job queue, serves its file and records the submission', async () => {
    const entry = await h.call(write, {
      method: 'POST',
      url: '/v1/entries',
      payload: { number: 'INV-1', type: 'Debit', currency: 'EUR', amount: '250.00', dueDate: '2026-12-15', account: { id: 'K-1', name: 'Erika Mustermann' } },
    });
    ids.entry = entry.body.id;
    await h.call(write, { method: 'POST', url: '/v1/entries', payload: { number: 'INV-2', type: 'Debit', currency: 'EUR', amount: '80.00', dueDate: '2026-12-15', account: { id: 'K-2', name: 'No Mandate Ltd' } } });

    const preview = await h.call(h.tenantA.read, { method: 'POST', url: '/v1/payment-runs/preview', payload: run });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ count: 1, total: '250.00', batchBooking: false, format: 'pain.008.001.08' });
    expect(preview.body.included[0]).toMatchObject({ label: 'INV-1', mandateReference: 'ACME-2026-000001', sequenceType: 'FRST' });
    expect(preview.body.excluded).toEqual([expect.objectContaining({ label: 'INV-2', code: 'MANDATE_MISSING' })]);

    const queued = await h.call(write, { method: 'POST', url: '/v1/payment-runs', payload: { ...run, batchBooking: true } });
    expect(queued.status).toBe(202);
    expect(await new Worker(h.services.jobs, { [PAYMENT_RUN_CREATE]: paymentRunJob(h.services.paymentRuns) }).drain()).toBe(1);
    const job = await h.call(write, { method: 'GET', url: `/v1/jobs/${queued.body.id}` });
    expect(job.body).toMatchObject({ status: 'succeeded', result: { count: 1, total: '250.00', status: 'Prepared' } });
    ids.order = job.body.result.orderId;

    const order = await h.call(write, { method: 'GET', url: `/v1/payment-runs/${ids.order}` });
    expect(order.body).toMatchObject({ status: 'Prepared', batchBooking: true, transactionCount: 1, excluded: [expect.objectContaining({ label: 'INV-2' })] });
    ids.messageId = order.body.messageId;
    ids.endToEnd = order.body.transactions[0].endToEndId;
    ids.pmtInf = order.body.transactions[0].paymentInformationId;
    const file = await h.call(write, { method: 'GET', url: `/v1/payment-runs/${ids.order}/file` });
    expect(file.headers['content-type']).toContain('application/xml');
    expect(file.body).toContain(`<EndToEndId>${ids.endToEnd}</EndToEndId>`);
    expect(file.body).toContain('<BtchBookg>true</BtchBookg>');

    expect((await h.call(write, { method: 'POST', url: `/v1/payment-runs/${ids.order}/submit` })).body.status).toBe('Submitted');
    expect((await h.call(write, { method: 'POST', url: `/v1/payment-runs/${ids.order}/submit` })).body.code).toBe('PAYMENT_ORDER_NOT_PREPARED');
    expect((await h.call(write, { method: 'GET', url: '/v1/payment-runs' })).body.items).toHaveLength(1);
  });

  it('applies a pain.002 rejection: the payment fails and the entry is open again', async () => {
    expect((await h.call(write, { method: 'GET', url: `/v1/entries/${ids.entry}` })).body.expectedAmount).toBe('-250.00');
    const report = statusReport(ids.messageId!, 'RJCT', [
      { paymentInformationId: ids.pmtInf!, status: 'RJCT', transactions: [{ endToEndId: ids.endToEnd!, status: 'RJCT', reason: 'AM04' }] },
    ]);
    const applied = await h.call(write, { method: 'POST', url: '/v1/payment-status-reports', payload: report, headers: { 'content-type': 'application/xml' } });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ orderStatus: 'Rejected', rejected: 1, payments: [{ outcome: 'rejected', reason: 'AM04 insufficient funds' }] });
    expect((await h.call(write, { method: 'GET', url: `/v1/entries/${ids.entry}` })).body).toMatchObject({ status: 'Open', expectedAmount: '0.00' });
    const json = await h.call(write, { method: 'POST', url: '/v1/payment-status-reports', payload: { report } });
    expect([json.status, json.body.code]).toEqual([422, 'FILE_REQUIRED']);
  });

  it('amends a mandate so the next collection reports the change, and deactivates it so runs leave it out', async () => {
    const amended = await h.call(write, { method: 'POST', url: `/v1/payment-instruments/${ids.mandate}/amend`, payload: { iban: 'DE89370400440532013000' } });
    expect(amended.status).toBe(200);
    expect(amended.body.mandate.amendment).toEqual({ originalIban: 'DE02120300000000202051' });
    expect(amended.body.iban).toBe('DE89370400440532013000');

    const { order } = await h.services.paymentRuns.create({ tenantId: h.tenantA.tenantId, actor: 'test', businessProcess: 'Test' }, { kind: 'direct-debit', businessEntity: 'ACME', until: '2027-01-31' });
    const file = await h.call(write, { method: 'GET', url: `/v1/payment-runs/${order.id}/file` });
    // the new account is at another bank, which the rulebook reports as SMNDA instead of the old IBAN
    expect(file.body).toMatch(/<AmdmntInd>true<\/AmdmntInd>\s*<AmdmntInfDtls>\s*<OrgnlDbtrAcct>\s*<Id>\s*<Othr>\s*<Id>SMNDA<\/Id>/);
    const reported = await h.call(write, { method: 'GET', url: `/v1/payment-instruments/${ids.mandate}` });
    expect(reported.body.mandate).toMatchObject({ amendment: null, nextSequenceType: 'RCUR' });

    const ended = await h.call(write, { method: 'POST', url: `/v1/payment-instruments/${ids.mandate}/deactivate`, payload: { reason: 'revoked by the debtor' } });
    expect(ended.body).toMatchObject({ active: false, deactivationReason: 'revoked by the debtor' });
    await h.call(write, { method: 'POST', url: '/v1/entries', payload: { number: 'INV-3', type: 'Debit', currency: 'EUR', amount: '20.00', dueDate: '2026-12-20', account: { id: 'K-1', name: 'Erika Mustermann' } } });
    const preview = await h.call(write, { method: 'POST', url: '/v1/payment-runs/preview', payload: run });
    expect(preview.body.excluded).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'INV-3', code: 'MANDATE_INACTIVE', message: expect.stringContaining('revoked by the debtor') })]));
    const again = await h.call(write, { method: 'POST', url: `/v1/payment-instruments/${ids.mandate}/amend`, payload: { iban: 'DE02120300000000202051' } });
    expect([again.status, again.body.code]).toEqual([409, 'MANDATE_INACTIVE']);
  });
});

