import { isCurrency } from '../../domain/currencies.js';
import { invalid } from '../../domain/errors.js';
import { BalanceCheck } from '../statement/balance-check.js';
import { ItemKeyer } from '../statement/item-key.js';
import type { Balance, Statement, StatementFile, StatementItem, Warning } from '../statement/model.js';
import { decodeText, encodingWarning } from '../text-decoding.js';
import { floorLimitCurrency, parseBalance, parseTotals, type ParsedBalance } from './balances.js';
import { makeDate, fullYear } from './dates.js';
import { splitFields, type Field, type Line } from './fields.js';
import { readInformation, readStatementSummary } from './information-field.js';
import { emptyInformation, type Information } from './information.js';
import { buildItem } from './item.js';
import { asBic, parseAccount } from './parties.js';
import { parseStatementLine, type StatementLine } from './statement-line.js';
import { splitSegments } from './swift-blocks.js';
import { swiftAmount } from './amounts.js';

export interface Mt940Options {
  /** Force a text encoding (iconv-lite name); detected when absent. */
  encoding?: string;
  /** Named in error messages. */
  fileName?: string;
}

/** A statement being read, with what the reader needs until it is complete. */
interface Draft {
  statement: Statement;
  currency: string | null;
  openingKind: 'F' | 'M' | null;
  closingKind: 'F' | 'M' | null;
  interim: boolean;
  pending: { line: StatementLine; info: Information | null; at: number } | null;
  lastTag: string | null;
  /** Streaming only: the statement the draft's items go to, decided at its first item. */
  target: Target | null;
}

/** A statement whose items are handed on as they are read, with what keys and checks them. */
interface Target {
  statement: Statement;
  index: number;
  keyer: ItemKeyer;
  check: BalanceCheck;
}

/**
 * Receives each item with its key set, the statement it belongs to (header and opening balance
 * read; closing balance not yet) and that statement's index in the file's statements.
 */
export type Mt940ItemHandler = (item: StatementItem, statement: Statement, index: number) => void;

/**
 * Reads SWIFT MT940 (customer statement) and MT942 (interim transaction report) files: SWIFT
 * envelopes, bank preambles, several statements per file, statements split over several messages
 * with interim balances (:60M:/:62M:), wrapped lines, and the German, Dutch and free-text
 * dialects of :86:. It only reads; balance and control-total checks run on the result.
 */
export function readMt940(input: Buffer, options: Mt940Options = {}): StatementFile {
  const fileName = options.fileName ?? 'input';
  const decoded = decodeText(input, options.encoding, fileName);
  const { text } = decoded;
  if (!hasMt940Fields(text)) throw noFields(fileName);
  const reader = new Mt940Reader(fileName);
  readText(reader, text, { fileName, lineOffset: 0, segmentEnds: true, preambleBic: null });
  return fileOf(reader, fileName, encodingWarning(decoded, fileName));
}

const MT940_FIELDS = /:(20|61|60F|25):/;

export function hasMt940Fields(text: string): boolean {
  return MT940_FIELDS.test(text);
}

export function noFields(fileName: string) {
  return invalid('STATEMENT_MALFORMED', `${fileName}: no MT940/MT942 fields (:20:, :25:, :60F:, :61:) found`, {
    file: fileName,
  });
}

export interface TextPosition {
  fileName: string;
  /** Lines of the file before this text. */
  lineOffset: number;
  /** False when the text stops inside a message that continues in the next piece. */
  segmentEnds: boolean;
  /** A bank named in a preamble line of an earlier piece, kept for the statements after it. */
  preambleBic: string | null;
}

/** Reads a text (a whole file, or a piece of one cut before a field) into the reader; returns the preamble's bank. */
export function readText(reader: Mt940Reader, text: string, at: TextPosition): string | null {
  let preambleBic = at.preambleBic;
  for (const segment of splitSegments(text)) {
    const preamble: Line[] = [];
    const fields = splitFields(segment.body, segment.firstLine + at.lineOffset, at.fileName, preamble);
    // Bank exports without envelope name the bank in a preamble line ("ABNANL2A").
    const bic = () => (preambleBic ??= preamble.map((l) => asBic(l.text)).find(Boolean) ?? null);
    reader.readFields(fields, () => segment.senderBic ?? bic(), at.segmentEnds);
  }
  return preambleBic;
}

export function fileOf(reader: Mt940Reader, fileName: string, warnings: Warning[]): StatementFile {
  const statements = reader.finish();
  if (statements.length === 0) {
    throw invalid('STATEMENT_MALFORMED', `${fileName}: no statement found`, { file: fileName });
  }
  const interim = reader.interimOnly();
  return { format: interim ? 'mt942' : 'mt940', statements, ...(warnings.length > 0 ? { warnings } : {}) };
}

/**
 * Turns fields into statements. With `onItem`, items are handed on as they are read instead of
 * kept (a streamed file), and keys and balance checks are worked out on the way; an MT942's items
 * are pending when :34F: or :13D: came before them, as the standard field order has it.
 */
