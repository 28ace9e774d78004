/**
 * A minimal streaming XML writer for the pain writers: elements are appended to a buffer that is
 * handed out in chunks of about 64 KiB, so a file of any size is written with flat memory.
 * Only what ISO 20022 messages need: elements, text, attributes, no mixed content.
 */
const CHUNK = 64 * 1024;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const SPECIAL = /[&<>"']/;

export function escapeXml(value: string): string {
  return SPECIAL.test(value) ? value.replace(/[&<>"']/g, (char) => ESCAPES[char]!) : value;
}

export class XmlStream {
  private buffer = '';
  private readonly open: string[] = [];
  private readonly pads: string[] = [''];

  constructor(private readonly indent = '  ') {}

  declaration(): this {
    this.buffer += '<?xml version="1.0" encoding="UTF-8"?>\n';
    return this;
  }

  start(name: string, attributes?: Record<string, string>): this {
    let attrs = '';
    if (attributes) {
      for (const [key, value] of Object.entries(attributes)) attrs += ` ${key}="${escapeXml(value)}"`;
    }
    this.buffer += `${this.pad()}<${name}${attrs}>\n`;
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('no element is open');
    this.buffer += `${this.pad()}</${name}>\n`;
    return this;
  }

  /** A leaf element; nothing is written when the value is undefined. */
  leaf(name: string, value: string | undefined, attributes?: Record<string, string>): this {
    if (value === undefined) return this;
    let attrs = '';
    if (attributes) {
      for (const [key, attr] of Object.entries(attributes)) attrs += ` ${key}="${escapeXml(attr)}"`;
    }
    this.buffer += `${this.pad()}<${name}${attrs}>${escapeXml(value)}</${name}>\n`;
    return this;
  }

  /** Returns the buffered text once it is worth a write, else undefined. */
  drain(force = false): string | undefined {
    if (this.buffer.length === 0 || (!force && this.buffer.length < CHUNK)) return undefined;
    const chunk = this.buffer;
    this.buffer = '';
    return chunk;
  }

  private pad(): string {
    const depth = this.open.length;
    return this.pads[depth] ?? (this.pads[depth] = this.indent.repeat(depth));
  }
}
