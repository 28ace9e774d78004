import { randomUUID } from 'node:crypto';
import type { Changes } from '../../domain/changes.js';
import type { EntryItem } from '../../domain/entry-item.js';
import type { Refund } from '../../domain/refund.js';
import type { Queryable } from '../db.js';
import { decimal } from './rows.js';

/** Writes what a domain operation decided, inside the caller's transaction. */
export async function writeChanges(
  tx: Queryable,
  tenantId: string,
  changes: Changes,
  at: Date,
): Promise<{ items: EntryItem[]; refunds: Refund[] }> {
  for (const e of changes.entries.values()) {
    await tx.query(
      `UPDATE entries SET assigned_amount = $3, expected_amount = $4, status = $5, payment_date = $6,
         cancellation_reason = $7, cancellation_number = $8, cancellation_strategy = $9, canceled_at = $10,
         credit_approval = $11, exclude_from_payment_run = $12, error_messages = $13, updated_at = $14,
         excluded_automatically = $15
       WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId,
        e.id,
        decimal(e.assignedAmount, e.currency),
        decimal(e.expectedAmount, e.currency),
        e.status,
        e.paymentDate,
        e.cancellation?.reason ?? null,
        e.cancellation?.number ?? null,
        e.cancellation?.strategy ?? null,
        e.cancellation?.at ?? null,
        e.creditApproval,
        e.excludeFromPaymentRun,
        e.errorMessages,
        e.updatedAt,
        e.excludedAutomatically,
      ],
    );
  }
  for (const p of changes.payments.values()) {
    await tx.query(
      `UPDATE payments SET status = $3, assigned_amount = $4, expected_amount = $5, blocked_amount = $6,
         refunded_amount = $7, status_details = $8, updated_at = $9
       WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId,
        p.id,
        p.status,
        decimal(p.assignedAmount, p.currency),
        decimal(p.expectedAmount, p.currency),
        decimal(p.blockedAmount, p.currency),
        decimal(p.refundedAmount, p.currency),
        p.statusDetails,
        p.updatedAt,
      ],
    );
  }
  const items: EntryItem[] = [];
  for (const row of changes.items) {
    const item: EntryItem = { ...row, id: randomUUID(), createdAt: at, reversedBy: null };
    await tx.query(
      `INSERT INTO entry_items (tenant_id, id, entry_id, payment_id, currency, amount, expected_amount, business_process,
         created_by, created_at, reversal_of, reason, matching_configuration, matching_score)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        tenantId,
        item.id,
        item.entryId,
        item.paymentId,
        item.currency,
        decimal(item.amount, item.currency),
        decimal(item.expectedAmount, item.currency),
        item.businessProcess,
        item.createdBy,
        at,
        item.reversalOf,
        item.reason,
        item.matching?.configuration ?? null,
        item.matching?.score ?? null,
      ],
    );
    items.push(item);
  }
  const refunds: Refund[] = [];
  for (const row of changes.refunds) {
    const refund: Refund = { ...row, id: randomUUID(), createdAt: at, updatedAt: at };
    await insertRefund(tx, tenantId, refund);
    refunds.push(refund);
  }
  return { items, refunds };
}

export async function insertRefund(tx: Queryable, tenantId: string, r: Refund): Promise<void> {
  await tx.query(
    `INSERT INTO refunds (tenant_id, id, payment_id, currency, amount, status, method, reason, cancellation_reason,
       error_message, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      tenantId,
      r.id,
      r.paymentId,
      r.currency,
      decimal(r.amount, r.currency),
      r.status,
      r.method,
      r.reason,
      r.cancellationReason,
      r.errorMessage,
      r.createdBy,
      r.createdAt,
      r.updatedAt,
    ],
  );
}
