/**
 * Text as it enters the system (API bodies and queries, imported files): every string in Unicode
 * NFC, so "Café" typed with a combining accent and without is the same text (one entry number, one
 * match), and NUL characters found before PostgreSQL refuses them with a server error.
 */
export interface CleanedText<T> {
  value: T;
  /** Path of the first string holding a NUL character, e.g. "/account/name"; null when none does. */
  nulAt: string | null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Returns the value with every string (keys too) in NFC; objects other than plain ones and arrays
 * are left alone. `dropNul` removes NUL characters (a bank's file is what it is: its text is kept,
 * without the one character the database cannot store) instead of only reporting where one was.
 */
export function cleanText<T>(value: T, options: { dropNul?: boolean } = {}): CleanedText<T> {
  let nulAt: string | null = null;
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      if (!v.includes('\u0000')) return v.normalize('NFC');
      if (nulAt === null) nulAt = path || '/';
      return (options.dropNul ? v.replaceAll('\u0000', '') : v).normalize('NFC');
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}/${i}`));
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(v));
      for (const [key, item] of Object.entries(v)) {
        const name = key.normalize('NFC');
        out[name] = walk(item, `${path}/${name}`);
        if (nulAt === null && key.includes('\u0000')) nulAt = `${path}/${name}`;
      }
      return out;
    }
    return v;
  };
  const cleaned = walk(value, '') as T;
  return { value: cleaned, nulAt };
}
