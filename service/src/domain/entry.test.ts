import { describe, expect, it } from 'vitest';
import { planCancellation } from './cancellation.js';
import { outstandingAmount, payableAmount } from './entry.js';
import { actor, entry, snapshotOf } from './test-support/builders.js';

describe('amounts of an entry', () => {
  it('a canceled entry is owed no more: outstanding and payable are 0', () => {
    const open = entry('e1', { amount: '119.00' });
    expect([outstandingAmount(open), payableAmount(open)]).toEqual([11900n, 11900n]);
    const changes = planCancellation(snapshotOf([open], []), open, [], { reason: 'invoice withdrawn', number: null, strategy: 'Future Settlement' }, actor);
    const canceled = changes.entries.get('e1')!;
    expect(canceled.status).toBe('Canceled');
    expect([outstandingAmount(canceled), payableAmount(canceled)]).toEqual([0n, 0n]);
  });
});
