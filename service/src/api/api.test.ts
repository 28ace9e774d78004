import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-support/harness.js';
import { Worker } from '../jobs/worker.js';
import { jobHandlers } from '../jobs/handlers.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const entry = (number: string, amount: string, extra: object = {}) => ({
  number,
  type: 'Debit',
  currency: 'EUR',
  amount,
  account: { id: 'ACC-1', number: '10001', name: 'Muster GmbH' },
  dueDate: '2026-12-15',
  paymentReference: number,
  ...extra,
});

describe('the settlement walk-through', () => {
  it('creates entries and a payment, settles them in one call and reads the result', async () => {
    const key = h.tenantA.write;
    const e1 = await h.call(key, { method: 'POST', url: '/v1/entries', payload: entry('INV-1001', '119.00') });
    const e2 = await h.call(key, { method: 'POST', url: '/v1/entries', payload: entry('INV-1002', '80.50') });
    expect(e1.status).toBe(201);
    expect(e1.body).toMatchObject({ status: 'Open', openAmount: '119.00', outstandingAmount: '119.00', assignedAmount: '0.00' });

    const payment = await h.call(key, {
      method: 'POST',
      url: '/v1/payments',
      payload: { type: 'Payment', currency: 'EUR', amount: '150.00', party: { name: 'Muster GmbH', iban: 'DE02 1203 0000 0000 2020 51' } },
    });
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({ direction: 'in', status: 'Collected', availableAmount: '150.00', party: { iban: 'DE02120300000000202051' } });

    const settled = await h.call(key, {
      method: 'POST',
      url: '/v1/settlements',
      payload: {
        allocations: [
          { entryId: e1.body.id, paymentId: payment.body.id, amount: '119.00' },
          { entryId: e2.body.id, paymentId: payment.body.id, amount: '31.00' },
        ],
      },
    });
    expect(settled.status).toBe(201);
    expect(settled.body.items.map((i: { amount: string }) => i.amount)).toEqual(['-119.00', '-31.00']);

    const first = await h.call(h.tenantA.read, { method: 'GET', url: `/v1/entries/${e1.body.id}` });
    expect(first.body).toMatchObject({ status: 'Balanced', outstandingAmount: '0.00', assignedAmount: '-119.00' });
    const second = await h.call(h.tenantA.read, { method: 'GET', url: `/v1/entries/${e2.body.id}` });
    expect(second.body).toMatchObject({ status: 'Open', outstandingAmount: '49.50' });
    const paid = await h.call(h.tenantA.read, { method: 'GET', url: `/v1/payments/${payment.body.id}` });
    expect(paid.body).toMatchObject({ assignedAmount: '150.00', availableAmount: '0.00' });

    const undo = await h.call(key, {
      method: 'POST',
      url: '/v1/settlements/undo',
      payload: { entryItemIds: [settled.body.items[0].id], reason: 'booked to the wrong invoice' },
    });
    expect(undo.status).toBe(200);
    const reopened = await h.call(h.tenantA.read, { method: 'GET', url: `/v1/entries/${e1.body.id}/items` });
    expect(reopened.body.items).toHaveLength(2);
    expect(reopened.body.items[0].reversedBy).toBe(reopened.body.items[1].id);
    expect((await h.call(key, { method: 'GET', url: `/v1/entries/${e1.body.id}` })).body.status).toBe('Open');
  });

  it('settles several payments against one entry and refunds an overpayment', async () => {
    const key = h.tenantA.write;
    const e = (await h.call(key, { method: 'POST', url: '/v1/entries', payload: entry('INV-2001', '100.00') })).body;
    const p1 = (await h.call(key, { method: 'POST', url: '/v1/payments', payload: { type: 'Payment', currency: 'EUR', amount: '60.00' } })).body;
    const p2 = (await h.call(key, { method: 'POST', url: '/v1/payments', payload: { type: 'Payment', currency: 'EUR', amount: '50.00' } })).body;
    const settled = await h.call(key, {
      method: 'POST',
      url: '/v1/settlements',
      payload: { allocations: [{ entryId: e.id, paymentId: p1.id, amount: '60.00' }, { entryId: e.id, paymentId: p2.id, amount: '40.00' }] },
    });
    expect(settled.status).toBe(201);
    const refund = await h.call(key, { method: 'POST', url: '/v1/refunds', payload: { paymentId: p2.id, amount: '10.00', reason: 'overpaid' } });
    expect(refund.status).toBe(201);
    expect(refund.body.status).toBe('Prepared');
    expect((await h.call(key, { method: 'GET', url: `/v1/payments/${p2.id}` })).body).toMatchObject({ blockedAmount: '10.00', availableAmount: '0.00' });
    const approved = await h.call(key, { method: 'POST', url: `/v1/refunds/${refund.body.id}/approve` });
    expect(approved.body.status).toBe('Approved');
    await h.call(key, { method: 'POST', url: `/v1/refunds/${refund.body.id}/status`, payload: { status: 'Pending' } });
    const done = await h.call(key, { method: 'POST', url: `/v1/refunds/${refund.body.id}/status`, payload: { status: 'Refunded' } });
    expect(done.body.status).toBe('Refunded');
    expect((await h.call(key, { method: 'GET', url: `/v1/payments/${p2.id}` })).body).toMatchObject({ blockedAmount: '0.00', refundedAmount: '10.00' });
    expect((await h.call(key, { method: 'GET', url: `/v1/refunds?paymentId=${p2.id}` })).body.items).toHaveLength(1);
  });

  it('cancels a paid entry with a credit balance strategy', async () => {
    const key = h.tenantA.write;
    const e = (await h.call(key, { method: 'POST', url: '/v1/entries', payload: entry('INV-3001', '20.00') })).body;
    const p = (await h.call(key, { method: 'POST', url: '/v1/payments', payload: { type: 'Payment', currency: 'EUR', amount: '20.00' } })).body;
    await h.call(key, { method: 'POST', url: '/v1/settlements', payload: { allocations: [{ entryId: e.id, paymentId: p.id, amount: '20.00' }] } });
    const canceled = await h.call(key, {
      method: 'POST',
      url: `/v1/entries/${e.id}/cancel`,
      payload: { reason: 'invoice withdrawn', number: 'CN-1', strategy: 'Direct Refund' },
    });
    expect(canceled.status).toBe(200);
    expect(canceled.body.entry).toMatchObject({ status: 'Canceled', cancellation: { strategy: 'Direct Refund', number: 'CN-1' } });
    expect(canceled.body.refunds).toEqual([expect.objectContaining({ status: 'Approved', amount: '20.00' })]);
  });

  it('approves a payable for payout and records why an entry is excluded from payment runs', async () => {
    const key = h.tenantA.write;
    const bill = await h.call(key, { method: 'POST', url: '/v1/entries', payload: { ...entry('ER-1', '412.80'), type: 'Credit' } });
    expect(bill.body).toMatchObject({ openAmount: '-412.80', creditApproval: 'unapproved' });
    const approved = await h.call(key, { method: 'POST', url: `/v1/entries/${bill.body.id}/controls`, payload: { creditApproval: 'approved' } });
    expect(approved.body).toMatchObject({ creditApproval: 'approved', excludeFromPaymentRun: false });
    const excluded = await h.call(key, {
      method: 'POST',
      url: `/v1/entries/${bill.body.id}/controls`,
      payload: { excludeFromPaymentRun: true, errorMessages: ['creditor IBAN is invalid'] },
    });
    expect(excluded.body).toMatchObject({ creditApproval: 'approved', excludeFromPaymentRun: true, errorMessages: ['creditor IBAN is invalid'] });
    const receivable = await h.call(key, { method: 'POST', url: '/v1/entries', payload: entry('INV-CTRL', '1.00') });
    const refused = await h.call(key, { method: 'POST', url: `/v1/entries/${receivable.body.id}/controls`, payload: { creditApproval: 'approved' } });
    expect(refused).toMatchObject({ status: 422, body: { code: 'CREDIT_APPROVAL_PAYABLES_ONLY' } });
  });

  it('lists with filters and cursor pagination', async () => {
    const seen: string[] = [];
    let url = '/v1/entries?limit=2&status=Open&type=Debit';
    for (;;) {
      const page = await h.call(h.tenantA.read, { method: 'GET', url });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((e: { number: string }) => e.number));
      if (!page.body.nextCursor) break;
      url = `/v1/entries?limit=2&status=Open&type=Debit&cursor=${page.body.nextCursor}`;
    }
    expect(seen).toEqual(['INV-1001', 'INV-1002', 'INV-CTRL']);
  });

  it('imports a file of entries as a job whose progress and result the API shows', async () => {
    const content = [
      JSON.stringify(entry('IMP-1', '10.00')),
      JSON.stringify(entry('IMP-2', '10.005')),
      '{not json',
      JSON.stringify(entry('IMP-1', '5.00')),
    ].join('\n');
    const queued = await h.call(h.tenantA.write, { method: 'POST', url: '/v1/entries/imports', payload: { format: 'jsonl', content } });
    expect(queued.status).toBe(202);
    expect(queued.body.status).toBe('queued');
    expect(await new Worker(h.services.jobs, jobHandlers(h.services.ledger, undefined, h.services.paymentRuns)).drain()).toBeGreaterThanOrEqual(1);
    const job = await h.call(h.tenantA.read, { method: 'GET', url: `/v1/jobs/${queued.body.id}` });
    expect(job.body).toMatchObject({ status: 'succeeded', progress: { done: 4, total: 4 } });
    expect(job.body.result).toMatchObject({ total: 4, imported: 1 });
    expect(job.body.result.refused.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [2, 'AMOUNT_TOO_PRECISE'],
      [3, 'JSON_MALFORMED'],
      [4, 'ENTRY_NUMBER_EXISTS'],
    ]);
  });

  it('imports a Windows-1252 CSV of entries sent as base64, keeping its text and decimal commas', async () => {
    const bytes = readFileSync(new URL('../formats/entries/__fixtures__/entries-windows1252.csv', import.meta.url));
    const queued = await h.call(h.tenantA.write, {
      method: 'POST',
      url: '/v1/entries/imports',
      payload: { format: 'csv', content: bytes.toString('base64'), base64: true },
    });
    expect(queued.status).toBe(202);
    await new Worker(h.services.jobs, jobHandlers(h.services.ledger, undefined, h.services.paymentRuns)).drain();
    const job = await h.call(h.tenantA.read, { method: 'GET', url: `/v1/jobs/${queued.body.id}` });
    expect(job.body.result).toMatchObject({ total: 2, imported: 2, refused: [] });
    const listed = await h.call(h.tenantA.read, { method: 'GET', url: '/v1/entries?limit=100' });
    const byNumber = new Map(listed.body.items.map((e: { number: string }) => [e.number, e]));
    expect(byNumber.get('RE-1')).toMatchObject({ initialAmount: '1234.56', title: 'Brötchen für Dezember', account: { name: 'Bäckerei Sonnenschein GmbH' } });
    expect(byNumber.get('RE-2')).toMatchObject({ initialAmount: '119.00', title: 'Büro „Nord“ – 5 €', account: { name: 'Atelier Lumière SARL' } });
  });

  it('imports a bank statement upload once, and refuses what is not a bank file', async () => {
    const file = readFileSync(new URL('../banking/__fixtures__/feedback_camt053.v8.xml', import.meta.url));
    const upload = (body: Buffer | string) =>
      h.call(h.tenantA.write, { method: 'POST', url: '/v1/bank-statements?fileName=day.xml', payload: body, headers: { 'content-type': 'application/xml' } });
    expect((await upload(file)).body).toMatchObject({ format: 'camt.053.001.08', newItems: 4, duplicateItems: 0 });
    expect((await upload(file)).body).toMatchObject({ newItems: 0, duplicateItems: 4 });
    const junk = await upload('hello, I am not a statement');
    expect(junk).toMatchObject({ status: 422, body: { code: 'STATEMENT_FORMAT_UNKNOWN' } });
    const xxe = await upload('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>');
    expect(xxe.status).toBe(422);
    expect(JSON.stringify(xxe.body)).not.toContain('root:');
    const list = await h.call(h.tenantA.read, { method: 'GET', url: '/v1/bank-statements' });
    expect(list.body.items).toHaveLength(1);
    const items = await h.call(h.tenantA.read, { method: 'GET', url: `/v1/bank-statements/${list.body.items[0].id}/items?matchingResult=Unmatched` });
    expect(items.body.items).toHaveLength(4);
  });

  it('lets a platform key create a tenant whose first admin key works', async () => {
    const created = await h.call(h.platform, { method: 'POST', url: '/v1/tenants', payload: { name: 'Neue Firma GmbH' } });
    expect(created.status).toBe(201);
    const own = await h.call(created.body.key, { method: 'GET', url: '/v1/tenant' });
    expect(own.body).toMatchObject({ id: created.body.tenant.id, name: 'Neue Firma GmbH' });
    expect((await h.call(h.platform, { method: 'GET', url: '/v1/entries' })).status).toBe(403);
  });

  it('serves health, the OpenAPI document and the interactive docs', async () => {
    expect((await h.call(null, { method: 'GET', url: '/health' })).body).toMatchObject({ status: 'ok' });
    const doc = await h.call(null, { method: 'GET', url: '/openapi.json' });
    expect(doc.body.openapi).toBe('3.0.3');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/entries', '/v1/settlements', '/v1/refunds/{id}/approve']));
    expect(doc.body.components.schemas.Entry).toBeDefined();
    const docs = await h.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
