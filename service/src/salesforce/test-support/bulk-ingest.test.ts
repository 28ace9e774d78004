import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrgFixture, type OrgFixture } from './org-fixture.js';

let f: OrgFixture;
let conn: Connection;
beforeAll(async () => {
  f = await openOrgFixture();
  conn = (await f.session()).conn;
});
afterAll(() => f.close());

const load = (options: { object: string; operation: 'insert' | 'upsert' | 'update' | 'delete'; externalIdFieldName?: string; input: string | Record<string, unknown>[] }) =>
  conn.bulk2.loadAndWaitForResults({ ...options, pollInterval: 20, pollTimeout: 20_000 });

describe('Bulk API 2.0 ingest through jsforce', () => {
  it('inserts CSV rows, reporting each refused row with the org error', async () => {
    const csv = 'Currency__c,OpenAmount__c,Status__c,Title__c,ExcludeFromPaymentRun__c\nEUR,10.50,Open,B-1,true\nEUR,20,Open,B-2,\nXXX,30,Open,B-3,false\n';
    const results = await load({ object: 'Entry__c', operation: 'insert', input: csv });
    expect(results.successfulResults.map((r) => (r as Record<string, unknown>).Title__c)).toEqual(['B-1', 'B-2']);
    expect(results.successfulResults[0]).toMatchObject({ sf__Created: 'true' });
    expect(results.failedResults).toHaveLength(1);
    expect(String(results.failedResults[0]!.sf__Error)).toMatch(/^INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:/);
    expect(results.unprocessedRecords).toEqual([]);
    const stored = f.org.records('Entry__c').find((r) => r.Title__c === 'B-1')!;
    expect(stored).toMatchObject({ OpenAmount__c: 10.5, ExcludeFromPaymentRun__c: true });
  });

  it('upserts by external id: created first, updated after', async () => {
    const rows = [{ AssignmentKey__c: 'BK-1', Currency__c: 'EUR', OpenAmount__c: 1, Status__c: 'Open' }];
    expect((await load({ object: 'Entry__c', operation: 'upsert', externalIdFieldName: 'AssignmentKey__c', input: rows })).successfulResults[0]).toMatchObject({ sf__Created: 'true' });
    const again = await load({ object: 'Entry__c', operation: 'upsert', externalIdFieldName: 'AssignmentKey__c', input: [{ ...rows[0], Status__c: 'Balanced' }] });
    expect(again.successfulResults[0]).toMatchObject({ sf__Created: 'false' });
    expect(f.org.records('Entry__c').filter((r) => r.AssignmentKey__c === 'BK-1').map((r) => r.Status__c)).toEqual(['Balanced']);
  });

  it('fails the whole job when a column is not a field force-app defines (the contract check)', async () => {
    const before = f.org.records('Entry__c').length;
    await expect(load({ object: 'Entry__c', operation: 'insert', input: 'Currency__c,OpenAmount__c,Status__c,Invented__c\nEUR,1,Open,x\n' })).rejects.toThrow(
      'Ingest job failed to complete due to: InvalidBatch : Field name not found : Invented__c',
    );
    expect(f.org.records('Entry__c')).toHaveLength(before);
  });
});
