import { invalid } from '../../domain/errors.js';
import type { StatementFile } from '../statement/model.js';
import { decodeText } from '../text-decoding.js';
import { findColumns, HEADER_SEARCH_ROWS } from './header.js';
import type { CsvProfile } from './profile.js';
import { CSV_PROFILES } from './profiles/index.js';
import { readCsvWithProfile, type CsvOptions } from './reader.js';
import { parseRows } from './rows.js';

export type { CsvField, CsvProfile, CsvVariant } from './profile.js';
export { readCsvWithProfile, type CsvOptions } from './reader.js';
export { parseCsvProfile } from './profile-schema.js';

export interface CsvProfileInfo {
  id: string;
  description: string;
  languages: string[];
}

export function listCsvProfiles(): CsvProfileInfo[] {
  return CSV_PROFILES.map((p) => ({ id: p.id, description: p.description, languages: p.variants.map((v) => v.name) }));
}

export function csvProfile(id: string): CsvProfile {
  const profile = CSV_PROFILES.find((p) => p.id === id);
  if (!profile) {
    const known = CSV_PROFILES.map((p) => p.id).join(', ');
    throw invalid('CSV_PROFILE_UNKNOWN', `unknown CSV profile "${id}" (known: ${known})`, { profile: id });
  }
  return profile;
}

/** Reads a CSV export with the named built-in profile ("generic", "paypal", "adyen-settlement-details"). */
export function readCsv(input: Buffer, profile: string, options: CsvOptions = {}): StatementFile {
  return readCsvWithProfile(input, csvProfile(profile), options);
}

/** The first built-in profile whose columns the file has, for `--format auto`; null if none fits. */
export function detectCsvProfile(input: Buffer, encoding?: string): string | null {
  // Cut at a line end, so that a multi-byte character is never split.
  const slice = input.subarray(0, 64 * 1024);
  const end = slice.length < input.length ? slice.lastIndexOf(10) : slice.length;
  const head = decodeText(slice.subarray(0, end > 0 ? end : slice.length), encoding).text;
  let rows: string[][];
  try {
    rows = parseRows(head, 'input', HEADER_SEARCH_ROWS).map((row) => row.cells);
  } catch {
    return null;
  }
  return CSV_PROFILES.find((profile) => findColumns(profile, rows))?.id ?? null;
}
