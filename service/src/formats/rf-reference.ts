import { mod97 } from './mod97.js';
/**
 * ISO 11649 structured creditor reference ("RF" + 2 check digits + up to 21 alphanumerics),
 * checked with ISO 7064 MOD 97-10 like an IBAN.
 */
const RF = /^RF(\d{2})([0-9A-Z]{1,21})$/;


/** Removes spaces and upper-cases, as printed references are grouped in fours. */
export function normaliseCreditorReference(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export function isValidCreditorReference(value: string): boolean {
  const reference = normaliseCreditorReference(value);
  const match = RF.exec(reference);
  if (!match) return false;
  return mod97(`${match[2]}RF${match[1]}`) === 1;
}

/** Builds a valid RF reference from a payment reference of up to 21 alphanumerics. */
export function createCreditorReference(base: string): string {
  const body = normaliseCreditorReference(base);
  if (!/^[0-9A-Z]{1,21}$/.test(body)) {
    throw new RangeError('an RF reference carries 1 to 21 letters and digits');
  }
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}
