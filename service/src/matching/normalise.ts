/**
 * Normalisation of references, names and IBANs, so that what a bank prints and what the ledger
 * holds compare equal: banks drop separators, change case, insert line breaks and spaces, drop
 * leading zeros and prefix SEPA keywords such as `SVWZ+`.
 */

/** SEPA/DK keywords that banks put in front of remittance fields (EREF+, SVWZ+, …). */
const SEPA_KEYWORD = /\b(?:EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT|SQTP|PURP)\+/g;

/** Splits a text into upper-case alphanumeric tokens; everything else separates. */
export function tokens(text: string): string[] {
  // Compatibility forms (full-width digits, ligatures) only occur outside ASCII.
  const folded = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD');
  const upper = folded.toUpperCase().replace(SEPA_KEYWORD, ' ');
  return upper.split(/[^0-9A-Z]+/).filter((t) => t.length > 0);
}

/** Drops zeros that only pad a digit run at the start of a token or right after letters. */
export function stripLeadingZeros(token: string): string {
  return token.replace(/(^|[A-Z])0+(?=\d)/g, '$1');
}

/** Separator-free key: "re-2026/000123" → "RE2026000123". */
export function referenceKey(value: string): string {
  return tokens(value).join('');
}

/** Separator-free key with padding zeros dropped per group: "RE-2026-000123" → "RE2026123". */
export function paddedKey(value: string): string {
  return tokens(value).map(stripLeadingZeros).join('');
}

/** Digits only, for customers who leave out a letter prefix; null when too short to be specific. */
export function digitsKey(value: string, minDigits = 6): string | null {
  const digits = value.replace(/\D+/g, '');
  return digits.length >= minDigits ? digits.replace(/^0+/, '') : null;
}

export function ibanKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const key = value.replace(/\s+/g, '').toUpperCase();
  return key.length >= 8 ? key : null;
}

const LEGAL_FORMS = new Set([
  'GMBH', 'MBH', 'AG', 'KG', 'OHG', 'UG', 'EK', 'EV', 'GBR', 'SE', 'CO', 'CIE', 'LTD', 'LIMITED',
  'INC', 'LLC', 'LLP', 'PLC', 'CORP', 'SA', 'SAS', 'SARL', 'SRL', 'SPA', 'BV', 'NV', 'AB', 'AS',
  'OY', 'KGAA', 'HAFTUNGSBESCHRAENKT', 'THE', 'UND', 'AND',
]);

/** Name tokens without diacritics, punctuation and legal forms, sorted so word order does not count. */
export function nameTokens(name: string | null | undefined): string[] {
  if (!name) return [];
  const folded = /^[\x00-\x7f]*$/.test(name)
    ? name
    : name
    .replace(/ß/g, 'ss')
    .replace(/[äÄ]/g, 'ae')
    .replace(/[öÖ]/g, 'oe')
    .replace(/[üÜ]/g, 'ue')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const words = tokens(folded).filter((t) => !LEGAL_FORMS.has(t));
  return [...new Set(words)].sort();
}

/** Dice coefficient of two sorted token sets: 1 for the same words, 0 for none shared. */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return (2 * shared) / (a.length + b.length);
}

export interface ReferenceKeys {
  exact: string;
  padded: string;
  digits: string | null;
}

/**
 * `referenceKey`, `paddedKey` and `digitsKey` of a value at once. It runs for every entry of a
 * ledger, so plain ASCII takes a shorter path; the results are flat strings, cheap to hash.
 */
export function referenceKeys(value: string): ReferenceKeys {
  if (!/^[\x00-\x7f]*$/.test(value)) return { exact: referenceKey(value), padded: paddedKey(value), digits: digitsKey(value) };
  const spaced = value.toUpperCase().replace(/[^0-9A-Z]+/g, ' ');
  const exact = spaced.replace(/ /g, '');
  const padded = spaced.replace(/(^| |[A-Z])0+(?=\d)/g, '$1').replace(/ /g, '');
  const digits = value.replace(/\D+/g, '');
  return { exact, padded, digits: digits.length >= 6 ? digits.replace(/^0+/, '') : null };
}
