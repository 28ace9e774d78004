import { makeParty } from './parties.js';
import { clean, emptyInformation, type Information } from './information.js';
import { applySepaKeywords, hasSepaKeywords } from './sepa-keywords.js';

/**
 * German (DK) structured :86: field: a three-digit business transaction code, then subfields
 * introduced by a separator (usually "?", Triodos uses ">") and two digits:
 * ?00 posting text, ?10 primanota, ?20–?29 and ?60–?63 purpose, ?30 bank code or BIC,
 * ?31 account or IBAN, ?32–?33 name, ?34 text key addition, ?38 IBAN (some banks).
 */
const HEADER = /^(\d{3})([^A-Za-z0-9\s])/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isPurpose(code: number): boolean {
  return (code >= 20 && code <= 29) || (code >= 60 && code <= 69);
}

/** Positions of the subfield marks: separator + two digits. */
function marks(text: string, separator: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(separator, 3); i >= 0; i = text.indexOf(separator, i + 1)) {
    if (isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2))) found.push(i);
  }
  return found;
}

function codeAt(text: string, mark: number): number {
  return (text.charCodeAt(mark + 1) - 48) * 10 + (text.charCodeAt(mark + 2) - 48);
}

/** The field read as German subfields, or undefined when it is not written that way. */
export function parseGerman(text: string): Information | undefined {
  const header = HEADER.exec(text);
  if (!header) return undefined;
  const positions = marks(text, header[2]!);
  if (positions.length === 0) return undefined;
  // Only these subfields carry data the model keeps; ?10 (primanota) and ?34 do not.
  let posting = '';
  let bankCode = '';
  let account = '';
  let iban = '';
  let name = '';
  let purposeParts: string[] = [];
  let lastPurpose = -1;
  let ordered = true;
  for (let n = 0; n < positions.length; n += 1) {
    const at = positions[n]!;
    const code = codeAt(text, at);
    const value = text.slice(at + 3, positions[n + 1] ?? text.length);
    if (isPurpose(code)) {
      if (code < lastPurpose) ordered = false;
      lastPurpose = code;
      purposeParts.push(value);
    } else if (code === 0) posting += value;
    else if (code === 30) bankCode += value;
    else if (code === 31) account += value;
    else if (code === 38) iban += value;
    else if (code === 32 || code === 33) name += value;
  }
  if (!ordered) purposeParts = orderedPurpose(text, positions);

  const info = emptyInformation();
  info.transactionCode = header[1]!;
  info.postingText = clean(posting);
  info.counterparty = makeParty(clean(name), clean(iban) ?? clean(account), clean(bankCode));

  const joined = purposeParts.join('');
  if (hasSepaKeywords(joined)) {
    applySepaKeywords(info, joined);
  } else {
    info.remittance = clean(joinSlices(purposeParts));
  }
  if (isReturn(info)) info.returnReason = returnReason(joined);
  return info;
}

/** Purpose subfields sorted by their number, for the rare file that writes them out of order. */
function orderedPurpose(text: string, positions: number[]): string[] {
  return positions
    .map((at, n) => ({ code: codeAt(text, at), value: text.slice(at + 3, positions[n + 1] ?? text.length) }))
    .filter(({ code }) => isPurpose(code))
    .sort((a, b) => a.code - b.code)
    .map(({ value }) => value);
}

/** Business transaction codes of returned SEPA credit transfers and direct debits. */
const RETURN_CODES = new Set(['108', '109', '159', '160', '182', '184']);
const RETURN_WORDS = /R(UE|Ü)CK(LASTSCHRIFT|BUCHUNG|UEBERWEISUNG|GABE)|RETOURE?|RETURN/i;
const REASON = /\b(AC0[1-6]|AC13|AG0[1-2]|AM0[1-9]|BE0[1-5]|CNOR|DNOR|FF0[1-5]|MD0[1-7]|MS0[2-3]|RC01|RR0[1-4]|SL01|FOCR|DUPL|TECH|FRAD|CUST|UPAY)\b/;

function isReturn(info: Information): boolean {
  return RETURN_CODES.has(info.transactionCode ?? '') || RETURN_WORDS.test(info.postingText ?? '');
}

/** The ISO 20022 return reason that German banks write into the purpose text of a return. */
function returnReason(purpose: string): string | null {
  return REASON.exec(purpose)?.[1] ?? null;
}

/**
 * Without SEPA keywords the purpose lines are separate lines of text, except that a slice filled
 * to its 27 characters usually continues in the next one.
 */
function joinSlices(parts: string[]): string {
  let text = '';
  for (const [n, part] of parts.entries()) {
    const previous = parts[n - 1];
    text += n === 0 || (previous !== undefined && previous.length >= 27) ? part : ` ${part}`;
  }
  return text;
}
