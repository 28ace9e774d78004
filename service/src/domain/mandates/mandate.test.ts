import { describe, expect, it } from 'vitest';
import { CashError } from '../errors.js';
import { createMandate, deactivateMandate } from './mandate.js';

const input = {
  reference: 'ACME-2026-000042',
  scheme: 'CORE' as const,
  signatureDate: '2026-01-31',
  accountHolder: 'Erika Mustermann',
  iban: 'DE02 1203 0000 0000 2020 51',
  bic: 'byladem1001',
};

describe('createMandate', () => {
  it('normalises IBAN and BIC and starts active and recurrent', () => {
    expect(createMandate(input, '2026-11-27')).toEqual({
      reference: 'ACME-2026-000042',
      scheme: 'CORE',
      type: 'RECURRENT',
      signatureDate: '2026-01-31',
      accountHolder: 'Erika Mustermann',
      iban: 'DE02120300000000202051',
      bic: 'BYLADEM1001',
      active: true,
    });
  });

  it('refuses a mandate with every problem named', () => {
    try {
      createMandate({ ...input, reference: 'A//B', iban: 'DE00120300000000202051', signatureDate: '2027-01-01', validUntil: '2026-01-01' }, '2026-11-27');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CashError);
      expect((error as CashError).code).toBe('MANDATE_INVALID');
      expect((error as CashError).details!.problems).toHaveLength(4);
    }
  });

  it('keeps the reason when a mandate is deactivated', () => {
    const mandate = deactivateMandate(createMandate(input, '2026-11-27'), 'Revoked by debtor');
    expect(mandate).toMatchObject({ active: false, deactivationReason: 'Revoked by debtor' });
  });
});
