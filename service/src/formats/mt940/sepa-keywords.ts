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

const KEYWORDS: ReadonlySet<string> = new Set(SEPA_KEYWORDS);
const DETECT = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE)\+/;

export function hasSepaKeywords(text: string): boolean {
  return DETECT.test(text);
}

export interface SepaFields {
  values: Partial<Record<SepaKeyword, string>>;
  /** Text before the first keyword. */
  prefix: string;
}

/** The keyword ending just before a "+" at `plus`, if any ("BIC" has three letters, the rest four). */
function keywordBefore(text: string, plus: number): SepaKeyword | undefined {
  const four = text.slice(plus - 4, plus);
  if (plus >= 4 && KEYWORDS.has(four)) return four as SepaKeyword;
  const three = text.slice(plus - 3, plus);
  return plus >= 3 && three === 'BIC' ? 'BIC' : undefined;
}

export function parseSepaKeywords(text: string): SepaFields {
  const found: { key: SepaKeyword; start: number; end: number }[] = [];
  for (let plus = text.indexOf('+'); plus >= 0; plus = text.indexOf('+', plus + 1)) {
    const key = keywordBefore(text, plus);
    if (key) found.push({ key, start: plus - key.length, end: plus + 1 });
  }
  const values: Partial<Record<SepaKeyword, string>> = {};
  const prefix = text.slice(0, found[0]?.start ?? text.length);
  for (const [n, { key, end }] of found.entries()) {
    const value = text.slice(end, found[n + 1]?.start ?? text.length).trim();
    // A repeated keyword continues the first one rather than replacing it.
    values[key] = values[key] ? `${values[key]} ${value}` : value;
  }
  return { values, prefix: prefix.trim() };
}
