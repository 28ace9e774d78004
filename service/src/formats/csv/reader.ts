import { invalid } from '../../domain/errors.js';
import type { Statement, StatementFile } from '../statement/model.js';
import { decodeText, encodingWarning } from '../text-decoding.js';
import { asIban } from '../mt940/parties.js';
import { runningBalances } from './balances.js';
import { findColumns } from './header.js';
import type { CsvField, CsvProfile } from './profile.js';
import { RowReader, type ReadRow } from './row-reader.js';
import { parseRows } from './rows.js';

export interface CsvOptions {
  encoding?: string;
  fileName?: string;
}

/**
 * Reads a bank or PSP CSV export through a mapping profile into the statement model: one item
 * per row, grouped into statements by the profile's keys, with opening and closing balances
 * taken from a running-balance column where the export has one.
 */
export function readCsvWithProfile(input: Buffer, profile: CsvProfile, options: CsvOptions = {}): StatementFile {
  const fileName = options.fileName ?? 'input';
  const decoded = decodeText(input, options.encoding, fileName);
  const { text } = decoded;
  const rows = parseRows(text, fileName);
  const columns = findColumns(profile, rows.map((r) => r.cells));
  if (!columns) {
    throw invalid(
      'STATEMENT_MALFORMED',
      `${fileName}: no header row with the columns of CSV profile "${profile.id}" (such as ${expectedHeaders(profile)})`,
      { file: fileName, profile: profile.id },
    );
  }
  const reader = new RowReader(profile, columns, fileName);
  const data = rows.slice(columns.headerRow + 1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const order = reader.dateOrder(data);
  const read = data.map((row) => reader.read(row, order));
  // Exports often name the account in the lines above the header ("Account;DE89…").
  const preambleIban =
    rows
      .slice(0, columns.headerRow)
      .flatMap((r) => r.cells)
      .map((cell) => asIban(cell))
      .find(Boolean) ?? null;
  const warnings = encodingWarning(decoded, fileName);
  return {
    format: `csv:${profile.id}`,
    statements: toStatements(read, preambleIban),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** The header names a profile looks for first, to tell the user what was missing. */
function expectedHeaders(profile: CsvProfile): string {
  const variant = profile.variants[0]!;
  const fields: CsvField[] = [...profile.required];
  if (!fields.some((f) => f === 'amount' || f === 'debit' || f === 'credit')) fields.push('amount');
  return fields.map((field) => `"${variant.columns[field]?.[0] ?? field}"`).join(', ');
}

function toStatements(rows: ReadRow[], preambleIban: string | null): Statement[] {
  const groups = new Map<string, ReadRow[]>();
  for (const row of rows) {
    const group = groups.get(row.group);
    if (group) group.push(row);
    else groups.set(row.group, [row]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const currency = first.item.currency ?? null;
    // Some rows leave the own account blank (a currency conversion has no e-mail on one side).
    const accountOther = group.find((r) => r.accountOther)?.accountOther ?? null;
    const balances = runningBalances(group, currency);
    return {
      id: first.statementId,
      kind: 'statement',
      account: {
        iban: first.accountIban ?? (accountOther ? null : preambleIban),
        other: accountOther,
        currency,
      },
      openingBalance: balances?.opening ?? null,
      closingBalance: balances?.closing ?? null,
      items: group.map((r) => r.item),
      warnings: [],
    };
  });
}
