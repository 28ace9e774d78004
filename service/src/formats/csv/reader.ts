import { parse } from 'csv-parse/sync';
import { isCurrency } from '../../domain/currencies.js';
import { invalid } from '../../domain/errors.js';
import { addDecimals, formatAmount, negate, type Decimal } from '../statement/amount.js';
import type { Statement, StatementFile, StatementItem } from '../statement/model.js';
import { decodeText } from '../text-decoding.js';
import { asBic, asIban } from '../mt940/parties.js';
import { findColumns, type ColumnMap } from './header.js';
import type { CsvField, CsvProfile } from './profile.js';
import { detectDateOrder, formatCsvAmount, parseCsvAmount, parseCsvDate, type DateOrder } from './values.js';

export interface CsvOptions {
  encoding?: string;
  fileName?: string;
}

interface Row {
  cells: string[];
  line: number;
}

interface ReadRow {
  item: StatementItem;
  signed: Decimal;
  balance: Decimal | undefined;
  group: string;
  statementId: string | null;
  accountIban: string | null;
  accountOther: string | null;
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Reads a bank or PSP CSV export through a mapping profile into the statement model: one item
 * per row, grouped into statements by the profile's keys, with opening and closing balances
 * taken from a running-balance column where the export has one.
 */
export function readCsvWithProfile(input: Buffer, profile: CsvProfile, options: CsvOptions = {}): StatementFile {
  const fileName = options.fileName ?? 'input';
  const { text } = decodeText(input, options.encoding, fileName);
  const rows = parseRows(text, fileName);
  const columns = findColumns(profile, rows.map((r) => r.cells));
  if (!columns) {
    throw invalid(
      'STATEMENT_MALFORMED',
      `${fileName}: no header row with the columns of CSV profile "${profile.id}" (needs ${profile.required.join(', ')} and an amount)`,
      { file: fileName, profile: profile.id },
    );
  }
  const reader = new RowReader(profile, columns, fileName);
  const data = rows.slice(columns.headerRow + 1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const order = reader.dateOrder(data);
  const read = data.map((row) => reader.read(row, order));
  return { format: `csv:${profile.id}`, statements: toStatements(read) };
}

function parseRows(text: string, fileName: string): Row[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = DELIMITERS.reduce((best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best));
  try {
    const records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ cells: record, line: info.lines }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw invalid(
      'STATEMENT_MALFORMED',
      `${fileName}${line ? `, line ${line}` : ''}: not a readable CSV file (${(error as Error).message})`,
      { file: fileName, line: line ?? null },
    );
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

class RowReader {
  constructor(
    private readonly profile: CsvProfile,
    private readonly columns: ColumnMap,
    private readonly fileName: string,
  ) {}

  dateOrder(rows: Row[]): DateOrder {
    const { dateOrder, dateOrderFallback } = this.columns.variant;
    if (dateOrder !== 'auto') return dateOrder;
    const values = rows.map((r) => this.value(r, 'bookingDate') ?? '');
    return detectDateOrder(values, dateOrderFallback ?? 'DMY');
  }

  read(row: Row, order: DateOrder): ReadRow {
    const currencyText = this.value(row, 'currency')?.toUpperCase() ?? this.profile.defaultCurrency ?? null;
    const currency = currencyText && isCurrency(currencyText) ? currencyText : null;
    if (currencyText && !currency) throw this.malformed(row, 'currency', `"${currencyText}" is not a currency code`);
    const signed = this.signedAmount(row);
    const bookingDate = this.date(row, 'bookingDate', order);
    const valueDate = this.value(row, 'valueDate') ? this.date(row, 'valueDate', order) : bookingDate;
    const creditDebit = signed.units < 0n ? 'DBIT' : 'CRDT';
    const amount = formatCsvAmount(signed, currency);
    const charges = this.charges(row);
    const gross = this.gross(row);
    const grossCurrency = this.value(row, 'grossCurrency')?.toUpperCase() ?? currency;
    const guard = this.columns.fields.accountServicerReferenceGuard;
    const reference = guard && !this.value(row, 'accountServicerReferenceGuard') ? null : this.value(row, 'accountServicerReference');
    const counterparty = this.counterparty(row);
    const statusText = this.value(row, 'status')?.toUpperCase();
    const status = (statusText && this.profile.statusMap?.[statusText]) || 'BOOK';
    const remittance = this.value(row, 'remittance');
    const endToEndId = this.value(row, 'endToEndId');
    const type = this.value(row, 'type');
    const chargesText = charges ? formatAmount(charges, currency) : null;
    const item: StatementItem = {
      amount,
      currency,
      creditDebit,
      reversal: false,
      status,
      bookingDate,
      valueDate,
      remittanceInformation: remittance,
      endToEndId,
      creditorReference: this.value(row, 'creditorReference'),
      counterparty,
      bankTransactionCode: null,
      proprietaryBankTransactionCode: type,
      accountServicerReference: reference,
      entryReference: null,
      mandateId: this.value(row, 'mandateId'),
      creditorId: this.value(row, 'creditorId'),
      uetr: null,
      returnReason: null,
      charges: chargesText,
      additionalInformation: this.value(row, 'additionalInformation'),
      details: [
        {
          amount: gross ? formatCsvAmount(gross, grossCurrency) : amount,
          currency: gross ? grossCurrency : currency,
          creditDebit: gross ? (gross.units < 0n ? 'DBIT' : 'CRDT') : creditDebit,
          endToEndId,
          mandateId: this.value(row, 'mandateId'),
          creditorId: this.value(row, 'creditorId'),
          uetr: null,
          accountServicerReference: reference,
          remittanceInformation: remittance,
          creditorReference: this.value(row, 'creditorReference'),
          counterparty,
          returnReason: null,
          charges: chargesText,
          proprietaryBankTransactionCode: type,
        },
      ],
    };
    const statementId = this.value(row, 'statementId');
    const accountIbanText = this.value(row, 'accountIban');
    const accountIban = asIban(accountIbanText) ?? null;
    const accountOther = this.value(row, 'accountOther') ?? (accountIban ? null : accountIbanText);
    const group = this.profile.groupBy.map((field) => (field === 'currency' ? currency : this.value(row, field)) ?? '').join('\u001f');
    return {
      item,
      signed,
      balance: this.optionalAmount(row, 'balance'),
      group,
      statementId,
      accountIban,
      accountOther,
    };
  }

  /** First non-empty value among the field's columns. */
  private value(row: Row, field: CsvField): string | null {
    for (const index of this.columns.fields[field] ?? []) {
      const cell = row.cells[index]?.trim();
      if (cell) return cell;
    }
    return null;
  }

  private optionalAmount(row: Row, field: CsvField): Decimal | undefined {
    const text = this.value(row, field);
    if (text === null) return undefined;
    const value = parseCsvAmount(text, this.columns.variant.decimalSeparator);
    if (!value) throw this.malformed(row, field, `"${text}" is not an amount`);
    return value;
  }

  private signedAmount(row: Row): Decimal {
    const amount = this.optionalAmount(row, 'amount');
    if (amount) return amount;
    const debit = this.optionalAmount(row, 'debit');
    const credit = this.optionalAmount(row, 'credit');
    if (debit && credit) throw this.malformed(row, 'debit', 'both a debit and a credit amount');
    if (debit) return debit.units < 0n ? debit : negate(debit);
    if (credit) return credit;
    throw this.malformed(row, this.columns.fields.amount ? 'amount' : 'credit', 'no amount');
  }

  private gross(row: Row): Decimal | undefined {
    const gross = this.optionalAmount(row, 'gross');
    if (gross) return gross;
    const debit = this.optionalAmount(row, 'grossDebit');
    if (debit) return debit.units < 0n ? debit : negate(debit);
    return this.optionalAmount(row, 'grossCredit');
  }

  private charges(row: Row): Decimal | undefined {
    let total: Decimal | undefined;
    for (const index of this.columns.charges) {
      const text = row.cells[index]?.trim();
      if (!text) continue;
      const value = parseCsvAmount(text, this.columns.variant.decimalSeparator);
      if (!value) throw this.malformedAt(row, `charges "${text}" is not an amount`);
      const absolute = value.units < 0n ? negate(value) : value;
      total = total ? addDecimals(total, absolute) : absolute;
    }
    return total && total.units !== 0n ? total : undefined;
  }

  private counterparty(row: Row): StatementItem['counterparty'] {
    const name = this.value(row, 'counterpartyName');
    const ibanText = this.value(row, 'counterpartyIban');
    const iban = asIban(ibanText) ?? null;
    const bic = asBic(this.value(row, 'counterpartyBic')) ?? null;
    const other = this.value(row, 'counterpartyOther') ?? (iban ? null : ibanText);
    if (!name && !iban && !bic && !other) return null;
    return { name, iban, bic, other };
  }

  private date(row: Row, field: CsvField, order: DateOrder): string {
    const text = this.value(row, field) ?? '';
    const date = parseCsvDate(text, order);
    if (!date) throw this.malformed(row, field, `"${text}" is not a date (${order})`);
    return date;
  }

  private malformed(row: Row, field: CsvField, problem: string) {
    const index = this.columns.fields[field]?.[0];
    const column = index === undefined ? field : `column ${index + 1}`;
    return invalid('STATEMENT_MALFORMED', `${this.fileName}, line ${row.line}, ${column} (${field}): ${problem}`, {
      file: this.fileName,
      line: row.line,
      field,
    });
  }

  private malformedAt(row: Row, problem: string) {
    return invalid('STATEMENT_MALFORMED', `${this.fileName}, line ${row.line}: ${problem}`, {
      file: this.fileName,
      line: row.line,
    });
  }
}

function toStatements(rows: ReadRow[]): Statement[] {
  const groups = new Map<string, ReadRow[]>();
  for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const currency = first.item.currency ?? null;
    const balances = runningBalances(group, currency);
    return {
      id: first.statementId,
      kind: 'statement',
      account: { iban: first.accountIban, other: first.accountOther, currency },
      openingBalance: balances?.opening ?? null,
      closingBalance: balances?.closing ?? null,
      items: group.map((r) => r.item),
      warnings: [],
    };
  });
}

/**
 * Opening and closing balances from a balance-after-row column. Exports list rows oldest or
 * newest first; the order in which the balances follow from the amounts is the one used.
 */
function runningBalances(rows: ReadRow[], currency: string | null) {
  if (rows.length === 0 || rows.some((r) => r.balance === undefined)) return null;
  const booked = rows.filter((r) => r.item.status === 'BOOK');
  const first = rows[0]!;
  const last = rows.at(-1)!;
  const total = booked.reduce<Decimal>((sum, r) => addDecimals(sum, r.signed), { units: 0n, scale: 0 });
  const ascendingOpening = addDecimals(first.balance!, negate(first.signed));
  const descendingOpening = addDecimals(last.balance!, negate(last.signed));
  const holds = (opening: Decimal, closing: Decimal) =>
    addDecimals(addDecimals(opening, total), negate(closing)).units === 0n;
  const descending = !holds(ascendingOpening, last.balance!) && holds(descendingOpening, first.balance!);
  const opening = descending ? descendingOpening : ascendingOpening;
  const closing = descending ? first : last;
  const dateOf = (r: ReadRow) => r.item.bookingDate;
  return {
    opening: { amount: formatAmount(opening, currency), date: dateOf(descending ? last : first) },
    closing: { amount: formatAmount(closing.balance!, currency), date: dateOf(closing) },
  };
}
