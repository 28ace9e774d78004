import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStatement } from '../statement/balance-check.js';
import { readCsv } from './index.js';

interface Row {
  cents: number;
  day: number;
  text: string;
}

const row = fc.record({
  cents: fc.integer({ min: -99_999_999_99, max: 99_999_999_99 }),
  day: fc.integer({ min: 1, max: 28 }),
  // Delimiters, quotes and line breaks inside a cell must survive quoting.
  text: fc.stringMatching(/^[A-Za-zäöüß0-9 ,;."\n-]{0,40}$/),
});

/** Groups thousands as the export's locale does: 1,234,567.89 or 1.234.567,89. */
function money(cents: number, decimal: '.' | ','): string {
  const thousands = decimal === '.' ? ',' : '.';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, thousands);
  return `${cents < 0 ? '-' : ''}${whole}${decimal}${String(abs % 100).padStart(2, '0')}`;
}

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

function write(rows: Row[], opening: number, locale: 'en' | 'de'): string {
  const [delimiter, decimal] = locale === 'en' ? [',', '.'] as const : [';', ','] as const;
  const header = locale === 'en' ? ['Date', 'Description', 'Amount', 'Currency', 'Balance'] : ['Buchungstag', 'Verwendungszweck', 'Betrag', 'Waehrung', 'Saldo'];
  let balance = opening;
  const lines = rows.map((r) => {
    balance += r.cents;
    const day = String(r.day).padStart(2, '0');
    const date = locale === 'en' ? `2026-12-${day}` : `${day}.12.2026`;
    return [date, r.text, money(r.cents, decimal), 'EUR', money(balance, decimal)].map(quote).join(delimiter);
  });
  return [header.map(quote).join(delimiter), ...lines].join('\r\n');
}

describe('readCsv (properties)', () => {
  it.each(['en', 'de'] as const)('reads back every row of a %s export: amounts, direction, text, balances', (locale) => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), (rows, opening) => {
        // Oldest first, as exports list them, so that the dates agree with the balance order.
        rows.sort((a, b) => a.day - b.day);
        const [statement] = readCsv(Buffer.from(write(rows, opening, locale)), 'generic').statements;
        expect(statement!.items).toHaveLength(rows.length);
        statement!.items.forEach((item, i) => {
          const r = rows[i]!;
          expect(item.creditDebit).toBe(r.cents < 0 ? 'DBIT' : 'CRDT');
          expect(item.amount).toBe(money(Math.abs(r.cents), '.').replace(/,/g, ''));
          expect(item.remittanceInformation).toBe(r.text.trim() || null);
        });
        expect(statement!.openingBalance!.amount).toBe(money(opening, '.').replace(/,/g, ''));
        expect(checkStatement(statement!)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
