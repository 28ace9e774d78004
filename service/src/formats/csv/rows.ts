import { parse, type Options } from 'csv-parse/sync';
import { invalid } from '../../domain/errors.js';

/** One CSV record; `line` is the file line it starts on (a quoted cell may span lines). */
export interface Row {
  readonly cells: string[];
  readonly line: number;
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Line numbers cost the parser a record of bookkeeping per row, and only an error message needs
 * one: they are worked out on first use, by reading the text again with them.
 */
class LineNumbers {
  private lines: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly options: Options,
  ) {}

  of(index: number): number {
    this.lines ??= (parse(this.text, { ...this.options, info: true }) as unknown as Record[]).map(
      // The parser counts lines up to a record's end; a quoted cell with line breaks started earlier.
      ({ record, info }) => info.lines - breaks(record),
    );
    return this.lines[index] ?? 0;
  }
}

interface Record {
  record: string[];
  info: { lines: number };
}

class CsvRow implements Row {
  constructor(
    readonly cells: string[],
    private readonly index: number,
    private readonly numbers: LineNumbers,
  ) {}

  get line(): number {
    return this.numbers.of(this.index);
  }
}

/** The file's rows (or its first `maxRows`). */
export function parseRows(text: string, fileName: string, maxRows?: number): Row[] {
  const options: Options = {
    delimiter: detectDelimiter(text),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    ...(maxRows ? { to: maxRows } : {}),
  };
  try {
    const records = parse(text, options) as string[][];
    const numbers = new LineNumbers(text, options);
    return records.map((cells, index) => new CsvRow(cells, index, numbers));
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
