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
  lines: Line[];
  line: number;
}

export interface SplitBody {
  fields: Field[];
  /** Lines before the first tag. */
  preamble: Line[];
}

const KNOWN_TAGS = new Set([
  '20', '21', '25', '25P', '28', '28C', '60F', '60M', '61', '86', '62F', '62M', '64', '65',
  '34F', '13', '13D', '90D', '90C', 'NS',
]);
const TAG = /^:(\d{2}[A-Z]?|NS):(.*)$/;
const TAG_LIKE = /^:(\d+[A-Z]?):/;
const BANK_HEADER = /^:(940|942):\s*$/;
const WRAPPED_TAG = /^(\d{2}[A-Z]?):/;

export function splitFields(body: string, firstLine: number, fileName: string): SplitBody {
  const raw = body.split(/\r\n|\r|\n/);
  const fields: Field[] = [];
  const preamble: Line[] = [];
  let current: Field | undefined;
  for (let i = 0; i < raw.length; i += 1) {
    let text = raw[i]!;
    const number = firstLine + i;
    if (text.trim() === '') continue;
    if (text === ':' && WRAPPED_TAG.test(raw[i + 1] ?? '')) {
      i += 1;
      text = `:${raw[i]!}`;
    }
    if (isStatementEnd(text, raw, i)) {
      current = undefined;
      fields.push({ tag: '-', lines: [], line: number });
      continue;
    }
    const tagged = TAG.exec(text);
    if (tagged && KNOWN_TAGS.has(tagged[1]!)) {
      current = { tag: tagged[1]!, lines: [{ text: tagged[2]!, number }], line: number };
      fields.push(current);
      continue;
    }
    if (BANK_HEADER.test(text) && fields.length === 0) {
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
    if (current) current.lines.push({ text, number });
    else preamble.push({ text, number });
  }
  return { fields, preamble };
}

/**
 * "-" closes a statement, but wrapped :86: text can put a lone "-" on a line too (a mandate
 * reference "MND-EV01" broken around its hyphen); it is a closing mark only before a tag, a new
 * envelope or the end of the file.
 */
function isStatementEnd(text: string, raw: string[], index: number): boolean {
  if (text.startsWith('-}')) return true;
  if (text !== '-') return false;
  for (let j = index + 1; j < raw.length; j += 1) {
    const next = raw[j]!.trim();
    if (next === '') continue;
    return next.startsWith(':') || next.startsWith('{') || next.startsWith('-');
  }
  return true;
}
