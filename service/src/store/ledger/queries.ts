import type { Entry } from '../../domain/entry.js';
import type { EntryItem } from '../../domain/entry-item.js';
import { notFound } from '../../domain/errors.js';
import type { Payment } from '../../domain/payment.js';
import type { Queryable, Row } from '../db.js';
import type { Page } from '../../domain/ledger-port.js';
import { decodeCursor, pageOf } from './cursor.js';
import { ENTRY_COLUMNS, PAYMENT_COLUMNS, toEntry, toEntryItem, toPayment } from './rows.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

/** Ids that are not UUIDs cannot exist; refusing them early keeps a typo from becoming a 500. */
export function requireIds(what: string, ids: string[]): string[] {
  for (const id of ids) if (!isUuid(id)) throw notFound(what, id);
  return [...new Set(ids)].sort();
}

/**
 * Rows are locked in one global order — entries before payments, each by id — so that concurrent
 * settlements wait for each other instead of deadlocking or over-allocating.
 */
export async function lockEntries(tx: Queryable, tenantId: string, ids: string[]): Promise<Map<string, Entry>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query(
    `SELECT ${ENTRY_COLUMNS} FROM entries WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [tenantId, requireIds('entry', ids)],
  );
  return new Map(rows.map((row) => [String(row.id), toEntry(row)]));
}

export async function lockPayments(tx: Queryable, tenantId: string, ids: string[]): Promise<Map<string, Payment>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [tenantId, requireIds('payment', ids)],
  );
  return new Map(rows.map((row) => [String(row.id), toPayment(row)]));
}

const ITEM_SELECT = `SELECT i.*, r.id AS reversed_by FROM entry_items i
  LEFT JOIN entry_items r ON r.tenant_id = i.tenant_id AND r.reversal_of = i.id`;

export async function itemsWhere(
  tx: Queryable,
  tenantId: string,
  column: 'id' | 'entry_id' | 'payment_id',
  ids: string[],
): Promise<EntryItem[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query(
    `${ITEM_SELECT} WHERE i.tenant_id = $1 AND i.${column} = ANY($2::uuid[]) ORDER BY i.seq`,
    [tenantId, ids],
  );
  return rows.map(toEntryItem);
}

export function one<T>(map: Map<string, T>, what: string, id: string): T {
  const found = map.get(id);
  if (!found) throw notFound(what, id);
  return found;
}

/**
 * One page of a tenant's rows in insertion order. Conditions with an undefined value are left out;
 * `?` in a condition stands for its value.
 */
export async function listPage<T>(
  q: Queryable,
  table: 'entries' | 'payments',
  columns: string,
  tenantId: string,
  conditions: [string, string | undefined][],
  limit: number,
  cursor: string | null,
  map: (row: Row) => T,
): Promise<Page<T>> {
  const where = ['tenant_id = $1', 'seq > $2'];
  const params: unknown[] = [tenantId, decodeCursor(cursor)];
  for (const [sql, value] of conditions) {
    if (value === undefined || value === '') continue;
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  }
  params.push(limit + 1);
  const rows = await q.query(`SELECT ${columns} FROM ${table} WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`, params);
  return pageOf(rows, limit, map);
}
