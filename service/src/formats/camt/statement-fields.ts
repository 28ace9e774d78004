import { formatAmount, negate } from '../statement/amount.js';
import type { Balance, ControlTotals, Statement, TransactionSummary } from '../statement/model.js';
import type { BalanceDraft } from './drafts.js';

/**
 * Statement-level fields of camt `Stmt`/`Rpt`/`Ntfctn`, keyed by their path below that element.
 * Versions differ (v02 `TtlNetNtryAmt` vs v04+ `TtlNetNtry/Amt`, `BIC` vs `BICFI`), so both spellings map.
 */
export interface StatementDraft {
  statement: Statement;
  balances: BalanceDraft[];
  summary: Record<string, string>;
}

export function applyStatementField(draft: StatementDraft, path: string, text: string): void {
  const statement = draft.statement;
  switch (path) {
    case 'Id':
      statement.id = text;
      return;
    case 'ElctrncSeqNb':
      statement.electronicSequenceNumber = text;
      return;
    case 'LglSeqNb':
      statement.sequenceNumber = text;
      return;
    case 'CreDtTm':
      statement.creationDateTime = text;
      return;
    case 'FrToDt/FrDtTm':
      statement.period = { from: text, to: statement.period?.to ?? null };
      return;
    case 'FrToDt/ToDtTm':
      statement.period = { from: statement.period?.from ?? null, to: text };
      return;
    case 'Acct/Id/IBAN':
      statement.account.iban = text.replace(/\s+/g, '');
      return;
    case 'Acct/Id/Othr/Id':
      statement.account.other = text;
      return;
    case 'Acct/Ccy':
      statement.account.currency = text;
      return;
    case 'Acct/Ownr/Nm':
    case 'Acct/Ownr/Pty/Nm':
      statement.account.ownerName = text;
      return;
    case 'Acct/Svcr/FinInstnId/BIC':
    case 'Acct/Svcr/FinInstnId/BICFI':
      statement.account.servicerBic = text;
      return;
    default:
      if (path.startsWith('TxsSummry/')) draft.summary[path.slice(10)] = text;
  }
}

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
