/**
 * Creates a run, all or nothing. The plan (every transaction with its end-to-end id) is stored
 * first; then each transaction is booked through the ledger port, idempotently by its end-to-end
 * id: a payment (status from the bank account's initial payment status) and its entry item, so
 * the entry shows what is on its way; refunds go Pending. An entry that changed meanwhile (another
 * run, a payment that arrived) is refused by the ledger's over-allocation rule and listed as
 * excluded instead of being collected twice. Only when every transaction is booked or excluded
 * are the file, the order and the mandates' collections written, in one store transaction that
 * also removes the plan. A run that dies midway is resumed from its plan and ends the same way.
 */
import { CashError, invalid } from '../domain/errors.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { applyExpiry, recordCollection } from '../domain/mandates/lifecycle.js';
import type { Mandate } from '../domain/mandates/mandate.js';
import { formatMinor } from '../domain/money.js';
import { prepareRun, writeRunToString, type PreparedRun } from '../formats/sepa/index.js';
import type { PaymentOrder, PaymentOrderTransaction, RunStore } from '../store/runs/run-store.js';
import { bookTransaction, type Booked } from './book-transaction.js';
import type { PlannedExclusion, RunPlan } from './plan-run.js';
import { encodePlan, storedPlanOf, type StoredPlan } from './stored-plan.js';

export type RunProgress = (done: number, total: number) => void | Promise<void>;

export interface CreatedRun {
  order: PaymentOrder;
  /** The plan as it ended: what went in, what was excluded (planned or refused by the ledger). */
  plan: StoredPlan;
}

export interface BookingOptions {
  progress?: RunProgress;
  /** The job running it, kept on the order so that job retried finds the order. */
  jobId?: string | null;
}

const nothingToDo = (kind: string, excluded: PlannedExclusion[]) =>
  invalid('RUN_NOTHING_TO_DO', `nothing can go into this ${kind} run (${excluded.length} excluded)`, { excluded });

/** Which payment-information block (PmtInfId) each end-to-end id was written in. */
function blockIds(run: PreparedRun): Map<string, string> {
  const byEndToEnd = new Map<string, string>();
  for (const block of run.blocks) for (const tx of run.transactions(block.key)) byEndToEnd.set(tx.endToEndId, block.id);
  return byEndToEnd;
}

/** Stores the plan and books it. The caller holds the entity's run lock. */
export async function createRun(
  ledger: Ledger,
  store: RunStore,
  ctx: LedgerContext,
  plan: RunPlan,
  now = new Date(),
  options: BookingOptions = {},
): Promise<CreatedRun> {
  if (!plan.run) throw nothingToDo(plan.kind, plan.excluded);
  const stored = storedPlanOf({ ...plan, run: plan.run }, now);
  const planId = await store.savePlan(
    ctx.tenantId,
    { businessEntityId: plan.entity.id, kind: plan.kind },
    { messageId: plan.messageId, createdBy: ctx.actor, json: encodePlan(stored) },
  );
  return bookRun(ledger, store, ctx, planId, stored, options);
}

/** The mandates' lifecycle after the run: collections recorded, lapsed mandates ended. */
async function mandateUpdates(store: RunStore, ctx: LedgerContext, plan: StoredPlan, booked: Booked[], excluded: PlannedExclusion[]) {
  const mandates = new Map<string, Mandate>();
  const current = async (id: string) => mandates.get(id) ?? (await store.getInstrument(ctx.tenantId, id)).mandate;
  for (const { record } of booked) {
    if (!record.instrumentId) continue;
    const mandate = await current(record.instrumentId);
    if (mandate) mandates.set(record.instrumentId, recordCollection(mandate, record.requestedDate));
  }
  // a mandate without a collection for 36 months has lapsed: it is ended, not tried again
  for (const e of excluded) {
    if (e.code !== 'MANDATE_EXPIRED' || !e.instrumentId) continue;
    const mandate = await current(e.instrumentId);
    if (mandate?.active) mandates.set(e.instrumentId, applyExpiry(mandate, plan.today));
  }
  return [...mandates].map(([id, mandate]) => ({ id, mandate }));
}

