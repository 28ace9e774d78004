import { invalid } from '../../domain/errors.js';

/** Opaque cursors: callers pass back what they got and never build one themselves. */
export const encodeCursor = (seq: string): string => Buffer.from(`s:${seq}`).toString('base64url');

export function decodeCursor(cursor: string | null): string {
  if (!cursor) return '0';
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const match = /^s:(\d{1,19})$/.exec(decoded);
  // a bigint column holds at most 2^63 - 1
  if (!match || BigInt(match[1]!) > 9_223_372_036_854_775_807n) {
    throw invalid('CURSOR_INVALID', 'the cursor is not one this API handed out');
  }
  return match[1]!;
}

/** Cuts `limit + 1` rows ordered by `seq` into a page and the cursor of the next one. */
export function pageOf<R extends { seq?: unknown }, T>(rows: R[], limit: number, map: (row: R) => T): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(map), nextCursor: more ? encodeCursor(String(kept[kept.length - 1]!.seq)) : null };
}
