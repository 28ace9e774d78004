import { describe, expect, it } from 'vitest';
import { runCampaign } from './campaign.js';
import { TARGETS } from './targets.js';

/**
 * The short fuzz run inside `npm test`: a fixed seed and a few hundred inputs per reader. `npm run
 * fuzz` is the full run. The timeout here is looser than the full run's 1 s, because `npm test` runs
 * on busy CI machines: it still catches a reader that never ends.
 */
const RUNS = 500;
const SEED = 20261206;

describe('short fuzz run', () => {
  it.each(TARGETS.map((t) => t.name))('%s ends every input in a result or a typed error', async (target) => {
    const result = await runCampaign({ target, runs: RUNS, seed: SEED, timeoutMs: 5000 });
    const findings = result.findings.map((f) => `${f.kind} at input ${f.index}: ${f.error.name}: ${f.error.message}`);
    expect(findings).toEqual([]);
    expect(result.parsed + result.typed).toBe(RUNS);
  }, 120_000);
});
