import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerContext } from '../domain/ledger-port.js';
import { readEntriesFile } from '../formats/entries/entries-file.js';
import { createBusinessEntity } from '../payment-runs/instruments.js';
import { servicesFor, type Services } from '../runtime/services.js';
import { openTestDb } from '../store/test-support/test-db.js';
import { importEntries } from './import-entries.js';

let services: Services;
let ctx: LedgerContext;
let other: LedgerContext;
const entity = (code: string) => ({
  code, creditorName: `${code} GmbH`, creditorId: null, address: null,
  account: { iban: 'DE44500105175407324931', bic: null, name: null, currency: 'EUR' },
});

beforeAll(async () => {
  services = servicesFor(await openTestDb());
  ctx = { tenantId: (await services.tenants.createTenant('Import')).id, actor: 'test', businessProcess: 'Entries Import' };
  other = { tenantId: (await services.tenants.createTenant('Other')).id, actor: 'test', businessProcess: 'Entries Import' };
});
afterAll(() => services.close());

const file = [
  'number;type;currency;amount;account.number;businessEntity',
  'I-1;Debit;EUR;10.00;C-1;',
  'I-2;Debit;EUR;20.00;C-2;NORD',
  'I-3;Debit;EUR;30.00;C-3;FOREIGN',
].join('\n');

describe('importing entries into business entities', () => {
  it('takes the tenant\'s only entity when the column is empty, and an entity of another tenant never', async () => {
    await createBusinessEntity(services.paymentRuns.store, other, entity('FOREIGN'));
    const nord = await createBusinessEntity(services.paymentRuns.store, ctx, entity('NORD'));
    const summary = await importEntries(services.ledger, services.paymentRuns.store, ctx, readEntriesFile(file, 'csv'));
    expect(summary.refused).toEqual([{ line: 4, code: 'BUSINESS_ENTITY_UNKNOWN', message: 'business entity FOREIGN does not exist in this tenant' }]);
    const page = await services.ledger.listEntries(ctx, {}, 10, null);
    expect(page.items.map((e) => [e.number, e.businessEntityId])).toEqual([['I-1', nord.id], ['I-2', nord.id]]);
  });

  it('with several entities refuses a line that names none, saying which exist', async () => {
    await createBusinessEntity(services.paymentRuns.store, ctx, entity('SUED'));
    const again = file.replace(/I-(\d)/g, 'J-$1');
    const summary = await importEntries(services.ledger, services.paymentRuns.store, ctx, readEntriesFile(again, 'csv'));
    expect(summary.refused.map((r) => [r.line, r.code])).toEqual([[2, 'BUSINESS_ENTITY_REQUIRED'], [4, 'BUSINESS_ENTITY_UNKNOWN']]);
    expect(summary.refused[0]!.message).toContain('NORD, SUED');
    expect(summary.imported).toBe(1);
  });
});
