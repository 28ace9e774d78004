import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camtStatement } from '../../banking/auto-match-demo.js';
import { parseStatementFile } from '../../formats/statement/parse.js';
import { servicesFor, type Services } from '../../runtime/services.js';
import { openTestDb } from '../test-support/test-db.js';
import type { NewSuggestion } from './suggestion-store.js';

let services: Services;
let tenantId: string;
let itemId: string;
let statementId: string;

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  tenantId = (await services.tenants.createTenant('Suggestion store')).id;
  const content = camtStatement([{ ref: 'S-1', amount: '10.00', creditDebit: 'CRDT', party: { name: 'Someone', iban: null }, text: 'RE-1' }], '2027-03-01');
  const stored = await services.statements.importFile(tenantId, await parseStatementFile(content, {}), { fileName: 's.xml', content, importedBy: 'test' });
  itemId = stored.newItemIds[0]!;
  statementId = stored.statements[0]!.id;
});
afterAll(() => services.close());

const suggestion = (rank: number, paymentId: string): NewSuggestion => ({
  itemId,
  statementId,
  paymentId,
  rank,
  score: 0.5,
  configuration: null,
  allocations: [{ entryId: '00000000-0000-4000-8000-000000000001', amount: '10.00' }],
  breakdown: {},
  reasons: [`candidate ${rank}`],
});

describe('suggestion store', () => {
  it('records an item in one transaction: a failure while writing the new suggestions leaves the earlier result and suggestions as they were', async () => {
    const { suggestions } = services.matching;
    const payment = '00000000-0000-4000-8000-0000000000aa';
    await suggestions.recordItem(tenantId, { itemId, outcome: 'suggested', score: 0.5, configuration: null, reasons: ['first run'] }, [suggestion(1, payment)]);
    const before = (await suggestions.list(tenantId, { itemId }, 10, null)).items;
    expect(before).toHaveLength(1);

    // the third statement fails (a payment id that is no uuid), after the result was updated and the old suggestion superseded
    await expect(
      suggestions.recordItem(tenantId, { itemId, outcome: 'unmatched', score: 0, configuration: null, reasons: ['second run'] }, [suggestion(1, 'not-a-uuid')]),
    ).rejects.toThrow();

    expect(await suggestions.itemResult(tenantId, itemId)).toMatchObject({ outcome: 'suggested', reasons: ['first run'] });
    expect((await suggestions.list(tenantId, { itemId }, 10, null)).items).toEqual(before);
  });
});
