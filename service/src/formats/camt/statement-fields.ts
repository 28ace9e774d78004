import { formatAmount, negate } from '../statement/amount.js';
import type { Balance, ControlTotals, Statement, TransactionSummary } from '../statement/model.js';
import type { BalanceDraft } from './drafts.js';
import { ENTRY_TRIE } from './entry-fields.js';
import { compileFields, nest, type FieldHandler } from './path-trie.js';

/**
 * Statement-level fields of camt `Stmt`/`Rpt`/`Ntfctn`, keyed by their path below that element.
 * Versions differ (v02 `TtlNetNtryAmt` vs v04+ `TtlNetNtry/Amt`, `BIC` vs `BICFI`), so both spellings map.
 */
export interface StatementDraft {
  statement: Statement;
  balances: BalanceDraft[];
  summary: Record<string, string>;
}

type Field = FieldHandler<StatementDraft>;

const STATEMENT_FIELDS: Record<string, Field> = {
  Id: ({ statement }, text) => {
    statement.id = text;
  },
  ElctrncSeqNb: ({ statement }, text) => {
    statement.electronicSequenceNumber = text;
  },
  LglSeqNb: ({ statement }, text) => {
    statement.sequenceNumber = text;
  },
  CreDtTm: ({ statement }, text) => {
    statement.creationDateTime = text;
  },
  'FrToDt/FrDtTm': ({ statement }, text) => {
    statement.period = { from: text, to: statement.period?.to ?? null };
  },
  'FrToDt/ToDtTm': ({ statement }, text) => {
    statement.period = { from: statement.period?.from ?? null, to: text };
  },
  'Acct/Id/IBAN': ({ statement }, text) => {
    statement.account.iban = text.replace(/\s+/g, '');
  },
  'Acct/Id/Othr/Id': ({ statement }, text) => {
    statement.account.other = text;
  },
  'Acct/Ccy': ({ statement }, text) => {
    statement.account.currency = text;
  },
};

const owner: Field = ({ statement }, text) => {
  statement.account.ownerName = text;
};
const servicer: Field = ({ statement }, text) => {
  statement.account.servicerBic = text;
};
for (const path of ['Acct/Ownr/Nm', 'Acct/Ownr/Pty/Nm']) STATEMENT_FIELDS[path] = owner;
for (const path of ['Acct/Svcr/FinInstnId/BIC', 'Acct/Svcr/FinInstnId/BICFI']) STATEMENT_FIELDS[path] = servicer;

const SUMMARY_FIELDS = [
  'TtlNtries/NbOfNtries',
  'TtlNtries/Sum',
  'TtlNtries/TtlNetNtryAmt',
  'TtlNtries/CdtDbtInd',
  'TtlNtries/TtlNetNtry/Amt',
  'TtlNtries/TtlNetNtry/CdtDbtInd',
  'TtlCdtNtries/NbOfNtries',
  'TtlCdtNtries/Sum',
  'TtlDbtNtries/NbOfNtries',
  'TtlDbtNtries/Sum',
];
for (const path of SUMMARY_FIELDS) {
  STATEMENT_FIELDS[`TxsSummry/${path}`] = ({ summary }, text) => {
    summary[path] = text;
  };
}

const BALANCE_FIELDS: Record<string, FieldHandler<BalanceDraft>> = {
  Amt: (balance, _text, read) => {
    balance.amount = read.amount();
  },
  CdtDbtInd: (balance, text) => {
    balance.creditDebit = text;
  },
};
for (const code of ['Cd', 'Prtry']) {
  BALANCE_FIELDS[`Tp/CdOrPrtry/${code}`] = (balance, text) => {
    balance.code = text.toUpperCase();
  };
}
for (const path of ['Dt/Dt', 'Dt/DtTm']) {
  BALANCE_FIELDS[path] = (balance, _text, read) => {
    balance.date = read.date();
  };
}

/** Group header of the message: its id and page, copied onto each statement. */
export interface GroupDraft {
  messageId: string | null;
  page: { number: string | null; last: boolean | null } | null;
}

export const GROUP_TRIE = compileFields<GroupDraft>('group', {
  MsgId: (group, text) => {
    group.messageId = text;
  },
  'MsgPgntn/PgNb': (group, text) => {
    group.page = { number: text, last: group.page?.last ?? null };
  },
  'MsgPgntn/LastPgInd': (group, text) => {
    group.page = { number: group.page?.number ?? null, last: text.toLowerCase() === 'true' };
  },
});

export const BALANCE_TRIE = compileFields('balance', BALANCE_FIELDS);
export const STATEMENT_TRIE = compileFields('statement', STATEMENT_FIELDS);
nest(STATEMENT_TRIE, 'Bal', BALANCE_TRIE);
nest(STATEMENT_TRIE, 'Ntry', ENTRY_TRIE);

function signed(balance: BalanceDraft): Balance | null {
  if (!balance.amount) return null;
  const value = balance.creditDebit?.trim().toUpperCase() === 'DBIT' ? negate(balance.amount.value) : balance.amount.value;
  return { amount: formatAmount(value, balance.amount.currency), date: balance.date ?? null };
}

function findBalance(balances: BalanceDraft[], ...codes: string[]): Balance | null {
  for (const code of codes) {
    const found = balances.find((balance) => balance.code === code);
    if (found) return signed(found);
  }
  return null;
}

function totals(summary: Record<string, string>, prefix: string): ControlTotals | null {
  const count = summary[`${prefix}/NbOfNtries`];
  const sum = summary[`${prefix}/Sum`];
  if (count === undefined && sum === undefined) return null;
  const parsed = count === undefined ? NaN : Number.parseInt(count, 10);
  return { count: Number.isFinite(parsed) ? parsed : null, sum: sum ?? null };
}

function netAmount(summary: Record<string, string>): string | null {
  const amount = summary['TtlNtries/TtlNetNtry/Amt'] ?? summary['TtlNtries/TtlNetNtryAmt'];
  if (amount === undefined) return null;
  const indicator = summary['TtlNtries/TtlNetNtry/CdtDbtInd'] ?? summary['TtlNtries/CdtDbtInd'];
  return indicator?.trim().toUpperCase() === 'DBIT' ? `-${amount.trim()}` : amount.trim();
}

/**
 * Completes a statement once its element closed: opening is OPBD, else PRCD (German banks send
 * the previous closing instead); closing is CLBD only. An intraday report's interim balance (ITBD)
 * is taken at a moment that need not follow the last entry, so it is no closing balance.
 */
export function finishStatement(draft: StatementDraft): Statement {
  const { statement, balances, summary } = draft;
  statement.openingBalance = findBalance(balances, 'OPBD', 'PRCD');
  statement.closingBalance = findBalance(balances, 'CLBD');
  statement.openingAvailableBalance = findBalance(balances, 'OPAV');
  statement.closingAvailableBalance = findBalance(balances, 'CLAV');
  statement.account.currency ??= balances.find((balance) => balance.amount?.currency)?.amount?.currency ?? null;
  const result: TransactionSummary = {
    entries: totals(summary, 'TtlNtries'),
    credits: totals(summary, 'TtlCdtNtries'),
    debits: totals(summary, 'TtlDbtNtries'),
    net: netAmount(summary),
  };
  statement.summary = result.entries || result.credits || result.debits || result.net ? result : null;
  return statement;
}
