import { describe, expect, it } from 'vitest';
import { addMonths, applyExpiry, collectionRefusal, EXPIRED_REASON, expiryDate, recordCollection, sequenceTypeFor } from './lifecycle.js';
import type { Mandate } from './mandate.js';

const mandate: Mandate = {
  reference: 'MND-1',
  scheme: 'CORE',
  type: 'RECURRENT',
  signatureDate: '2023-01-31',
  accountHolder: 'Erika Mustermann',
  iban: 'DE02120300000000202051',
  active: true,
};

describe('sequence types', () => {
  it('sends FRST first, RCUR afterwards, FNAL when the last collection is asked for, OOFF for one-off mandates', () => {
    expect(sequenceTypeFor(mandate)).toBe('FRST');
    const collected = recordCollection(mandate, '2026-12-03');
    expect(sequenceTypeFor(collected)).toBe('RCUR');
    expect(sequenceTypeFor({ ...collected, finalCollectionRequested: true })).toBe('FNAL');
    expect(sequenceTypeFor({ ...mandate, type: 'ONE_OFF' })).toBe('OOFF');
  });

  it('ends the mandate after a final or one-off collection', () => {
    expect(recordCollection({ ...mandate, finalCollectionRequested: true }, '2026-12-03')).toMatchObject({ active: false });
    const oneOff = recordCollection({ ...mandate, type: 'ONE_OFF' }, '2026-12-03');
    expect(oneOff.active).toBe(false);
    expect(collectionRefusal({ ...oneOff, active: true }, '2027-01-04')).toBe('MANDATE_USED');
  });
});

describe('36-month expiry', () => {
  it('counts 36 months from the last collection, or from the signature if never used', () => {
    expect(expiryDate(mandate)).toBe('2026-01-31');
    expect(expiryDate({ ...mandate, lastCollectionDate: '2024-02-29' })).toBe('2027-02-28');
  });

  it('allows a collection the day before expiry and refuses it on the day', () => {
    const used = { ...mandate, lastCollectionDate: '2023-12-01' };
    expect(collectionRefusal(used, '2026-11-30')).toBeUndefined();
    expect(collectionRefusal(used, '2026-12-01')).toBe('MANDATE_EXPIRED');
  });

  it('deactivates a lapsed mandate with the reason, and leaves a used one alone', () => {
    expect(applyExpiry(mandate, '2026-11-27')).toMatchObject({ active: false, deactivationReason: EXPIRED_REASON });
    const recent = { ...mandate, lastCollectionDate: '2026-10-01' };
    expect(applyExpiry(recent, '2026-11-27')).toBe(recent);
  });

  it('adds months across year ends and short months', () => {
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 36)).toBe('2029-01-31');
  });
});

describe('what a mandate allows', () => {
  it('refuses inactive, not yet signed and ended mandates', () => {
    expect(collectionRefusal({ ...mandate, active: false }, '2025-06-02')).toBe('MANDATE_INACTIVE');
    expect(collectionRefusal(mandate, '2023-01-30')).toBe('MANDATE_NOT_YET_SIGNED');
    expect(collectionRefusal({ ...mandate, validUntil: '2025-06-01' }, '2025-06-02')).toBe('MANDATE_ENDED');
    expect(collectionRefusal(mandate, '2025-06-02')).toBeUndefined();
  });
});
