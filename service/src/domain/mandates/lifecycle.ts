/**
 * What a mandate allows on a given collection date, and the sequence type to send: FRST for the
 * first collection, RCUR after it, OOFF for a one-off mandate, FNAL for the last one. A mandate
 * lapses when no collection was presented for 36 months (SDD rulebook), counted from the last
 * collection or, if there never was one, from the signature.
 */
import type { SequenceType } from '../../formats/sepa/model.js';
import { deactivateMandate, type Mandate } from './mandate.js';

export const EXPIRY_MONTHS = 36;
export const EXPIRED_REASON = 'Expired: no collection for 36 months';

export type CollectionRefusal =
  | 'MANDATE_INACTIVE'
  | 'MANDATE_EXPIRED'
  | 'MANDATE_ENDED'
  | 'MANDATE_USED'
  | 'MANDATE_NOT_YET_SIGNED';

/** The date `months` calendar months after an ISO date, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The day from which the mandate has lapsed for lack of collections. */
export const expiryDate = (mandate: Mandate): string =>
  addMonths(mandate.lastCollectionDate ?? mandate.signatureDate, EXPIRY_MONTHS);

export const isExpired = (mandate: Mandate, date: string): boolean => date >= expiryDate(mandate);

/** Why a collection due on `date` may not go out under this mandate, or undefined if it may. */
export function collectionRefusal(mandate: Mandate, date: string): CollectionRefusal | undefined {
  if (!mandate.active) return 'MANDATE_INACTIVE';
  if (date < mandate.signatureDate) return 'MANDATE_NOT_YET_SIGNED';
  if (mandate.validUntil !== undefined && date > mandate.validUntil) return 'MANDATE_ENDED';
  if (mandate.type === 'ONE_OFF' && mandate.lastCollectionDate !== undefined) return 'MANDATE_USED';
  if (isExpired(mandate, date)) return 'MANDATE_EXPIRED';
  return undefined;
}

/**
 * The sequence type of the mandate's next collection. FNAL only when the creditor asked for the
 * last collection (the rulebook made FNAL optional in 2016); a changed account, even at another
 * bank (SMNDA), stays RCUR since then as well.
 */
export function sequenceTypeFor(mandate: Mandate): SequenceType {
  if (mandate.type === 'ONE_OFF') return 'OOFF';
  if (mandate.lastCollectionDate === undefined) return 'FRST';
  if (mandate.finalCollectionRequested) return 'FNAL';
  return 'RCUR';
}

/**
 * The mandate after a collection was submitted: the first collection is done, the amendment has
 * been reported, and a final or one-off collection ends the mandate.
 */
export function recordCollection(mandate: Mandate, date: string): Mandate {
  const { amendment: _reported, ...rest } = mandate;
  const collected: Mandate = { ...rest, lastCollectionDate: date };
  if (mandate.type === 'ONE_OFF') return deactivateMandate(collected, 'One-off mandate used');
  if (mandate.finalCollectionRequested) return deactivateMandate(collected, 'Final collection submitted');
  return collected;
}

/** Deactivates a mandate that lapsed (36 months without collection); leaves others unchanged. */
export function applyExpiry(mandate: Mandate, today: string): Mandate {
  return mandate.active && isExpired(mandate, today) ? deactivateMandate(mandate, EXPIRED_REASON) : mandate;
}
