/**
 * The settlement link between one entry and one payment. Rows are append-only: an undo appends a
 * reversal row (negated amounts, `reversalOf` pointing at the original) instead of deleting.
 * Amounts follow the entry-item sign convention: negative for money received, positive for money
 * paid out. `amount` is what is assigned; `expectedAmount` what a pending payment will bring.
 */
export interface EntryItem {
  id: string;
  entryId: string;
  paymentId: string;
  currency: string;
  amount: bigint;
  expectedAmount: bigint;
  businessProcess: string;
  createdBy: string;
  createdAt: Date;
  reversalOf: string | null;
  reversedBy: string | null;
  reason: string | null;
  /** Matching configuration and score that produced an automatic settlement, when one did. */
  matching: { configuration: string; score: number } | null;
}

export type NewEntryItem = Omit<EntryItem, 'id' | 'createdAt' | 'reversedBy'>;

/** An item counts while it is neither a reversal nor reversed. */
export const isActive = (item: EntryItem): boolean => item.reversalOf === null && item.reversedBy === null;
