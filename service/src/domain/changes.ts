import type { Entry } from './entry.js';
import type { NewEntryItem } from './entry-item.js';
import type { Payment } from './payment.js';
import type { NewRefund } from './refund.js';

/**
 * What one business operation changes. Domain functions compute it from a snapshot of the rows
 * they need; a ledger adapter writes it in one transaction.
 */
export interface Changes {
  entries: Map<string, Entry>;
  payments: Map<string, Payment>;
  items: NewEntryItem[];
  refunds: NewRefund[];
}

export const emptyChanges = (): Changes => ({
  entries: new Map(),
  payments: new Map(),
  items: [],
  refunds: [],
});

export interface Actor {
  /** Who did it: a user, an API key name or a process. */
  by: string;
  businessProcess: string;
  at: Date;
}
