import { clean, reference, type Information } from './information.js';
import { makeParty } from './parties.js';

/**
 * SEPA keywords in German :86: purpose text (DK "Spezifikation der Datenformate", SEPA
 * Verwendungszweck): "EREF+…MREF+…CRED+…SVWZ+…". Subfields ?20–?29/?60–?63 are 27-character
 * slices of one text, so a keyword may be split across them ("S" + "VWZ+"); the caller joins them
 * without separator before this runs.
 */
const SEPA_KEYWORDS = [
  'EREF', 'KREF', 'MREF', 'CRED', 'DEBT', 'SVWZ', 'ABWA', 'ABWE', 'COAM', 'OAMT', 'IBAN', 'BIC',
  'BREF', 'RREF', 'PURP',
] as const;
type SepaKeyword = (typeof SEPA_KEYWORDS)[number];

const KEYWORDS: ReadonlySet<string> = new Set(SEPA_KEYWORDS);
const DETECT = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE)\+/;

export function hasSepaKeywords(text: string): boolean {
  return DETECT.test(text);
}

interface SepaFields {
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

function parseSepaKeywords(text: string): SepaFields {
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

/** Keywords without a field of their own: kept as "KEY+value" so that nothing is lost. */
const UNPLACED: readonly SepaKeyword[] = ['DEBT', 'COAM', 'OAMT', 'BREF', 'RREF', 'IBAN', 'BIC'];

/**
 * Fills the information from a purpose text with SEPA keywords: references, mandate, creditor id,
 * remittance (SVWZ, else the text before the first keyword), the ultimate party (ABWA/ABWE).
 */
export function applySepaKeywords(info: Information, text: string): void {
  const { values, prefix } = parseSepaKeywords(text);
  info.endToEndId = reference(values.EREF);
  info.customerReference = reference(values.KREF);
  info.mandateId = reference(values.MREF);
  info.creditorId = reference(values.CRED);
  info.remittance = clean(values.SVWZ) ?? clean(prefix);
  info.purpose = clean(values.PURP);
  const ultimate = clean(values.ABWA) ?? clean(values.ABWE);
  if (ultimate) info.ultimateCounterparty = makeParty(ultimate, null, null);
  const rest = UNPLACED.filter((key) => values[key]).map((key) => `${key}+${values[key]!}`);
  if (values.SVWZ !== undefined && prefix) rest.unshift(prefix);
  info.other = clean(rest.join(' '));
}