/** Not silently skipped: flagged with the reason, which the next run checks again (a person's exclusion stays). */
async function flagExcluded(ledger: Ledger, ctx: LedgerContext, plan: StoredPlan, booked: Booked[]): Promise<void> {
  for (const e of plan.excluded) {
    if (e.recordKind !== 'entry' || e.code === 'ENTRY_EXCLUDED') continue;
    const entry = await ledger.getEntry(ctx, e.recordId);
    const message = `${e.code}: ${e.message}`;
    if (entry.excludedAutomatically && entry.errorMessages.length === 1 && entry.errorMessages[0] === message) continue;
    const errorMessages = entry.excludedAutomatically ? [message] : [...entry.errorMessages.filter((m) => m !== message), message];
    await ledger.setEntryControls(ctx, entry.id, { excludeFromPaymentRun: true, excludedAutomatically: true, errorMessages });
  }
  // an entry a run excluded and that now went in: its cause is gone, and so is the flag
  for (const { record } of booked) {
    if (record.recordKind !== 'entry') continue;
    const entry = await ledger.getEntry(ctx, record.recordId);
    if (entry.excludedAutomatically) await ledger.setEntryControls(ctx, entry.id, { excludeFromPaymentRun: false, errorMessages: [] });
  }
}

/** Books every transaction of a stored plan (again, after a crash) and finishes the run. */
export async function bookRun(
  ledger: Ledger,
  store: RunStore,
  ctx: LedgerContext,
  planId: string,
  plan: StoredPlan,
  options: BookingOptions = {},
): Promise<CreatedRun> {
  const progress = options.progress ?? (() => undefined);
  const runCtx = { ...ctx, businessProcess: plan.kind === 'direct-debit' ? 'Direct Debit Run' : 'Credit Transfer Run' };
  const byEndToEnd = new Map(plan.run.transactions.map((t) => [t.endToEndId!, t]));
  const booked: Booked[] = [];
  const excluded: PlannedExclusion[] = [...plan.excluded];
  for (const [index, record] of plan.included.entries()) {
    try {
      booked.push(await bookTransaction(ledger, runCtx, plan, byEndToEnd.get(record.endToEndId)!, record));
    } catch (error) {
      if (!(error instanceof CashError)) throw error;
      excluded.push({ recordId: record.recordId, recordKind: record.recordKind, label: record.label, code: error.code, message: error.message });
    }
    if ((index + 1) % 100 === 0) await progress(index + 1, plan.included.length);
  }
  if (booked.length === 0) {
    await store.deletePlan(ctx.tenantId, planId);
    throw nothingToDo(plan.kind, excluded);
  }

  const kept = new Set(booked.map((b) => b.record.endToEndId));
  const keptTransactions = plan.run.transactions.filter((t) => kept.has(t.endToEndId!));
  const run = { ...plan.run, requestedDate: keptTransactions[0]!.requestedDate!, transactions: keptTransactions };
  const prepared = prepareRun(run, { kind: plan.kind, format: plan.format, today: plan.today, now: new Date(plan.plannedAt) });
  if (!prepared.run) {
    throw invalid('RUN_REFUSED', prepared.problems.map((p) => p.message).join('; '), { problems: prepared.problems });
  }
  const xml = writeRunToString(prepared.run);
  const pmtInf = blockIds(prepared.run);
  const transactions: Omit<PaymentOrderTransaction, 'status' | 'statusCode' | 'reason'>[] = booked.map(({ record, paymentId }, position) => ({
    position,
    endToEndId: record.endToEndId,
    paymentInformationId: pmtInf.get(record.endToEndId) ?? null,
    recordKind: record.recordKind,
    recordId: record.recordId,
    paymentId,
    instrumentId: record.instrumentId ?? null,
    sequenceType: record.sequenceType ?? null,
    amount: record.amount,
  }));

  await flagExcluded(ledger, runCtx, plan, booked);
  const total = formatMinor(booked.reduce((sum, b) => sum + b.record.amountMinor, 0n), 'EUR');
  const order = await store.finishPlan(
    ctx.tenantId,
    planId,
    {
      businessEntityId: plan.entity.id,
      kind: plan.kind,
      format: plan.format,
      messageId: prepared.run.messageId,
      requestedDate: run.requestedDate,
      batchBooking: plan.batchBooking,
      transactionCount: prepared.run.count,
      total,
      fileXml: xml,
      excluded: excluded.map(({ recordId, recordKind, label, code, message }) => ({ recordId, recordKind, label, code, message })),
      warnings: prepared.warnings.map(({ code, message, endToEndId }) => ({ code, message, ...(endToEndId ? { endToEndId } : {}) })),
      createdBy: ctx.actor,
      transactions,
      jobId: options.jobId ?? null,
    },
    await mandateUpdates(store, ctx, plan, booked, excluded),
  );
  await progress(plan.included.length, plan.included.length);
  return { order, plan: { ...plan, included: plan.included.filter((i) => kept.has(i.endToEndId)), excluded, total } };
}
