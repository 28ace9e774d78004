import type { AmountValue, DetailDraft, EntryDraft, PartyDraft } from './drafts.js';

/**
 * Entry (`Ntry`) and transaction detail (`TxDtls`) fields keyed by their path below that element.
 * Text fields arrive as strings; amounts and dates are converted by the reader, which knows the
 * element's line for error messages. Version differences handled here: v08 wraps parties in `Pty`,
 * v04+ says `BICFI` for `BIC`, v02 puts the detail amount only under `AmtDtls/TxAmt`.
 */
export interface FieldReaders {
  amount(): AmountValue;
  date(): string;
}

export function applyEntryField(entry: EntryDraft, path: string, text: string, read: FieldReaders): void {
  switch (path) {
    case 'Amt':
      entry.amount = read.amount();
      return;
    case 'CdtDbtInd':
      entry.creditDebit = text;
      return;
    case 'RvslInd':
      entry.reversal = text;
      return;
    case 'Sts':
    case 'Sts/Cd':
    case 'Sts/Prtry':
      entry.status = text;
      return;
    case 'BookgDt/Dt':
    case 'BookgDt/DtTm':
      entry.bookingDate = read.date();
      return;
    case 'ValDt/Dt':
    case 'ValDt/DtTm':
      entry.valueDate = read.date();
      return;
    case 'AcctSvcrRef':
      entry.accountServicerReference = text;
      return;
    case 'NtryRef':
      entry.entryReference = text;
      return;
    case 'BkTxCd/Domn/Cd':
      entry.domain = text;
      return;
    case 'BkTxCd/Domn/Fmly/Cd':
      entry.family = text;
      return;
    case 'BkTxCd/Domn/Fmly/SubFmlyCd':
      entry.subFamily = text;
      return;
    case 'BkTxCd/Prtry/Cd':
      entry.proprietaryCode = text;
      return;
    case 'AddtlNtryInf':
      entry.additionalInformation = text;
      return;
    case 'Chrgs/TtlChrgsAndTaxAmt':
      entry.charges = read.amount();
      return;
    case 'Chrgs/Amt':
    case 'Chrgs/Rcrd/Amt':
      entry.charges ??= read.amount();
      return;
    case 'NtryDtls/Btch/NbOfTxs':
      entry.batchCount = text;
      return;
    case 'NtryDtls/Btch/TtlAmt':
      entry.batchAmount = read.amount();
      return;
    case 'NtryDtls/Btch/PmtInfId':
      entry.batchPaymentInformationId = text;
      return;
    case 'NtryDtls/Btch/MsgId':
      entry.batchMessageId = text;
      return;
    default:
      return;
  }
}

function partyField(party: PartyDraft, rest: string, text: string): void {
  switch (rest) {
    case 'Nm':
      party.name = text;
      return;
    case 'Id/IBAN':
      party.iban = text.replace(/\s+/g, '');
      return;
    case 'Id/Othr/Id':
      party.other = text;
      return;
    case 'FinInstnId/BIC':
    case 'FinInstnId/BICFI':
      party.bic = text;
      return;
    case 'Id/OrgId/Othr/Id':
    case 'Id/PrvtId/Othr/Id':
      party.schemeId = text;
      return;
    case 'Id/OrgId/Othr/SchmeNm/Cd':
    case 'Id/OrgId/Othr/SchmeNm/Prtry':
    case 'Id/PrvtId/Othr/SchmeNm/Cd':
    case 'Id/PrvtId/Othr/SchmeNm/Prtry':
      // A party id in the SEPA scheme is the creditor identifier of a direct debit.
      if (text.toUpperCase() === 'SEPA' && party.schemeId) party.creditorId = party.schemeId;
      return;
    default:
      return;
  }
}

/** RltdPties/Dbtr/Pty/Nm (v08) and RltdPties/Dbtr/Nm (v02) land on the same party. */
function applyPartyPath(detail: DetailDraft, path: string, text: string): void {
  const first = path.indexOf('/');
  const second = path.indexOf('/', first + 1);
  if (second < 0) return;
  const role = path.slice(first + 1, second);
  let rest = path.slice(second + 1);
  if (rest.startsWith('Pty/')) rest = rest.slice(4);
  const party = (detail.parties[role] ??= {});
  partyField(party, rest, text);
}

export function applyDetailField(detail: DetailDraft, path: string, text: string, read: FieldReaders): void {
  if (path.startsWith('RltdPties/') || path.startsWith('RltdAgts/')) {
    applyPartyPath(detail, path, text);
    return;
  }
  if (path.startsWith('Refs/')) {
    detail.refs[path.slice(5)] = text;
    return;
  }
  switch (path) {
    case 'Amt':
      detail.amount = read.amount();
      return;
    case 'AmtDtls/TxAmt/Amt':
      detail.txAmount = read.amount();
      return;
    case 'CdtDbtInd': {
      const value = text.toUpperCase();
      if (value === 'CRDT' || value === 'DBIT') detail.creditDebit = value;
      return;
    }
    case 'RmtInf/Ustrd':
      detail.unstructured.push(text);
      return;
    case 'RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/Cd':
    case 'RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/Prtry':
      detail.pendingReferenceType = text;
      return;
    case 'RmtInf/Strd/CdtrRefInf/Ref':
      // The first structured reference is the one payers quote; later ones are rare extras.
      if (detail.reference === undefined) {
        detail.reference = text;
        detail.referenceType = detail.pendingReferenceType;
      }
      detail.pendingReferenceType = undefined;
      return;
    case 'RtrInf/Rsn/Cd':
    case 'RtrInf/Rsn/Prtry':
      detail.returnReason = text;
      return;
    case 'Chrgs/TtlChrgsAndTaxAmt':
      detail.charges = read.amount();
      return;
    case 'Chrgs/Amt':
    case 'Chrgs/Rcrd/Amt':
      detail.charges ??= read.amount();
      return;
    case 'BkTxCd/Domn/Cd':
      detail.domain = text;
      return;
    case 'BkTxCd/Domn/Fmly/Cd':
      detail.family = text;
      return;
    case 'BkTxCd/Domn/Fmly/SubFmlyCd':
      detail.subFamily = text;
      return;
    case 'BkTxCd/Prtry/Cd':
      detail.proprietaryCode = text;
      return;
    case 'Purp/Cd':
    case 'Purp/Prtry':
      detail.purpose = text;
      return;
    case 'AddtlTxInf':
      detail.additionalInformation = text;
      return;
    default:
      return;
  }
}
