import { addDecimals, formatAmount, negate, ZERO, type Decimal } from '../statement/amount.js';
import { classifyReference } from '../statement/creditor-reference.js';
import type {
  CreditDebit,
  EntryStatus,
  Party,
  StatementItem,
  TransactionDetail,
  Warning,
} from '../statement/model.js';
import type { AmountValue, DetailDraft, EntryDraft, PartyDraft } from './drafts.js';

/**
 * Turns a finished camt `Ntry` into one statement item, with its `TxDtls` as details. Fields that
 * belong to a single transaction (end-to-end id, counterparty, remittance) are lifted to the item
 * only when the entry holds exactly one; a batch keeps them on its details.
 */
export interface EntryContext {
  fail(message: string, line: number): never;
  warn(warning: Warning): void;
}

const STATUSES: Readonly<Record<string, EntryStatus>> = { BOOK: 'BOOK', PDNG: 'PDNG', INFO: 'INFO' };

/**
 * Placeholders banks write where a reference is missing ("NOTPROVIDED" end-to-end ids, "NONREF"
 * servicer references). Kept, they would match unrelated payments and collapse distinct items
 * into one key.
 */
const PLACEHOLDERS = new Set(['NOTPROVIDED', 'NONREF', 'NONE']);

function reference(value: string | undefined): string | null {
  if (!value) return null;
  return value.length <= 11 && PLACEHOLDERS.has(value.toUpperCase()) ? null : value;
}

const amountText = (amount: AmountValue | undefined, fallbackCurrency: string | null) =>
  amount ? formatAmount(amount.value, amount.currency ?? fallbackCurrency) : null;

function transactionCode(domain?: string, family?: string, subFamily?: string): string | null {
  if (!domain) return null;
  return [domain, family, subFamily].filter((part) => part).join('/');
}

function hasParty(party: Party): boolean {
  return Boolean(party.name || party.iban || party.bic || party.other);
}

function toParty(draft: PartyDraft | undefined): Party | null {
  if (!draft) return null;
  const party: Party = { name: draft.name ?? null, iban: draft.iban ?? null, bic: draft.bic ?? null };
  if (draft.other) party.other = draft.other;
  return hasParty(party) ? party : null;
}

/**
 * The other side of the booking: the debtor of money received, the creditor of money paid. A
 * reversal undoes the original direction, and some banks fill the parties the other way round,
 * so a party that is our own account is never the counterparty.
 */
function counterpartyRole(detail: DetailDraft, direction: CreditDebit, reversal: boolean, ownIban: string | null): string {
  const received = (direction === 'CRDT') !== reversal;
  const preferred = received ? 'Dbtr' : 'Cdtr';
  const preferredIban = detail.parties[`${preferred}Acct`]?.iban;
  if (ownIban && preferredIban && preferredIban.toUpperCase() === ownIban.toUpperCase()) {
    return received ? 'Cdtr' : 'Dbtr';
  }
  return preferred;
}

/** Name from the party, account from `…Acct`, BIC from the agent `…Agt`. */
function counterpartyOf(detail: DetailDraft, role: string): Party | null {
  const name = detail.parties[role];
  const account = detail.parties[`${role}Acct`];
  const agent = detail.parties[`${role}Agt`];
  if (!name && !account && !agent) return null;
  const party: Party = {
    name: name?.name ?? null,
    iban: account?.iban ?? null,
    bic: agent?.bic ?? name?.bic ?? null,
  };
  const other = account?.other ?? name?.other;
  if (other) party.other = other;
  return hasParty(party) ? party : null;
}

function creditorIdOf(detail: DetailDraft): string | null {
  return detail.parties.Cdtr?.creditorId ?? detail.parties.Dbtr?.creditorId ?? null;
}

function mapDetail(
  detail: DetailDraft,
  entry: EntryDraft,
  direction: CreditDebit,
  reversal: boolean,
  ownIban: string | null,
  lone: boolean,
): TransactionDetail {
  const amount = detail.amount ?? detail.txAmount ?? (lone ? entry.amount : undefined);
  const detailDirection = detail.creditDebit ?? (lone ? direction : null);
  const role = counterpartyRole(detail, detailDirection ?? direction, reversal, ownIban);
  const structured = detail.reference ? classifyReference(detail.reference, detail.referenceType ?? null) : null;
  const result: TransactionDetail = {
    amount: amountText(amount, entry.amount?.currency ?? null),
    currency: amount?.currency ?? entry.amount?.currency ?? null,
    creditDebit: detailDirection,
    endToEndId: reference(detail.refs.EndToEndId),
    instructionId: detail.refs.InstrId ?? null,
    transactionId: detail.refs.TxId ?? null,
    mandateId: detail.refs.MndtId ?? null,
    creditorId: creditorIdOf(detail),
    uetr: detail.refs.UETR ?? null,
    accountServicerReference: reference(detail.refs.AcctSvcrRef),
    remittanceInformation: detail.unstructured.length > 0 ? detail.unstructured.join(' ') : null,
    creditorReference: structured?.reference ?? null,
    creditorReferenceType: structured?.type ?? null,
    counterparty: counterpartyOf(detail, role),
    ultimateCounterparty: toParty(detail.parties[`Ultmt${role}`]),
    returnReason: detail.returnReason ?? null,
    charges: amountText(detail.charges, entry.amount?.currency ?? null),
    bankTransactionCode: transactionCode(detail.domain, detail.family, detail.subFamily),
    proprietaryBankTransactionCode: detail.proprietaryCode ?? null,
    purpose: detail.purpose ?? null,
    additionalInformation: detail.additionalInformation ?? null,
  };
  return result;
}

