import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkStatement } from '../statement/balance-check.js';
import { readMt940 } from './index.js';

/** A booking as a test writes it into an MT940 file. */
interface Booking {
  cents: number;
  mark: 'C' | 'D' | 'RC' | 'RD';
  day: number;
  purpose: string;
  name: string;
}

const booking = fc.record({
  cents: fc.integer({ min: 0, max: 99_999_999 }),
  mark: fc.constantFrom('C', 'D', 'RC', 'RD') as fc.Arbitrary<Booking['mark']>,
  day: fc.integer({ min: 1, max: 28 }),
  purpose: fc.stringMatching(/^[A-Za-z0-9äöüÄÖÜß .,-]{1,100}$/),
  name: fc.stringMatching(/^[A-Za-z äöüß]{1,27}$/),
});

const swift = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
const signedCents = (b: Booking) => (b.mark === 'C' || b.mark === 'RD' ? b.cents : -b.cents);

/** Writes German-style MT940 with the purpose cut into 27-character ?2x slices and 65-character lines. */
function write(bookings: Booking[], opening: number): string {
  const closing = bookings.reduce((sum, b) => sum + signedCents(b), opening);
  const balance = (tag: string, cents: number) => `:${tag}:${cents < 0 ? 'D' : 'C'}261201EUR${swift(Math.abs(cents))}`;
  const lines = [':20:STARTUMS', ':25:DE89370400440532013000', ':28C:1/1', balance('60F', opening)];
  for (const b of bookings) {
    const day = String(b.day).padStart(2, '0');
    lines.push(`:61:2612${day}12${day}${b.mark}${swift(b.cents)}NTRFNONREF`);
    const slices = b.purpose.match(/.{1,27}/g)!.map((slice, i) => `?${20 + i}${slice}`);
    const field = `166?00GUTSCHRIFT${slices.join('')}?32${b.name}`;
    const [first, ...rest] = `:86:${field}`.match(/.{1,65}/g)!;
    lines.push(first!, ...rest);
  }
  lines.push(balance('62F', closing), '-');
  return lines.join('\r\n');
}

describe('readMt940 (properties)', () => {
  it('reads back every written booking, in order, and the balances add up', () => {
    fc.assert(
      fc.property(fc.array(booking, { maxLength: 30 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), (bookings, opening) => {
        // Random letters say nothing about their code page, so the test names it.
        const file = readMt940(iconv.encode(write(bookings, opening), 'latin1'), { encoding: 'latin1' });
        const [statement] = file.statements;
        expect(statement!.items).toHaveLength(bookings.length);
        statement!.items.forEach((item, i) => {
          const b = bookings[i]!;
          expect(item.amount).toBe(swift(b.cents).replace(',', '.'));
          expect(item.creditDebit).toBe(signedCents(b) < 0 || (b.cents === 0 && (b.mark === 'D' || b.mark === 'RC')) ? 'DBIT' : 'CRDT');
          expect(item.reversal).toBe(b.mark.startsWith('R'));
          expect(item.remittanceInformation).toBe(b.purpose.replace(/\s+/g, ' ').trim() || null);
          expect(item.counterparty?.name ?? null).toBe(b.name.replace(/\s+/g, ' ').trim() || null);
        });
        expect(checkStatement(statement!)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws anything but a CashError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), (bytes, withTags) => {
        const prefix = withTags ? Buffer.from(':20:X\n:25:Y\n:60F:C260101EUR1,\n:61:') : Buffer.alloc(0);
        try {
          readMt940(Buffer.concat([prefix, Buffer.from(bytes)]));
        } catch (error) {
          expect((error as Error).name).toBe('CashError');
        }
      }),
      { numRuns: 300 },
    );
  });
});
