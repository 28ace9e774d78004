import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCreditorReference, isValidCreditorReference } from './rf-reference.js';

describe('ISO 11649 creditor reference', () => {
  it('accepts the standard example and its printed form', () => {
    expect(isValidCreditorReference('RF18539007547034')).toBe(true);
    expect(isValidCreditorReference('RF18 5390 0754 7034')).toBe(true);
  });

  it('refuses a wrong check digit or a swapped character', () => {
    expect(isValidCreditorReference('RF19539007547034')).toBe(false);
    expect(isValidCreditorReference('RF18539007547043')).toBe(false);
    expect(isValidCreditorReference('RF18')).toBe(false);
  });

  it('creates references that validate', () => {
    expect(createCreditorReference('539007547034')).toBe('RF18539007547034');
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,21}$/), (body) =>
        isValidCreditorReference(createCreditorReference(body)),
      ),
    );
  });
});
