import { makeParty } from './parties.js';
import { clean, emptyInformation, type Information } from './information.js';
import { applySepaKeywords, hasSepaKeywords } from './sepa-keywords.js';

/**
 * Unstructured :86: text. DK code 999 marks it as such ("999" + free text). Some banks (Penta,
 * solarisBank) write "TYPE:purpose:name:IBAN[:extra]" with colons; that layout is read when the
 * text ends in an account-shaped segment, else the text is the remittance information.
 */
const TYPE_LAYOUT = /^([A-Z][A-Z_]{2,}):/;
const ACCOUNT_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;

export function parseFreeText(text: string): Information {
  const info = emptyInformation();
  let body = text;
  const code = /^(\d{3})(?=\D|$)/.exec(body);
  if (code) {
    info.transactionCode = code[1]!;
    body = body.slice(3);
  }
  if (readTypeLayout(info, body)) return info;
  if (hasSepaKeywords(body)) {
    applySepaKeywords(info, body);
    return info;
  }
  info.remittance = clean(body);
  return info;
}

function readTypeLayout(info: Information, body: string): boolean {
  const type = TYPE_LAYOUT.exec(body);
  if (!type) return false;
  const segments = body.slice(type[0].length).split(':');
  const accountAt = segments.findLastIndex((s) => ACCOUNT_SHAPE.test(s.trim()));
  if (accountAt < 1) return false;
  info.postingText = type[1]!.replace(/_/g, ' ');
  info.counterparty = makeParty(segments[accountAt - 1] ?? null, segments[accountAt]!.trim(), null);
  const purpose = [...segments.slice(0, accountAt - 1), ...segments.slice(accountAt + 1)];
  info.remittance = clean(purpose.join(':'));
  return true;
}
