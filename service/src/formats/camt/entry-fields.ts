import type { DetailDraft, EntryDraft, PartyDraft } from './drafts.js';
import { compileFields, nest, type FieldHandler } from './path-trie.js';

/**
 * Entry (`Ntry`) and transaction detail (`TxDtls`) fields keyed by their path below that element.
 * Version differences handled here: v08 wraps parties in `Pty`, v04+ says `BICFI` for `BIC`, v02
 * gives the detail amount only under `AmtDtls/TxAmt`, v08 wraps the status in `Sts/Cd`.
 */
type Entry = FieldHandler<EntryDraft>;
type Detail = FieldHandler<DetailDraft>;

const ENTRY_FIELDS: Record<string, Entry> = {
  Amt: (entry, _text, read) => {
    entry.amount = read.amount();
  },
  CdtDbtInd: (entry, text) => {
    entry.creditDebit = text;
  },
  RvslInd: (entry, text) => {
    entry.reversal = text;
  },
  AcctSvcrRef: (entry, text) => {
    entry.accountServicerReference = text;
  },
  NtryRef: (entry, text) => {
    entry.entryReference = text;
  },
  'BkTxCd/Domn/Cd': (entry, text) => {
    entry.domain = text;
  },
  'BkTxCd/Domn/Fmly/Cd': (entry, text) => {
    entry.family = text;
  },
  'BkTxCd/Domn/Fmly/SubFmlyCd': (entry, text) => {
    entry.subFamily = text;
  },
  'BkTxCd/Prtry/Cd': (entry, text) => {
    entry.proprietaryCode = text;
  },
  AddtlNtryInf: (entry, text) => {
    entry.additionalInformation = text;
  },
  'Chrgs/TtlChrgsAndTaxAmt': (entry, _text, read) => {
    entry.charges = read.amount();
  },
  'NtryDtls/Btch/NbOfTxs': (entry, text) => {
    entry.batchCount = text;
  },
  'NtryDtls/Btch/TtlAmt': (entry, _text, read) => {
    entry.batchAmount = read.amount();
  },
  'NtryDtls/Btch/PmtInfId': (entry, text) => {
    entry.batchPaymentInformationId = text;
  },
  'NtryDtls/Btch/MsgId': (entry, text) => {
    entry.batchMessageId = text;
  },
};

const status: Entry = (entry, text) => {
  entry.status = text;
};
const bookingDate: Entry = (entry, _text, read) => {
  entry.bookingDate = read.date();
};
const valueDate: Entry = (entry, _text, read) => {
  entry.valueDate = read.date();
};
const entryCharge: Entry = (entry, _text, read) => {
  entry.charges ??= read.amount();
};
for (const path of ['Sts', 'Sts/Cd', 'Sts/Prtry']) ENTRY_FIELDS[path] = status;
for (const path of ['BookgDt/Dt', 'BookgDt/DtTm']) ENTRY_FIELDS[path] = bookingDate;
for (const path of ['ValDt/Dt', 'ValDt/DtTm']) ENTRY_FIELDS[path] = valueDate;
for (const path of ['Chrgs/Amt', 'Chrgs/Rcrd/Amt']) ENTRY_FIELDS[path] = entryCharge;

const DETAIL_FIELDS: Record<string, Detail> = {
  Amt: (detail, _text, read) => {
    detail.amount = read.amount();
  },
  'AmtDtls/TxAmt/Amt': (detail, _text, read) => {
    detail.txAmount = read.amount();
  },
  CdtDbtInd: (detail, text) => {
    const value = text.toUpperCase();
    if (value === 'CRDT' || value === 'DBIT') detail.creditDebit = value;
  },
  'RmtInf/Ustrd': (detail, text) => {
    detail.unstructured.push(text);
  },
  'RmtInf/Strd/CdtrRefInf/Ref': (detail, text) => {
    // The first structured reference is the one payers quote; later ones are rare extras.
    if (detail.reference === undefined) {
      detail.reference = text;
      detail.referenceType = detail.pendingReferenceType;
    }
    detail.pendingReferenceType = undefined;
  },
  'Chrgs/TtlChrgsAndTaxAmt': (detail, _text, read) => {
    detail.charges = read.amount();
  },
  'BkTxCd/Domn/Cd': (detail, text) => {
    detail.domain = text;
  },
  'BkTxCd/Domn/Fmly/Cd': (detail, text) => {
    detail.family = text;
  },
  'BkTxCd/Domn/Fmly/SubFmlyCd': (detail, text) => {
    detail.subFamily = text;
  },
  'BkTxCd/Prtry/Cd': (detail, text) => {
    detail.proprietaryCode = text;
  },
  AddtlTxInf: (detail, text) => {
    detail.additionalInformation = text;
  },
};