export class Mt940Reader {
  private readonly statements: Statement[] = [];
  private readonly closings = new Map<Statement, 'F' | 'M' | null>();
  private readonly targets = new Map<Statement, Target>();
  private draft: Draft | null = null;
  private interimCount = 0;
  private statementCount = 0;
  private servicerBic: () => string | null = () => null;

  constructor(
    private readonly fileName: string,
    private readonly onItem?: Mt940ItemHandler,
  ) {}

  /** Reads fields; `segmentEnds` is false when the text continues in a later call (a streamed file). */
  readFields(fields: Iterable<Field>, servicerBic: () => string | null, segmentEnds = true): void {
    this.servicerBic = servicerBic;
    for (const field of fields) this.read(field);
    if (segmentEnds) this.close();
  }

  finish(): Statement[] {
    this.close();
    if (this.onItem) {
      for (const statement of this.statements) {
        const check = this.targets.get(statement)?.check ?? new BalanceCheck(statement.account.currency);
        statement.warnings.push(...check.finish(statement));
      }
      this.targets.clear();
    }
    return this.statements;
  }

  interimOnly(): boolean {
    return this.statementCount > 0 && this.interimCount === this.statementCount;
  }

  private read(field: Field): void {
    if (field.tag === '-') {
      this.close();
      return;
    }
    if (field.tag === '20') {
      this.close();
      this.open(field, value(field.lines));
      return;
    }
    const draft = this.draft ?? this.open(field, null);
    if (field.tag !== '86') this.flushItem(draft);
    switch (field.tag) {
      case '25':
      case '25P': {
        const account = parseAccount(value(field.lines), isCurrency);
        draft.statement.account = { ...account, servicerBic: account.servicerBic ?? this.servicerBic() };
        draft.currency ??= account.currency;
        break;
      }
      case '28':
      case '28C':
        draft.statement.sequenceNumber = value(field.lines);
        break;
      case '60F':
      case '60M': {
        const balance = this.balance(field);
        draft.statement.openingBalance = balance.balance;
        draft.currency = balance.currency;
        draft.openingKind = field.tag === '60F' ? 'F' : 'M';
        break;
      }
      case '62F':
      case '62M': {
        const balance = this.balance(field);
        draft.statement.closingBalance = balance.balance;
        draft.currency ??= balance.currency;
        draft.closingKind = field.tag === '62F' ? 'F' : 'M';
        break;
      }
      case '64':
        draft.statement.closingAvailableBalance = this.balance(field).balance;
        break;
      case '61':
        draft.pending = { line: this.statementLine(field), info: null, at: field.line };
        break;
      case '86':
        this.information(draft, field);
        break;
      case '34F':
        draft.interim = true;
        draft.currency ??= floorLimitCurrency(value(field.lines)) ?? null;
        break;
      case '13':
      case '13D':
        draft.interim = true;
        draft.statement.creationDateTime = dateTime(value(field.lines));
        break;
      case '90D':
      case '90C':
        draft.interim = true;
        this.totals(draft, field);
        break;
      default:
        // :21: related reference, :65: forward balances, :NS: bank-internal fields.
        break;
    }
    draft.lastTag = field.tag;
  }

  private open(field: Field, id: string | null): Draft {
    const statement: Statement = {
      id,
      kind: 'statement',
      sequenceNumber: null,
      creationDateTime: null,
      account: { iban: null, other: null, currency: null, servicerBic: this.servicerBic() },
      openingBalance: null,
      closingBalance: null,
      closingAvailableBalance: null,
      items: [],
      warnings: [],
    };
    if (id === null) {
      statement.warnings.push({
        code: 'STATEMENT_HEADER_MISSING',
        message: `${this.fileName}, line ${field.line}: fields without a preceding :20: statement header`,
        details: { line: field.line },
      });
    }
    this.draft = {
      statement,
      currency: null,
      openingKind: null,
      closingKind: null,
      interim: false,
      pending: null,
      lastTag: null,
      target: null,
    };
    return this.draft;
  }

  private information(draft: Draft, field: Field): void {
    if (draft.pending && draft.lastTag === '61') {
      draft.pending.info = readInformation(field.lines);
      this.flushItem(draft);
      return;
    }
    const summary = readStatementSummary(field.lines);
    if (summary) {
      const sum = (raw: string) => swiftAmount(raw, draft.currency) ?? null;
      draft.statement.summary = {
        debits: { count: summary.debits[0], sum: sum(summary.debits[1]) },
        credits: { count: summary.credits[0], sum: sum(summary.credits[1]) },
      };
    }
  }

  private flushItem(draft: Draft): void {
    const pending = draft.pending;
    if (!pending) return;
    draft.pending = null;
    const item = buildItem(pending.line, pending.info ?? emptyInformation(), draft.currency);
    if (!item) {
      throw this.malformed(pending.at, `amount "${pending.line.amount}" is not a SWIFT amount`);
    }
    for (const date of [pending.line.valueDate, pending.line.entryDate]) {
      if (date?.corrected) {
        draft.statement.warnings.push({
          code: 'DATE_CORRECTED',
          message: `${this.fileName}, line ${pending.at}: date ${date.corrected} does not exist; read as ${date.iso}`,
          details: { line: pending.at, written: date.corrected, read: date.iso },
        });
      }
    }
    if (this.onItem) this.handOn(draft, item);
    else draft.statement.items.push(item);
  }

