import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrgFixture, type OrgFixture } from './org-fixture.js';

/**
 * The test org against the real jsforce 3.10.16 over TLS. Every write is checked against
 * force-app's objects and fields, so these tests also hold the contract between the package and
 * the service.
 */
let f: OrgFixture;
let conn: Connection;

beforeAll(async () => {
  f = await openOrgFixture();
  conn = (await f.session()).conn;
});
afterAll(() => f.close());

const entry = (extra: Record<string, unknown> = {}) => ({ Currency__c: 'EUR', OpenAmount__c: 119, Status__c: 'Open', ...extra });
const failure = (promise: PromiseLike<unknown>) => Promise.resolve(promise).then(() => { throw new Error('expected the org to refuse'); }, (e: { errorCode?: string; message: string }) => e);

describe('sObject endpoints', () => {
  it('creates, reads, updates and deletes a record of a package object', async () => {
    const created = await conn.sobject('Entry__c').create(entry({ Title__c: 'Invoice RE-1', DueDate__c: '2026-12-24' }));
    expect(created).toMatchObject({ success: true, errors: [] });
    expect(created.id).toMatch(/^a0[0-9A-Z][a-zA-Z0-9]{15}$/);
    const read = await conn.sobject('Entry__c').retrieve(created.id!);
    expect(read).toMatchObject({ Id: created.id, Title__c: 'Invoice RE-1', OpenAmount__c: 119, DueDate__c: '2026-12-24', Type__c: null });
    expect(await conn.sobject('Entry__c').update({ Id: created.id!, Status__c: 'Balanced' })).toMatchObject({ success: true });
    expect(f.org.store.get('Entry__c', created.id!)!.Status__c).toBe('Balanced');
    await conn.sobject('Entry__c').destroy(created.id!);
    expect((await failure(conn.sobject('Entry__c').retrieve(created.id!))).errorCode).toBe('NOT_FOUND');
  });

  it('refuses a write naming a field force-app does not define (the contract check)', async () => {
    const error = await failure(conn.sobject('Entry__c').create(entry({ Invented__c: 'x' })));
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toBe("No such column 'Invented__c' on sobject of type Entry__c");
    expect(f.org.records('Entry__c').some((r) => r.Invented__c !== undefined)).toBe(false);
  });

  it('refuses unknown objects, wrong types, read-only fields, missing required fields and bad picklist values', async () => {
    expect((await failure(conn.sobject('Invented__c').create({ Name: 'x' }))).errorCode).toBe('NOT_FOUND');
    expect((await failure(conn.sobject('Entry__c').create(entry({ OpenAmount__c: 'lots' })))).errorCode).toBe('JSON_PARSER_ERROR');
    expect((await failure(conn.sobject('Entry__c').create(entry({ ExcludeFromPaymentRun__c: 'yes' })))).errorCode).toBe('JSON_PARSER_ERROR');
    expect((await failure(conn.sobject('Entry__c').create(entry({ Type__c: 'Debit' })))).errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    const missing = await failure(conn.sobject('Entry__c').create({ OpenAmount__c: 1 }));
    expect(missing.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(missing.message).toBe('Required fields are missing: [Currency__c, Status__c]');
    expect((await failure(conn.sobject('Entry__c').create(entry({ Currency__c: 'XXX' })))).errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect((await failure(conn.sobject('Entry__c').create(entry({ Account__c: 'not-an-id' })))).errorCode).toBe('MALFORMED_ID');
    expect(f.org.records('Entry__c')).toHaveLength(0);
  });

  it('upserts by external id: creates first, updates after, and refuses a field that is not an external id', async () => {
    const first = await conn.sobject('Entry__c').upsert(entry({ AssignmentKey__c: 'K-1', Title__c: 'first' }), 'AssignmentKey__c');
    expect(first).toMatchObject({ success: true, created: true });
    const second = await conn.sobject('Entry__c').upsert(entry({ AssignmentKey__c: 'K-1', Title__c: 'second' }), 'AssignmentKey__c');
    expect(second).toMatchObject({ success: true, created: false, id: first.id });
    expect(f.org.records('Entry__c').filter((r) => r.AssignmentKey__c === 'K-1').map((r) => r.Title__c)).toEqual(['second']);
    expect((await failure(conn.sobject('Entry__c').upsert(entry({ Title__c: 'x' }), 'Title__c'))).errorCode).toBe('NOT_FOUND');
  });

  it('links a child to its master by the master external id (relationship reference)', async () => {
    const payment = await conn.sobject('Payment__c').create({ Amount__c: 10, Currency__c: 'EUR', Status__c: 'Collected' });
    expect(payment.success).toBe(true);
    const item = await conn.sobject('EntryItem__c').create({ Entry__r: { AssignmentKey__c: 'K-1' }, Payment__c: payment.id, Amount__c: -10 });
    expect(f.org.store.get('EntryItem__c', item.id!)!.Entry__c).toBe(f.org.records('Entry__c').find((r) => r.AssignmentKey__c === 'K-1')!.Id);
    const unknown = await failure(conn.sobject('EntryItem__c').create({ Entry__r: { AssignmentKey__c: 'nope' }, Payment__c: payment.id, Amount__c: -1 }));
    expect(unknown.message).toBe('Foreign key external ID: nope not found for field AssignmentKey__c in entity Entry__c');
  });
});

describe('describe and retrieve', () => {
  it('describes a package object and retrieves many records through Collections', async () => {
    const described = await conn.sobject('Entry__c').describe();
    expect(described.fields.find((field) => field.name === 'Type__c')).toMatchObject({ type: 'string', createable: false });
    expect(described.fields.find((field) => field.name === 'AssignmentKey__c')).toMatchObject({ externalId: true });
    const created = await conn.sobject('Entry__c').create([entry({ Title__c: 'R-1' }), entry({ Title__c: 'R-2' })]);
    const read = await conn.sobject('Entry__c').retrieve(created.map((r) => r.id!));
    expect(read.map((r) => r?.Title__c)).toEqual(['R-1', 'R-2']);
    await conn.sobject('Entry__c').destroy(created.map((r) => r.id!));
  });
});

describe('SOQL', () => {
  it('answers SELECT … WHERE … AND … LIMIT with relationship fields', async () => {
    await conn.sobject('Entry__c').create([entry({ Title__c: 'Q-1', AssignmentKey__c: 'Q1' }), entry({ Title__c: 'Q-2', AssignmentKey__c: 'Q2', Status__c: 'Balanced' })], { allOrNone: true });
    const open = await conn.query<{ Title__c: string }>("SELECT Id, Title__c FROM Entry__c WHERE Status__c = 'Open' AND Title__c LIKE 'Q-%' LIMIT 5");
    expect(open.totalSize).toBe(1);
    expect(open.records[0]).toMatchObject({ attributes: { type: 'Entry__c' }, Title__c: 'Q-1' });
    const items = await conn.query<{ Entry__r: { AssignmentKey__c: string } }>("SELECT Id, Entry__r.AssignmentKey__c FROM EntryItem__c WHERE Entry__r.AssignmentKey__c = 'K-1'");
    expect(items.records.map((r) => r.Entry__r.AssignmentKey__c)).toEqual(['K-1']);
    expect(await conn.sobject('Entry__c').count({ Status__c: 'Balanced' })).toBe(1);
  });

  it('refuses unknown fields and objects with the org codes', async () => {
    expect((await failure(conn.query('SELECT Id, Invented__c FROM Entry__c'))).errorCode).toBe('INVALID_FIELD');
    expect((await failure(conn.query('SELECT Id FROM Invented__c'))).errorCode).toBe('INVALID_TYPE');
    expect((await failure(conn.query('SELECT FROM Entry__c'))).errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('Collections', () => {
  it('reports each record with allOrNone false and undoes everything with allOrNone true', async () => {
    const before = f.org.records('Entry__c').length;
    const partial = await conn.sobject('Entry__c').create([entry({ Title__c: 'ok' }), entry({ Nope__c: 1 })]);
    expect(partial.map((r) => r.success)).toEqual([true, false]);
    expect(partial[1]!.errors[0]).toMatchObject({ statusCode: 'INVALID_FIELD' });
    const all = await conn.sobject('Entry__c').create([entry({ Title__c: 'undone' }), entry({ Currency__c: null })], { allOrNone: true });
    expect(all.map((r) => r.errors[0])).toMatchObject([{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' }, { statusCode: 'REQUIRED_FIELD_MISSING' }]);
    expect(f.org.records('Entry__c').length).toBe(before + 1);
  });

  it('updates and upserts many, and refuses more than 200 records a call', async () => {
    const keys = ['U1', 'U2', 'U3'];
    const upserted = await conn.sobject('Entry__c').upsert(keys.map((k) => entry({ AssignmentKey__c: k })), 'AssignmentKey__c', { allOrNone: true });
    expect(upserted.map((r) => r.created)).toEqual([true, true, true]);
    const updated = await conn.sobject('Entry__c').update(upserted.map((r) => ({ Id: r.id!, Title__c: 'updated' })));
    expect(updated.every((r) => r.success)).toBe(true);
    const again = await conn.sobject('Entry__c').upsert(keys.map((k) => entry({ AssignmentKey__c: k, Title__c: 'again' })), 'AssignmentKey__c');
    expect(again.map((r) => r.created)).toEqual([false, false, false]);
    const tooMany = await failure(conn.sobject('Entry__c').create(Array.from({ length: 201 }, () => entry())));
    expect(tooMany.errorCode).toBe('EXCEEDED_ID_LIMIT');
  });
});

describe('faults', () => {
  it('fails the next calls on request: the request limit is final, a server error jsforce retries', async () => {
    f.org.failNext('REQUEST_LIMIT_EXCEEDED');
    expect((await failure(conn.query('SELECT Id FROM Entry__c'))).errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    const before = f.org.requests.length;
    f.org.failNext('SERVER_ERROR');
    // jsforce 3.10.16 retries 500 (and 420, 429, 502–504) up to five times with back-off
    expect((await conn.query('SELECT Id FROM Entry__c')).done).toBe(true);
    expect(f.org.requests.slice(before).map((r) => r.path)).toEqual(['/services/data/v62.0/query', '/services/data/v62.0/query']);
  });

  it('answers an expired session with 401 INVALID_SESSION_ID, after which jsforce signs in again', async () => {
    const signIns = f.org.auth.tokenRequests.length;
    f.org.auth.expireSessions();
    expect((await conn.query('SELECT Id FROM Entry__c LIMIT 1')).done).toBe(true);
    expect(f.org.auth.tokenRequests.slice(signIns)).toEqual([{ grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer', clientId: expect.any(String), ok: true }]);
  });

  it('does not serve the data API on the login host', async () => {
    expect((await failure(conn.request(`${f.org.loginUrl}/services/data/v62.0/limits`))).errorCode).toBe('NOT_FOUND');
    expect((await conn.request<{ DailyApiRequests: unknown }>(`${f.org.instanceUrl}/services/data/v62.0/limits`)).DailyApiRequests).toBeDefined();
  });
});
