import { invalid } from '../../domain/errors.js';

/** Opaque cursors: callers pass back what they got and never build one themselves. */
export const encodeCursor = (seq: string): string => Buffer.from(`s:${seq}`).toString('base64url');

export function decodeCursor(cursor: string | null): string {
  if (!cursor) return '0';
  const decoded = Buffer.from(cursor, 'base64url').toString();
  const match = /^s:(\d{1,19})$/.exec(decoded);
  if (!match) throw invalid('CURSOR_INVALID', 'the cursor is not one this API handed out');
  return match[1]!;
}
