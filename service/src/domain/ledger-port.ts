import type { CreditApproval, CreditBalanceStrategy, Entry, EntryStatus, EntryType } from './entry.js';
import type { EntryItem } from './entry-item.js';
import type { Payment, PaymentStatus, PaymentType, PartySnapshot } from './payment.js';
import type { Refund, RefundStatus } from './refund.js';
import type { AllocationRequest } from './settlement.js';
import type { NewEntry } from './new-entry.js';

/** Who asks, on behalf of which tenant. Every ledger call is scoped to one tenant. */
export interface LedgerContext {
  tenantId: string;
  actor: string;
  businessProcess: string;
}

export interface EntryFilter {
  status?: EntryStatus;
  type?: EntryType;
  accountId?: string;
  currency?: string;
  dueBefore?: string;
  number?: string;
  businessEntityId?: string;
}

export interface EntryControls {
  creditApproval?: CreditApproval;
  excludeFromPaymentRun?: boolean;
  /** With excludeFromPaymentRun: a run set it and checks it again next time; a person's exclusion stays. */
  excludedAutomatically?: boolean;
  errorMessages?: string[];
}

export interface PaymentFilter {
  status?: PaymentStatus;
  type?: PaymentType;
  currency?: string;
  endToEndId?: string;
  externalId?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

export interface NewPayment {
  type: PaymentType;
  status: PaymentStatus;
  currency: string;
  amount: bigint;
  party: PartySnapshot;
  accountId: string | null;
  externalId: string | null;
  endToEndId: string | null;
  paymentDate: string | null;
  statusDetails: string | null;
}

/**
 * The port through which the service reads and changes entries, payments, entry items and refunds.
 * The Postgres ledger is the standalone implementation; a Salesforce adapter implements the same
 * port for a connected org. Every method that changes anything is atomic.
 */
export interface Ledger {
  createEntry(ctx: LedgerContext, entry: NewEntry): Promise<Entry>;
  getEntry(ctx: LedgerContext, id: string): Promise<Entry>;
  listEntries(ctx: LedgerContext, filter: EntryFilter, limit: number, cursor: string | null): Promise<Page<Entry>>;
  cancelEntry(
    ctx: LedgerContext,
    id: string,
    request: { reason: string; number: string | null; strategy: CreditBalanceStrategy },
  ): Promise<{ entry: Entry; refunds: Refund[] }>;

  /**
   * Payment-run controls of an entry: credit approval of a payable, exclusion from payment runs and
   * the validation messages that explain it. Fields left out stay as they are.
   */
  setEntryControls(ctx: LedgerContext, id: string, controls: EntryControls): Promise<Entry>;

  createPayment(ctx: LedgerContext, payment: NewPayment): Promise<Payment>;
  getPayment(ctx: LedgerContext, id: string): Promise<Payment>;
  listPayments(ctx: LedgerContext, filter: PaymentFilter, limit: number, cursor: string | null): Promise<Page<Payment>>;
  setPaymentStatus(ctx: LedgerContext, id: string, status: PaymentStatus, details: string | null): Promise<Payment>;

  settle(ctx: LedgerContext, allocations: AllocationRequest[]): Promise<EntryItem[]>;
  undoSettlement(ctx: LedgerContext, entryItemIds: string[], reason: string): Promise<EntryItem[]>;
  listEntryItems(ctx: LedgerContext, of: { entryId?: string; paymentId?: string }): Promise<EntryItem[]>;

  createRefund(
    ctx: LedgerContext,
    paymentId: string,
    request: { amount: bigint; reason: string | null; method?: Refund['method'] },
  ): Promise<Refund>;
  getRefund(ctx: LedgerContext, id: string): Promise<Refund>;
  listRefunds(ctx: LedgerContext, filter: { paymentId?: string; status?: RefundStatus }): Promise<Refund[]>;
  setRefundStatus(ctx: LedgerContext, id: string, status: RefundStatus, note: string | null): Promise<Refund>;
}