const referenceType: Detail = (detail, text) => {
  detail.pendingReferenceType = text;
};
const returnReason: Detail = (detail, text) => {
  detail.returnReason = text;
};
const detailCharge: Detail = (detail, _text, read) => {
  detail.charges ??= read.amount();
};
const purpose: Detail = (detail, text) => {
  detail.purpose = text;
};
for (const code of ['Cd', 'Prtry']) {
  DETAIL_FIELDS[`RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/${code}`] = referenceType;
  DETAIL_FIELDS[`RtrInf/Rsn/${code}`] = returnReason;
  DETAIL_FIELDS[`Purp/${code}`] = purpose;
}
for (const path of ['Chrgs/Amt', 'Chrgs/Rcrd/Amt']) DETAIL_FIELDS[path] = detailCharge;

const REFERENCES = ['MsgId', 'AcctSvcrRef', 'PmtInfId', 'InstrId', 'EndToEndId', 'TxId', 'MndtId', 'ChqNb', 'ClrSysRef', 'UETR'];
for (const name of REFERENCES) {
  DETAIL_FIELDS[`Refs/${name}`] = (detail, text) => {
    detail.refs[name] = text;
  };
}

/** What each element below a party, its account or its agent means. */
const PARTY_FIELDS: Record<string, (party: PartyDraft, text: string) => void> = {
  Nm: (party, text) => {
    party.name = text;
  },
  'Id/IBAN': (party, text) => {
    party.iban = text.replace(/\s+/g, '');
  },
  'Id/Othr/Id': (party, text) => {
    party.other = text;
  },
  'FinInstnId/BIC': (party, text) => {
    party.bic = text;
  },
  'FinInstnId/BICFI': (party, text) => {
    party.bic = text;
  },
};
for (const kind of ['OrgId', 'PrvtId']) {
  PARTY_FIELDS[`Id/${kind}/Othr/Id`] = (party, text) => {
    party.schemeId = text;
  };
  for (const code of ['Cd', 'Prtry']) {
    PARTY_FIELDS[`Id/${kind}/Othr/SchmeNm/${code}`] = (party, text) => {
      // A party id in the SEPA scheme is the creditor identifier of a direct debit.
      if (text.toUpperCase() === 'SEPA' && party.schemeId) party.creditorId = party.schemeId;
    };
  }
}

const PARTY_ROLES = ['Dbtr', 'Cdtr', 'UltmtDbtr', 'UltmtCdtr', 'DbtrAcct', 'CdtrAcct'];
const AGENT_ROLES = ['DbtrAgt', 'CdtrAgt'];
for (const [group, roles] of [['RltdPties', PARTY_ROLES], ['RltdAgts', AGENT_ROLES]] as const) {
  for (const role of roles) {
    for (const [rest, apply] of Object.entries(PARTY_FIELDS)) {
      const handler: Detail = (detail, text) => apply((detail.parties[role] ??= {}), text);
      DETAIL_FIELDS[`${group}/${role}/${rest}`] = handler;
      // v08 wraps a party in Pty: RltdPties/Dbtr/Pty/Nm.
      DETAIL_FIELDS[`${group}/${role}/Pty/${rest}`] = handler;
    }
  }
}

export const DETAIL_TRIE = compileFields('detail', DETAIL_FIELDS);
export const ENTRY_TRIE = compileFields('entry', ENTRY_FIELDS);
nest(ENTRY_TRIE, 'NtryDtls/TxDtls', DETAIL_TRIE);
