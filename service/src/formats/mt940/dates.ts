/**
 * SWIFT dates are YYMMDD (and MMDD for the entry date of :61:). Years 00–79 are 20xx, 80–99 are
 * 19xx. Some banks write impossible dates such as 30 February for the end of the month; those are
 * moved to the month's last day and reported, since the booking itself is real.
 */
export interface SwiftDate {
  iso: string;
  /** Set when the file's date did not exist and was moved to the month's last day. */
  corrected: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function lastDay(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

export function fullYear(yy: number): number {
  return yy < 80 ? 2000 + yy : 1900 + yy;
}

export function makeDate(year: number, month: number, day: number): SwiftDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const last = lastDay(year, month);
  const iso = `${year}-${pad(month)}-${pad(Math.min(day, last))}`;
  return { iso, corrected: day > last ? `${year}-${pad(month)}-${pad(day)}` : null };
}

/** Statements repeat a handful of dates thousands of times; each is read once. */
const cache = new Map<string, SwiftDate | undefined>();
const CACHE_SIZE = 4096;

/** YYMMDD → ISO date. */
export function parseYymmdd(text: string): SwiftDate | undefined {
  if (cache.has(text)) return cache.get(text);
  const date = /^\d{6}$/.test(text)
    ? makeDate(fullYear(Number(text.slice(0, 2))), Number(text.slice(2, 4)), Number(text.slice(4, 6)))
    : undefined;
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(text, date);
  return date;
}

/**
 * The entry date (MMDD) of a statement line takes its year from the value date, crossing the
 * year boundary when the two lie in December and January.
 */
export function entryDate(mmdd: string, valueIso: string): SwiftDate | undefined {
  const key = mmdd + valueIso;
  if (cache.has(key)) return cache.get(key);
  const date = computeEntryDate(mmdd, valueIso);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, date);
  return date;
}

function computeEntryDate(mmdd: string, valueIso: string): SwiftDate | undefined {
  const valueYear = Number(valueIso.slice(0, 4));
  const valueMonth = Number(valueIso.slice(5, 7));
  const month = Number(mmdd.slice(0, 2));
  let year = valueYear;
  if (valueMonth === 12 && month === 1) year += 1;
  if (valueMonth === 1 && month === 12) year -= 1;
  return makeDate(year, month, Number(mmdd.slice(2, 4)));
}
