/**
 * A run's plan as it is stored before the first ledger write, so a run that dies midway is resumed
 * with exactly the same transactions, end-to-end ids and file settings.
 */
import type { RunTransaction, SepaRunInput } from '../formats/sepa/index.js';
import type { BusinessEntity } from '../store/runs/run-store.js';
import type { PlannedExclusion, PlannedRecord, RunPlan } from './plan-run.js';

export interface StoredRecord extends PlannedRecord {
  /** The entry's account, for the payment; null for a refund. */
  accountId: string | null;
}

export interface StoredPlan {
  kind: RunPlan['kind'];
  entity: BusinessEntity;
  format: RunPlan['format'];
  batchBooking: boolean;
  messageId: string;
  today: string;
  /** When the run was planned: the file's creation time. */
  plannedAt: string;
  included: StoredRecord[];
  excluded: PlannedExclusion[];
  total: string;
  run: Omit<SepaRunInput, 'transactions'> & { transactions: RunTransaction[] };
}

export function storedPlanOf(plan: RunPlan & { run: SepaRunInput }, plannedAt: Date): StoredPlan {
  return {
    kind: plan.kind,
    entity: plan.entity,
    format: plan.format,
    batchBooking: plan.batchBooking,
    messageId: plan.messageId,
    today: plan.today,
    plannedAt: plannedAt.toISOString(),
    included: plan.included.map((record) => ({
      ...record,
      accountId: record.recordKind === 'entry' ? (plan.entries.get(record.recordId)?.account.id ?? null) : null,
    })),
    excluded: plan.excluded,
    total: plan.total,
    run: { ...plan.run, transactions: [...plan.run.transactions] },
  };
}

const BIGINT = '$bigint';

/** JSON with bigint amounts kept exact. */
export function encodePlan(plan: StoredPlan): string {
  return JSON.stringify(plan, (_key, value: unknown) => (typeof value === 'bigint' ? { [BIGINT]: value.toString() } : value));
}

/** Read back from the store (which returns the jsonb column already parsed). */
export function decodePlan(stored: unknown): StoredPlan {
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(revive);
    if (value === null || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    if (typeof object[BIGINT] === 'string' && Object.keys(object).length === 1) return BigInt(object[BIGINT]);
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, revive(v)]));
  };
  return revive(typeof stored === 'string' ? JSON.parse(stored) : stored) as StoredPlan;
}
