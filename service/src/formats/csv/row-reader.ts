import { isCurrency } from '../../domain/currencies.js';
import { invalid } from '../../domain/errors.js';
import { addDecimals, formatAmount, negate, type Decimal } from '../statement/amount.js';
import { classifyReference, type ClassifiedReference } from '../statement/creditor-reference.js';
import type { StatementItem } from '../statement/model.js';
import { reference as sepaReference } from '../mt940/information.js';
import { asBic, asIban } from '../mt940/parties.js';
import type { ColumnMap } from './header.js';
import type { CsvField, CsvProfile } from './profile.js';
import type { Row } from './rows.js';
import { detectDateOrder, formatCsvAmount, parseCsvAmount, parseCsvDate, type DateOrder } from './values.js';

/** A row read into a statement item, with what grouping and balances need. */
export interface ReadRow {
  item: StatementItem;
  signed: Decimal;
  balance: Decimal | undefined;
  group: string;
  statementId: string | null;
  accountIban: string | null;
  accountOther: string | null;
}

const RF_IN_TEXT = /\bRF\d{2}(?: ?[0-9A-Z]{1,4}){1,6}\b/;

/** Reads the rows of one file through the columns its profile found. */
export class RowReader {
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
    const { value: signed, debit } = this.signedAmount(row);
    const bookingDate = this.date(row, 'bookingDate', order);
    const valueDate = this.value(row, 'valueDate') ? this.date(row, 'valueDate', order) : bookingDate;
    const creditDebit = debit ? 'DBIT' : 'CRDT';
    const amount = formatCsvAmount(signed, currency);
    const charges = this.charges(row);
    const gross = this.gross(row);
    const grossCurrency = this.value(row, 'grossCurrency')?.toUpperCase() ?? currency;
    const guard = this.columns.fields.accountServicerReferenceGuard;
    const reference = guard && !this.value(row, 'accountServicerReferenceGuard') ? null : this.value(row, 'accountServicerReference');
    const counterparty = this.counterparty(row, debit);
    const statusText = this.value(row, 'status')?.toUpperCase();
    const status = (statusText && this.profile.statusMap?.[statusText]) || 'BOOK';
    const remittance = this.value(row, 'remittance');
    const endToEndId = sepaReference(this.value(row, 'endToEndId'));
    const creditorReference = this.creditorReference(row, remittance);
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
      creditorReference: creditorReference?.reference ?? null,
      creditorReferenceType: creditorReference?.type ?? null,
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
          creditorReference: creditorReference?.reference ?? null,
          creditorReferenceType: creditorReference?.type ?? null,
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
    const ownDebit = debit && this.columns.fields.accountOtherDebit;
    const accountOther =
      (ownDebit ? this.value(row, 'accountOtherDebit') : this.value(row, 'accountOther')) ?? (accountIban ? null : accountIbanText);
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

  /** A reference column, else an RF creditor reference written into the remittance text. */
  private creditorReference(row: Row, remittance: string | null): ClassifiedReference | null {
    const column = this.value(row, 'creditorReference');
    if (column) return classifyReference(column, null);
    const rf = remittance ? RF_IN_TEXT.exec(remittance) : null;
    const classified = rf ? classifyReference(rf[0], null) : null;
    return classified?.type === 'RF' ? classified : null;
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

  /** The amount with its direction; a zero in a debit column is still a debit. */
  private signedAmount(row: Row): { value: Decimal; debit: boolean } {
    const amount = this.optionalAmount(row, 'amount');
    const direction = this.value(row, 'direction')?.toUpperCase();
    if (amount && direction !== undefined) {
      const debit = this.profile.debitValues?.includes(direction) ?? false;
      const unsigned = amount.units < 0n ? negate(amount) : amount;
      return { value: debit ? negate(unsigned) : unsigned, debit };
    }
    if (amount) return { value: amount, debit: amount.units < 0n };
    const debit = this.optionalAmount(row, 'debit');
    const credit = this.optionalAmount(row, 'credit');
    if (debit && credit) throw this.malformed(row, 'debit', 'both a debit and a credit amount');
    if (debit) return { value: debit.units < 0n ? debit : negate(debit), debit: true };
    if (credit) return { value: credit, debit: false };
    throw this.malformed(row, this.columns.fields.amount ? 'amount' : 'credit', 'no amount');
  }

  private gross(row: Row): Decimal | undefined {
    const gross = this.optionalAmount(row, 'gross');
    if (gross) return gross;
    const debit = this.optionalAmount(row, 'grossDebit');
    if (debit) return debit.units < 0n ? debit : negate(debit);
    return this.optionalAmount(row, 'grossCredit');
  }

  /** Charges as a cost (positive); negative when fees are given back, as on a PayPal refund. */
  private charges(row: Row): Decimal | undefined {
    let total: Decimal | undefined;
    for (const index of this.columns.charges) {
      const text = row.cells[index]?.trim();
      if (!text) continue;
      const value = parseCsvAmount(text, this.columns.variant.decimalSeparator);
      if (!value) throw this.malformedAt(row, `charges "${text}" is not an amount`);
      total = total ? addDecimals(total, value) : value;
    }
    if (!total || total.units === 0n) return undefined;
    return this.profile.chargesSign === 'cost-negative' ? negate(total) : total;
  }

  private counterparty(row: Row, debit: boolean): StatementItem['counterparty'] {
    const name = this.value(row, 'counterpartyName');
    const ibanText = this.value(row, 'counterpartyIban');
    const iban = asIban(ibanText) ?? null;
    const bic = asBic(this.value(row, 'counterpartyBic')) ?? null;
    const payee = debit && this.columns.fields.counterpartyOtherDebit;
    const otherText = payee ? this.value(row, 'counterpartyOtherDebit') : this.value(row, 'counterpartyOther');
    const other = otherText ?? (iban ? null : ibanText);
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
