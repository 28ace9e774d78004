import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { invalid, tooLarge } from '../../domain/errors.js';
import { exceedsCurrency, parseDecimal } from '../statement/amount.js';
import { BalanceCheck } from '../statement/balance-check.js';
import { ItemKeyer } from '../statement/item-key.js';
import type { Statement, StatementFile, StatementItem, Warning } from '../statement/model.js';
import { newDetail, type AmountValue, type BalanceDraft, type DetailDraft, type EntryDraft } from './drafts.js';
import { mapEntry, type EntryContext } from './entry-mapper.js';
import { formatName, MESSAGE_ELEMENTS, parseNamespace, type CamtKind } from './message-kind.js';
import type { ContextKind, FieldHandler, FieldReaders, TrieNode } from './path-trie.js';
import {
  finishStatement,
  GROUP_TRIE,
  STATEMENT_TRIE,
  type GroupDraft,
  type StatementDraft,
} from './statement-fields.js';
import { XmlDecoder } from './xml-decoder.js';

/**
 * Streaming reader for camt.052/053/054 in any version: a SAX pass (saxes) keyed on local element
 * names, so namespaces, prefixes and version differences cost nothing and the file is never held
 * as a tree. Bytes go in with write(); each finished entry is either collected into its statement
 * or handed to `onItem` and dropped, which keeps memory flat for files of any size.
 *
 * Safety: a DOCTYPE is refused outright (no DTD, so no external entities and no entity expansion;
 * saxes itself resolves only the five predefined entities), and input size, nesting depth and
 * text length are bounded. Anything malformed throws STATEMENT_MALFORMED naming file, line and
 * element.
 */
export interface CamtReaderOptions {
  encoding?: string;
  fileName?: string;
  /** Refuse input beyond this many bytes (STATEMENT_TOO_LARGE). */
  maxBytes?: number;
  /**
   * Receives each item as soon as its entry closes, with its key set, the statement so far
   * (header and balances are complete by then) and that statement's index in the file. Items are
   * then not kept in `statement.items`, and the balance check runs as items pass.
   */
  onItem?: (item: StatementItem, statement: Statement, index: number) => void;
}

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
const MAX_DEPTH = 64;
const MAX_TEXT = 1024 * 1024;

interface Context {
  kind: ContextKind;
  depth: number;
  draft: unknown;
}

export class CamtReader {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly decoder: XmlDecoder;
  private readonly fileName: string;
  private readonly maxBytes: number;
  private bytes = 0;
  private started = false;

  private readonly names: string[] = [];
  /** Trie node of each open element; undefined below elements the reader does not know. */
  private readonly nodes: (TrieNode | undefined)[] = [undefined];
  private readonly contexts: Context[] = [];
  private context: Context | undefined;
  private text = '';
  /** Depth of the element whose text is being collected, or -1. */
  private leafDepth = -1;
  private currency: string | null = null;

  private messageDepth = -1;
  private kind: CamtKind | undefined;
  private block = '';
  private namespace: string | undefined;
  private format = '';

  private statementDraft: StatementDraft | undefined;
  private balance: BalanceDraft | undefined;
  private entry: EntryDraft | undefined;
  private detail: DetailDraft | undefined;
  private check: BalanceCheck | undefined;
  private keyer: ItemKeyer | undefined;
  private readonly group: GroupDraft = { messageId: null, page: null };

  private readonly statements: Statement[] = [];
  private readonly fileWarnings: Warning[] = [];
  private readonly readers: FieldReaders = {
    amount: () => this.readAmount(),
    date: () => this.readDate(),
  };
  private readonly onText = (text: string) => this.appendText(text);
  private readonly entryContext: EntryContext = {
    fail: (message, line) => this.fail(message, line),
    warn: (warning) => this.warn(warning),
  };