function direction(entry: EntryDraft, context: EntryContext): CreditDebit {
  const value = entry.creditDebit?.trim().toUpperCase();
  if (value === 'CRDT' || value === 'DBIT') return value;
  return context.fail(`Ntry has CdtDbtInd "${entry.creditDebit ?? ''}", expected CRDT or DBIT`, entry.line);
}

function status(entry: EntryDraft, context: EntryContext): EntryStatus {
  if (entry.status === undefined) return 'BOOK';
  const code = entry.status.trim().toUpperCase();
  const known = STATUSES[code];
  if (known) return known;
  // Newer versions add codes such as FUTR; what is not booked must not count as booked.
  context.warn({
    code: 'ENTRY_STATUS_UNKNOWN',
    message: `line ${entry.line}: entry status "${code}" read as INFO`,
    details: { line: entry.line, status: code },
  });
  return 'INFO';
}

/**
 * A trimmed platform file (PostFinance via libeufin) leaves Amt and CdtDbtInd off the entry and
 * gives them per transaction only; their net sum is the booking.
 */
function amountFromDetails(entry: EntryDraft, context: EntryContext): void {
  let total: Decimal = ZERO;
  let currency: string | null | undefined;
  for (const detail of entry.details) {
    const amount = detail.amount ?? detail.txAmount;
    if (!amount || !detail.creditDebit) return;
    if (currency !== undefined && amount.currency !== currency) return;
    currency = amount.currency;
    total = addDecimals(total, detail.creditDebit === 'DBIT' ? negate(amount.value) : amount.value);
  }
  if (currency === undefined) return;
  const debit = total.units < 0n;
  entry.amount = { value: debit ? negate(total) : total, currency, line: entry.line };
  entry.creditDebit ??= debit ? 'DBIT' : 'CRDT';
  context.warn({
    code: 'ENTRY_AMOUNT_FROM_DETAILS',
    message: `line ${entry.line}: entry without Amt; its amount is the sum of its ${entry.details.length} transactions`,
    details: { line: entry.line },
  });
}

export function mapEntry(entry: EntryDraft, context: EntryContext, ownIban: string | null): StatementItem {
  if (!entry.amount) amountFromDetails(entry, context);
  if (!entry.amount) context.fail('Ntry has no Amt', entry.line);
  const amount = entry.amount;
  let creditDebit = direction(entry, context);
  if (amount.value.units < 0n) {
    // The schema allows no negative amounts; a bank that writes one means the other direction.
    amount.value = { units: -amount.value.units, scale: amount.value.scale };
    creditDebit = creditDebit === 'CRDT' ? 'DBIT' : 'CRDT';
    context.warn({
      code: 'AMOUNT_NEGATIVE',
      message: `line ${entry.line}: negative entry amount read as the opposite direction`,
      details: { line: entry.line },
    });
  }
  const reversal = entry.reversal?.trim().toLowerCase() === 'true';
  const details = entry.details.map((detail) =>
    mapDetail(detail, entry, creditDebit, reversal, ownIban, entry.details.length === 1),
  );
  const lone = details.length === 1 ? details[0] : undefined;
  const item: StatementItem = {
    amount: formatAmount(amount.value, amount.currency),
    currency: amount.currency,
    creditDebit,
    reversal,
    status: status(entry, context),
    bookingDate: entry.bookingDate ?? null,
    valueDate: entry.valueDate ?? null,
    remittanceInformation: lone?.remittanceInformation ?? null,
    endToEndId: lone?.endToEndId ?? null,
    creditorReference: lone?.creditorReference ?? null,
    creditorReferenceType: lone?.creditorReferenceType ?? null,
    counterparty: lone?.counterparty ?? null,
    ultimateCounterparty: lone?.ultimateCounterparty ?? null,
    bankTransactionCode:
      transactionCode(entry.domain, entry.family, entry.subFamily) ?? lone?.bankTransactionCode ?? null,
    proprietaryBankTransactionCode: entry.proprietaryCode ?? lone?.proprietaryBankTransactionCode ?? null,
    accountServicerReference: reference(entry.accountServicerReference) ?? lone?.accountServicerReference ?? null,
    entryReference: reference(entry.entryReference),
    mandateId: lone?.mandateId ?? null,
    creditorId: lone?.creditorId ?? null,
    uetr: lone?.uetr ?? null,
    returnReason: lone?.returnReason ?? null,
    charges: amountText(entry.charges, amount.currency) ?? lone?.charges ?? null,
    additionalInformation: entry.additionalInformation ?? null,
    batch: batchOf(entry, amount.currency),
    details,
  };
  return item;
}

function batchOf(entry: EntryDraft, currency: string | null): StatementItem['batch'] {
  const hasBatch =
    entry.batchCount !== undefined ||
    entry.batchAmount !== undefined ||
    entry.batchPaymentInformationId !== undefined ||
    entry.batchMessageId !== undefined;
  if (!hasBatch) return null;
  const count = entry.batchCount === undefined ? NaN : Number.parseInt(entry.batchCount, 10);
  return {
    count: Number.isFinite(count) ? count : null,
    amount: amountText(entry.batchAmount, currency),
    paymentInformationId: entry.batchPaymentInformationId ?? null,
    messageId: entry.batchMessageId ?? null,
  };
}
