/**
 * The EPC basic Latin character set for SEPA text fields, and transliteration into it.
 * Banks reject whole files for one character outside the set ("Zeichen außerhalb SEPA-Range"),
 * so names and remittance texts are transliterated (ä→ae, é→e, ß→ss …) with a warning instead.
 * Communities may accept more by agreement (the German DK accepts umlauts, ß and a few symbols):
 * a bank account chooses that with `charset: 'de'`.
 */
export type SepaCharset = 'epc' | 'de';

const EPC_BASIC = /^[A-Za-z0-9/\-?:().,'+ ]*$/;
const DK_EXTENDED = /^[A-Za-z0-9/\-?:().,'+ ÄÖÜäöüß&*$%]*$/;

/** Letters whose decomposition does not give the conventional spelling. */
const SPECIAL: Record<string, string> = {
  ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS',
  æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', å: 'a', Å: 'A',
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i',
  '&': '+', '@': '(at)', _: '-', '"': "'", '‘': "'", '’': "'", '‚': "'", '“': "'", '”': "'", '„': "'",
  '–': '-', '—': '-', '\t': ' ', '\n': ' ', '\r': ' ', ';': ',', '!': '.', '[': '(', ']': ')',
  '{': '(', '}': ')', '<': '(', '>': ')', '*': '.', '#': ' ', '%': ' ', '$': ' ', '=': '-', '|': '/',
  '\\': '/', '~': '-', '^': ' ', '`': "'", '€': 'EUR',
};

export function isInCharset(value: string, charset: SepaCharset = 'epc'): boolean {
  return (charset === 'de' ? DK_EXTENDED : EPC_BASIC).test(value);
}

export interface Transliteration {
  readonly value: string;
  readonly changed: boolean;
}

/**
 * Maps a text into the charset: special letters first, then accents are stripped through Unicode
 * decomposition, and whatever is still outside becomes a space. Runs of spaces are collapsed.
 */
export function transliterate(value: string, charset: SepaCharset = 'epc'): Transliteration {
  if (isInCharset(value, charset)) return { value, changed: false };
  const allowed = charset === 'de' ? DK_EXTENDED : EPC_BASIC;
  let out = '';
  for (const char of value) {
    if (allowed.test(char)) {
      out += char;
      continue;
    }
    const special = SPECIAL[char];
    if (special !== undefined && allowed.test(special)) {
      out += special;
      continue;
    }
    const stripped = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += allowed.test(stripped) ? stripped : ' ';
  }
  const collapsed = out.replace(/ {2,}/g, ' ').trim();
  return { value: collapsed, changed: collapsed !== value };
}
