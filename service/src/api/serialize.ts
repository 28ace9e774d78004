import { outstandingAmount, payableAmount, type Entry } from '../domain/entry.js';
import type { EntryItem } from '../domain/entry-item.js';
import { formatMinor } from '../domain/money.js';
import { availableAmount, type Payment } from '../domain/payment.js';
import type { Refund } from '../domain/refund.js';
import type { ApiKeyRecord, Tenant } from '../store/tenants.js';

/** Domain → JSON: amounts become decimal strings with the currency's decimals. */
export function entryJson(e: Entry) {
  const m = (v: bigint) => formatMinor(v, e.currency);
  return {
    id: e.id,
    number: e.number,
    type: e.type,
    status: e.status,
    currency: e.currency,
    initialAmount: m(e.initialAmount),
    openAmount: m(e.openAmount),
    assignedAmount: m(e.assignedAmount),
    expectedAmount: m(e.expectedAmount),
    outstandingAmount: m(outstandingAmount(e)),
    payableAmount: m(payableAmount(e)),
    businessEntityId: e.businessEntityId,
    account: e.account,
    contact: e.contact,
    title: e.title,
    paymentReference: e.paymentReference,
    statementDate: e.statementDate,
    dueDate: e.dueDate,
    creditApproval: e.creditApproval,
    excludeFromPaymentRun: e.excludeFromPaymentRun,
    excludedAutomatically: e.excludedAutomatically,
    errorMessages: e.errorMessages,
    paymentDate: e.paymentDate,
    cancellation: e.cancellation ? { ...e.cancellation, at: e.cancellation.at.toISOString() } : null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function paymentJson(p: Payment) {
  const m = (v: bigint) => formatMinor(v, p.currency);
  return {
    id: p.id,
    type: p.type,
    direction: p.direction,
    status: p.status,
    currency: p.currency,
    amount: m(p.amount),
    assignedAmount: m(p.assignedAmount),
    expectedAmount: m(p.expectedAmount),
    blockedAmount: m(p.blockedAmount),
    refundedAmount: m(p.refundedAmount),
    availableAmount: m(availableAmount(p)),
    party: p.party,
    accountId: p.accountId,
    externalId: p.externalId,
    endToEndId: p.endToEndId,
    paymentDate: p.paymentDate,
    statusDetails: p.statusDetails,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function entryItemJson(i: EntryItem) {
  return {
    id: i.id,
    entryId: i.entryId,
    paymentId: i.paymentId,
    currency: i.currency,
    amount: formatMinor(i.amount, i.currency),
    expectedAmount: formatMinor(i.expectedAmount, i.currency),
    businessProcess: i.businessProcess,
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    reversalOf: i.reversalOf,
    reversedBy: i.reversedBy,
    reason: i.reason,
    matching: i.matching,
  };
}

export function refundJson(r: Refund) {
  return {
    id: r.id,
    paymentId: r.paymentId,
    currency: r.currency,
    amount: formatMinor(r.amount, r.currency),
    status: r.status,
    method: r.method,
    reason: r.reason,
    cancellationReason: r.cancellationReason,
    errorMessage: r.errorMessage,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const tenantJson = (t: Tenant) => ({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString() });

export const apiKeyJson = (k: ApiKeyRecord) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
});
