/**
 * What a run of one business entity may pick up, read through the ledger port (entries, refunds,
 * payments) and the run store (mandates, payees' bank accounts), shaped for the pure run builders.
 * Only the entity's own entries, the mandates given to it, and refunds of money that paid its
 * entries: a run never collects or pays another entity's customers under its creditor name.
 */
import type { Entry, Party } from '../domain/entry.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import type { Refund } from '../domain/refund.js';
import type { CreditTransferCandidate, DirectDebitCandidate } from '../formats/sepa/index.js';
import type { BusinessEntity, Instrument, RunStore } from '../store/runs/run-store.js';

const PAGE = 500;

/**
 * Open EUR entries of one type and entity, page by page through the ledger port. The only entity
 * of a tenant also takes entries stored without one; with several, such an entry is in no run.
 */
async function openEntries(
  ledger: Ledger,
  store: RunStore,
  ctx: LedgerContext,
  type: Entry['type'],
  entity: BusinessEntity,
): Promise<Entry[]> {
  const sole = (await store.listBusinessEntities(ctx.tenantId)).length === 1;
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const filter = { status: 'Open' as const, type, currency: 'EUR', ...(sole ? {} : { businessEntityId: entity.id }) };
    const page = await ledger.listEntries(ctx, filter, PAGE, cursor);
    entries.push(...page.items.filter((e) => e.businessEntityId === entity.id || (sole && e.businessEntityId === null)));
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

/** An exclusion a run set is checked again: the entry goes before the builders as if not excluded. */
const reconsidered = (entry: Entry): Entry => (entry.excludedAutomatically ? { ...entry, excludeFromPaymentRun: false } : entry);

/**
 * The instrument a run uses for an entry's account, matched on the account id or number: an
 * active one before an inactive one (which then explains the exclusion), the newest first.
 */
function instrumentFor(instruments: readonly Instrument[], account: Party): Instrument | undefined {
  return instruments.find(
    (i) => (account.id !== null && i.accountId === account.id) || (account.number !== null && i.accountNumber === account.number),
  );
}

export interface DirectDebitCandidates {
  candidates: DirectDebitCandidate[];
  /** The mandate (instrument) each entry would be collected under, by entry id. */
  instrumentOf: Map<string, Instrument>;
  entries: Map<string, Entry>;
}

export async function directDebitCandidates(
  ledger: Ledger,
  store: RunStore,
  ctx: LedgerContext,
  entity: BusinessEntity,
): Promise<DirectDebitCandidates> {
  const entries = await openEntries(ledger, store, ctx, 'Debit', entity);
  const mandates = await store.instrumentsFor(ctx.tenantId, 'mandate', entries.map((e) => e.account), entity.id);
  const instrumentOf = new Map<string, Instrument>();
  const candidates = entries.map((entry): DirectDebitCandidate => {
    const instrument = instrumentFor(mandates, entry.account);
    if (!instrument?.mandate) return { entry: reconsidered(entry) };
    instrumentOf.set(entry.id, instrument);
    return { entry: reconsidered(entry), mandate: instrument.mandate, ...(instrument.address ? { debtorAddress: instrument.address } : {}) };
  });
  return { candidates, instrumentOf, entries: new Map(entries.map((e) => [e.id, e])) };
}

export interface CreditTransferCandidates {
  candidates: CreditTransferCandidate[];
  entries: Map<string, Entry>;
  refundIds: Set<string>;
  /** Refunds no run can take because the entity they belong to is unclear, with the reason. */
  unassigned: { refund: Refund; message: string }[];
}

const counterpartyOf = (i: Instrument) => ({
  name: i.accountHolder,
  iban: i.iban,
  ...(i.bic ? { bic: i.bic } : {}),
  ...(i.address ? { address: i.address } : {}),
});

/**
 * The entity a refund belongs to: the one whose entries the refunded payment settled. A payment
 * that settled no entry, or entries of several entities, leaves it open, unless the tenant has
 * only one entity.
 */
async function refundEntities(ledger: Ledger, ctx: LedgerContext, refund: Refund): Promise<Set<string | null>> {
  const items = await ledger.listEntryItems(ctx, { paymentId: refund.paymentId });
  const entities = new Set<string | null>();
  for (const entryId of new Set(items.map((i) => i.entryId))) entities.add((await ledger.getEntry(ctx, entryId)).businessEntityId);
  return entities;
}

export async function creditTransferCandidates(
  ledger: Ledger,
  store: RunStore,
  ctx: LedgerContext,
  entity: BusinessEntity,
): Promise<CreditTransferCandidates> {
  const entries = await openEntries(ledger, store, ctx, 'Credit', entity);
  const accounts = (await store.instrumentsFor(ctx.tenantId, 'bank-account', entries.map((e) => e.account), null)).filter((i) => i.active);
  const candidates: CreditTransferCandidate[] = entries.map((entry) => {
    const account = instrumentFor(accounts, entry.account);
    return { kind: 'payable', entry: reconsidered(entry), ...(account ? { creditor: counterpartyOf(account) } : {}) };
  });
  const refunds = [
    ...(await ledger.listRefunds(ctx, { status: 'Approved' })),
    ...(await ledger.listRefunds(ctx, { status: 'Prepared' })),
  ].filter((r) => r.method === 'SEPA Credit Transfer');
  const sole = (await store.listBusinessEntities(ctx.tenantId)).length === 1;
  const taken: Refund[] = [];
  const unassigned: CreditTransferCandidates['unassigned'] = [];
  for (const refund of refunds) {
    const entities = await refundEntities(ledger, ctx, refund);
    if (entities.size === 1 && entities.has(entity.id)) taken.push(refund);
    else if (sole && (entities.size === 0 || (entities.size === 1 && entities.has(null)))) taken.push(refund);
    else if (entities.size !== 1 || entities.has(null)) {
      unassigned.push({
        refund,
        message: `refund ${refund.id}: its payment settled ${entities.size === 0 ? 'no entry' : 'entries of several or no business entities'}, so no entity's run may pay it out`,
      });
    }
  }
  for (const refund of taken) {
    // a refund goes back to the account the money came from
    const party = (await ledger.getPayment(ctx, refund.paymentId)).party;
    const creditor = party.iban && party.name ? { name: party.name, iban: party.iban, ...(party.bic ? { bic: party.bic } : {}) } : undefined;
    candidates.push({ kind: 'refund', refund, ...(creditor ? { creditor } : {}) });
  }
  return { candidates, entries: new Map(entries.map((e) => [e.id, e])), refundIds: new Set(taken.map((r) => r.id)), unassigned };
}
