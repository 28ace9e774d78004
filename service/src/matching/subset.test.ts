import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSubsets } from './subset.js';

describe('bounded subset search', () => {
  it('finds the one combination that sums to the amount', () => {
    expect(findSubsets([1000n, 2500n, 4000n, 700n], 3200n, 10_000)).toEqual({ solutions: [[1, 3]], complete: true });
  });

  it('stops at a second combination, because two mean the payment is ambiguous', () => {
    const search = findSubsets([5000n, 5000n, 1200n], 5000n, 10_000);
    expect(search.solutions).toHaveLength(2);
  });

  it('reports that it gave up instead of claiming uniqueness when the budget runs out', () => {
    const amounts = Array.from({ length: 40 }, (_, i) => BigInt(1000 + i * 7));
    const search = findSubsets(amounts, 1n, 50);
    expect(search.complete).toBe(true);
    const hard = findSubsets(amounts, amounts.slice(0, 20).reduce((a, b) => a + b, 0n), 50);
    expect(hard.complete).toBe(false);
  });

  it('never returns a subset that does not add up, and stays within its budget', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 10_000n }), { maxLength: 18 }), fc.bigInt({ min: 1n, max: 50_000n }), (amounts, target) => {
        const search = findSubsets(amounts, target, 2_000);
        for (const solution of search.solutions) {
          expect(solution.reduce((sum, i) => sum + amounts[i]!, 0n)).toBe(target);
          expect(new Set(solution).size).toBe(solution.length);
        }
      }),
    );
  });
});
