import { invalid, tooLarge } from '../../domain/errors.js';
import { readCamt } from '../camt/index.js';
import { checkStatement } from './balance-check.js';
import { detectFormat } from './detect.js';
import { itemKeys } from './item-key.js';
import type { StatementFile } from './model.js';

/**
 * The one entry point for reading a bank statement file of any supported format: picks the reader,
 * then runs what every format shares (balance and control-total checks, stable item keys).
 */
export type StatementFormatOption = 'auto' | 'camt' | 'mt940' | `csv:${string}`;

export interface ParseStatementOptions {
  format?: StatementFormatOption;
  /** Character encoding, when the file's own declaration or detection gets it wrong. */
  encoding?: string;
  /** Named in error messages and warnings. */
  fileName?: string;
  /** Larger input is refused with STATEMENT_TOO_LARGE. */
  maxBytes?: number;
}

/**
 * Largest bank file read by default (256 MiB): more than a year of a busy account's camt.053.
 * Servers and the CLI take another with CASH_MAX_STATEMENT_BYTES or --max-bytes.
 */
export const DEFAULT_MAX_STATEMENT_BYTES = 256 * 1024 * 1024;

// Readers load on first use: reading a camt file never pulls in the CSV profiles, and back.
const loadMt940 = () => import('../mt940/index.js');
const loadCsv = () => import('../csv/index.js');


async function read(input: Buffer, format: StatementFormatOption, options: ParseStatementOptions): Promise<StatementFile> {
  const fileName = options.fileName ?? 'input';
  const common = { encoding: options.encoding, fileName };
  if (format === 'camt') return readCamt(input, { ...common, maxBytes: options.maxBytes });
  if (format === 'mt940') return (await loadMt940()).readMt940(input, common);
  if (format.startsWith('csv:')) return (await loadCsv()).readCsv(input, format.slice(4), common);
  if (format !== 'auto') {
    throw invalid('STATEMENT_FORMAT_UNKNOWN', `"${format}" is not a format: use auto, camt, mt940 or csv:PROFILE`, {
      format,
    });
  }
  const detected = detectFormat(input);
  if (detected !== 'unknown') return read(input, detected, options);
  // A CSV export is recognised only when its header row fits exactly one of the built-in profiles.
  const csv = await loadCsv();
  const profile = csv.detectCsvProfile(input, options.encoding);
  if (profile) return csv.readCsv(input, profile, common);
  throw formatNotRecognised(fileName, csv.listCsvProfiles().map((known) => known.id));
}

/** A file that is no format we read, naming the CSV profiles that could read an export. */
export function formatNotRecognised(fileName: string, profiles: string[]) {
  return invalid(
    'STATEMENT_FORMAT_UNKNOWN',
    `${fileName}: neither camt XML, MT940/MT942 nor a CSV export with known columns; for another ` +
      `CSV export choose a profile with --format csv:PROFILE (${profiles.join(', ')})`,
    { file: fileName },
  );
}

export async function parseStatementFile(input: Buffer, options: ParseStatementOptions = {}): Promise<StatementFile> {
  const fileName = options.fileName ?? 'input';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_STATEMENT_BYTES;
  if (input.length > maxBytes) {
    throw tooLarge('STATEMENT_TOO_LARGE', `${fileName}: ${input.length} bytes, more than the limit of ${maxBytes}`, {
      file: fileName,
      size: input.length,
      limit: maxBytes,
    });
  }
  if (input.length === 0) {
    throw invalid('STATEMENT_MALFORMED', `${fileName}: the file is empty`, { file: fileName });
  }
  const file = await read(input, options.format ?? 'auto', { ...options, maxBytes });
  for (const statement of file.statements) {
    statement.warnings.push(...checkStatement(statement));
    itemKeys(statement).forEach((key, index) => {
      statement.items[index]!.key = key;
    });
  }
  return file;
}
