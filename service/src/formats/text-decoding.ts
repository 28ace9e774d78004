import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { invalid } from '../domain/errors.js';
import type { Warning } from './statement/model.js';

/**
 * Decodes a bank text file (MT940, CSV). Banks still send ISO-8859-1/15, Windows-1252 and, from
 * old host systems, DOS code pages; nothing in an MT940 file says which, so a file that is not
 * valid UTF-8 is decoded with every single-byte candidate and the most plausible text wins.
 */
const SINGLE_BYTE_CANDIDATES = ['windows-1252', 'iso-8859-15', 'iso-8859-1', 'cp850', 'cp852'] as const;

export interface DecodedText {
  text: string;
  /** The encoding used: the caller's, or the detected one. */
  encoding: string;
  /** True when no encoding was given and the file was not UTF-8, so a code page was guessed. */
  guessed: boolean;
}

export function decodeText(input: Buffer, encoding?: string, fileName?: string): DecodedText {
  const chosen = chooseEncoding(input, encoding, fileName, isUtf8(input));
  if (chosen.encoding === 'utf-8') {
    const text = input.toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, ...chosen };
  }
  return { text: iconv.decode(input, chosen.encoding, { stripBOM: true }), ...chosen };
}

/** The encoding of a file, from a forced name, its first bytes, or (not UTF-8) the most plausible code page. */
function chooseEncoding(
  head: Buffer,
  encoding: string | undefined,
  fileName: string | undefined,
  utf8: boolean,
): Omit<DecodedText, 'text'> {
  if (encoding) {
    if (!iconv.encodingExists(encoding)) {
      throw invalid('STATEMENT_ENCODING_UNKNOWN', `${fileName ?? 'input'}: unknown encoding "${encoding}"`, {
        encoding,
      });
    }
    return { encoding: encoding.toLowerCase(), guessed: false };
  }
  const wide = utf16(head);
  if (wide) return { encoding: wide, guessed: false };
  if (utf8) return { encoding: 'utf-8', guessed: false };
  // The first megabyte tells the code page; scoring all of a large file would only cost time.
  const sample = head.subarray(0, SAMPLE_BYTES);
  let best: (typeof SINGLE_BYTE_CANDIDATES)[number] = SINGLE_BYTE_CANDIDATES[0];
  let bestScore = -Infinity;
  for (const candidate of SINGLE_BYTE_CANDIDATES) {
    const score = plausibility(iconv.decode(sample, candidate));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return { encoding: best, guessed: true };
}

/**
 * Decodes a bank text file chunk by chunk, so that neither its bytes nor its text are ever held
 * whole. The encoding is chosen as decodeText chooses it, but from the first megabyte only: a file
 * that is valid UTF-8 there and not later gets U+FFFD for the later bytes, and `replaced` says so.
 */
export class TextStreamDecoder {
  private head: Buffer[] = [];
  private headLength = 0;
  private decoder: { write(chunk: Buffer): string; end(): string | undefined } | undefined;
  private chosen: Omit<DecodedText, 'text'> | undefined;
  /** True once bytes after the first megabyte were not valid in the chosen encoding. */
  replaced = false;

  constructor(
    private readonly encoding?: string,
    private readonly fileName?: string,
  ) {}

  /** Text of the bytes so far; empty until the first megabyte (or the end) has been seen. */
  write(chunk: Uint8Array): string {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.decoder) return this.decode(bytes);
    this.head.push(bytes);
    this.headLength += bytes.length;
    return this.headLength >= SAMPLE_BYTES ? this.start() : '';
  }

  end(): string {
    const rest = this.decoder ? '' : this.start();
    return rest + (this.decoder!.end() ?? '');
  }

  /** The encoding in use and whether it was guessed; known after the first megabyte. */
  get decoded(): Omit<DecodedText, 'text'> | undefined {
    return this.chosen;
  }

  private start(): string {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.chosen = chooseEncoding(head, this.encoding, this.fileName, isUtf8(completeUtf8(head)));
    this.decoder =
      this.chosen.encoding === 'utf-8'
        ? new Utf8Chunks()
        : iconv.getDecoder(this.chosen.encoding, { stripBOM: true });
    return this.decode(head);
  }

  private decode(bytes: Buffer): string {
    const text = this.decoder!.write(bytes);
    if (!this.replaced && text.includes('\uFFFD')) this.replaced = true;
    return text;
  }
}

