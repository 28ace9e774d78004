import { classifyReference } from '../statement/creditor-reference.js';
import type { Party } from '../statement/model.js';
import { asBic, asIban } from './parties.js';
import { clean, emptyInformation, reference, type Information } from './information.js';

/**
 * Dutch structured :86: field (ABN AMRO, ING, Rabobank, bunq, Mollie):
 * "/TRTP/SEPA OVERBOEKING/IBAN/NL…/BIC/…/NAME/…/REMI/…/EREF/…". ING separates fields with "//"
 * and packs the counterparty as "/CNTP/IBAN/BIC/NAME/CITY/"; Rabobank introduces parties with
 * /ORDP/ (ordering) or /BENM/ (beneficiary) and ultimate parties with /ULTD/ or /ULTC/.
 */
const KEYS = [
  'TRTP', 'IBAN', 'BIC', 'NAME', 'ADDR', 'REMI', 'EREF', 'MARF', 'CSID', 'PREF', 'KREF', 'RTRN',
  'CNTP', 'ORDP', 'BENM', 'ULTC', 'ULTD', 'ULTB', 'ISDT', 'PURP', 'CDTRREFTP', 'CDTRREF', 'CHGS',
  'OCMT', 'EXCH', 'FX', 'BUSP', 'RTYP', 'SVCL', 'SUM', 'ORIG', 'ACCW',
];
const KEY = new RegExp(`/(${KEYS.join('|')})/`, 'g');

export function isDutchStructured(text: string): boolean {
  return /^\/(TRTP|IBAN|NAME|REMI|EREF|PREF|RTRN|CNTP|ORDP|BENM|MARF|CSID|BIC)\//.test(text);
}

/** The key/value pairs in order; values lose the slashes that separate them from the next key. */
export function dutchPairs(text: string): [string, string][] {
  const marks = [...text.matchAll(KEY)];
  return marks.map((mark, n) => {
    const end = marks[n + 1]?.index ?? text.length;
    const value = text.slice(mark.index + mark[0].length, end).replace(/\/+$/, '');
    return [mark[1]!, value];
  });
}

interface PartyDraft {
  name: string | null;
  iban: string | null;
  bic: string | null;
}

export function parseDutch(text: string): Information {
  const info = emptyInformation();
  const counterparty: PartyDraft = { name: null, iban: null, bic: null };
  const ultimate: PartyDraft = { name: null, iban: null, bic: null };
  let party = counterparty;
  let creditorReferenceType: string | null = null;
  for (const [key, value] of dutchPairs(text)) {
    switch (key) {
      case 'ORDP':
      case 'BENM':
        party = counterparty;
        break;
      case 'ULTC':
      case 'ULTD':
      case 'ULTB':
        party = ultimate;
        break;
      case 'NAME':
        party.name = clean(value);
        break;
      case 'IBAN':
        party.iban = clean(value);
        break;
      case 'BIC':
        party.bic = clean(value);
        break;
      case 'CNTP': {
        const [account, bic, name] = value.split('/');
        counterparty.iban = clean(account);
        counterparty.bic = clean(bic);
        counterparty.name = clean(name);
        break;
      }
      case 'TRTP':
        info.postingText = clean(value);
        break;
      case 'REMI':
        readRemittance(info, value);
        break;
      case 'EREF':
        info.endToEndId = reference(value);
        break;
      case 'MARF':
        info.mandateId = reference(value);
        break;
      case 'CSID':
        info.creditorId = reference(value);
        break;
      case 'PREF':
        info.paymentInformationId = reference(value);
        break;
      case 'KREF':
        info.customerReference = reference(value);
        break;
      case 'RTRN':
        info.returnReason = clean(value.split('/')[0]);
        break;
      case 'PURP':
        info.purpose = clean(value.split('/').pop());
        break;
      case 'CHGS':
        info.charges = clean(value.split('/')[0]);
        break;
      case 'CDTRREFTP':
        creditorReferenceType = clean(value.split('/').pop());
        break;
      case 'CDTRREF':
        setCreditorReference(info, value, creditorReferenceType);
        break;
      default:
        break;
    }
  }
  info.counterparty = toParty(counterparty);
  info.ultimateCounterparty = toParty(ultimate);
  return info;
}

/** ING: "USTD//free text/" or "STRD/CUR/1234567890123456/"; others: the text itself. */
function readRemittance(info: Information, value: string): void {
  const structured = /^STRD\/([^/]*)\/(.*)$/.exec(value);
  if (structured) {
    setCreditorReference(info, structured[2]!, structured[1] || null);
    return;
  }
  info.remittance = clean(value.replace(/^USTD\/\//, ''));
}

function setCreditorReference(info: Information, value: string, label: string | null): void {
  const raw = clean(value.replace(/\//g, ' '));
  if (!raw) return;
  const classified = classifyReference(raw, label);
  info.creditorReference = classified.reference;
  info.creditorReferenceType = classified.type;
}

function toParty(draft: PartyDraft): Party | null {
  const iban = asIban(draft.iban);
  const other = !iban && draft.iban ? draft.iban : null;
  const bic = asBic(draft.bic) ?? null;
  if (!draft.name && !iban && !other && !bic) return null;
  return { name: draft.name, iban: iban ?? null, bic, other };
}
