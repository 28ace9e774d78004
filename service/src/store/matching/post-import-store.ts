import type { Db } from '../db.js';

/** The two steps after a statement import, in order: bank feedback on our own payments, then matching. */
export type PostImportStep = 'feedback' | 'matching';

const COLUMN: Record<PostImportStep, string> = { feedback: 'feedback_pending', matching: 'matching_pending' };

/**
 * Which statement items still wait for a step after their import. An item is stored with both steps
 * pending (the column defaults); a step marks its items done only after it finished them, so work
 * lost to a failure or a dead process is found and done by the next import of the file.
 */
export class PostImportStore {
  constructor(private readonly db: Db) {}

  async pending(tenantId: string, statementIds: string[], step: PostImportStep): Promise<string[]> {
    if (statementIds.length === 0) return [];
    const rows = await this.db.query(
      `SELECT id FROM bank_statement_items WHERE tenant_id = $1 AND statement_id = ANY($2::uuid[]) AND ${COLUMN[step]} ORDER BY seq`,
      [tenantId, statementIds],
    );
    return rows.map((r) => String(r.id));
  }

  async done(tenantId: string, itemIds: string[], step: PostImportStep): Promise<void> {
    if (itemIds.length === 0) return;
    await this.db.query(`UPDATE bank_statement_items SET ${COLUMN[step]} = false WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, itemIds]);
  }
}
