import type { Entry } from './entry.js';
import { conflict, invalid } from './errors.js';
import type { EntryControls } from './ledger-port.js';

/** Applies payment-run controls; only payables have a credit approval, and closed entries keep theirs. */
export function applyEntryControls(entry: Entry, controls: EntryControls, at: Date): Entry {
  if (controls.creditApproval !== undefined && entry.type !== 'Credit') {
    throw invalid('CREDIT_APPROVAL_PAYABLES_ONLY', `entry ${entry.number} is a receivable; only payables are approved for payout`);
  }
  if (entry.status === 'Canceled') throw conflict('ENTRY_CANCELED', `entry ${entry.number} is canceled`);
  return {
    ...entry,
    creditApproval: controls.creditApproval ?? entry.creditApproval,
    excludeFromPaymentRun: controls.excludeFromPaymentRun ?? entry.excludeFromPaymentRun,
    // whoever sets the flag owns it: a person's exclusion is never lifted by a run
    excludedAutomatically:
      controls.excludeFromPaymentRun === undefined
        ? entry.excludedAutomatically
        : controls.excludeFromPaymentRun && (controls.excludedAutomatically ?? false),
    errorMessages: controls.errorMessages ?? entry.errorMessages,
    updatedAt: at,
  };
}
