import {
  addDecimals,
  formatAmount,
  isZero,
  negate,
  parseDecimal,
  ZERO,
  type Decimal,
} from './amount.js';
import type { ControlTotals, Statement, StatementItem, Warning } from './model.js';

/**
 * Per statement: opening balance + Σ booked items must equal the closing balance, and the control
 * totals a file states about itself must add up. A mismatch is a warning with the difference,
 * never an exception: the file is still what the bank sent and must be importable.
 *
 * Items are added one at a time so that a streaming reader can check a statement whose items it
 * never holds in memory.
 */
interface Tally {
  count: number;
  sum: Decimal;
}

export class BalanceCheck {
  private readonly all: Tally = { count: 0, sum: ZERO };
  private readonly credits: Tally = { count: 0, sum: ZERO };
  private readonly debits: Tally = { count: 0, sum: ZERO };
  private net: Decimal = ZERO;
  private booked: Decimal = ZERO;
  private readonly foreignCurrencies = new Set<string>();
  private readonly warnings: Warning[] = [];
  private index = 0;

  constructor(private readonly currency: string | null) {}

  add(item: StatementItem): void {
    const index = this.index;
    this.index += 1;
    const amount = parseDecimal(item.amount);
    if (!amount) {
      this.warnings.push({
        code: 'AMOUNT_UNREADABLE',
        message: `item ${index + 1}: amount "${item.amount}" is not a decimal; left out of the balance check`,
        details: { item: index, amount: item.amount },
      });
      return;
    }
    const signed = item.creditDebit === 'DBIT' ? negate(amount) : amount;
    const side = item.creditDebit === 'DBIT' ? this.debits : this.credits;
    tally(this.all, amount);
    tally(side, amount);
    this.net = addDecimals(this.net, signed);
    if (item.status === 'BOOK') {
      if (item.currency && this.currency && item.currency !== this.currency) {
        this.foreignCurrencies.add(item.currency);
      }
      this.booked = addDecimals(this.booked, signed);
    }
    this.checkBatch(item, index, amount);
  }

  /** Warnings for the statement whose items were all added. */
  finish(statement: Statement): Warning[] {
    return [...this.warnings, ...this.checkBalance(statement), ...this.checkSummary(statement)];
  }

  private format(value: Decimal): string {
    return formatAmount(value, this.currency);
  }

  private checkBalance(statement: Statement): Warning[] {
    const opening = statement.openingBalance && parseDecimal(statement.openingBalance.amount);
    const closing = statement.closingBalance && parseDecimal(statement.closingBalance.amount);
    if (!opening || !closing) return [];
    if (this.foreignCurrencies.size > 0) {
      const others = [...this.foreignCurrencies].join(', ');
      return [
        {
          code: 'BALANCE_NOT_CHECKED',
          message: `booked items in ${others} cannot be summed against the ${this.currency} balances`,
          details: { currency: this.currency, otherCurrencies: others },
        },
      ];
    }
    const expected = addDecimals(opening, this.booked);
    const difference = addDecimals(closing, negate(expected));
    if (isZero(difference)) return [];
    return [
      {
        code: 'BALANCE_MISMATCH',
        message:
          `opening ${this.format(opening)} + booked items ${this.format(this.booked)} = ` +
          `${this.format(expected)}, but the closing balance is ${this.format(closing)} ` +
          `(difference ${this.format(difference)})`,
        details: {
          opening: this.format(opening),
          bookedItems: this.format(this.booked),
          expectedClosing: this.format(expected),
          closing: this.format(closing),
          difference: this.format(difference),
        },
      },
    ];
  }

  private checkSummary(statement: Statement): Warning[] {
    const summary = statement.summary;
    if (!summary) return [];
    const warnings = [
      ...this.compareTotals('entries', summary.entries, this.all),
      ...this.compareTotals('credits', summary.credits, this.credits),
      ...this.compareTotals('debits', summary.debits, this.debits),
    ];
    const statedNet = summary.net == null ? undefined : parseDecimal(summary.net);
    if (statedNet && !isZero(addDecimals(statedNet, negate(this.net)))) {
      warnings.push(mismatch('net', this.format(statedNet), this.format(this.net)));
    }
    return warnings;
  }

  private compareTotals(name: string, stated: ControlTotals | null | undefined, actual: Tally): Warning[] {
    if (!stated) return [];
    const warnings: Warning[] = [];
    if (stated.count !== null && stated.count !== actual.count) {
      warnings.push(mismatch(`${name} count`, stated.count, actual.count));
    }
    const sum = stated.sum == null ? undefined : parseDecimal(stated.sum);
    if (sum && !isZero(addDecimals(sum, negate(actual.sum)))) {
      warnings.push(mismatch(`${name} sum`, this.format(sum), this.format(actual.sum)));
    }
    return warnings;
  }

  private checkBatch(item: StatementItem, index: number, amount: Decimal): void {
    if (item.details.length < 2) return;
    const count = item.batch?.count ?? null;
    if (count !== null && count !== item.details.length) {
      this.warnings.push({
        code: 'BATCH_COUNT_MISMATCH',
        message: `item ${index + 1}: batch states ${count} transactions but lists ${item.details.length}`,
        details: { item: index, stated: count, actual: item.details.length },
      });
    }
    let total: Decimal = ZERO;
    for (const detail of item.details) {
      const value = detail.amount == null ? undefined : parseDecimal(detail.amount);
      const sameCurrency = !detail.currency || !item.currency || detail.currency === item.currency;
      if (!value || !sameCurrency) return;
      total = addDecimals(total, (detail.creditDebit ?? item.creditDebit) === item.creditDebit ? value : negate(value));
    }
    const difference = addDecimals(amount, negate(total));
    if (!isZero(difference)) {
      this.warnings.push({
        code: 'BATCH_AMOUNT_MISMATCH',
        message:
          `item ${index + 1}: the ${item.details.length} transactions add up to ${this.format(total)}, ` +
          `the booking is ${this.format(amount)} (difference ${this.format(difference)})`,
        details: { item: index, stated: this.format(amount), actual: this.format(total), difference: this.format(difference) },
      });
    }
  }
}

function tally(target: Tally, amount: Decimal): void {
  target.count += 1;
  target.sum = addDecimals(target.sum, amount);
}

function mismatch(field: string, stated: string | number, actual: string | number): Warning {
  return {
    code: 'CONTROL_TOTAL_MISMATCH',
    message: `the file states ${field} ${stated}, its entries give ${actual}`,
    details: { field, stated, actual },
  };
}

/** All warnings of the balance and control-total checks for one complete statement. */
export function checkStatement(statement: Statement): Warning[] {
  const check = new BalanceCheck(statement.account.currency);
  for (const item of statement.items) check.add(item);
  return check.finish(statement);
}
