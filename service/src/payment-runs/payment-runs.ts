/**
 * SEPA payment runs for the API, CLI and job queue: preview (nothing changes), create (file,
 * payments, entry items, order), mark the file submitted, apply a bank status report. One run per
 * business entity and kind at a time: a second is refused with RUN_IN_PROGRESS, and the run of a
 * process that died is resumed by the next one (its job retried, or the next run of that entity).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { conflict } from '../domain/errors.js';
import { formatMinor, parseMinor } from '../domain/money.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { runInProgress, type PaymentOrder, type PaymentOrderTransaction, type RunLockKey, type RunStore } from '../store/runs/run-store.js';
import { applyStatusReport, type StatusApplication } from './apply-status.js';
import { bookRun, createRun, type CreatedRun, type RunProgress } from './create-run.js';
import { planRun, resolveBatchBooking, type RunPlan, type RunRequest } from './plan-run.js';
import { decodePlan } from './stored-plan.js';
import type { RunTransaction } from '../formats/sepa/index.js';

export type { RunRequest } from './plan-run.js';
export type { StatusApplication } from './apply-status.js';

/** Well inside the 10 minutes after which a silent run's lock may be taken over. */
const HEARTBEAT_MS = 60_000;

/** A plan as previewed, or as a created run ended. */
type SummarisedPlan = Pick<RunPlan, 'kind' | 'entity' | 'format' | 'batchBooking' | 'included' | 'excluded' | 'total'> & {
  run?: { requestedDate?: string | undefined; transactions: Iterable<RunTransaction> } | null | undefined;
};

/**
 * The payment-information blocks the file has (or would have): one per requested date, and for
 * direct debits per scheme and sequence type, in the order the writer opens them.
 */
function paymentInformation(plan: SummarisedPlan) {
  const included = new Set(plan.included.map((i) => i.endToEndId));
  const blocks = new Map<string, { requestedDate: string; scheme: string | null; sequenceType: string | null; count: number; totalMinor: bigint }>();
  for (const tx of plan.run?.transactions ?? []) {
    if (!included.has(tx.endToEndId!)) continue;
    const requestedDate = tx.requestedDate ?? plan.run!.requestedDate!;
    const scheme = tx.mandate?.scheme ?? null;
    const sequenceType = tx.mandate?.sequenceType ?? null;
    const key = `${requestedDate}|${scheme}|${sequenceType}`;
    const block = blocks.get(key) ?? { requestedDate, scheme, sequenceType, count: 0, totalMinor: 0n };
    block.count += 1;
    block.totalMinor += parseMinor(tx.amount, 'EUR');
    blocks.set(key, block);
  }
  return [...blocks.values()].map(({ totalMinor, ...b }) => ({ ...b, total: formatMinor(totalMinor, 'EUR') }));
}

/** What a preview or a created run reports: what goes in, what is excluded and why. */
export function runSummary(plan: SummarisedPlan) {
  const blocks = paymentInformation(plan);
  return {
    kind: plan.kind,
    businessEntityId: plan.entity.id,
    businessEntity: plan.entity.code,
    format: plan.format,
    batchBooking: plan.batchBooking,
    /** The earliest requested date; every date of the run is in requestedDates and paymentInformation. */
    requestedDate: blocks.map((b) => b.requestedDate).sort()[0] ?? null,
    requestedDates: [...new Set(blocks.map((b) => b.requestedDate))].sort(),
    paymentInformation: blocks,
    count: plan.included.length,
    total: plan.total,
    currency: 'EUR',
    included: plan.included.map((i) => ({
      recordKind: i.recordKind,
      recordId: i.recordId,
      label: i.label,
      endToEndId: i.endToEndId,
      amount: i.amount,
      requestedDate: i.requestedDate,
      mandateReference: i.mandateReference ?? null,
      sequenceType: i.sequenceType ?? null,
    })),
    excluded: plan.excluded.map((e) => ({ recordKind: e.recordKind, recordId: e.recordId, label: e.label, code: e.code, message: e.message })),
  };
}
export type RunSummary = ReturnType<typeof runSummary>;

export interface RunOutcome {
  order: PaymentOrder;
  summary: RunSummary;
  /** The run finished was one left unfinished by a process that died, not a new one. */
  resumed: boolean;
}

export class PaymentRuns {
  constructor(
    private readonly ledger: Ledger,
    readonly store: RunStore,
  ) {}

