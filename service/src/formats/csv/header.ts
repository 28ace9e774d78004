import type { CsvField, CsvProfile, CsvVariant } from './profile.js';

/** Which columns of a file hold which field, found by header name. */
export interface ColumnMap {
  variant: CsvVariant;
  /** Per field, the column indexes of its aliases that the file has, in alias order. */
  fields: Partial<Record<CsvField, number[]>>;
  charges: number[];
  /** Index of the header row among the file's rows. */
  headerRow: number;
}

/** Banks put a few lines of account data above the header; look that far for it. */
export const HEADER_SEARCH_ROWS = 20;

function normaliseHeader(name: string): string {
  return name.replace(/^\ufeff/, '').replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

export function findColumns(profile: CsvProfile, rows: string[][]): ColumnMap | undefined {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r += 1) {
    const header = rows[r]!.map(normaliseHeader);
    for (const variant of profile.variants) {
      const map = mapVariant(variant, header, r);
      if (map && matches(profile, map)) return map;
    }
  }
  return undefined;
}

function mapVariant(variant: CsvVariant, header: string[], headerRow: number): ColumnMap {
  const index = (alias: string) => header.indexOf(normaliseHeader(alias));
  const fields: Partial<Record<CsvField, number[]>> = {};
  for (const [field, aliases] of Object.entries(variant.columns) as [CsvField, string[]][]) {
    const found = aliases.map(index).filter((i) => i >= 0);
    if (found.length > 0) fields[field] = found;
  }
  const charges = (variant.charges ?? []).map(index).filter((i) => i >= 0);
  return { variant, fields, charges, headerRow };
}

function matches(profile: CsvProfile, map: ColumnMap): boolean {
  if (!profile.required.every((field) => map.fields[field])) return false;
  return !!(map.fields.amount ?? map.fields.debit ?? map.fields.credit);
}
