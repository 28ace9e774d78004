/**
 * Public types of the matching engine. Entries and items arrive in the shapes of the `cash match`
 * file contract; the engine turns them into compact internal records once, so a million entries
 * fit in memory.
 */
import type { CreditDebit, EntryStatus, Party } from '../formats/statement/model.js';

/** One open entry, as a line of ENTRIES.jsonl. `openAmount` is positive; `type` gives the direction. */
export interface OpenEntryInput {
  id: string;
  number: string;
  /** Debit = receivable (money comes in), Credit = payable (money goes out). */
  type: 'Debit' | 'Credit';
  currency: string;
  openAmount: string;
  statementDate?: string | null;
  dueDate?: string | null;
  account: { id: string; number?: string | null; name?: string | null; ibans?: string[] | null };
  contact?: { number?: string | null; name?: string | null } | null;
  paymentReference?: string | null;
  endToEndId?: string | null;
  customFields?: Record<string, unknown> | null;
}

/** One bank statement item, as printed by `cash statement parse`, plus an id. */
export interface BankItemInput {
  id: string;
  amount: string;
  currency?: string | null;
  creditDebit: CreditDebit;
  bookingDate?: string | null;
  valueDate?: string | null;
  status?: EntryStatus | null;
  counterparty?: Party | null;
  remittanceInformation?: string | null;
  endToEndId?: string | null;
  creditorReference?: string | null;
  bankTransactionCode?: string | null;
}

export interface Allocation {
  entryId: string;
  /** Positive decimal string in the entry's currency. */
  amount: string;
}

/** The signals a score is made of; each is the points it contributed (negative for a conflict). */
export type Signal = 'reference' | 'account' | 'amount' | 'allocation' | 'date';
export type Breakdown = Partial<Record<Signal, number>>;

export interface Candidate {
  allocations: Allocation[];
  score: number;
  breakdown: Breakdown;
}

export type Outcome = 'settled' | 'suggested' | 'unmatched';

export interface MatchResult {
  itemId: string;
  outcome: Outcome;
  allocations: Allocation[];
  score: number;
  /** Name of the configuration that found the chosen candidate; null when unmatched. */
  configuration: string | null;
  reasons: string[];
  candidates: Candidate[];
}

export interface MatchOptions {
  /** Score from which an unambiguous candidate is settled automatically. */
  autoSettleThreshold: number;
  /** Score from which a candidate is suggested for review. */
  suggestThreshold: number;
  /** The best candidate must lead the runner-up by this much to be settled. */
  ambiguityMargin: number;
  /** "Unique match only": settle only when there is no other candidate at all. */
  uniqueOnly: boolean;
  /** Candidates kept per item, best first. */
  maxCandidates: number;
  /** Open entries of one account considered by the subset search. */
  subsetMaxEntries: number;
  /** Nodes the subset search may visit for one account before it gives up. */
  subsetBudget: number;
}

export const DEFAULT_OPTIONS: MatchOptions = {
  autoSettleThreshold: 0.9,
  suggestThreshold: 0.3,
  ambiguityMargin: 0.1,
  uniqueOnly: false,
  maxCandidates: 5,
  subsetMaxEntries: 24,
  subsetBudget: 20_000,
};
