/**
 * Which business entity an entry belongs to, decided before it is stored: the one it names (by id
 * or code, of this tenant only); without one, the tenant's only entity. With several entities an
 * entry must name its own, since a run collects or pays only its own entity's entries. Before the
 * tenant has any entity, entries are stored without one and the first entity created takes them.
 */
import type { Entry } from '../domain/entry.js';
import { CashError, invalid } from '../domain/errors.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { newEntry, type EntryInput } from '../domain/new-entry.js';
import type { RunStore } from '../store/runs/run-store.js';

export async function businessEntityOf(store: RunStore, tenantId: string, named: string | null | undefined): Promise<string | null> {
  if (named) {
    try {
      return (await store.getBusinessEntity(tenantId, named)).id;
    } catch (error) {
      if (error instanceof CashError && error.code === 'NOT_FOUND') {
        throw invalid('BUSINESS_ENTITY_UNKNOWN', `business entity ${named} does not exist in this tenant`, { businessEntity: named });
      }
      throw error;
    }
  }
  const entities = await store.listBusinessEntities(tenantId);
  if (entities.length <= 1) return entities[0]?.id ?? null;
  throw invalid(
    'BUSINESS_ENTITY_REQUIRED',
    `this tenant has ${entities.length} business entities (${entities.map((e) => e.code).join(', ')}); say which one the entry belongs to`,
  );
}

/** Validates the entry, resolves its business entity, then stores it: nothing is written when either fails. */
export async function createEntry(ledger: Ledger, store: RunStore, ctx: LedgerContext, input: EntryInput): Promise<Entry> {
  const entry = newEntry(input);
  return ledger.createEntry(ctx, { ...entry, businessEntityId: await businessEntityOf(store, ctx.tenantId, input.businessEntity) });
}
