import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCreditorId, idProblem, isValidCreditorId } from './identifiers.js';

describe('SEPA creditor identifier', () => {
  it('accepts published examples and refuses wrong check digits and German ids of the wrong length', () => {
    expect(isValidCreditorId('DE98ZZZ09999999999')).toBe(true);
    expect(isValidCreditorId('de98 zzz 0999 9999 999')).toBe(true);
    expect(isValidCreditorId('DE98ZZZ0999999999')).toBe(false);
    expect(isValidCreditorId('DE99ZZZ09999999999')).toBe(false);
    expect(isValidCreditorId('98ZZZ09999999999')).toBe(false);
  });

  it('ignores the business code in the check, as the rulebook says', () => {
    expect(isValidCreditorId('DE98ABC09999999999')).toBe(true);
  });

  it('builds ids whose check digits hold, and notices any single changed digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), fc.nat(10), fc.integer({ min: 1, max: 9 }), (national, position, delta) => {
        const id = createCreditorId('DE', 'ZZZ', national);
        expect(isValidCreditorId(id)).toBe(true);
        const at = 7 + position;
        const changed = `${id.slice(0, at)}${(Number(id[at]) + delta) % 10}${id.slice(at + 1)}`;
        expect(isValidCreditorId(changed)).toBe(false);
      }),
    );
  });
});

describe('EPC identifier rules', () => {
  it('names the rule an identifier breaks', () => {
    expect(idProblem('INV-2026/0001')).toBeUndefined();
    expect(idProblem('')).toBe('EMPTY');
    expect(idProblem('X'.repeat(36))).toBe('TOO_LONG');
    expect(idProblem('A B')).toBe('CHARSET');
    expect(idProblem('Ä1')).toBe('CHARSET');
    expect(idProblem('/A')).toBe('SLASH');
    expect(idProblem('A/')).toBe('SLASH');
    expect(idProblem('A//B')).toBe('SLASH');
  });
});
