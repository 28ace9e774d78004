/**
 * EPC rules for names, accounts and postal addresses: the character set (transliterated with a
 * warning), maximum lengths (names and address lines shortened with a warning, the other address
 * parts refused), IBAN and BIC validity, and structured or hybrid addresses (from 15 Nov 2026 the
 * rulebooks refuse addresses made of free lines only).
 */
import { electronicFormatIBAN, extractIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { transliterate, type SepaCharset } from './charset.js';
import type { Issues } from './issues.js';
import type { PreparedAddress, PreparedParty } from './model.js';
import type { RunAddress } from './run-json-schema.js';

export const MAX_NAME = 70;
/** Street (`StrtNm`) and each free address line (`AdrLine`), in every supported message version. */
export const MAX_ADDRESS_LINE = 70;

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

/** Transliterates a text into the charset (warning when changed) and checks it is not empty. */
export function cleanText(value: string, field: string, ctx: TextContext): string {
  const { value: text, changed } = transliterate(value, ctx.charset);
  if (changed) {
    ctx.issues.warning('TEXT_TRANSLITERATED', `${field} "${value}" was written as "${text}" (SEPA character set)`, field);
  }
  if (text.length === 0) ctx.issues.problem('TEXT_EMPTY', `${field} is empty`, field);
  return text;
}

/** A text cut to `max` characters (one UTF-16 unit each in the SEPA character sets), without a trailing space. */
export const fitText = (text: string, max: number): string => (text.length <= max ? text : text.slice(0, max).trimEnd());

export function shortenedWarning(field: string, text: string, written: string, max: number, ctx: TextContext, what = field): void {
  ctx.issues.warning('TEXT_SHORTENED', `${what} has ${text.length} characters, at most ${max} are allowed: written as "${written}"`, field);
}

/** A text whose maximum is a hard rule (postal code, town): refused when longer, since a cut one would be wrong. */
export function sepaText(value: string, field: string, max: number, ctx: TextContext): string {
  const text = cleanText(value, field, ctx);
  if (text.length > max) {
    ctx.issues.problem('TEXT_TOO_LONG', `${field} has ${text.length} characters, at most ${max} are allowed`, field);
  }
  return text;
}

/**
 * Names and address lines: what identifies stands at their start, so one longer than `max` is cut
 * to `max` with a warning, as banks do on entry, instead of refusing the payment.
 */
export function shortenedText(value: string, field: string, max: number, ctx: TextContext): string {
  const text = cleanText(value, field, ctx);
  if (text.length <= max) return text;
  const written = fitText(text, max);
  shortenedWarning(field, text, written, max, ctx);
  return written;
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

const ADDRESS_LIMITS = { buildingNumber: 16, postalCode: 16, town: 35 } as const;

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
    street: raw.street === undefined ? undefined : shortenedText(raw.street, `${field}.street`, MAX_ADDRESS_LINE, ctx),
    buildingNumber: text('buildingNumber'),
    postalCode: text('postalCode'),
    town: text('town'),
    country: raw.country,
    lines: lines.map((line, i) => shortenedText(line, `${field}.addressLines[${i}]`, MAX_ADDRESS_LINE, ctx)),
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
    const line = legacyFirstLine(prepared);
    if (line.length > MAX_ADDRESS_LINE) {
      shortenedWarning(field, line, legacyAddressLines(prepared)[0]!, MAX_ADDRESS_LINE, ctx, `${field} line 1 (2009 format)`);
    }
  }
  return prepared;
}

const legacyFirstLine = (address: PreparedAddress): string =>
  [address.street, address.buildingNumber].filter(Boolean).join(' ') || address.lines.join(', ');

/**
 * The 2009 message versions (EPC usage rules of the time, and the DK schemas) carry an address as
 * country plus at most two free lines of 70: street and number, then postal code and town (at most
 * 16 + 1 + 35). A first line too long is cut in the street, so that the number stays.
 */
export function legacyAddressLines(address: PreparedAddress): string[] {
  const { street, buildingNumber } = address;
  const natural = legacyFirstLine(address);
  const first =
    natural.length > MAX_ADDRESS_LINE && street && buildingNumber
      ? `${fitText(street, MAX_ADDRESS_LINE - buildingNumber.length - 1)} ${buildingNumber}`
      : fitText(natural, MAX_ADDRESS_LINE);
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
  const name = shortenedText(raw.name, `${field}.name`, MAX_NAME, ctx);
  const iban = normaliseIban(raw.iban, `${field}.iban`, ctx.issues, ctx.trusted);
  const bic = normaliseBic(raw.bic, `${field}.bic`, ctx.issues, ctx.trusted);
  const address = prepareAddress(raw.address, `${field}.address`, ctx, legacy);
  return { name, iban, ...(bic ? { bic } : {}), ...(address ? { address } : {}) };
}
