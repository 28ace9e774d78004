/**
 * What a run may pick up, read through the ledger port (entries, refunds, payments) and the run
 * store (mandates, payees' bank accounts), shaped for the pure run builders.
 */
import type { Entry } from '../domain/entry.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import type { CreditTransferCandidate, DirectDebitCandidate } from '../formats/sepa/index.js';
import type { Instrument, RunStore } from '../store/runs/run-store.js';

const PAGE = 500;

/** Open EUR entries of one type, page by page through the ledger port. */
async function openEntries(ledger: Ledger, ctx: LedgerContext, type: Entry['type']): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const page = await ledger.listEntries(ctx, { status: 'Open', type, currency: 'EUR' }, PAGE, cursor);
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

export interface DirectDebitCandidates {
  candidates: DirectDebitCandidate[];
  /** The mandate (instrument) each included entry would be collected under, by entry id. */
  instrumentOf: Map<string, Instrument>;
  entries: Map<string, Entry>;
}

export async function directDebitCandidates(ledger: Ledger, store: RunStore, ctx: LedgerContext): Promise<DirectDebitCandidates> {
  const entries = await openEntries(ledger, ctx, 'Debit');
  const mandates = await store.activeInstruments(
    ctx.tenantId,
    'mandate',
    entries.flatMap((e) => (e.account.id ? [e.account.id] : [])),
  );
  const instrumentOf = new Map<string, Instrument>();
  const candidates = entries.map((entry): DirectDebitCandidate => {
    const instrument = entry.account.id ? mandates.get(entry.account.id) : undefined;
    if (!instrument?.mandate) return { entry };
    instrumentOf.set(entry.id, instrument);
    return { entry, mandate: instrument.mandate, ...(instrument.address ? { debtorAddress: instrument.address } : {}) };
  });
  return { candidates, instrumentOf, entries: new Map(entries.map((e) => [e.id, e])) };
}

export interface CreditTransferCandidates {
  candidates: CreditTransferCandidate[];
  entries: Map<string, Entry>;
  refundIds: Set<string>;
}

const counterpartyOf = (i: Instrument) => ({
  name: i.accountHolder,
  iban: i.iban,
  ...(i.bic ? { bic: i.bic } : {}),
  ...(i.address ? { address: i.address } : {}),
});

export async function creditTransferCandidates(ledger: Ledger, store: RunStore, ctx: LedgerContext): Promise<CreditTransferCandidates> {
  const entries = await openEntries(ledger, ctx, 'Credit');
  const accounts = await store.activeInstruments(
    ctx.tenantId,
    'bank-account',
    entries.flatMap((e) => (e.account.id ? [e.account.id] : [])),
  );
  const candidates: CreditTransferCandidate[] = entries.map((entry) => {
    const account = entry.account.id ? accounts.get(entry.account.id) : undefined;
    return { kind: 'payable', entry, ...(account ? { creditor: counterpartyOf(account) } : {}) };
  });
  const refunds = [
    ...(await ledger.listRefunds(ctx, { status: 'Approved' })),
    ...(await ledger.listRefunds(ctx, { status: 'Prepared' })),
  ].filter((r) => r.method === 'SEPA Credit Transfer');
  for (const refund of refunds) {
    // a refund goes back to the account the money came from
    const party = (await ledger.getPayment(ctx, refund.paymentId)).party;
    const creditor = party.iban && party.name ? { name: party.name, iban: party.iban, ...(party.bic ? { bic: party.bic } : {}) } : undefined;
    candidates.push({ kind: 'refund', refund, ...(creditor ? { creditor } : {}) });
  }
  return { candidates, entries: new Map(entries.map((e) => [e.id, e])), refundIds: new Set(refunds.map((r) => r.id)) };
}
