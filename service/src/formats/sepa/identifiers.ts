import { mod97 } from '../mod97.js';
/**
 * Identifier rules of the EPC implementation guides for MsgId, PmtInfId, EndToEndId and MndtId:
 * at most 35 characters of the basic Latin set without spaces, not starting or ending with "/",
 * never containing "//". And the SEPA creditor identifier with its ISO 7064 check digits.
 */
const ID_CHARS = /^[A-Za-z0-9/\-?:().,'+]+$/;

export type IdProblem = 'EMPTY' | 'TOO_LONG' | 'CHARSET' | 'SLASH';

export function idProblem(value: string, maxLength = 35): IdProblem | undefined {
  if (value.length === 0) return 'EMPTY';
  if (value.length > maxLength) return 'TOO_LONG';
  if (!ID_CHARS.test(value)) return 'CHARSET';
  if (value.startsWith('/') || value.endsWith('/') || value.includes('//')) return 'SLASH';
  return undefined;
}

export const isValidSepaId = (value: string, maxLength = 35): boolean => idProblem(value, maxLength) === undefined;


const CREDITOR_ID = /^([A-Z]{2})(\d{2})([0-9A-Z]{3})([0-9A-Z]{1,28})$/;

/**
 * A SEPA creditor identifier: country, two check digits, a free three-character business code
 * (left out of the check, commonly "ZZZ") and the national identifier. Germany's is 18 long.
 */
export function isValidCreditorId(value: string): boolean {
  const id = value.replace(/\s+/g, '').toUpperCase();
  const match = CREDITOR_ID.exec(id);
  if (!match || id.length > 35) return false;
  const [, country, check, , national] = match;
  if (country === 'DE' && id.length !== 18) return false;
  return mod97(`${national!}${country!}${check!}`) === 1;
}

/** Builds the identifier with correct check digits, e.g. for demo data and tests. */
export function createCreditorId(country: string, businessCode: string, national: string): string {
  const check = 98 - mod97(`${national}${country}00`);
  return `${country}${String(check).padStart(2, '0')}${businessCode}${national}`;
}
