import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../../domain/errors.js';
import type { Allocation, Breakdown, Outcome } from '../../matching/index.js';
import type { Db, Queryable, Row } from '../db.js';
import { decodeCursor, pageOf } from '../ledger/cursor.js';
import { isUuid } from '../ledger/queries.js';

export type SuggestionStatus = 'Open' | 'Accepted' | 'Rejected' | 'Superseded';
export const SUGGESTION_STATUSES: readonly SuggestionStatus[] = ['Open', 'Accepted', 'Rejected', 'Superseded'];

export interface NewSuggestion {
  itemId: string;
  statementId: string;
  paymentId: string;
  /** 1 for the engine's best candidate. */
  rank: number;
  score: number;
  configuration: string | null;
  allocations: Allocation[];
  breakdown: Breakdown;
  reasons: string[];
}

export interface Suggestion extends NewSuggestion {
  id: string;
  status: SuggestionStatus;
  entryItemIds: string[];
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  createdAt: string;
}

/** How the last matching of an item ended and why; `accepted` when a reviewer settled a suggestion. */
export interface ItemMatchResult {
  itemId: string;
  outcome: Outcome | 'accepted';
  score: number;
  configuration: string | null;
  reasons: string[];
  matchedAt: string;
}

export interface SuggestionFilter {
  status?: SuggestionStatus;
  statementId?: string;
  itemId?: string;
  /** Only suggestions scoring at least this much. */
  minScore?: number;
}

export const alreadyDecided = (s: Suggestion) =>
  conflict('SUGGESTION_DECIDED', `suggestion ${s.id} is ${s.status} and can no longer be accepted or rejected`, { status: s.status });

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

const toSuggestion = (row: Row): Suggestion => ({
  id: String(row.id),
  itemId: String(row.item_id),
  statementId: String(row.statement_id),
  paymentId: String(row.payment_id),
  rank: Number(row.rank),
  status: row.status as SuggestionStatus,
  score: Number(row.score),
  configuration: row.configuration === null ? null : String(row.configuration),
  allocations: row.allocations as Allocation[],
  breakdown: row.breakdown as Breakdown,
  reasons: row.reasons as string[],
  entryItemIds: row.entry_item_ids as string[],
  decidedBy: row.decided_by === null ? null : String(row.decided_by),
  decidedAt: row.decided_at === null ? null : iso(row.decided_at),
  note: row.note === null ? null : String(row.note),
  createdAt: iso(row.created_at),
});

/** Suggestions left for review and the explanation of every item's last matching. */
export class SuggestionStore {
  constructor(private readonly db: Db) {}

  /**
   * Replaces what an earlier run left open for the item: its result, and its open suggestions by the
   * new ones. One transaction (the caller's, when given), so a failure leaves the earlier run intact.
   */
  recordItem(tenantId: string, result: Omit<ItemMatchResult, 'matchedAt'>, suggestions: NewSuggestion[], q?: Queryable): Promise<void> {
    return q ? this.writeItem(q, tenantId, result, suggestions) : this.db.transaction((tx) => this.writeItem(tx, tenantId, result, suggestions));
  }

  private async writeItem(q: Queryable, tenantId: string, result: Omit<ItemMatchResult, 'matchedAt'>, suggestions: NewSuggestion[]): Promise<void> {
    await q.query(
      `INSERT INTO matching_item_results (tenant_id, item_id, outcome, score, configuration, reasons) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, item_id) DO UPDATE SET outcome = excluded.outcome, score = excluded.score,
         configuration = excluded.configuration, reasons = excluded.reasons, matched_at = now()`,
      [tenantId, result.itemId, result.outcome, result.score, result.configuration, JSON.stringify(result.reasons)],
    );
    await this.supersedeOpen(tenantId, result.itemId, q);
    if (suggestions.length === 0) return;
    const records = suggestions.map((s) => ({
      id: randomUUID(),
      item_id: s.itemId,
      statement_id: s.statementId,
      payment_id: s.paymentId,
      rank: s.rank,
      score: s.score,
      configuration: s.configuration,
      allocations: s.allocations,
      breakdown: s.breakdown,
      reasons: s.reasons,
    }));
    await q.query(
      `INSERT INTO matching_suggestions (tenant_id, id, item_id, statement_id, payment_id, rank, score, configuration, allocations, breakdown, reasons)
       SELECT $1, x.id, x.item_id, x.statement_id, x.payment_id, x.rank, x.score, x.configuration, x.allocations, x.breakdown, x.reasons
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, item_id uuid, statement_id uuid, payment_id uuid, rank integer, score numeric,
         configuration text, allocations jsonb, breakdown jsonb, reasons jsonb)
       ORDER BY x.rank`,
      [tenantId, JSON.stringify(records)],
    );
  }

