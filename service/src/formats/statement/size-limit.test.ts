import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_STATEMENT_BYTES } from './parse.js';
import { maxStatementBytes, parseByteSize } from './size-limit.js';

describe('statement size limit', () => {
  it('reads plain bytes and binary units', () => {
    expect(parseByteSize('1048576', 'x')).toBe(1048576);
    expect(parseByteSize('256M', 'x')).toBe(256 * 1024 * 1024);
    expect(parseByteSize('512k', 'x')).toBe(512 * 1024);
    expect(parseByteSize('1GiB', 'x')).toBe(1024 ** 3);
  });

  it('takes the option over the environment over the default of 256 MiB', () => {
    expect(maxStatementBytes('10M', '20M')).toBe(10 * 1024 * 1024);
    expect(maxStatementBytes(undefined, '20M')).toBe(20 * 1024 * 1024);
    expect(maxStatementBytes(undefined, undefined)).toBe(DEFAULT_MAX_STATEMENT_BYTES);
    expect(DEFAULT_MAX_STATEMENT_BYTES).toBe(256 * 1024 * 1024);
  });

  it('refuses what is not a positive size, naming the setting', () => {
    expect(() => maxStatementBytes(undefined, 'lots')).toThrow(
      expect.objectContaining({ code: 'OPTION_INVALID', message: expect.stringContaining('CASH_MAX_STATEMENT_BYTES') }),
    );
    expect(() => parseByteSize('0', '--max-bytes')).toThrow(expect.objectContaining({ code: 'OPTION_INVALID' }));
    expect(() => parseByteSize('-5M', '--max-bytes')).toThrow(expect.objectContaining({ code: 'OPTION_INVALID' }));
  });
});
