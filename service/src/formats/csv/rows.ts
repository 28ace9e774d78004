import { parse } from 'csv-parse/sync';
import { invalid } from '../../domain/errors.js';

/** One CSV record with the file line it starts on (a quoted cell may span lines). */
export interface Row {
  cells: string[];
  line: number;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The file's rows (or its first `maxRows`), with the line each starts on. */
export function parseRows(text: string, fileName: string, maxRows?: number): Row[] {
  const delimiter = detectDelimiter(text);
  try {
    const records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      ...(maxRows ? { to: maxRows } : {}),
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // The parser counts lines up to a record's end; a quoted cell with line breaks started earlier.
    return records.map(({ record, info }) => ({ cells: record, line: info.lines - breaks(record) }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw invalid(
      'STATEMENT_MALFORMED',
      `${fileName}${line ? `, line ${line}` : ''}: not a readable CSV file (${(error as Error).message})`,
      { file: fileName, line: line ?? null },
    );
  }
}

/**
 * The delimiter of the first line that has one outside quotes: lines above the header
 * ("Account statement export") may have none, and quoted cells may hold any of them.
 */
function detectDelimiter(text: string): string {
  for (const line of text.slice(0, 64 * 1024).split(/\r?\n/, 20)) {
    const counts = DELIMITERS.map((d) => countOutsideQuotes(line, d));
    const most = Math.max(...counts);
    if (most > 0) return DELIMITERS[counts.indexOf(most)]!;
  }
  return ',';
}

function breaks(cells: string[]): number {
  let count = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) count += 1;
  return count;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count += 1;
  }
  return count;
}
