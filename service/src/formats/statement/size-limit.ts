import { invalid } from '../../domain/errors.js';
import { DEFAULT_MAX_STATEMENT_BYTES } from './parse.js';

/** Environment variable that sets the largest bank file the server and the CLI accept. */
export const MAX_STATEMENT_BYTES_ENV = 'CASH_MAX_STATEMENT_BYTES';

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** "268435456", "256M", "512k", "1G" (binary units) → bytes; `source` names the setting in the error. */
export function parseByteSize(text: string, source: string): number {
  const match = /^\s*(\d+)\s*([kKmMgG]?)(?:i?B)?\s*$/.exec(text);
  const bytes = match ? Number(match[1]) * UNITS[match[2]!.toUpperCase()]! : NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw invalid('OPTION_INVALID', `${source} must be a size in bytes such as 268435456, 256M or 1G, not "${text}"`, {
      option: source,
      value: text,
    });
  }
  return bytes;
}

/** The limit from an option (named `optionName` in errors), else the environment, else the default. */
export function maxStatementBytes(option: string | undefined, env: string | undefined, optionName = '--max-bytes'): number {
  if (option !== undefined) return parseByteSize(option, optionName);
  if (env !== undefined && env !== '') return parseByteSize(env, MAX_STATEMENT_BYTES_ENV);
  return DEFAULT_MAX_STATEMENT_BYTES;
}
