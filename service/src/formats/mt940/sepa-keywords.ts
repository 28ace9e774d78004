/**
 * SEPA keywords in German :86: purpose text (DK "Spezifikation der Datenformate", SEPA
 * Verwendungszweck): "EREF+…MREF+…CRED+…SVWZ+…". Subfields ?20–?29/?60–?63 are 27-character
 * slices of one text, so a keyword may be split across them ("S" + "VWZ+"); the caller joins them
 * without separator before this runs.
 */
export const SEPA_KEYWORDS = [
  'EREF', 'KREF', 'MREF', 'CRED', 'DEBT', 'SVWZ', 'ABWA', 'ABWE', 'COAM', 'OAMT', 'IBAN', 'BIC',
  'BREF', 'RREF', 'PURP',
] as const;
export type SepaKeyword = (typeof SEPA_KEYWORDS)[number];

const KEYWORD = new RegExp(`(${SEPA_KEYWORDS.join('|')})\\+`, 'g');

export function hasSepaKeywords(text: string): boolean {
  return /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE)\+/.test(text);
}

export interface SepaFields {
  values: Partial<Record<SepaKeyword, string>>;
  /** Text before the first keyword. */
  prefix: string;
}

export function parseSepaKeywords(text: string): SepaFields {
  const matches = [...text.matchAll(KEYWORD)];
  const values: Partial<Record<SepaKeyword, string>> = {};
  const prefix = text.slice(0, matches[0]?.index ?? text.length);
  for (const [n, match] of matches.entries()) {
    const key = match[1] as SepaKeyword;
    const start = match.index + match[0].length;
    const end = matches[n + 1]?.index ?? text.length;
    const value = text.slice(start, end).trim();
    // A repeated keyword continues the first one rather than replacing it.
    values[key] = values[key] ? `${values[key]} ${value}` : value;
  }
  return { values, prefix: prefix.trim() };
}
