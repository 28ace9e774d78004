import type { StatementFile, Warning } from '../statement/model.js';
import { encodingWarning, TextStreamDecoder } from '../text-decoding.js';
import { fileOf, hasMt940Fields, Mt940Reader, noFields, readText, type Mt940ItemHandler, type Mt940Options } from './reader.js';

export interface Mt940StreamOptions extends Mt940Options {
  /** Receives each item as it is read; items are then not kept in `statement.items`. */
  onItem?: Mt940ItemHandler;
}

/** Text is read in pieces of about this many characters, each cut before a field that starts a line. */
const PIECE_CHARS = 1024 * 1024;
/** A file with no MT940 field this far in is not one; it is refused without reading the rest. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Streaming MT940/MT942 reader: bytes go in with write(), are decoded chunk by chunk, and are read
 * in pieces cut where a cut changes nothing: before a ":20:" or ":61:" line in a plain file, before
 * a "{1:" header in a file of SWIFT envelopes (whose messages are small). Memory stays flat in the
 * file's size as long as items are handed to `onItem`.
 */
export class Mt940StreamReader {
  private readonly decoder: TextStreamDecoder;
  private readonly reader: Mt940Reader;
  private readonly fileName: string;
  private pending = '';
  private lines = 0;
  private envelopes: boolean | undefined;
  private fieldsSeen = false;
  private preambleBic: string | null = null;

  constructor(options: Mt940StreamOptions = {}) {
    this.fileName = options.fileName ?? 'input';
    this.decoder = new TextStreamDecoder(options.encoding, this.fileName);
    this.reader = new Mt940Reader(this.fileName, options.onItem);
  }

  write(chunk: Uint8Array): void {
    this.push(this.decoder.write(chunk));
  }

  end(): StatementFile {
    this.push(this.decoder.end());
    if (!this.fieldsSeen) throw noFields(this.fileName);
    this.read(this.pending, true);
    this.pending = '';
    return fileOf(this.reader, this.fileName, this.warnings());
  }

  private push(text: string): void {
    if (!text) return;
    this.pending += text;
    if (!this.fieldsSeen) {
      this.fieldsSeen = hasMt940Fields(this.pending);
      if (!this.fieldsSeen && this.pending.length > SNIFF_CHARS) throw noFields(this.fileName);
    }
    if (this.pending.length < PIECE_CHARS || !this.fieldsSeen) return;
    this.envelopes ??= this.pending.includes('{4:');
    const cut = this.envelopes ? this.pending.lastIndexOf('{1:') : lastFieldStart(this.pending);
    if (cut <= 0) return;
    const piece = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    // A file of envelopes ends its messages within each piece; a plain file's statement goes on.
    this.read(piece, this.envelopes);
  }

  private read(text: string, segmentEnds: boolean): void {
    this.preambleBic = readText(this.reader, text, {
      fileName: this.fileName,
      lineOffset: this.lines,
      segmentEnds,
      preambleBic: this.preambleBic,
    });
    this.lines += lineBreaks(text);
  }

  private warnings(): Warning[] {
    const decoded = this.decoder.decoded;
    const warnings = decoded ? encodingWarning({ ...decoded, text: '' }, this.fileName) : [];
    if (this.decoder.replaced) {
      warnings.push({
        code: 'ENCODING_REPLACED',
        message: `${this.fileName}: some bytes are not valid ${decoded?.encoding ?? 'utf-8'} and were replaced by U+FFFD`,
        details: { encoding: decoded?.encoding ?? null },
      });
    }
    return warnings;
  }
}

/** Where the last line starting with ":20:" or ":61:" begins; a cut there leaves every field whole. */
function lastFieldStart(text: string): number {
  const at = Math.max(text.lastIndexOf('\n:61:'), text.lastIndexOf('\n:20:'), text.lastIndexOf('\r:61:'), text.lastIndexOf('\r:20:'));
  return at < 0 ? -1 : at + 1;
}

/** Line breaks as the field splitter counts them: LF, CRLF, or a lone CR. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count += 1;
  }
  return count;
}

/** Reads an MT940/MT942 file from a stream of byte chunks (a file or upload stream). */
export async function streamMt940(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: Mt940StreamOptions = {}): Promise<StatementFile> {
  const reader = new Mt940StreamReader(options);
  for await (const chunk of source) reader.write(chunk);
  return reader.end();
}
