/**
 * Guesses a statement file's format from its first bytes. Only formats that announce themselves
 * are guessed: XML (camt) by its first markup, SWIFT MT940/MT942 by its field tags. CSV exports
 * differ per bank and PSP, so they are always read through a profile the caller names.
 */
export type DetectedFormat = 'camt' | 'mt940' | 'unknown';

const SNIFF_BYTES = 4096;
const SWIFT_TAGS = /(?:^|[\r\n{])\s*:(?:20|25|28C|60[FM]|61|62[FM]|34F):/;

function head(input: Uint8Array): string {
  const bytes = input.subarray(0, SNIFF_BYTES);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  // latin1 maps every byte to one character, so the sniff never fails on the file's encoding.
  return Buffer.from(bytes).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
}

export function detectFormat(input: Uint8Array): DetectedFormat {
  const text = head(input);
  if (/^\s*</.test(text)) return 'camt';
  if (SWIFT_TAGS.test(text)) return 'mt940';
  return 'unknown';
}
