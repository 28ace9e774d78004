import { parse } from 'csv-parse/sync';
import { Value } from '@sinclair/typebox/value';
import { invalid } from '../../domain/errors.js';
import { decodeText } from '../text-decoding.js';
import { EntryCreate } from '../../schemas/entry-input.js';
import type { EntryInput } from '../../domain/new-entry.js';
import { cleanText } from '../../domain/text.js';

/** One line of an entries file: what it asks for, or why it cannot be read. */
export type EntryRecord =
  | { line: number; input: EntryInput }
  | { line: number; error: { code: string; message: string } };

export type EntriesFileFormat = 'jsonl' | 'csv';

/** CSV columns; dotted names fill nested objects (account.name → account: { name }). */
export const CSV_COLUMNS = [
  'number', 'type', 'currency', 'amount', 'account.id', 'account.number', 'account.name', 'contact.number',
  'contact.name', 'title', 'paymentReference', 'statementDate', 'dueDate', 'creditApproval', 'excludeFromPaymentRun', 'businessEntity',
] as const;

export function detectEntriesFormat(fileName: string, text: string): EntriesFileFormat {
  if (/\.jsonl?$|\.ndjson$/i.test(fileName)) return 'jsonl';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

function checked(line: number, value: unknown): EntryRecord {
  // the same text rules as the API: NFC, and no NUL character (PostgreSQL cannot store it)
  const { value: cleaned, nulAt } = cleanText(value);
  if (nulAt !== null) {
    return { line, error: { code: 'TEXT_NUL_BYTE', message: `${nulAt.slice(1).replace(/\//g, '.')}: text must not contain a NUL character` } };
  }
  if (Value.Check(EntryCreate, cleaned)) return { line, input: cleaned as EntryInput };
  const first = [...Value.Errors(EntryCreate, cleaned)][0];
  const where = first?.path ? first.path.replace(/^\//, '').replace(/\//g, '.') : 'record';
  let message = `${where}: ${first?.message ?? 'invalid'}`;
  if (first && first.value === undefined) message = `${where} is required`;
  // TypeBox names unions generically; say which value was refused instead
  else if (first?.message === 'Expected union value') message = `${where}: ${JSON.stringify(first.value)} is not allowed here`;
  return { line, error: { code: 'VALIDATION_FAILED', message } };
}

function fromJsonLines(text: string): EntryRecord[] {
  const records: EntryRecord[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    try {
      records.push(checked(index + 1, JSON.parse(raw)));
    } catch {
      records.push({ line: index + 1, error: { code: 'JSON_MALFORMED', message: 'the line is not valid JSON' } });
    }
  });
  return records;
}

/** Spreadsheets in much of Europe write semicolons, because the comma is the decimal separator. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.indexOf('\n') >>> 0);
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * "1.234,56" and "119,00" as written by German spreadsheets: thousands dots, decimal comma. Only
 * a value of exactly that shape is rewritten; anything else ("12.345", "1,234.56") is kept for the
 * domain to judge, as guessing which separator was meant could change an amount a thousandfold.
 */
const DECIMAL_COMMA = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/;

function decimalPoint(cell: string): string {
  return DECIMAL_COMMA.test(cell) ? cell.replace(/\./g, '').replace(',', '.') : cell;
}

/** What each of the CSV parser's failures means, in our words (its own messages quote internals). */
const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value is not closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a value is not doubled ("")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows the closing quote of a value',
  CSV_MAX_RECORD_SIZE: 'the line is too long',
};

function parseCsv(text: string, delimiter: string) {
  // The parser names the line it gave up on, which for an unclosed quote is the end of the file:
  // the broken record starts after the last one read, or after the header, or is the header.
  let lastGood: number | null = null;
  try {
    return parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: true,
      delimiter,
      on_record: (record, context) => {
        lastGood = context.lines;
        return record;
      },
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    const { code, columns } = error as { code?: string; columns?: unknown };
    const problem = (code && CSV_PROBLEMS[code]) ?? 'the line is not valid CSV';
    const headerRead = Array.isArray(columns);
    const line = lastGood !== null ? lastGood + 1 : headerRead ? 2 : 1;
    // A broken quote leaves the rest of the file unreadable, so the file is refused as a whole.
    throw invalid('ENTRIES_CSV_MALFORMED', `line ${line}: ${problem}; nothing was imported`, { line, reason: code ?? null });
  }
}

function fromCsv(text: string): EntryRecord[] {
  const delimiter = delimiterOf(text);
  const rows = parseCsv(text, delimiter);
  return rows.map(({ record, info }) => {
    const unknown = Object.keys(record).filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
    if (unknown.length > 0) {
      return { line: info.lines, error: { code: 'CSV_COLUMN_UNKNOWN', message: `unknown column(s) ${unknown.join(', ')}` } };
    }
    const value: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(record)) {
      if (cell === '') continue;
      const [head, tail] = column.split('.') as [string, string | undefined];
      if (tail) value[head] = { ...((value[head] as object | undefined) ?? {}), [tail]: cell };
      else if (column === 'excludeFromPaymentRun') value[head] = /^(true|1|yes)$/i.test(cell);
      else value[head] = column === 'amount' && delimiter === ';' ? decimalPoint(cell) : cell;
    }
    value.account ??= {};
    return checked(info.lines, value);
  });
}

/** Reads a CSV or JSON-lines file of entries; bad lines are reported, never silently dropped. */
export function readEntriesFile(text: string, format: EntriesFileFormat): EntryRecord[] {
  return format === 'jsonl' ? fromJsonLines(text) : fromCsv(text);
}

export interface EntriesBytesOptions {
  /** Forced format; else from the file name or content. */
  format?: EntriesFileFormat;
  /** Forced character encoding (iconv-lite name); else detected as for bank files. */
  encoding?: string;
  fileName?: string;
}

/**
 * Reads an entries file as it lies on disk: spreadsheets save CSV as Windows-1252, Latin-1 or
 * UTF-16, so the bytes are decoded the way bank files are (BOM, UTF-16, UTF-8, else a guessed
 * code page) instead of being taken for UTF-8.
 */
export function readEntriesBytes(input: Buffer, options: EntriesBytesOptions = {}): EntryRecord[] {
  const fileName = options.fileName ?? 'upload';
  const { text } = decodeText(input, options.encoding, fileName);
  return readEntriesFile(text, options.format ?? detectEntriesFormat(fileName, text));
}
