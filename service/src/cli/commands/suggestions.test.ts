import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_BOOKINGS } from '../../banking/auto-match-demo.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'cash-suggestions-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cash(...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, CASH_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'service/src/cli/main.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

describe('cash suggestions, matching-config and settlement', () => {
  it('reviews the demo statement from the command line: list, accept, undo, configurations', () => {
    const demo = cash('demo');
    expect(demo.status).toBe(0);
    const tenant = /demo tenant (\S+)/.exec(demo.stdout)![1]!;

    const listed = cash('suggestions', 'list', '--tenant', tenant, '--json');
    expect(listed.status).toBe(0);
    const suggestions = listed.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(new Set(suggestions.map((s) => s.itemId)).size).toBe(DEMO_BOOKINGS.filter((b) => b.expect === 'suggested').length);
    const readable = cash('suggestions', 'list', '--tenant', tenant, '--min-score', '0.9');
    expect(readable.stdout).toMatch(/candidate 1, score 1 \(Find account by IBAN\)\n {2}settles: 714\.00 → RE-2026-0009/);
    expect(readable.stdout).toContain('suggested: the remittance text names entry RE-2026-0010');

    const best = suggestions.find((s) => s.rank === 1 && s.score >= 0.9)!;
    const accepted = cash('suggestions', 'accept', best.id, '--tenant', tenant, '--json');
    expect(accepted.status).toBe(0);
    const { entryItemIds } = JSON.parse(accepted.stdout);

    const undone = cash('settlement', 'undo', ...entryItemIds, '--tenant', tenant, '--reason', 'wrong customer');
    expect(undone.status).toBe(0);
    expect(undone.stdout).toMatch(/undoes /);

    const config = join(dataDir, 'config.json');
    writeFileSync(config, JSON.stringify({ configurations: [{ name: 'IBAN only', template: 'FindAccountByIBAN', priority: 1 }] }));
    expect(cash('matching-config', 'import', config, '--tenant', tenant).stdout).toContain('1 configuration(s) stored');
    expect(JSON.parse(cash('matching-config', 'show', '--tenant', tenant).stdout)).toMatchObject({ source: 'tenant', configurations: [{ name: 'IBAN only' }] });
    expect(cash('matching-config', 'reset', '--tenant', tenant).stdout).toContain('shipped defaults');
  }, 300_000);
});
