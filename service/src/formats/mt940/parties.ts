import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import type { AccountRef, Party } from '../statement/model.js';

/** Statements repeat the same accounts over and over; checking each once keeps large files fast. */
const ibanCache = new Map<string, string | null>();
const IBAN_CACHE_SIZE = 10_000;

/** An IBAN in electronic form when the value is one (checksum included), else undefined. */
export function asIban(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let iban = ibanCache.get(value);
  if (iban === undefined) {
    const compact = electronicFormatIBAN(value.trim()) ?? '';
    iban = compact && isValidIBAN(compact) ? compact : null;
    if (ibanCache.size >= IBAN_CACHE_SIZE) ibanCache.clear();
    ibanCache.set(value, iban);
  }
  return iban ?? undefined;
}

const bicCache = new Map<string, string | null>();

export function asBic(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let bic = bicCache.get(value);
  if (bic === undefined) {
    const compact = value.trim().toUpperCase();
    bic = compact && isValidBIC(compact) ? compact : null;
    if (bicCache.size >= IBAN_CACHE_SIZE) bicCache.clear();
    bicCache.set(value, bic);
  }
  return bic ?? undefined;
}

const GERMAN_BANK_CODE = /^\d{8}$/;

/**
 * A counterparty from what a statement line gives: an account that is an IBAN or not (then it is
 * kept as `other`, with the German bank code when there is one), a BIC, a name.
 */
export function makeParty(
  name: string | null,
  account: string | null,
  bankCode: string | null,
): Party | null {
  const iban = asIban(account);
  const bic = asBic(bankCode);
  let other: string | null = null;
  if (!iban && account) {
    const code = bankCode?.trim() ?? '';
    other = GERMAN_BANK_CODE.test(code) ? `${code}/${account.trim()}` : account.trim();
  }
  const cleanName = name?.trim() || null;
  if (!cleanName && !iban && !bic && !other) return null;
  return { name: cleanName, iban: iban ?? null, bic: bic ?? null, other };
}

const CURRENCY_SUFFIX = /^(.*?)[\s/]?([A-Z]{3})$/;

/**
 * Field :25: identifies the account in many dialects: an IBAN ("NL10BUNQ2290325473 EUR",
 * "NL77INGB0574908765EUR"), BLZ/account ("20090500/0006853030"), BIC/account, "//AT39364/…/EUR",
 * or a bare number. The currency suffix is split off only when what is left is still an account.
 */
export function parseAccount(value: string, isCurrency: (code: string) => boolean): AccountRef {
  let id = value.trim();
  let currency: string | null = null;
  const suffix = CURRENCY_SUFFIX.exec(id);
  if (suffix && isCurrency(suffix[2]!) && /\d/.test(suffix[1]!) && !asIban(id)) {
    id = suffix[1]!.replace(/[\s/]+$/, '');
    currency = suffix[2]!;
  }
  id = id.replace(/^\/\//, '');
  const iban = asIban(id);
  if (iban) return { iban, other: null, currency };
  const [first, ...rest] = id.split('/');
  const servicerBic = rest.length > 0 ? asBic(first) : undefined;
  if (servicerBic) {
    return { iban: null, other: rest.join('/').replace(/^"|"$/g, ''), currency, servicerBic };
  }
  return { iban: null, other: id, currency };
}
