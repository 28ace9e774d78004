import { parse } from 'csv-parse/sync';
import { Value } from '@sinclair/typebox/value';
import { invalid } from '../../domain/errors.js';
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

/** The parser's own errors (an unclosed quote) say where but are untyped; callers expect a CashError. */
function parseCsv(text: string): { record: Record<string, string>; info: { lines: number } }[] {
  try {
    return parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: true,
      delimiter: delimiterOf(text),
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    throw invalid('CSV_MALFORMED', `${line ? `line ${line}: ` : ''}not a readable CSV file (${(error as Error).message})`, { line });
  }
}

function fromCsv(text: string): EntryRecord[] {
  const rows = parseCsv(text);
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
      else value[head] = column === 'excludeFromPaymentRun' ? /^(true|1|yes)$/i.test(cell) : cell;
    }
    value.account ??= {};
    return checked(info.lines, value);
  });
}

/** Reads a CSV or JSON-lines file of entries; bad lines are reported, never silently dropped. */
export function readEntriesFile(text: string, format: EntriesFileFormat): EntryRecord[] {
  return format === 'jsonl' ? fromJsonLines(text) : fromCsv(text);
}
