import { describe, expect, it } from 'vitest';
import { formatReference, nextMandateReference } from './reference.js';

describe('mandate references from a pattern', () => {
  it('fills sequence, date parts and named values', () => {
    expect(formatReference('{ENTITY}-{YYYY}{MM}-{SEQ:6}', { sequence: 42, date: '2026-11-27', values: { ENTITY: 'acme gmbh' } })).toBe(
      'ACMEGMBH-202611-000042',
    );
    expect(formatReference('M{YY}{DD}.{CUSTOMER}.{SEQ}', { sequence: 7, date: '2026-11-27', values: { CUSTOMER: 'K-1001' } })).toBe(
      'M2627.K1001.7',
    );
  });

  it('skips references already taken and returns the sequence used', () => {
    const taken = new Set(['MND-0001', 'MND-0002']);
    expect(nextMandateReference('MND-{SEQ:4}', { sequence: 1, date: '2026-11-27' }, (r) => taken.has(r))).toEqual({
      reference: 'MND-0003',
      sequence: 3,
    });
  });

  it('refuses patterns without a sequence, with unknown tokens, or giving invalid ids', () => {
    expect(() => formatReference('{YYYY}', { sequence: 1, date: '2026-11-27' })).toThrow(/SEQ/);
    expect(() => formatReference('{SHOP}-{SEQ}', { sequence: 1, date: '2026-11-27' })).toThrow(/SHOP/);
    expect(() => nextMandateReference('/{SEQ}', { sequence: 1, date: '2026-11-27' }, () => false)).toThrow(/identifier rules/);
    expect(() => nextMandateReference('{SEQ:40}', { sequence: 1, date: '2026-11-27' }, () => false)).toThrow(/TOO_LONG/);
  });
});
