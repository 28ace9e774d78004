import { describe, expect, it } from 'vitest';
import { amendCreditorId, amendMandate, runMandateFor } from './amendment.js';
import { recordCollection } from './lifecycle.js';
import type { Mandate } from './mandate.js';

const mandate: Mandate = {
  reference: 'MND-1',
  scheme: 'CORE',
  type: 'RECURRENT',
  signatureDate: '2023-01-31',
  accountHolder: 'Erika Mustermann',
  iban: 'DE02120300000000202051',
  active: true,
  lastCollectionDate: '2026-10-01',
};

describe('mandate amendments', () => {
  it('reports a changed IBAN and reference with the next collection, then forgets them', () => {
    const amended = amendMandate(mandate, { iban: 'DE89 3704 0044 0532 0130 00', reference: 'MND-1-B' });
    expect(runMandateFor(amended)).toEqual({
      id: 'MND-1-B',
      signatureDate: '2023-01-31',
      scheme: 'CORE',
      sequenceType: 'RCUR',
      amendment: { originalMandateId: 'MND-1', originalDebtorIban: 'DE02120300000000202051' },
    });
    const collected = recordCollection(amended, '2026-12-03');
    expect(runMandateFor(collected).amendment).toBeUndefined();
  });

  it('reports the values the bank last saw after several changes, and nothing after a change back', () => {
    const twice = amendMandate(amendMandate(mandate, { iban: 'DE89370400440532013000' }), { iban: 'AT611904300234573201' });
    expect(twice.amendment).toEqual({ originalIban: 'DE02120300000000202051' });
    expect(amendMandate(twice, { iban: 'DE02120300000000202051' }).amendment).toBeUndefined();
  });

  it('is no amendment when only the holder name or BIC changes', () => {
    expect(amendMandate(mandate, { accountHolder: 'Erika Muster', bic: 'byladem1001' })).toEqual({
      ...mandate,
      accountHolder: 'Erika Muster',
      bic: 'BYLADEM1001',
    });
  });

  it('reports a changed creditor identifier', () => {
    expect(runMandateFor(amendCreditorId(mandate, 'DE98ZZZ09999999999')).amendment).toEqual({ originalCreditorId: 'DE98ZZZ09999999999' });
  });

  it('refuses an invalid new IBAN or reference', () => {
    expect(() => amendMandate(mandate, { iban: 'DE00120300000000202051' })).toThrow(/IBAN/);
    expect(() => amendMandate(mandate, { reference: 'A B' })).toThrow(/identifier/);
  });
});
