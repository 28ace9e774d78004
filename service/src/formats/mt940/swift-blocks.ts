/**
 * SWIFT FIN envelopes around MT940/MT942 messages: `{1:F01BANKBEBBAXXX…}{2:O940…}{3:…}{4:` …
 * `-}{5:…}`, often with SOH/ETX control bytes between messages. The reader needs only the text
 * block 4 and the sending bank; plain files without envelopes are one segment.
 */
export interface Segment {
  /** Text block 4 (or the whole file), control bytes removed. */
  body: string;
  /** 1-based line number of the body's first line in the file. */
  firstLine: number;
  /** Sending bank from the header blocks, when they name one. */
  senderBic: string | null;
}

const BLOCK4 = /\{4:/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function splitSegments(text: string): Segment[] {
  const clean = HAS_CONTROL.test(text) ? text.replace(CONTROL, '') : text;
  const starts = [...clean.matchAll(BLOCK4)].map((m) => m.index);
  if (starts.length === 0) return [{ body: clean, firstLine: 1, senderBic: null }];
  const segments: Segment[] = [];
  let headerFrom = 0;
  let line = 1;
  let counted = 0;
  for (const [n, start] of starts.entries()) {
    const bodyFrom = start + 3;
    const next = starts[n + 1] ?? clean.length;
    const end = blockEnd(clean, bodyFrom, next);
    segments.push({
      body: clean.slice(bodyFrom, end),
      firstLine: (line += newlines(clean, counted, bodyFrom)),
      senderBic: senderOf(clean.slice(headerFrom, start)),
    });
    counted = bodyFrom;
    headerFrom = end;
  }
  return segments;
}

/** Block 4 ends with "-}" on a line of its own, or where the next message starts. */
function blockEnd(text: string, from: number, limit: number): number {
  const close = text.indexOf('\n-}', from);
  if (close >= 0 && close < limit) return close + 1;
  const nextHeader = text.lastIndexOf('{1:', limit);
  return nextHeader > from ? nextHeader : limit;
}

function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) if (text.charCodeAt(i) === 10) count += 1;
  return count;
}

/**
 * Block 2 of a received message ("O940…") carries the sender's logical terminal after the input
 * time and date; sent copies ("I940…") and bank exports carry the bank in block 1.
 */
function senderOf(header: string): string | null {
  const output = /\{2:O\d{3}\d{4}\d{6}([A-Z0-9]{12})/.exec(header);
  const block1 = /\{1:F\d{2}([A-Z0-9]{12})/.exec(header);
  const terminal = output?.[1] ?? block1?.[1];
  if (!terminal) return null;
  // A logical terminal is BIC8 + terminal code + branch: BANKBEBBAXXX → BANKBEBB (+ branch).
  const bic8 = terminal.slice(0, 8);
  const branch = terminal.slice(9, 12);
  return branch && branch !== 'XXX' ? `${bic8}${branch}` : bic8;
}
