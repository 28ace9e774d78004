/**
 * Creates a planned run: for every transaction a payment (status from the bank account's initial
 * payment status, end-to-end id stored) and its entry item through the ledger port, so the entry
 * shows what is on its way; refunds go Pending. Only then is the file written, with exactly the
 * transactions the ledger took: an entry that changed meanwhile (another run, a payment that
 * arrived) is refused by the ledger's over-allocation rule and listed as excluded instead of being
 * collected twice. Entries that could not go in are flagged as excluded with the reason, through
 * the ledger port too. The payment order keeps the file, its message id and which payment each
 * transaction became.
 */
import { CashError, invalid } from '../domain/errors.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { applyExpiry, recordCollection } from '../domain/mandates/lifecycle.js';
import { formatMinor } from '../domain/money.js';
import { prepareRun, writeRunToString, type PreparedRun, type RunTransaction } from '../formats/sepa/index.js';
import type { PaymentOrder, PaymentOrderTransaction, RunStore } from '../store/runs/run-store.js';
import type { PlannedExclusion, PlannedRecord, RunPlan } from './plan-run.js';

export type RunProgress = (done: number, total: number) => void | Promise<void>;

export interface CreatedRun {
  order: PaymentOrder;
  plan: RunPlan;
}

/** Which payment-information block (PmtInfId) each end-to-end id was written in. */
function blockIds(run: PreparedRun): Map<string, string> {
  const byEndToEnd = new Map<string, string>();
  for (const block of run.blocks) for (const tx of run.transactions(block.key)) byEndToEnd.set(tx.endToEndId, block.id);
  return byEndToEnd;
}

type Booked = { record: PlannedRecord; paymentId: string | null };

/** The payment and entry item (or the refund's status) of one transaction, or why the ledger refused it. */
async function book(ledger: Ledger, ctx: LedgerContext, plan: RunPlan, tx: RunTransaction | undefined, record: PlannedRecord): Promise<Booked> {
  if (record.recordKind === 'refund') {
    await ledger.setRefundStatus(ctx, record.recordId, 'Pending', `SEPA credit transfer ${record.endToEndId}`);
    return { record, paymentId: null };
  }
  const entry = plan.entries.get(record.recordId)!;
  const payment = await ledger.createPayment(ctx, {
    type: plan.kind === 'direct-debit' ? 'Direct Debit' : 'Credit Transfer',
    status: plan.entity.bankAccount.initialPaymentStatus,
    currency: 'EUR',
    amount: record.amountMinor,
    party: { name: tx!.counterparty.name, iban: tx!.counterparty.iban, bic: tx!.counterparty.bic ?? null },
    accountId: entry.account.id,
    externalId: null,
    endToEndId: record.endToEndId,
    paymentDate: record.requestedDate,
    statusDetails: `SEPA ${plan.kind} ${plan.messageId}`,
  });
  try {
    await ledger.settle(ctx, [{ entryId: entry.id, paymentId: payment.id, amount: record.amountMinor }]);
  } catch (error) {
    // the payment never goes to the bank: it fails at once, with the ledger's reason
    if (error instanceof CashError) await ledger.setPaymentStatus(ctx, payment.id, 'Failed', `not submitted: ${error.message}`);
    throw error;
  }
  return { record, paymentId: payment.id };
}

