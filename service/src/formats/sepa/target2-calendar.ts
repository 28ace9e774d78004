/**
 * TARGET2 (T2) business days, the calendar SEPA collection and execution dates follow: every day
 * except Saturdays, Sundays, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December.
 * Dates are ISO calendar dates ("2026-12-03") and are handled in UTC so no time zone shifts them.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseIsoDate(value: string): Date | undefined {
  if (!isIsoDate(value)) return undefined;
  return new Date(`${value}T00:00:00Z`);
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const DAY = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}

export function isTarget2Holiday(date: Date): boolean {
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  if ((month === 1 && day === 1) || (month === 5 && day === 1)) return true;
  if (month === 12 && (day === 25 || day === 26)) return true;
  const easter = easterSunday(date.getUTCFullYear()).getTime();
  return date.getTime() === easter - 2 * DAY || date.getTime() === easter + DAY;
}

export function isTarget2BusinessDay(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isTarget2Holiday(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: Date): Date {
  let next = addDays(date, 1);
  while (!isTarget2BusinessDay(next)) next = addDays(next, 1);
  return next;
}

/** The `count`-th business day after `date` (count ≥ 1). */
export function addBusinessDays(date: Date, count: number): Date {
  let current = date;
  for (let i = 0; i < count; i += 1) current = nextBusinessDay(current);
  return current;
}
