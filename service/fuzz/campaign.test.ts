import { describe, expect, it } from 'vitest';
import { runCampaign } from './campaign.js';

const targetModule = new URL('./campaign-test-targets.ts', import.meta.url).href;
const run = (target: string, runs: number, extra: object = {}) => runCampaign({ target, runs, seed: 1, targetModule, ...extra });

describe('fuzz campaign', () => {
  it('counts every input of a sound reader as parsed or typed error, with the codes', async () => {
    const result = await run('sound', 300);
    expect(result.findings).toEqual([]);
    expect(result.parsed + result.typed).toBe(300);
    expect(result.typed).toBeGreaterThan(0);
    expect(result.codes).toEqual({ TEST_REFUSED: result.typed });
  });

  it('reports an untyped error as one finding, with the input that caused it and a smaller one', async () => {
    const result = await run('crashes', 300);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({ kind: 'crash', error: { name: 'TypeError' } });
    expect(finding!.repeats + 1).toBe(result.crashed);
    expect(finding!.input.includes('line\n')).toBe(false);
    expect(finding!.minimised.length).toBeLessThanOrEqual(finding!.input.length);
    expect(result.parsed + result.typed + result.crashed).toBe(300);
  });

  it('ends an input that runs past the timeout, reports it and goes on with the next', async () => {
    const result = await run('hangs', 40, { timeoutMs: 300 });
    const hangs = result.findings.filter((f) => f.kind === 'hang');
    expect(hangs).toHaveLength(1);
    expect(hangs[0]!.input.toString()).toMatch(/^third line\nfirst/);
    expect(result.parsed + result.typed + hangs[0]!.repeats + 1).toBe(40);
  }, 120_000);

  it('fails when the heap after GC keeps growing', async () => {
    const result = await run('leaks', 600, { heapEvery: 100, heapGrowthMb: 8 });
    expect(result.findings.map((f) => f.kind)).toContain('memory');
  });

  it('reports a promise rejected after the reader returned', async () => {
    const result = await run('rejects-later', 200);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ kind: 'rejection', error: { name: 'RangeError' } });
  });
});
