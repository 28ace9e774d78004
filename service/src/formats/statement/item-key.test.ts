import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCamt } from '../camt/index.js';
import { itemKeys } from './item-key.js';
import type { Statement, StatementItem } from './model.js';

const fixture = (path: string) => readFileSync(new URL(`../camt/__fixtures__/${path}`, import.meta.url));
const keysOf = (path: string) => readCamt(fixture(path)).statements.map((statement) => itemKeys(statement));

function statementWith(items: StatementItem[]): Statement {
  return {
    id: 'S',
    account: { iban: 'DE89 3704 0044 0532 0130 00', other: null, currency: 'EUR' },
    openingBalance: null,
    closingBalance: null,
    items,
    warnings: [],
  };
}

const plainItem = (amount: string, remittance: string | null): StatementItem => ({
  amount,
  currency: 'EUR',
  creditDebit: 'CRDT',
  reversal: false,
  status: 'BOOK',
  bookingDate: '2026-11-02',
  valueDate: '2026-11-02',
  remittanceInformation: remittance,
  endToEndId: null,
  creditorReference: null,
  counterparty: null,
  bankTransactionCode: null,
  details: [],
});

describe('item keys', () => {
  it('are the same when the same file is read again', () => {
    for (const path of ['camt053/iso20022js_ing-nl_camt053.v2.xml', 'camt054/moov_postfinance-ch_camt054.v4.esr.xml']) {
      expect(keysOf(path)).toEqual(keysOf(path));
    }
  });

  it("come from the bank's account servicer reference where there is one", () => {
    const [keys] = keysOf('camt053/viafintech_volksbank-de_camt053.v2.xml');
    expect(keys?.[0]).toBe('asr:DE14740618130000033626:DBIT2.00:2013122710583450000#0');
  });

  it('keep two entries apart that share a servicer reference (ING books a return under the original one)', () => {
    const [keys = []] = keysOf('camt053/iso20022js_ing-nl_camt053.v2.xml');
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((key) => key.includes(':3101963431841'))).toHaveLength(2);
  });

  it('keep two genuinely identical rows of one statement as two items', () => {
    const [keys] = keysOf('own/latin1-identical-rows_camt053.v2.xml');
    expect(keys).toHaveLength(2);
    expect(keys?.[0]?.replace(/#0$/, '#1')).toBe(keys?.[1]);
  });

  it('fall back to the content, so the same booking in an overlapping statement gets the same key', () => {
    const a = itemKeys(statementWith([plainItem('10.00', 'Rent'), plainItem('5.00', 'Fee')]));
    const b = itemKeys(statementWith([plainItem('5.00', 'Fee'), plainItem('7.00', 'Other')]));
    expect(b[0]).toBe(a[1]);
    expect(a[0]).toMatch(/^hash:DE89370400440532013000:[0-9a-f]{32}#0$/);
  });

  it('are unique within any statement', () => {
    const items = fc.array(
      fc.record({ amount: fc.constantFrom('1.00', '2.00'), text: fc.constantFrom('a', 'b', null) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(items, (rows) => {
        const keys = itemKeys(statementWith(rows.map((row) => plainItem(row.amount, row.text))));
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});