  constructor(private readonly options: CamtReaderOptions = {}) {
    this.fileName = options.fileName ?? 'input';
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.decoder = new XmlDecoder(options.encoding);
    const parser = this.parser;
    parser.on('doctype', () => {
      throw invalid('XML_DTD_FORBIDDEN', `${this.where()}: a DOCTYPE is not allowed in a bank statement`, {
        file: this.fileName,
        line: parser.line,
      });
    });
    // saxes prefixes its messages with the position, which fail() already states.
    parser.on('error', (error) => this.fail(error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')));
    parser.on('opentag', this.open.bind(this));
    parser.on('closetag', this.close.bind(this));
    parser.on('cdata', (text) => this.appendText(text));
    parser.on('text', this.onText);
  }

  write(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      throw tooLarge(
        'STATEMENT_TOO_LARGE',
        `${this.fileName}: larger than the limit of ${this.maxBytes} bytes`,
        { file: this.fileName, limit: this.maxBytes },
      );
    }
    this.feed(this.decoder.write(chunk));
  }

  private feed(text: string): void {
    if (!text) return;
    if (!this.started) {
      // saxes would only complain about "text outside the root" at the very end of a large file.
      const first = /\S/.exec(text);
      if (!first) return;
      if (text[first.index] !== '<') {
        this.fail(`not an XML document: it starts with "${text.slice(first.index, first.index + 20).trim()}"`, 1);
      }
      this.started = true;
    }
    this.parser.write(text);
  }

  end(): StatementFile {
    this.feed(this.decoder.end());
    this.parser.close();
    if (this.decoder.replaced) {
      this.fileWarnings.push({
        code: 'ENCODING_REPLACED',
        message: `some bytes are not valid ${this.decoder.encoding ?? 'utf-8'} and were replaced by U+FFFD`,
        details: { encoding: this.decoder.encoding ?? null },
      });
    }
    if (!this.kind) {
      const namespace = this.namespace ? ` (namespace ${this.namespace})` : '';
      this.fail(`the document${namespace} holds no camt.052, camt.053 or camt.054 message`);
    }
    if (this.statements.length === 0) {
      this.fail(`the ${Object.keys(MESSAGE_ELEMENTS).find((k) => MESSAGE_ELEMENTS[k]?.kind === this.kind)} message holds no ${this.block}`);
    }
    const file: StatementFile = { format: this.format, statements: this.statements };
    if (this.fileWarnings.length > 0) file.warnings = this.fileWarnings;
    return file;
  }

  private where(): string {
    return `${this.fileName}: line ${this.parser.line}`;
  }

  private fail(message: string, line = this.parser.line): never {
    const element = this.names.join('/');
    throw invalid(
      'STATEMENT_MALFORMED',
      `${this.fileName}: line ${line}${element ? ` <${element}>` : ''}: ${message}`,
      { file: this.fileName, line, element: element || null },
    );
  }

  private warn(warning: Warning): void {
    (this.statementDraft?.statement.warnings ?? this.fileWarnings).push(warning);
  }

  private appendText(text: string): void {
    if (this.leafDepth !== this.names.length) return;
    this.text += text;
    if (this.text.length > MAX_TEXT) this.fail(`text longer than ${MAX_TEXT} characters`);
  }

  private open(tag: SaxesTagPlain): void {
    const qualified = tag.name;
    const colon = qualified.indexOf(':');
    const name = colon < 0 ? qualified : qualified.slice(colon + 1);
    const names = this.names;
    names.push(name);
    const depth = names.length;
    if (depth > MAX_DEPTH) this.fail(`elements nested deeper than ${MAX_DEPTH}`);
    this.leafDepth = -1;

    let node: TrieNode | undefined;
    if (this.messageDepth < 0) {
      this.openRoot(name, qualified, colon, tag, depth);
    } else if (depth === this.messageDepth + 1) {
      if (name === this.block) node = STATEMENT_TRIE;
      else if (name === 'GrpHdr') node = GROUP_TRIE;
    } else {
      node = this.nodes[depth - 1]?.children?.get(name);
    }
    this.nodes[depth] = node;
    if (!node) return;
    if (node.enter) this.enter(node.enter, depth);
    if (node.handler) {
      this.leafDepth = depth;
      this.text = '';
      this.currency = tag.attributes.Ccy ?? null;
    }
  }

  private openRoot(name: string, qualified: string, colon: number, tag: SaxesTagPlain, depth: number): void {
    if (depth === 1) {
      const prefix = colon < 0 ? '' : qualified.slice(0, colon);
      this.namespace = tag.attributes[prefix ? `xmlns:${prefix}` : 'xmlns'];
    }
    const message = MESSAGE_ELEMENTS[name];
    if (message) {
      this.messageDepth = depth;
      this.kind = message.kind;
      this.block = message.block;
      const namespace = parseNamespace(this.namespace);
      this.format = formatName(message.message, namespace);
      if (namespace && namespace.message !== message.message) {
        this.fileWarnings.push({
          code: 'NAMESPACE_MISMATCH',
          message: `namespace ${this.namespace} does not match the ${name} message; read as camt.${message.message}`,
          details: { namespace: this.namespace ?? null, element: name },
        });
      }
      return;
    }
    if (depth === 1 && name === 'Document') return;
    const namespace = this.namespace ? ` (namespace ${this.namespace})` : '';
    throw invalid(
      'STATEMENT_FORMAT_UNKNOWN',
      `${this.fileName}: <${name}>${namespace} is not a camt.052, camt.053 or camt.054 message`,
      { file: this.fileName, element: name, namespace: this.namespace ?? null },
    );
  }

  private enter(kind: ContextKind, depth: number): void {
    let draft: unknown;
    switch (kind) {
      case 'statement':
        draft = this.startStatement();
        break;
      case 'entry':
        draft = this.entry = { line: this.parser.line, details: [] };
        break;
      case 'detail':
        draft = this.detail = newDetail();
        this.entry!.details.push(this.detail);
        break;
      case 'balance':
        draft = this.balance = {};
        break;
      case 'group':
        draft = this.group;
        break;
    }
    this.context = { kind, depth, draft };
    this.contexts.push(this.context);
  }

  private startStatement(): StatementDraft {
    const statement: Statement = {
      id: null,
      kind: this.kind,
      sequenceNumber: null,
      electronicSequenceNumber: null,
      creationDateTime: null,
      period: null,
      account: { iban: null, other: null, currency: null, servicerBic: null, ownerName: null },
      openingBalance: null,
      closingBalance: null,
      items: [],
      warnings: [],
      messageId: this.group.messageId,
      page: this.group.page,
    };
    this.statementDraft = { statement, balances: [], summary: {} };
    this.check = undefined;
    this.keyer = undefined;
    return this.statementDraft;
  }

  private close(): void {
    const names = this.names;
    const depth = names.length;
    if (this.leafDepth === depth) {
      const text = this.text.trim();
      const handler = this.nodes[depth]!.handler as FieldHandler<unknown>;
      if (text !== '') handler(this.context!.draft, text, this.readers);
      this.leafDepth = -1;
    }
    const context = this.context;
    if (context && context.depth === depth) {
      this.leave(context.kind);
      this.contexts.pop();
      this.context = this.contexts[this.contexts.length - 1];
    }
    names.pop();
  }

  private leave(kind: ContextKind): void {
    switch (kind) {
      case 'balance':
        this.statementDraft!.balances.push(this.balance!);
        this.balance = undefined;
        return;
      case 'detail':
        this.detail = undefined;
        return;
      case 'entry':
        this.finishEntry();
        return;
      case 'statement':
        this.finishStatement();
        return;
      default:
        return;
    }
  }

  private finishEntry(): void {
    const draft = this.statementDraft!;
    const statement = draft.statement;
    const item = mapEntry(this.entry!, this.entryContext, statement.account.iban);
    this.entry = undefined;
    const onItem = this.options.onItem;
    if (!onItem) {
      statement.items.push(item);
      return;
    }
    if (!this.check) {
      // By the first entry the statement's account and balances have been read.
      this.check = new BalanceCheck(statement.account.currency ?? item.currency ?? null);
      this.keyer = new ItemKeyer(statement.account);
    }
    item.key = this.keyer!.next(item);
    this.check.add(item);
    onItem(item, statement, this.statements.length);
  }

  private finishStatement(): void {
    const draft = this.statementDraft!;
    const statement = finishStatement(draft);
    if (!statement.account.iban && !statement.account.other) {
      statement.warnings.push({ code: 'ACCOUNT_MISSING', message: `${this.block} names no account` });
    }
    statement.account.currency ??= statement.items[0]?.currency ?? null;
    if (this.options.onItem) {
      const check = this.check ?? new BalanceCheck(statement.account.currency);
      statement.warnings.push(...check.finish(statement));
    }
    this.statements.push(statement);
    this.statementDraft = undefined;
  }

  private readAmount(): AmountValue {
    const value = parseDecimal(this.text);
    if (!value) this.fail(`"${this.text.trim()}" is not a decimal amount`);
    if (exceedsCurrency(value, this.currency)) {
      // Kept as written: rounding would hide the bank's error and break the balance check.
      this.warn({
        code: 'AMOUNT_PRECISION',
        message: `line ${this.parser.line}: ${this.text.trim()} has more decimals than ${this.currency ?? 'the currency'} allows; kept as written`,
        details: { line: this.parser.line, amount: this.text.trim(), currency: this.currency },
      });
    }
    return { value, currency: this.currency, line: this.parser.line };
  }

  private readDate(): string {
    const text = this.text.trim();
    if (!/^\d{4}-\d{2}-\d{2}/.test(text)) this.fail(`"${text}" is not a date`);
    return text.slice(0, 10);
  }
}

/** Reads a whole camt file held in memory, feeding it in slices so the text is never one string. */
export function readCamt(input: Uint8Array, options: CamtReaderOptions = {}): StatementFile {
  const reader = new CamtReader(options);
  const slice = 1024 * 1024;
  for (let offset = 0; offset < input.length; offset += slice) {
    reader.write(input.subarray(offset, offset + slice));
  }
  return reader.end();
}

/** Reads a camt file from a stream of byte chunks (a file or upload stream). */
export async function streamCamt(
  source: AsyncIterable<Uint8Array>,
  options: CamtReaderOptions = {},
): Promise<StatementFile> {
  const reader = new CamtReader(options);
  for await (const chunk of source) reader.write(chunk);
  return reader.end();
}
