/**
 * Plans a run without changing anything (the preview and the first step of creating one): picks
 * the candidates, resolves the bank account's settings (format, batch booking) and lets the pure
 * builders decide what goes in and what is excluded and why.
 */
import { randomBytes } from 'node:crypto';
import { invalid } from '../domain/errors.js';
import type { Entry } from '../domain/entry.js';
import type { Ledger, LedgerContext } from '../domain/ledger-port.js';
import { formatMinor } from '../domain/money.js';
import {
  buildCreditTransferRun,
  buildDirectDebitRun,
  type ExcludedRecord,
  type IncludedRecord,
  type SepaFormat,
  type SepaKind,
  type SepaRunInput,
} from '../formats/sepa/index.js';
import type { BusinessEntity, RunStore } from '../store/runs/run-store.js';
import { creditTransferCandidates, directDebitCandidates } from './candidates.js';

export interface RunRequest {
  kind: SepaKind;
  /** Business entity id or code. */
  businessEntity: string;
  /** Entries due on or before this date go in. */
  until: string;
  /** Only where the bank account asks per run (on-ask / off-ask). */
  batchBooking?: boolean;
  /** Defaults to the day the run is planned. */
  today?: string;
}

export interface PlannedRecord extends IncludedRecord {
  recordKind: 'entry' | 'refund';
  /** Entry number, or the refund id. */
  label: string;
  mandateReference?: string;
  sequenceType?: string;
  instrumentId?: string;
}

export interface PlannedExclusion extends ExcludedRecord {
  recordKind: 'entry' | 'refund';
  label: string;
  /** The mandate that could not be used, when that is why. */
  instrumentId?: string;
}

export interface RunPlan {
  kind: SepaKind;
  entity: BusinessEntity;
  format: SepaFormat;
  batchBooking: boolean;
  messageId: string;
  today: string;
  included: PlannedRecord[];
  excluded: PlannedExclusion[];
  total: string;
  /** Absent when nothing can go into the run. */
  run?: SepaRunInput;
  entries: Map<string, Entry>;
}

/** Unique per file and short enough that end-to-end ids built from it stay within 35 characters. */
export function newMessageId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `CM-${stamp}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

export function resolveBatchBooking(entity: BusinessEntity, asked: boolean | undefined): boolean {
  const setting = entity.bankAccount.batchBooking;
  if (setting === 'on' || setting === 'off') {
    if (asked !== undefined && asked !== (setting === 'on')) {
      throw invalid(
        'BATCH_BOOKING_FIXED',
        `bank account ${entity.bankAccount.iban} always books ${setting === 'on' ? 'in batches' : 'each transaction'}; batch booking cannot be chosen per run`,
      );
    }
    return setting === 'on';
  }
  return asked ?? setting === 'on-ask';
}

export async function planRun(ledger: Ledger, store: RunStore, ctx: LedgerContext, request: RunRequest, now = new Date()): Promise<RunPlan> {
  const entity = await store.getBusinessEntity(ctx.tenantId, request.businessEntity);
  const today = request.today ?? now.toISOString().slice(0, 10);
  const batchBooking = resolveBatchBooking(entity, request.batchBooking);
  const messageId = newMessageId(now);
  const account = {
    iban: entity.bankAccount.iban,
    name: entity.bankAccount.name ?? entity.creditorName,
    ...(entity.bankAccount.bic ? { bic: entity.bankAccount.bic } : {}),
    ...(entity.address ? { address: entity.address } : {}),
    charset: entity.bankAccount.charset,
  };
  const endToEndId = (index: number) => `${messageId}-E${index + 1}`;
  const label = (entries: Map<string, Entry>, id: string) => entries.get(id)?.number ?? id;

  if (request.kind === 'direct-debit') {
    const { candidates, instrumentOf, entries } = await directDebitCandidates(ledger, store, ctx, entity);
    const format = entity.bankAccount.directDebitFormat;
    const plan = buildDirectDebitRun({
      entity: { name: entity.creditorName, ...(entity.creditorId ? { creditorId: entity.creditorId } : {}), account },
      candidates,
      until: request.until,
      today,
      messageId,
      batchBooking,
      format,
      endToEndIdFor: (_entry, index) => endToEndId(index),
    });
    const included = plan.included.map((i): PlannedRecord => ({
      ...i,
      recordKind: 'entry',
      label: label(entries, i.recordId),
      instrumentId: instrumentOf.get(i.recordId)!.id,
    }));
    const excluded = plan.excluded.map((e): PlannedExclusion => {
      const instrument = instrumentOf.get(e.recordId);
      return { ...e, recordKind: 'entry', label: label(entries, e.recordId), ...(instrument ? { instrumentId: instrument.id } : {}) };
    });
    return finish({ kind: 'direct-debit', entity, format, batchBooking, messageId, today, included, excluded, entries, run: plan.run });
  }

  const { candidates, entries, refundIds, unassigned } = await creditTransferCandidates(ledger, store, ctx, entity);
  const format = entity.bankAccount.creditTransferFormat;
  const plan = buildCreditTransferRun({
    payer: { name: entity.creditorName, account },
    candidates,
    until: request.until,
    today,
    messageId,
    batchBooking,
    format,
    endToEndIdFor: (_id, index) => endToEndId(index),
  });
  const kindOf = (id: string) => (refundIds.has(id) ? ('refund' as const) : ('entry' as const));
  const included = plan.included.map((i): PlannedRecord => ({ ...i, recordKind: kindOf(i.recordId), label: label(entries, i.recordId) }));
  const excluded = [
    ...plan.excluded.map((e): PlannedExclusion => ({ ...e, recordKind: kindOf(e.recordId), label: label(entries, e.recordId) })),
    ...unassigned.map(({ refund, message }): PlannedExclusion => ({
      recordId: refund.id,
      recordKind: 'refund',
      label: refund.id,
      code: 'REFUND_BUSINESS_ENTITY_UNCLEAR',
      message,
    })),
  ];
  return finish({ kind: 'credit-transfer', entity, format, batchBooking, messageId, today, included, excluded, entries, run: plan.run });
}

function finish(plan: Omit<RunPlan, 'total' | 'run'> & { run: SepaRunInput | undefined }): RunPlan {
  const { run, ...rest } = plan;
  const total = formatMinor(plan.included.reduce((sum, i) => sum + i.amountMinor, 0n), 'EUR');
  return { ...rest, total, ...(run ? { run } : {}) };
}

