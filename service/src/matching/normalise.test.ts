import { describe, expect, it } from 'vitest';
import { digitsKey, ibanKey, nameSimilarity, nameTokens, paddedKey, referenceKey, tokens } from './normalise.js';

describe('reference normalisation', () => {
  it('splits on every separator and drops SEPA keywords', () => {
    expect(tokens('EREF+NOTPROVIDED SVWZ+re-2026/000123; danke')).toEqual(['NOTPROVIDED', 'RE', '2026', '000123', 'DANKE']);
  });

  it('gives the same key whatever separators, case and padding a bank left', () => {
    for (const printed of ['RE-2026-000123', 're 2026 000123', 'RE/2026/000123', 'RE.2026.000123']) {
      expect(referenceKey(printed)).toBe('RE2026000123');
    }
    expect(paddedKey('RE-2026-000123')).toBe('RE2026123');
    expect(paddedKey('re 2026 123')).toBe('RE2026123');
    expect(paddedKey('INV-0042')).toBe('INV42');
  });

  it('keeps only long digit runs as a digits-only key', () => {
    expect(digitsKey('RE-2026-000123')).toBe('2026000123');
    expect(digitsKey('INV-123')).toBeNull();
  });

  it('normalises IBANs printed in groups', () => {
    expect(ibanKey('de89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
    expect(ibanKey('')).toBeNull();
  });
});

describe('names', () => {
  it('ignores legal forms, umlaut spelling, case and word order', () => {
    expect(nameTokens('Müller Bau GmbH & Co. KG')).toEqual(['BAU', 'MUELLER']);
    expect(nameTokens('MUELLER BAU')).toEqual(['BAU', 'MUELLER']);
    expect(nameTokens('Bau Müller UG (haftungsbeschränkt)')).toEqual(['BAU', 'MUELLER']);
  });

  it('scores shared words with the Dice coefficient', () => {
    expect(nameSimilarity(['BAU', 'MUELLER'], ['BAU', 'MUELLER'])).toBe(1);
    expect(nameSimilarity(['BAU', 'BERLIN', 'MUELLER'], ['BAU', 'MUELLER'])).toBeCloseTo(0.8);
    expect(nameSimilarity(['SCHMIDT'], ['BAU', 'MUELLER'])).toBe(0);
    expect(nameSimilarity([], ['BAU'])).toBe(0);
  });
});

describe('one-pass reference keys', () => {
  it('agree with the general key functions on any ASCII value', async () => {
    const fc = (await import('fast-check')).default;
    const { referenceKeys } = await import('./normalise.js');
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 \-/.0]{0,24}$/), (value) => {
        expect(referenceKeys(value)).toEqual({ exact: referenceKey(value), padded: paddedKey(value), digits: digitsKey(value) });
      }),
      { numRuns: 2000 },
    );
  });
});
