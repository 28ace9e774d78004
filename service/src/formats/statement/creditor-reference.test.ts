import { describe, expect, it } from 'vitest';
import { classifyReference, isValidMod10Recursive } from './creditor-reference.js';

describe('structured payment references', () => {
  it('recognises an ISO 11649 RF reference written in groups', () => {
    expect(classifyReference('RF18 5390 0754 7034', 'SCOR')).toEqual({ reference: 'RF18539007547034', type: 'RF' });
  });

  it('keeps a SCOR reference that is no valid RF as the bank wrote it', () => {
    expect(classifyReference('0010008346912014', 'SCOR')).toEqual({ reference: '0010008346912014', type: 'SCOR' });
  });

  it('recognises a Swiss QR reference (UBS sample) by its mod-10 check digit', () => {
    expect(classifyReference('000000270148751802165444888', 'QRR')).toEqual({
      reference: '000000270148751802165444888',
      type: 'QRR',
    });
  });

  it('tells an ESR/ISR slip reference (PostFinance sample) from a QR reference by its label', () => {
    expect(classifyReference('120000000000234478943216899', 'ISR Reference').type).toBe('ISR');
  });

  it('checks the Swiss modulo 10 recursive digit', () => {
    expect(isValidMod10Recursive('210000000003139471430009017')).toBe(true);
    expect(isValidMod10Recursive('210000000003139471430009018')).toBe(false);
  });
});