  /** Refuses now what would fail the run later: an unknown entity, batch booking the account does not let choose. */
  async check(ctx: LedgerContext, request: RunRequest): Promise<RunLockKey> {
    const entity = await this.store.getBusinessEntity(ctx.tenantId, request.businessEntity);
    resolveBatchBooking(entity, request.batchBooking);
    return { businessEntityId: entity.id, kind: request.kind };
  }

  /**
   * Takes the entity's run lock for a job about to be queued (the job takes it over when it runs),
   * so a second request is refused at once rather than in a failed job. RUN_IN_PROGRESS if taken.
   */
  async reserve(ctx: LedgerContext, request: RunRequest, jobId: string): Promise<{ release(): Promise<void> }> {
    const key = await this.check(ctx, request);
    if (!(await this.store.acquireRunLock(ctx.tenantId, key, jobId, jobId))) throw runInProgress(key, request.businessEntity);
    return { release: () => this.store.releaseRunLock(ctx.tenantId, key, jobId) };
  }

  async preview(ctx: LedgerContext, request: RunRequest): Promise<RunSummary> {
    return runSummary(await planRun(this.ledger, this.store, ctx, request));
  }

  /**
   * Creates a run under the entity's run lock: first finishes a run of this entity and kind that a
   * dead process left unfinished (and returns that one), otherwise plans and creates a new one.
   */
  async create(ctx: LedgerContext, request: RunRequest, progress?: RunProgress): Promise<RunOutcome> {
    return this.locked(ctx, request, `${hostname()}:${process.pid}:${randomUUID()}`, null, (key) => this.book(ctx, request, key, progress, null));
  }

  /**
   * The same for the job `jobId`: a retried job keeps its lock, resumes its plan, or finds the
   * order it had already finished when it died.
   */
  async createForJob(ctx: LedgerContext, request: RunRequest, jobId: string, progress?: RunProgress): Promise<{ order: PaymentOrder; resumed: boolean }> {
    return this.locked(ctx, request, jobId, jobId, async (key) => {
      const finished = await this.store.findOrderByJob(ctx.tenantId, jobId);
      return finished ? { order: finished, resumed: true } : this.book(ctx, request, key, progress, jobId);
    });
  }

  private async locked<T>(ctx: LedgerContext, request: RunRequest, holder: string, jobId: string | null, work: (key: RunLockKey) => Promise<T>): Promise<T> {
    const key = await this.check(ctx, request);
    if (!(await this.store.acquireRunLock(ctx.tenantId, key, holder, jobId))) throw runInProgress(key, request.businessEntity);
    const heartbeat = setInterval(() => void this.store.touchRunLock(ctx.tenantId, key, holder).catch(() => undefined), HEARTBEAT_MS);
    try {
      return await work(key);
    } finally {
      clearInterval(heartbeat);
      await this.store.releaseRunLock(ctx.tenantId, key, holder);
    }
  }

  private async book(ctx: LedgerContext, request: RunRequest, key: RunLockKey, progress: RunProgress | undefined, jobId: string | null): Promise<RunOutcome> {
    const options = { jobId, ...(progress ? { progress } : {}) };
    const stranded = await this.store.openPlan(ctx.tenantId, key);
    let created: CreatedRun;
    if (stranded) created = await bookRun(this.ledger, this.store, ctx, stranded.id, decodePlan(stranded.plan), options);
    else {
      const now = new Date();
      created = await createRun(this.ledger, this.store, ctx, await planRun(this.ledger, this.store, ctx, request, now), now, options);
    }
    return { order: created.order, summary: runSummary(created.plan), resumed: stranded !== null };
  }

  async order(ctx: LedgerContext, id: string): Promise<PaymentOrder & { transactions: PaymentOrderTransaction[] }> {
    const order = await this.store.getOrder(ctx.tenantId, id);
    return { ...order, transactions: await this.store.orderTransactions(ctx.tenantId, id) };
  }

  /** The file went to the bank. Only a prepared order can be submitted, and only once (checked in the update itself). */
  async markSubmitted(ctx: LedgerContext, id: string): Promise<PaymentOrder> {
    const submitted = await this.store.moveOrderStatus(ctx.tenantId, id, 'Prepared', 'Submitted');
    if (submitted) return submitted;
    const order = await this.store.getOrder(ctx.tenantId, id);
    throw conflict('PAYMENT_ORDER_NOT_PREPARED', `payment order ${order.messageId} is ${order.status}, not Prepared`);
  }

  applyStatusReport(ctx: LedgerContext, content: string | Uint8Array): Promise<StatusApplication> {
    return applyStatusReport(this.ledger, this.store, ctx, content);
  }
}
