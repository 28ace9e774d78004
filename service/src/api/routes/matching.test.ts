import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camtStatement } from '../../banking/auto-match-demo.js';
import { openHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const byAmount = { name: 'By amount', template: 'FindEntryByMatchingTheAmount', priority: 5, search: { percentage: 0.01, absolute: '1.00' } };

describe('matching configurations API', () => {
  it('shows the shipped defaults until the tenant has its own, then only its own, by priority', async () => {
    const key = h.tenantA.admin;
    const defaults = (await h.call(key, { method: 'GET', url: '/v1/matching/configurations' })).body;
    expect(defaults.source).toBe('default');
    expect(defaults.items.length).toBeGreaterThan(5);
    expect(defaults.items.every((c: { id: unknown }) => c.id === null)).toBe(true);

    const created = await h.call(key, { method: 'POST', url: '/v1/matching/configurations', payload: byAmount });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...byAmount, active: true, id: expect.any(String) });
    await h.call(key, { method: 'POST', url: '/v1/matching/configurations', payload: { ...byAmount, name: 'First', priority: 1, template: 'FindAccountByIBAN' } });
    const own = (await h.call(key, { method: 'GET', url: '/v1/matching/configurations' })).body;
    expect(own).toMatchObject({ source: 'tenant', items: [{ name: 'First' }, { name: 'By amount' }] });

    const changed = await h.call(key, { method: 'PUT', url: `/v1/matching/configurations/${created.body.id}`, payload: { ...byAmount, active: false } });
    expect(changed.body).toMatchObject({ active: false });
    expect((await h.call(key, { method: 'DELETE', url: `/v1/matching/configurations/${created.body.id}` })).status).toBe(204);
    expect((await h.call(key, { method: 'GET', url: `/v1/matching/configurations/${created.body.id}` })).status).toBe(404);
  });

  it('refuses a pattern that does not compile, a name taken twice, an unknown template, and a read key', async () => {
    const key = h.tenantB.admin;
    const bad = await h.call(key, { method: 'POST', url: '/v1/matching/configurations', payload: { ...byAmount, template: 'FindEntryByStatementNumber', parser: { pattern: '(unclosed' } } });
    expect(bad.body.code).toBe('MATCHING_CONFIG_INVALID');
    const lookahead = await h.call(key, { method: 'POST', url: '/v1/matching/configurations', payload: { ...byAmount, template: 'FindEntryByStatementNumber', parser: { pattern: 'RE-(?=\\d)(\\d+)' } } });
    expect(lookahead).toMatchObject({ status: 422, body: { code: 'MATCHING_PATTERN_UNSUPPORTED', detail: expect.stringContaining('lookaround') } });
    const inactive = await h.call(key, { method: 'POST', url: '/v1/matching/configurations', payload: { ...byAmount, active: false, parser: { pattern: '(RE)-\\1' } } });
    expect(inactive).toMatchObject({ status: 422, body: { code: 'MATCHING_PATTERN_UNSUPPORTED' } });
    expect((await h.call(key, { method: 'POST', url: '/v1/matching/configurations', payload: byAmount })).status).toBe(201);
    const twice = await h.call(key, { method: 'POST', url: '/v1/matching/configurations', payload: byAmount });
    expect(twice).toMatchObject({ status: 409, body: { code: 'MATCHING_CONFIGURATION_NAME_TAKEN' } });
    expect((await h.call(key, { method: 'POST', url: '/v1/matching/configurations', payload: { ...byAmount, name: 'x', template: 'Guess' } })).status).toBe(400);
    expect((await h.call(h.tenantB.read, { method: 'POST', url: '/v1/matching/configurations', payload: { ...byAmount, name: 'y' } })).status).toBe(403);
    const adopt = await h.call(key, { method: 'POST', url: '/v1/matching/configurations/defaults' });
    expect(adopt.body.code).toBe('MATCHING_CONFIGURATIONS_EXIST');
  });
});

describe('tenant patterns', () => {
  // the pattern that made every tenant wait 32 s: accepted, and a statement over it is matched at once
  it('accepts a pattern of nested alternatives and matches a hostile remittance text with it promptly', { timeout: 60_000 }, async () => {
    const tenant = await h.services.tenants.createTenant('Tenant with a hostile pattern');
    const admin = (await h.services.tenants.createApiKey(tenant.id, 'admin', ['admin'])).key;
    const write = (await h.services.tenants.createApiKey(tenant.id, 'write', ['write'])).key;
    const hostile = { name: 'Hostile', template: 'FindEntryByStatementNumber', priority: 1, parser: { pattern: '^(?:AB|A|B)*C$' } };
    const saved = await h.call(admin, { method: 'POST', url: '/v1/matching/configurations', payload: hostile });
    expect(saved).toMatchObject({ status: 201, body: { parser: { pattern: '^(?:AB|A|B)*C$' } } });

    await h.call(write, { method: 'POST', url: '/v1/entries', payload: { number: 'ABABC', type: 'Debit', currency: 'EUR', amount: '60.00', account: { id: 'K-1', name: 'Kunde Eins' }, statementDate: '2026-11-01' } });
    const file = camtStatement([
      { ref: 'S-1', amount: '60.00', creditDebit: 'CRDT', party: { name: 'Somebody', iban: null }, text: 'AB'.repeat(70) },
      { ref: 'S-2', amount: '60.00', creditDebit: 'CRDT', party: { name: 'Kunde Eins', iban: null }, text: 'ABABC' },
    ]);
    const upload = await h.call(write, { method: 'POST', url: '/v1/bank-statements?fileName=s.xml', payload: file, headers: { 'content-type': 'application/xml' } });
    expect(upload).toMatchObject({ status: 201, body: { matching: { configurations: 'tenant', unmatched: 1 } } });
  });
});

