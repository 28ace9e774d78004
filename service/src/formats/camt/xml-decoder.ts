import { TextDecoder } from 'node:util';
import { invalid } from '../../domain/errors.js';

/**
 * Turns the bytes of an XML file into text, chunk by chunk, so that a large file is never one
 * string. The encoding comes from the caller, else the byte-order mark, else the XML declaration,
 * else UTF-8 (the XML default). Undecodable bytes become U+FFFD and are reported once.
 */
const SNIFF_BYTES = 1024;

function declaredEncoding(prefix: Uint8Array): string | undefined {
  const head = Buffer.from(prefix).toString('latin1');
  const declaration = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return declaration?.[1];
}

function bomEncoding(prefix: Uint8Array): string | undefined {
  if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) return 'utf-8';
  if (prefix[0] === 0xff && prefix[1] === 0xfe) return 'utf-16le';
  if (prefix[0] === 0xfe && prefix[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function createTextDecoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    throw invalid('STATEMENT_ENCODING_UNKNOWN', `encoding "${label}" is not supported`, { encoding: label });
  }
}

export class XmlDecoder {
  private decoder: TextDecoder | undefined;
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** The encoding in use, once known. */
  encoding: string | undefined;
  /** True once a byte sequence could not be decoded in the chosen encoding. */
  replaced = false;

  constructor(private readonly forced?: string) {}

  /** Text for the bytes so far; may hold back a few bytes until the encoding is known. */
  write(chunk: Uint8Array): string {
    if (!this.decoder) {
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      if (this.pendingLength < SNIFF_BYTES) return '';
      return this.start();
    }
    return this.decode(chunk, true);
  }

  end(): string {
    const rest = this.decoder ? '' : this.start();
    return rest + this.decode(new Uint8Array(0), false);
  }

  private start(): string {
    const head = Buffer.concat(this.pending);
    this.pending = [];
    const bom = bomEncoding(head);
    this.encoding = this.forced ?? bom ?? declaredEncoding(head) ?? 'utf-8';
    this.decoder = createTextDecoder(this.encoding);
    return this.decode(head, true);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    const text = this.decoder!.decode(bytes, { stream });
    if (!this.replaced && text.includes('\uFFFD')) this.replaced = true;
    return text;
  }
}
