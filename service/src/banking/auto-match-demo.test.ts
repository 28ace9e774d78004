import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../api/test-support/harness.js';
import { ensureDemo } from '../runtime/demo.js';
import { DEMO_BOOKINGS, DEMO_STATEMENT_FILE, demoStatement } from './auto-match-demo.js';

/** Everything a person would compare: amounts and status of every entry, amounts of every payment. */
async function amounts(h: Harness, key: string) {
  const entries = await h.call(key, { method: 'GET', url: '/v1/entries?limit=500' });
  const payments = await h.call(key, { method: 'GET', url: '/v1/payments?limit=500' });
  return {
    entries: Object.fromEntries(
      entries.body.items.map((e: any) => [e.number, { status: e.status, assigned: e.assignedAmount, expected: e.expectedAmount, outstanding: e.outstandingAmount }]),
    ),
    payments: Object.fromEntries(payments.body.items.map((p: any) => [p.id, { assigned: p.assignedAmount, expected: p.expectedAmount }])),
  };
}

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

describe('matching in the demo', () => {
  it('after a statement import, certain items are settled, the rest are suggestions with explanations, and undo restores every amount', async () => {
    const demo = await ensureDemo(h.services.ledger, h.services.tenants, h.services.paymentRuns);
    const key = demo.key;
    const before = await amounts(h, key);

    const upload = await h.call(key, {
      method: 'POST',
      url: `/v1/bank-statements?fileName=${DEMO_STATEMENT_FILE}`,
      headers: { 'content-type': 'application/xml' },
      payload: demoStatement(),
    });
    expect(upload.status).toBe(201);
    const settledCount = DEMO_BOOKINGS.filter((b) => b.expect === 'settled').length;
    const suggestedCount = DEMO_BOOKINGS.length - settledCount;
    expect(upload.body.matching).toMatchObject({ items: DEMO_BOOKINGS.length, settled: settledCount, suggested: suggestedCount, unmatched: 0, jobId: null });

    // every item: settled ones Matched with a payment and an explanation, the others with ranked suggestions and reasons
    const statementId = upload.body.statements[0].id;
    const items = (await h.call(key, { method: 'GET', url: `/v1/bank-statements/${statementId}/items` })).body.items;
    const byText = new Map(items.map((i: any) => [i.remittanceInformation, i]));
    const automaticItems: string[] = [];
    for (const booking of DEMO_BOOKINGS) {
      const item: any = byText.get(booking.text);
      const matching = (await h.call(key, { method: 'GET', url: `/v1/bank-statement-items/${item.id}/matching` })).body;
      expect(matching.paymentId).toEqual(expect.any(String));
      expect(matching.reasons.length).toBeGreaterThan(1);
      if (booking.expect === 'settled') {
        expect(matching).toMatchObject({ matchingResult: 'Matched', outcome: 'settled', suggestions: [] });
        const entryItems = (await h.call(key, { method: 'GET', url: `/v1/payments/${matching.paymentId}/items` })).body.items;
        expect(entryItems.length).toBeGreaterThan(0);
        for (const entryItem of entryItems) {
          expect(entryItem).toMatchObject({ businessProcess: 'Automatic Matching' });
          automaticItems.push(entryItem.id);
        }
        const payment = (await h.call(key, { method: 'GET', url: `/v1/payments/${matching.paymentId}` })).body;
        expect(payment).toMatchObject({ status: 'Collected', amount: booking.amount, assignedAmount: booking.amount, type: booking.creditDebit === 'CRDT' ? 'Payment' : 'Payout' });
      } else {
        expect(matching.matchingResult).toMatch(/^Unmatched/);
        expect(matching.outcome).toBe('suggested');
        expect(matching.suggestions.length).toBeGreaterThan(0);
        for (const s of matching.suggestions) {
          expect(s).toMatchObject({ status: 'Open', paymentId: matching.paymentId });
          expect(s.allocations.length).toBeGreaterThan(0);
          expect(s.reasons.length).toBeGreaterThan(0);
          expect(Object.keys(s.breakdown).length).toBeGreaterThan(0);
        }
        expect(matching.suggestions[0].reasons.at(-1)).toMatch(/^suggested: /);
        const payment = (await h.call(key, { method: 'GET', url: `/v1/payments/${matching.paymentId}` })).body;
        expect(payment).toMatchObject({ status: 'Collected', assignedAmount: '0.00' });
      }
    }
    // the suggestions are listed for review
    const open = (await h.call(key, { method: 'GET', url: '/v1/matching/suggestions?status=Open' })).body.items;
    expect(new Set(open.map((s: any) => s.itemId)).size).toBe(suggestedCount);

    // a reviewer accepts one suggestion: it is settled like any other
    const accepted = await h.call(key, { method: 'POST', url: `/v1/matching/suggestions/${open[0].id}/accept`, payload: { note: 'checked the remittance advice' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'Accepted', note: 'checked the remittance advice' });
    expect(accepted.body.entryItemIds.length).toBe(open[0].allocations.length);

    // undo of every settlement the import and the review made gives every amount back
    const undo = await h.call(key, {
      method: 'POST',
      url: '/v1/settlements/undo',
      payload: { entryItemIds: [...automaticItems, ...accepted.body.entryItemIds], reason: 'demo: undo matching' },
    });
    expect(undo.status).toBe(200);
    const after = await amounts(h, key);
    expect(after.entries).toEqual(before.entries);
    for (const [id, payment] of Object.entries(after.payments)) {
      expect(payment).toEqual(before.payments[id] ?? { assigned: '0.00', expected: '0.00' });
    }
  });

  it('`cash demo` seeds the demo tenant with that statement already imported and matched', async () => {
    const h2 = await openHarness();
    try {
      const demo = await ensureDemo(h2.services.ledger, h2.services.tenants, h2.services.paymentRuns, h2.services);
      const statements = (await h2.call(demo.key, { method: 'GET', url: '/v1/bank-statements' })).body.items;
      expect(statements).toHaveLength(1);
      const items = (await h2.call(demo.key, { method: 'GET', url: `/v1/bank-statements/${statements[0].id}/items` })).body.items;
      const results = items.map((i: any) => i.matchingResult);
      expect(results.filter((r: string) => r === 'Matched')).toHaveLength(DEMO_BOOKINGS.filter((b) => b.expect === 'settled').length);
      const suggestions = (await h2.call(demo.key, { method: 'GET', url: '/v1/matching/suggestions?status=Open' })).body.items;
      expect(suggestions.length).toBeGreaterThanOrEqual(DEMO_BOOKINGS.filter((b) => b.expect === 'suggested').length);
    } finally {
      await h2.close();
    }
  });
});