export async function createRun(
  ledger: Ledger,
  store: RunStore,
  ctx: LedgerContext,
  plan: RunPlan,
  now = new Date(),
  progress: RunProgress = () => undefined,
): Promise<CreatedRun> {
  const nothing = () =>
    invalid('RUN_NOTHING_TO_DO', `nothing can go into this ${plan.kind} run (${plan.excluded.length} excluded)`, { excluded: plan.excluded });
  if (!plan.run) throw nothing();
  const runCtx = { ...ctx, businessProcess: plan.kind === 'direct-debit' ? 'Direct Debit Run' : 'Credit Transfer Run' };

  const byEndToEnd = new Map([...plan.run.transactions].map((t) => [t.endToEndId!, t]));
  const booked: Booked[] = [];
  const excluded: PlannedExclusion[] = [...plan.excluded];
  for (const [index, record] of plan.included.entries()) {
    try {
      booked.push(await book(ledger, runCtx, plan, byEndToEnd.get(record.endToEndId), record));
    } catch (error) {
      if (!(error instanceof CashError)) throw error;
      excluded.push({ recordId: record.recordId, recordKind: record.recordKind, label: record.label, code: error.code, message: error.message });
    }
    if ((index + 1) % 100 === 0) await progress(index + 1, plan.included.length);
  }
  if (booked.length === 0) throw nothing();

  const kept = new Set(booked.map((b) => b.record.endToEndId));
  const keptTransactions = [...plan.run.transactions].filter((t) => kept.has(t.endToEndId!));
  const run = { ...plan.run, requestedDate: keptTransactions[0]!.requestedDate!, transactions: keptTransactions };
  const prepared = prepareRun(run, { kind: plan.kind, format: plan.format, today: plan.today, now });
  if (!prepared.run) {
    throw invalid('RUN_REFUSED', prepared.problems.map((p) => p.message).join('; '), { problems: prepared.problems });
  }
  const xml = writeRunToString(prepared.run);
  const pmtInf = blockIds(prepared.run);

  const transactions: Omit<PaymentOrderTransaction, 'status' | 'statusCode' | 'reason'>[] = [];
  for (const [position, { record, paymentId }] of booked.entries()) {
    if (record.instrumentId) {
      const instrument = await store.getInstrument(ctx.tenantId, record.instrumentId);
      if (instrument.mandate) await store.updateMandate(ctx.tenantId, instrument.id, recordCollection(instrument.mandate, record.requestedDate));
    }
    transactions.push({
      position,
      endToEndId: record.endToEndId,
      paymentInformationId: pmtInf.get(record.endToEndId) ?? null,
      recordKind: record.recordKind,
      recordId: record.recordId,
      paymentId,
      instrumentId: record.instrumentId ?? null,
      sequenceType: record.sequenceType ?? null,
      amount: record.amount,
    });
  }

  // a mandate without a collection for 36 months has lapsed: it is ended, not tried again
  for (const e of excluded) {
    if (e.code !== 'MANDATE_EXPIRED' || !e.instrumentId) continue;
    const instrument = await store.getInstrument(ctx.tenantId, e.instrumentId);
    if (instrument.mandate?.active) await store.updateMandate(ctx.tenantId, instrument.id, applyExpiry(instrument.mandate, plan.today));
  }

  // not silently skipped: flagged with the reason, which the next run checks again (a person's exclusion stays)
  for (const e of plan.excluded) {
    const entry = e.recordKind === 'entry' && e.code !== 'ENTRY_EXCLUDED' ? plan.entries.get(e.recordId) : undefined;
    if (!entry) continue;
    const message = `${e.code}: ${e.message}`;
    if (entry.excludedAutomatically && entry.errorMessages.length === 1 && entry.errorMessages[0] === message) continue;
    const errorMessages = entry.excludedAutomatically ? [message] : [...entry.errorMessages.filter((m) => m !== message), message];
    await ledger.setEntryControls(runCtx, entry.id, { excludeFromPaymentRun: true, excludedAutomatically: true, errorMessages });
  }
  // an entry a run excluded and that now went in: its cause is gone, and so is the flag
  for (const { record } of booked) {
    const entry = record.recordKind === 'entry' ? plan.entries.get(record.recordId) : undefined;
    if (entry?.excludedAutomatically) await ledger.setEntryControls(runCtx, entry.id, { excludeFromPaymentRun: false, errorMessages: [] });
  }

  const total = booked.reduce((sum, b) => sum + b.record.amountMinor, 0n);
  const order = await store.createOrder(ctx.tenantId, {
    businessEntityId: plan.entity.id,
    kind: plan.kind,
    format: plan.format,
    messageId: prepared.run.messageId,
    requestedDate: run.requestedDate,
    batchBooking: plan.batchBooking,
    transactionCount: prepared.run.count,
    total: formatMinor(total, 'EUR'),
    fileXml: xml,
    excluded: excluded.map(({ recordId, recordKind, label, code, message }) => ({ recordId, recordKind, label, code, message })),
    warnings: prepared.warnings.map(({ code, message, endToEndId }) => ({ code, message, ...(endToEndId ? { endToEndId } : {}) })),
    createdBy: ctx.actor,
    transactions,
  });
  await progress(plan.included.length, plan.included.length);
  const included = plan.included.filter((i) => kept.has(i.endToEndId));
  return { order, plan: { ...plan, included, excluded, total: formatMinor(total, 'EUR') } };
}
