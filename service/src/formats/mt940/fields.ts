import { invalid } from '../../domain/errors.js';

/**
 * Splits a message body into its tagged fields (":61:…" plus continuation lines). Real files wrap
 * anywhere, even inside a tag (":" at the end of one line, "86:" on the next), add blank lines,
 * and start with bank preambles ("ABNANL2A", "940", ":940:"); unknown tags are refused rather
 * than silently dropped, because the data behind them would be lost.
 */
export interface Line {
  text: string;
  /** 1-based line number in the file. */
  number: number;
}

export interface Field {
  /** "20", "61", "62F", …; "-" for the end-of-statement marker. */
  tag: string;
  /** First line without its tag, then the continuation lines. */
  lines: string[];
  /** 1-based line number of the tag in the file. */
  line: number;
}

const KNOWN_TAGS = new Set([
  '20', '21', '25', '25P', '28', '28C', '60F', '60M', '61', '86', '62F', '62M', '64', '65',
  '34F', '13', '13D', '90D', '90C', 'NS',
]);
const TAG_LIKE = /^:(\d+[A-Z]?):/;
const BANK_HEADER = /^:(940|942):\s*$/;
const WRAPPED_TAG = /^(\d{2}[A-Z]?):/;

/**
 * Yields the fields one by one, so that a large file's lines are never all held at once; lines
 * before the first tag are collected into `preamble` as they pass.
 */
export function* splitFields(body: string, firstLine: number, fileName: string, preamble: Line[] = []): Generator<Field> {
  const lines = new LineCursor(body, firstLine);
  let current: Field | undefined;
  let seenField = false;
  for (let text = lines.next(); text !== undefined; text = lines.next()) {
    const number = lines.number;
    if (text.length === 0 || text.trim() === '') continue;
    if (text === ':' && WRAPPED_TAG.test(lines.peek() ?? '')) text = `:${lines.next()!}`;
    if (isStatementEnd(text, lines)) {
      if (current) yield current;
      current = undefined;
      seenField = true;
      yield { tag: '-', lines: [], line: number };
      continue;
    }
    const tag = knownTag(text);
    if (tag) {
      if (current) yield current;
      current = { tag, lines: [text.slice(tag.length + 2)], line: number };
      seenField = true;
      continue;
    }
    if (BANK_HEADER.test(text) && !seenField) {
      preamble.push({ text, number });
      continue;
    }
    const unknown = TAG_LIKE.exec(text);
    if (unknown) {
      throw invalid(
        'STATEMENT_MALFORMED',
        `${fileName}, line ${number}: unknown MT940 field tag ":${unknown[1]!}:"`,
        { file: fileName, line: number, tag: unknown[1]! },
      );
    }
    if (current) current.lines.push(text);
    else preamble.push({ text, number });
  }
  if (current) yield current;
}

/** The tag of a line that starts with a known one (":61:…" → "61"), without a regex: this runs per line. */
function knownTag(text: string): string | undefined {
  if (text.charCodeAt(0) !== 58) return undefined;
  const end = text.indexOf(':', 1);
  if (end < 3 || end > 4) return undefined;
  const tag = text.slice(1, end);
  return KNOWN_TAGS.has(tag) ? tag : undefined;
}

/** Walks the lines of a text (CRLF, LF or a lone CR) without splitting it all at once. */
class LineCursor {
  private position = 0;
  /** 1-based number of the line `next` returned last. */
  number: number;

  constructor(
    private readonly text: string,
    firstLine: number,
  ) {
    this.number = firstLine - 1;
  }

  next(): string | undefined {
    if (this.position > this.text.length) return undefined;
    let end = this.text.indexOf('\n', this.position);
    if (end < 0) end = this.text.length;
    let line = this.text.slice(this.position, end);
    const carriage = line.indexOf('\r');
    if (carriage >= 0 && carriage < line.length - 1) {
      // A lone CR ends a line too.
      end = this.position + carriage;
      line = line.slice(0, carriage);
    } else if (carriage === line.length - 1) {
      line = line.slice(0, -1);
    }
    this.position = end + 1;
    this.number += 1;
    return line;
  }

  /** The next non-empty line, without moving. */
  peek(): string | undefined {
    const [position, number] = [this.position, this.number];
    let line = this.next();
    while (line !== undefined && line.trim() === '') line = this.next();
    [this.position, this.number] = [position, number];
    return line;
  }
}

/**
 * "-" closes a statement, but wrapped :86: text can put a lone "-" on a line too (a mandate
 * reference "MND-EV01" broken around its hyphen); it is a closing mark only before a tag, a new
 * envelope or the end of the file.
 */
function isStatementEnd(text: string, lines: LineCursor): boolean {
  if (text.startsWith('-}')) return true;
  if (text !== '-') return false;
  const next = lines.peek()?.trim();
  return next === undefined || next.startsWith(':') || next.startsWith('{') || next.startsWith('-');
}
