import { makeParty } from './parties.js';
import { clean, emptyInformation, reference, type Information } from './information.js';
import { hasSepaKeywords, parseSepaKeywords } from './sepa-keywords.js';

/**
 * German (DK) structured :86: field: a three-digit business transaction code, then subfields
 * introduced by a separator (usually "?", Triodos uses ">") and two digits:
 * ?00 posting text, ?10 primanota, ?20–?29 and ?60–?63 purpose, ?30 bank code or BIC,
 * ?31 account or IBAN, ?32–?33 name, ?34 text key addition, ?38 IBAN (some banks).
 */
const HEADER = /^(\d{3})([^A-Za-z0-9\s])/;

export function isGermanStructured(text: string): boolean {
  const header = HEADER.exec(text);
  return !!header && new RegExp(`\\${header[2]!}\\d{2}`).test(text);
}

export function parseGerman(text: string): Information {
  const header = HEADER.exec(text)!;
  const separator = header[2]!;
  const subfields = new Map<number, string[]>();
  const pattern = new RegExp(`\\${separator}(\\d{2})`, 'g');
  const marks = [...text.matchAll(pattern)];
  for (const [n, mark] of marks.entries()) {
    const code = Number(mark[1]);
    const value = text.slice(mark.index + mark[0].length, marks[n + 1]?.index ?? text.length);
    subfields.set(code, [...(subfields.get(code) ?? []), value]);
  }
  const get = (code: number) => subfields.get(code)?.join('') ?? null;
  const purposeParts = [...subfields.entries()]
    .filter(([code]) => (code >= 20 && code <= 29) || (code >= 60 && code <= 69))
    .sort(([a], [b]) => a - b)
    .flatMap(([, values]) => values);

  const info = emptyInformation();
  info.transactionCode = header[1]!;
  info.postingText = clean(get(0));
  const name = [get(32), get(33)].filter((v) => v !== null).join('');
  const account = clean(get(38)) ?? clean(get(31));
  info.counterparty = makeParty(clean(name), account, clean(get(30)));

  const joined = purposeParts.join('');
  if (hasSepaKeywords(joined)) {
    const { values, prefix } = parseSepaKeywords(joined);
    info.endToEndId = reference(values.EREF);
    info.customerReference = reference(values.KREF);
    info.mandateId = reference(values.MREF);
    info.creditorId = reference(values.CRED);
    info.remittance = clean(values.SVWZ) ?? clean(prefix);
    info.purpose = clean(values.PURP);
    info.other = values.SVWZ !== undefined ? clean(prefix) : null;
    const ultimate = clean(values.ABWA) ?? clean(values.ABWE);
    if (ultimate) info.ultimateCounterparty = makeParty(ultimate, null, null);
  } else {
    info.remittance = clean(joinSlices(purposeParts));
  }
  if (isReturn(info)) info.returnReason = returnReason(purposeParts.join(''));
  return info;
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