  /** Closes what is still open for an item, when its money is spoken for. */
  async supersedeOpen(tenantId: string, itemId: string, q: Queryable = this.db): Promise<void> {
    await q.query(`UPDATE matching_suggestions SET status = 'Superseded' WHERE tenant_id = $1 AND item_id = $2 AND status = 'Open'`, [tenantId, itemId]);
  }

  async itemResult(tenantId: string, itemId: string): Promise<ItemMatchResult | null> {
    const rows = isUuid(itemId)
      ? await this.db.query('SELECT * FROM matching_item_results WHERE tenant_id = $1 AND item_id = $2', [tenantId, itemId])
      : [];
    const row = rows[0];
    if (!row) return null;
    return {
      itemId: String(row.item_id),
      outcome: row.outcome as ItemMatchResult['outcome'],
      score: Number(row.score),
      configuration: row.configuration === null ? null : String(row.configuration),
      reasons: row.reasons as string[],
      matchedAt: iso(row.matched_at),
    };
  }

  async list(tenantId: string, filter: SuggestionFilter, limit: number, cursor: string | null) {
    const where = ['tenant_id = $1', 'seq > $2'];
    const params: unknown[] = [tenantId, decodeCursor(cursor)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.status) add('status = ?', filter.status);
    for (const [key, column] of [['statementId', 'statement_id'], ['itemId', 'item_id']] as const) {
      const value = filter[key];
      if (value === undefined) continue;
      if (!isUuid(value)) return { items: [], nextCursor: null };
      add(`${column} = ?`, value);
    }
    if (filter.minScore !== undefined) add('score >= ?', filter.minScore);
    params.push(limit + 1);
    const rows = await this.db.query(`SELECT * FROM matching_suggestions WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`, params);
    return pageOf(rows, limit, toSuggestion);
  }

  async get(tenantId: string, id: string): Promise<Suggestion> {
    const rows = isUuid(id) ? await this.db.query('SELECT * FROM matching_suggestions WHERE tenant_id = $1 AND id = $2', [tenantId, id]) : [];
    if (!rows[0]) throw notFound('suggestion', id);
    return toSuggestion(rows[0]);
  }

  /** Rejects an open suggestion; only an open suggestion can be decided, and only once. */
  async reject(tenantId: string, id: string, by: string, note: string | null): Promise<Suggestion> {
    const rows = await this.db.query(
      `UPDATE matching_suggestions SET status = 'Rejected', decided_by = $3, decided_at = now(), note = $4
       WHERE tenant_id = $1 AND id = $2 AND status = 'Open' RETURNING *`,
      [tenantId, id, by, note],
    );
    if (!rows[0]) throw alreadyDecided(await this.get(tenantId, id));
    return toSuggestion(rows[0]);
  }

  /**
   * First step of accepting: the suggestion turns Accepted and the item's other open suggestions
   * Superseded, in one transaction and only while it is still Open. Of two accepts at the same time
   * (of it or of a sibling) exactly one gets here; the other is refused with SUGGESTION_DECIDED
   * before anything is settled.
   */
  async claimAccept(tenantId: string, id: string, by: string, note: string | null): Promise<Suggestion> {
    const claimed = await this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `UPDATE matching_suggestions SET status = 'Accepted', decided_by = $3, decided_at = now(), note = $4
         WHERE tenant_id = $1 AND id = $2 AND status = 'Open' RETURNING *`,
        [tenantId, id, by, note],
      );
      if (!row) return null;
      await tx.query(
        `UPDATE matching_suggestions SET status = 'Superseded', superseded_by = $3
         WHERE tenant_id = $1 AND item_id = $2 AND status = 'Open' AND id <> $3`,
        [tenantId, row.item_id, id],
      );
      return toSuggestion(row);
    });
    if (!claimed) throw alreadyDecided(await this.get(tenantId, id));
    return claimed;
  }

  /** Undoes a claim whose settlement the ledger refused: the suggestion and the siblings it superseded are open again. */
  async releaseAccept(tenantId: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE matching_suggestions SET status = 'Open', decided_by = NULL, decided_at = NULL, note = NULL
         WHERE tenant_id = $1 AND id = $2 AND status = 'Accepted' AND entry_item_ids = '[]'::jsonb`,
        [tenantId, id],
      );
      await tx.query(
        `UPDATE matching_suggestions SET status = 'Open', superseded_by = NULL WHERE tenant_id = $1 AND superseded_by = $2 AND status = 'Superseded'`,
        [tenantId, id],
      );
    });
  }

  /** Last step of accepting, once settled: the entry items on the suggestion and the item's result, together. */
  async completeAccept(tenantId: string, id: string, entryItemIds: string[], result: Omit<ItemMatchResult, 'matchedAt'>): Promise<Suggestion> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query('UPDATE matching_suggestions SET entry_item_ids = $3 WHERE tenant_id = $1 AND id = $2 RETURNING *', [
        tenantId,
        id,
        JSON.stringify(entryItemIds),
      ]);
      await this.writeItem(tx, tenantId, result, []);
      return toSuggestion(row!);
    });
  }
}