describe('suggestions API', () => {
  it('lists suggestions with filters, explains each item, and matches a statement again', async () => {
    const key = h.tenantA.write;
    // tenant A runs only "First" (IBAN) from the test above: give it the defaults back
    for (const c of (await h.call(key, { method: 'GET', url: '/v1/matching/configurations' })).body.items) {
      await h.call(h.tenantA.admin, { method: 'DELETE', url: `/v1/matching/configurations/${c.id}` });
    }
    for (const number of ['RE-1', 'RE-2']) {
      await h.call(key, { method: 'POST', url: '/v1/entries', payload: { number, type: 'Debit', currency: 'EUR', amount: '60.00', account: { id: 'K-1', name: 'Kunde Eins' }, statementDate: '2026-11-01' } });
    }
    const file = camtStatement([
      { ref: 'S-1', amount: '60.00', creditDebit: 'CRDT', party: { name: 'Kunde Eins', iban: null }, text: 'Zahlung' },
      { ref: 'S-2', amount: '9.99', creditDebit: 'DBIT', party: { name: 'Bank', iban: null }, text: 'Kontoführung' },
    ]);
    const upload = await h.call(key, { method: 'POST', url: '/v1/bank-statements?fileName=s.xml', payload: file, headers: { 'content-type': 'application/xml' } });
    expect(upload.body.matching).toMatchObject({ settled: 0, suggested: 1, unmatched: 1, configurations: 'default' });
    const statementId = upload.body.statements[0].id;

    const all = (await h.call(key, { method: 'GET', url: `/v1/matching/suggestions?statementId=${statementId}` })).body.items;
    expect(all).toHaveLength(2);
    expect((await h.call(key, { method: 'GET', url: `/v1/matching/suggestions?statementId=${statementId}&minScore=1` })).body.items).toEqual([]);
    expect((await h.call(key, { method: 'GET', url: '/v1/matching/suggestions?status=Rejected' })).body.items).toEqual([]);

    const item = (await h.call(key, { method: 'GET', url: `/v1/bank-statement-items/${all[0].itemId}/matching` })).body;
    expect(item).toMatchObject({ matchingResult: 'Unmatched, multiple results', outcome: 'suggested', suggestions: [{ rank: 1 }, { rank: 2 }] });
    const rejected = await h.call(key, { method: 'POST', url: `/v1/matching/suggestions/${all[1].id}/reject`, payload: { note: 'not this one' } });
    expect(rejected.body).toMatchObject({ status: 'Rejected', note: 'not this one', decidedBy: expect.stringContaining('api-key') });

    // matching again replaces what was left open; the rejected suggestion stays on record
    const again = await h.call(key, { method: 'POST', url: `/v1/bank-statements/${statementId}/matching` });
    expect(again).toMatchObject({ status: 200, body: { jobId: null, items: 2, suggested: 1, unmatched: 1, paymentsCreated: 0 } });
    const open = (await h.call(key, { method: 'GET', url: `/v1/matching/suggestions?statementId=${statementId}&status=Open` })).body.items;
    expect(open).toHaveLength(2);
    expect((await h.call(key, { method: 'GET', url: `/v1/matching/suggestions/${all[0].id}` })).body.status).toBe('Superseded');
    expect((await h.call(key, { method: 'GET', url: `/v1/matching/suggestions/${all[1].id}` })).body.status).toBe('Rejected');

    // two reviewers accept the same suggestion at once: one settles, the other hears 409 SUGGESTION_DECIDED
    const accepts = await Promise.all(
      [1, 2].map(() => h.call(key, { method: 'POST', url: `/v1/matching/suggestions/${open[0].id}/accept`, payload: {} })),
    );
    expect(accepts.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(accepts.find((a) => a.status === 409)!.body).toMatchObject({ code: 'SUGGESTION_DECIDED', details: { status: 'Accepted' } });
    const settled = accepts.find((a) => a.status === 200)!.body;
    expect(settled.entryItemIds).toHaveLength(1);
    expect((await h.call(key, { method: 'GET', url: `/v1/entries/${open[0].allocations[0].entryId}/items` })).body.items).toHaveLength(1);
  });
});
