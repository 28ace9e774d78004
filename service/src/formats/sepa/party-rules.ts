/**
 * EPC rules for names, accounts and postal addresses: the character set (transliterated with a
 * warning), maximum lengths, IBAN and BIC validity, and structured or hybrid addresses (from
 * 15 Nov 2026 the rulebooks refuse addresses made of free lines only).
 */
import { electronicFormatIBAN, extractIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { transliterate, type SepaCharset } from './charset.js';
import type { Issues } from './issues.js';
import type { PreparedAddress, PreparedParty } from './model.js';
import type { RunAddress } from './run-json-schema.js';

export const MAX_NAME = 70;

/**
 * SEPA countries outside the EEA: there the EPC rulebooks require the BIC and the payer's or
 * payee's address to travel with the payment.
 */
const NON_EEA_SEPA = new Set(['AD', 'AL', 'CH', 'GB', 'GG', 'GI', 'IM', 'JE', 'MC', 'MD', 'ME', 'MK', 'SM', 'VA']);

export const needsBicAndAddress = (iban: string): boolean => NON_EEA_SEPA.has(iban.slice(0, 2));

export interface TextContext {
  readonly issues: Issues;
  readonly charset: SepaCharset;
  /** Set when the run was checked already and is only being normalised again for writing. */
  readonly trusted?: boolean;
}

/** Transliterates a text into the charset (warning when changed) and checks its length. */
export function sepaText(value: string, field: string, max: number, ctx: TextContext): string {
  const { value: text, changed } = transliterate(value, ctx.charset);
  if (changed) {
    ctx.issues.warning('TEXT_TRANSLITERATED', `${field} "${value}" was written as "${text}" (SEPA character set)`, field);
  }
  if (text.length === 0) ctx.issues.problem('TEXT_EMPTY', `${field} is empty`, field);
  if (text.length > max) {
    ctx.issues.problem('TEXT_TOO_LONG', `${field} has ${text.length} characters, at most ${max} are allowed`, field);
  }
  return text;
}

export function normaliseIban(value: string, field: string, issues: Issues, trusted = false): string {
  const iban = electronicFormatIBAN(value) ?? '';
  if (!trusted && !isValidIBAN(iban)) issues.problem('IBAN_INVALID', `${field} "${value}" is not a valid IBAN`, field);
  return iban;
}

export function normaliseBic(value: string | undefined, field: string, issues: Issues, trusted = false): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const bic = value.replace(/\s+/g, '').toUpperCase();
  if (!trusted && !isValidBIC(bic)) issues.problem('BIC_INVALID', `${field} "${value}" is not a valid BIC`, field);
  return bic;
}

/** Same bank when country and bank identifier of both IBANs agree (SMNDA decision). */
export function sameBank(a: string, b: string): boolean {
  const left = extractIBAN(a);
  const right = extractIBAN(b);
  return (
    left.countryCode === right.countryCode &&
    left.bankIdentifier !== undefined &&
    left.bankIdentifier === right.bankIdentifier
  );
}

const ADDRESS_LIMITS = { street: 70, buildingNumber: 16, postalCode: 16, town: 35 } as const;

export function prepareAddress(
  raw: RunAddress | undefined,
  field: string,
  ctx: TextContext,
  legacy: boolean,
): PreparedAddress | undefined {
  if (!raw) return undefined;
  const lines = (raw.addressLines ?? []).filter((line) => line.trim() !== '');
  const structured = raw.street ?? raw.buildingNumber ?? raw.postalCode ?? raw.town;
  if (structured === undefined && lines.length === 0 && raw.country === undefined) return undefined;
  if (raw.town === undefined || raw.country === undefined) {
    const kind = structured === undefined ? 'ADDRESS_UNSTRUCTURED' : 'ADDRESS_INCOMPLETE';
    ctx.issues.problem(
      kind,
      `${field} needs at least town and country (structured or hybrid address; unstructured addresses are refused from 15 Nov 2026)`,
      field,
    );
  }
  const text = (key: keyof typeof ADDRESS_LIMITS): string | undefined =>
    raw[key] === undefined ? undefined : sepaText(raw[key], `${field}.${key}`, ADDRESS_LIMITS[key], ctx);
  const address = {
    street: text('street'),
    buildingNumber: text('buildingNumber'),
    postalCode: text('postalCode'),
    town: text('town'),
    country: raw.country,
    lines: lines.map((line, i) => sepaText(line, `${field}.addressLines[${i}]`, 70, ctx)),
  };
  const prepared: PreparedAddress = {
    ...(address.street === undefined ? {} : { street: address.street }),
    ...(address.buildingNumber === undefined ? {} : { buildingNumber: address.buildingNumber }),
    ...(address.postalCode === undefined ? {} : { postalCode: address.postalCode }),
    ...(address.town === undefined ? {} : { town: address.town }),
    ...(address.country === undefined ? {} : { country: address.country }),
    lines: address.lines,
  };
  if (legacy) {
    for (const [i, line] of legacyAddressLines(prepared).entries()) {
      if (line.length > 70) {
        ctx.issues.problem('TEXT_TOO_LONG', `${field} line ${i + 1} "${line}" is longer than 70 characters in the 2009 format`, field);
      }
    }
  }
  return prepared;
}

/**
 * The 2009 message versions (EPC usage rules of the time, and the DK schemas) carry an address as
 * country plus at most two free lines: street and number, then postal code and town.
 */
export function legacyAddressLines(address: PreparedAddress): string[] {
  const first = [address.street, address.buildingNumber].filter(Boolean).join(' ') || address.lines.join(', ');
  const second = [address.postalCode, address.town].filter(Boolean).join(' ');
  return [first, second].filter((line) => line !== '');
}

export interface PartyInput {
  readonly name: string;
  readonly iban: string;
  readonly bic?: string;
  readonly address?: RunAddress;
}

export function prepareParty(raw: PartyInput, field: string, ctx: TextContext, legacy: boolean): PreparedParty {
  const name = sepaText(raw.name, `${field}.name`, MAX_NAME, ctx);
  const iban = normaliseIban(raw.iban, `${field}.iban`, ctx.issues, ctx.trusted);
  const bic = normaliseBic(raw.bic, `${field}.bic`, ctx.issues, ctx.trusted);
  const address = prepareAddress(raw.address, `${field}.address`, ctx, legacy);
  return { name, iban, ...(bic ? { bic } : {}), ...(address ? { address } : {}) };
}
