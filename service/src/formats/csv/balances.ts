import { addDecimals, formatAmount, negate, type Decimal } from '../statement/amount.js';
import type { Balance } from '../statement/model.js';
import type { ReadRow } from './row-reader.js';

/**
 * Opening and closing balances from a balance-after-row column. Exports list rows oldest or
 * newest first: the order in which more balances follow from their neighbours' is taken, and the
 * dates decide a tie. Rows that are not booked do not move the balance and are left out.
 */
export function runningBalances(
  rows: ReadRow[],
  currency: string | null,
): { opening: Balance; closing: Balance } | null {
  const booked = rows.filter((r) => r.item.status === 'BOOK');
  if (booked.length === 0 || booked.some((r) => r.balance === undefined)) return null;
  const same = (a: Decimal, b: Decimal) => addDecimals(a, negate(b)).units === 0n;
  let ascending = 0;
  let descending = 0;
  for (let i = 1; i < booked.length; i += 1) {
    const [earlier, later] = [booked[i - 1]!, booked[i]!];
    if (same(addDecimals(earlier.balance!, later.signed), later.balance!)) ascending += 1;
    if (same(addDecimals(later.balance!, earlier.signed), earlier.balance!)) descending += 1;
  }
  const firstDate = booked[0]!.item.bookingDate ?? '';
  const lastDate = booked.at(-1)!.item.bookingDate ?? '';
  const newestFirst = descending > ascending || (descending === ascending && firstDate > lastDate);
  const oldest = newestFirst ? booked.at(-1)! : booked[0]!;
  const newest = newestFirst ? booked[0]! : booked.at(-1)!;
  return {
    opening: { amount: formatAmount(addDecimals(oldest.balance!, negate(oldest.signed)), currency), date: oldest.item.bookingDate },
    closing: { amount: formatAmount(newest.balance!, currency), date: newest.item.bookingDate },
  };
}