  private handOn(draft: Draft, item: StatementItem): void {
    draft.target ??= this.target(draft);
    const target = draft.target;
    if (draft.interim) item.status = 'PDNG';
    item.key = target.keyer.next(item);
    target.check.add(item);
    this.onItem!(item, target.statement, target.index);
  }

  /** The statement a draft's items belong to: its own, or the one it continues (see close). */
  private target(draft: Draft): Target {
    const previous = this.statements.at(-1);
    if (previous && this.continues(previous, draft)) return this.targets.get(previous) ?? this.newTarget(previous, draft, this.statements.length - 1);
    return this.newTarget(draft.statement, draft, this.statements.length);
  }

  private newTarget(statement: Statement, draft: Draft, index: number): Target {
    const target = {
      statement,
      index,
      keyer: new ItemKeyer(statement.account),
      check: new BalanceCheck(statement.account.currency ?? draft.currency),
    };
    this.targets.set(statement, target);
    return target;
  }

  private continues(previous: Statement, draft: Draft): boolean {
    return draft.openingKind === 'M' && this.closings.get(previous) === 'M' && sameAccount(previous, draft.statement);
  }

  private close(): void {
    const draft = this.draft;
    if (!draft) return;
    this.flushItem(draft);
    this.draft = null;
    const statement = draft.statement;
    statement.account.currency ??= draft.currency;
    if (draft.interim) {
      statement.kind = 'report';
      for (const item of statement.items) item.status = 'PDNG';
    }
    const previous = this.statements.at(-1);
    if (previous && this.continues(previous, draft)) {
      this.stitch(previous, statement);
      this.closings.set(previous, draft.closingKind);
      return;
    }
    this.statementCount += 1;
    if (draft.interim) this.interimCount += 1;
    this.statements.push(statement);
    this.closings.set(statement, draft.closingKind);
  }

  /** A statement continued in the next message (:62M: then :60M:) is one statement. */
  private stitch(previous: Statement, next: Statement): void {
    const carried = previous.closingBalance;
    const opened = next.openingBalance;
    if (carried && opened && carried.amount !== opened.amount) {
      previous.warnings.push(intermediateMismatch(carried, opened, next.sequenceNumber ?? null));
    }
    // A loop, not push(...items): a page may hold more items than a call takes arguments.
    for (const item of next.items) previous.items.push(item);
    previous.warnings.push(...next.warnings);
    previous.closingBalance = next.closingBalance;
    previous.closingAvailableBalance = next.closingAvailableBalance ?? previous.closingAvailableBalance ?? null;
  }

  private balance(field: Field): ParsedBalance {
    const parsed = parseBalance(value(field.lines));
    if (!parsed) throw this.malformed(field.line, `:${field.tag}: "${value(field.lines)}" is not a balance like "C161214EUR1124,58"`);
    return parsed;
  }

  private statementLine(field: Field): StatementLine {
    const line = parseStatementLine(field.lines);
    if (!line) throw this.malformed(field.line, `:61: "${field.lines[0] ?? ''}" is not a statement line`);
    return line;
  }

  private totals(draft: Draft, field: Field): void {
    const totals = parseTotals(value(field.lines));
    if (!totals) throw this.malformed(field.line, `:${field.tag}: "${value(field.lines)}" is not "count currency amount"`);
    const side = field.tag === '90D' ? 'debits' : 'credits';
    draft.statement.summary = { ...draft.statement.summary, [side]: { count: totals.count, sum: totals.sum } };
  }

  private malformed(line: number, message: string) {
    return invalid('STATEMENT_MALFORMED', `${this.fileName}, line ${line}: ${message}`, { file: this.fileName, line });
  }
}

function value(lines: string[]): string {
  return lines.join('').trim();
}

function sameAccount(a: Statement, b: Statement): boolean {
  return a.account.iban === b.account.iban && a.account.other === b.account.other;
}

function intermediateMismatch(carried: Balance, opened: Balance, sequence: string | null): Warning {
  return {
    code: 'INTERMEDIATE_BALANCE_MISMATCH',
    message: `the statement continues (${sequence ?? 'next page'}) with opening balance ${opened.amount}, but the previous page closed with ${carried.amount}`,
    details: { carried: carried.amount, opened: opened.amount },
  };
}

/** :13D: "YYMMDDHHMM+hhmm" → ISO date-time with offset. */
function dateTime(raw: string): string | null {
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([+-]\d{2})?(\d{2})?/.exec(raw);
  if (!match) return null;
  const date = makeDate(fullYear(Number(match[1])), Number(match[2]), Number(match[3]));
  if (!date) return null;
  const offset = match[6] ? `${match[6]}:${match[7] ?? '00'}` : '';
  return `${date.iso}T${match[4]}:${match[5]}:00${offset}`;
}
