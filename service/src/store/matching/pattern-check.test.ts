import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIGURATIONS } from '../../matching/index.js';
import { assertPatternIsFast } from './pattern-check.js';

describe('parser patterns of tenants', () => {
  it('accepts the shipped patterns', async () => {
    for (const c of DEFAULT_CONFIGURATIONS) await assertPatternIsFast(c.name, c.parser.pattern, c.parser.flags);
  });

  it('refuses a pattern with catastrophic backtracking before it can stall the service', async () => {
    await expect(assertPatternIsFast('evil', '(a+)+$', undefined)).rejects.toMatchObject({ code: 'MATCHING_PATTERN_TOO_SLOW' });
    await expect(assertPatternIsFast('evil too', 'INV((?:\\d|\\d\\d)+)X', undefined)).rejects.toMatchObject({ code: 'MATCHING_PATTERN_TOO_SLOW' });
  });
});
