import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_CLI_LIMIT, parseLimit } from './limit-option.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');

describe('--limit', () => {
  it('accepts a whole number from 1 to the maximum', () => {
    expect(parseLimit('1')).toBe(1);
    expect(parseLimit(' 250 ')).toBe(250);
    expect(parseLimit(String(MAX_CLI_LIMIT))).toBe(MAX_CLI_LIMIT);
  });

  it.each(['0', '-5', '2.5', '1e3', '10abc', 'abc', '', String(MAX_CLI_LIMIT + 1), '99999999999999999999'])('refuses %j with a clear message', (raw) => {
    expect(() => parseLimit(raw)).toThrow(expect.objectContaining({ code: 'LIMIT_INVALID', message: expect.stringContaining('--limit must be a whole number from 1 to') }));
  });

  it('is checked by every command that has it, before anything is read', async () => {
    for (const [command, limits] of [[['suggestions', 'list'], ['2.5']], [['jobs', 'list'], ['0']]] as const) {
      for (const limit of limits) {
        const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'service/src/cli/main.ts', ...command, '--tenant', '00000000-0000-4000-8000-000000000000', '--limit', limit], {
          cwd: root,
          encoding: 'utf8',
          timeout: 60_000,
        }).then(
          () => ({ code: 0, stderr: '' }),
          (error: { code: number; stderr: string }) => error,
        );
        expect(run.code, `${command.join(' ')} --limit ${limit}`).toBe(2);
        expect(run.stderr).toContain(`error LIMIT_INVALID: --limit must be a whole number from 1 to ${MAX_CLI_LIMIT}, not "${limit}"`);
      }
    }
  }, 120_000);
});