/** UTF-8 through the platform decoder, which drops a leading BOM and keeps split characters for the next chunk. */
class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8');

  write(chunk: Buffer): string {
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    return this.decoder.decode();
  }
}

/** The bytes without a multi-byte character cut off at the end of a sample. */
function completeUtf8(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return bytes;
    if (byte >= 0xc0) {
      const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needs > back ? bytes.subarray(0, bytes.length - back) : bytes;
    }
  }
  return bytes;
}

const SAMPLE_BYTES = 1024 * 1024;

/**
 * Spreadsheet programs save "Unicode" CSV as UTF-16, with a byte order mark or, rarely, without:
 * then every other byte of Latin text is zero.
 */
function utf16(input: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (input[0] === 0xff && input[1] === 0xfe) return 'utf-16le';
  if (input[0] === 0xfe && input[1] === 0xff) return 'utf-16be';
  const sample = input.subarray(0, 4096);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 1) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    }
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.9 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > half * 0.9 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
/**
 * Letters that bank texts of the product's markets use, as a prior for short texts where one
 * letter decides: Western European ones weigh more than Central European ones, so that a lone
 * "Ä" in a CP850 file is not read as the "Ž" that the same byte is in Windows-1252.
 */
const WESTERN_LETTERS = new Set([...'äöüÄÖÜßéèêëàâáíìîïóòôúùûñçÉÈÊÀÂÁÍÓÔÚÛÑÇøØåÅæÆœŒ']);
const CENTRAL_LETTERS = new Set([...'ąćęłńśźżĄĆĘŁŃŚŹŻčďěňřšťůžýČĎĚŇŘŠŤŮŽÝőűŐŰ']);

/** Non-letters that do occur in bank texts: currency signs, typographic quotes and dashes. */
const USUAL_SYMBOLS = new Set([
  '€', '£', '¥', '§', '°', '´', '\u00a0', 'µ', '„', '“', '”', '‘', '’', '‚', '–', '—', '…', '•', '«', '»', '·',
]);

/**
 * Scores how much a decoding looks like text: letters inside words, in the case of the letters
 * around them, earn points (a lone accented letter between spaces earns none); control
 * characters, box drawing and odd symbols cost points. Only non-ASCII characters are scored, as
 * all candidates agree on ASCII.
 */
function plausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const char = text[i]!;
    if ((code >= 0x80 && code <= 0x9f) || code === 0xfffd) {
      score -= 5;
    } else if (LETTER.test(char)) {
      score += caseAgreement(text, i, char) + (WESTERN_LETTERS.has(char) ? 1 : CENTRAL_LETTERS.has(char) ? 0.5 : 0);
    } else if (char === '€') {
      score += 1.5;
    } else if (!USUAL_SYMBOLS.has(char)) {
      score -= 2;
    }
  }
  return score;
}

function caseAgreement(text: string, index: number, char: string): number {
  const before = text[index - 1];
  const after = text[index + 1];
  const isUpper = (c: string | undefined) => c !== undefined && UPPER.test(c);
  const isLower = (c: string | undefined) => c !== undefined && LOWER.test(c);
  let points = 0;
  if (LOWER.test(char)) {
    // "Mü" is title case; "šL" inside a capitalised word is a wrong guess.
    if (isLower(before)) points += 1;
    if (isLower(after)) points += 1;
    if (isUpper(after)) points -= 1;
  } else if (UPPER.test(char)) {
    // Title case: a capital starting a word, small letters after it.
    if (!isUpper(before) && !isLower(before) && isLower(after)) points += 1;
    if (isUpper(before)) points += 1;
    if (isUpper(after)) points += 1;
    if (isLower(before)) points -= 1;
  }
  return points;
}

/** Tells the reader of a parse result which code page was guessed, so a wrong guess can be overridden. */
export function encodingWarning(decoded: DecodedText, fileName: string): Warning[] {
  if (!decoded.guessed) return [];
  return [
    {
      code: 'ENCODING_GUESSED',
      message: `${fileName} is not UTF-8; read as ${decoded.encoding} (choose another with --encoding)`,
      details: { encoding: decoded.encoding },
    },
  ];
}
