/**
 * The open entries of one ledger, indexed for the lookups the finders make: every lookup is a hash
 * map access, so matching costs grow with the number of items, not items × entries. Entries are
 * added one at a time (a file can be streamed in) and their open amounts go down as items settle
 * them during a run.
 */
import { invalid } from '../domain/errors.js';
import { parseMinor } from '../domain/money.js';
import { isValidCreditorReference, normaliseCreditorReference } from '../formats/rf-reference.js';
import { MultiMap } from './multimap.js';
import { digitsKey, ibanKey, nameTokens, paddedKey, referenceKey } from './normalise.js';
import type { OpenEntryInput } from './types.js';

export interface AccountRecord {
  readonly id: string;
  readonly number: string | null;
  readonly name: string | null;
  readonly nameTokens: string[];
  readonly ibans: Set<string>;
  readonly entries: EntryRecord[];
}

export interface EntryRecord {
  readonly id: string;
  readonly number: string;
  readonly paymentReference: string | null;
  /** Receivables (Debit) are paid by incoming money, payables (Credit) by outgoing money. */
  readonly incoming: boolean;
  readonly currency: string;
  /** Still open, in minor units; lowered as a run settles the entry. */
  open: bigint;
  readonly statementDate: string | null;
  readonly dueDate: string | null;
  readonly account: AccountRecord;
  /** Input order, for stable results. */
  readonly seq: number;
}

export type ReferenceField = 'Number' | 'PaymentReference';
export type KeyKind = 'exact' | 'padded' | 'digits';

export const amountKey = (incoming: boolean, currency: string, minor: bigint): string =>
  `${incoming ? 'I' : 'O'}${currency}${minor}`;

function referenceMaps(): Record<KeyKind, MultiMap<EntryRecord>> {
  return { exact: new MultiMap(), padded: new MultiMap(), digits: new MultiMap() };
}

export class EntryIndex {
  readonly accounts = new Map<string, AccountRecord>();
  readonly byEndToEnd = new MultiMap<EntryRecord>();
  readonly byCreditorReference = new MultiMap<EntryRecord>();
  readonly byReference: Record<ReferenceField, Record<KeyKind, MultiMap<EntryRecord>>> = {
    Number: referenceMaps(),
    PaymentReference: referenceMaps(),
  };
  readonly byAmount = new MultiMap<EntryRecord>();
  readonly byCustomField = new Map<string, MultiMap<EntryRecord>>();
  readonly accountsByIban = new MultiMap<AccountRecord>();
  readonly accountsByNumber = new MultiMap<AccountRecord>();
  readonly accountsByContactNumber = new MultiMap<AccountRecord>();
  readonly accountsByName = new MultiMap<AccountRecord>();
  readonly accountsByNameToken = new MultiMap<AccountRecord>();
  readonly accountsByContactName = new MultiMap<AccountRecord>();
  readonly accountsByContactNameToken = new MultiMap<AccountRecord>();
  /** Contact name tokens per account, for the similarity of a contact match. */
  readonly contactNames = new Map<AccountRecord, string[][]>();
  private count = 0;
  private readonly currencySet = new Set<string>();

  /** @param customFields the custom fields FindEntryByCustomField configurations search. */
  constructor(customFields: readonly string[] = []) {
    for (const field of customFields) this.byCustomField.set(field, new MultiMap());
  }

  get size(): number {
    return this.count;
  }

  /** Currencies of the indexed entries, for items that do not state theirs. */
  currencies(): string[] {
    return [...this.currencySet];
  }

  add(input: OpenEntryInput): EntryRecord {
    if (!input || typeof input.id !== 'string' || !input.account || typeof input.account.id !== 'string') {
      throw invalid('ENTRY_INVALID', 'an entry needs an "id" and an "account" with an "id"', { id: input?.id });
    }
    if (input.type !== 'Debit' && input.type !== 'Credit') {
      throw invalid('ENTRY_INVALID', `entry ${input.id}: "type" must be "Debit" or "Credit"`, { id: input.id });
    }
    const open = parseMinor(input.openAmount, input.currency);
    if (open <= 0n) {
      throw invalid('ENTRY_INVALID', `entry ${input.id}: "openAmount" must be positive`, { id: input.id });
    }
    const account = this.account(input.account);
    const entry: EntryRecord = {
      id: input.id,
      number: String(input.number ?? ''),
      paymentReference: input.paymentReference ?? null,
      incoming: input.type === 'Debit',
      currency: input.currency,
      open,
      statementDate: input.statementDate ?? null,
      dueDate: input.dueDate ?? null,
      account,
      seq: this.count,
    };
    this.count += 1;
    this.currencySet.add(entry.currency);
    account.entries.push(entry);
    this.indexReference('Number', entry.number, entry);
    if (entry.paymentReference) {
      this.indexReference('PaymentReference', entry.paymentReference, entry);
      if (isValidCreditorReference(entry.paymentReference)) {
        this.byCreditorReference.add(normaliseCreditorReference(entry.paymentReference), entry);
      }
    }
    if (input.endToEndId) this.byEndToEnd.add(input.endToEndId.trim(), entry);
    this.byAmount.add(amountKey(entry.incoming, entry.currency, open), entry);
    for (const [field, map] of this.byCustomField) {
      const value = input.customFields?.[field];
      if (typeof value === 'string' || typeof value === 'number') {
        const key = referenceKey(String(value));
        if (key) map.add(key, entry);
      }
    }
    if (input.contact) this.indexContact(input.contact, account);
    return entry;
  }

  private indexReference(field: ReferenceField, value: string, entry: EntryRecord): void {
    const maps = this.byReference[field];
    const exact = referenceKey(value);
    if (exact.length < 3) return;
    maps.exact.add(exact, entry);
    const padded = paddedKey(value);
    if (padded !== exact) maps.padded.add(padded, entry);
    const digits = digitsKey(value);
    if (digits && digits !== exact) maps.digits.add(digits, entry);
  }

  private account(input: OpenEntryInput['account']): AccountRecord {
    let account = this.accounts.get(input.id);
    if (!account) {
      account = {
        id: input.id,
        number: input.number ?? null,
        name: input.name ?? null,
        nameTokens: nameTokens(input.name),
        ibans: new Set(),
        entries: [],
      };
      this.accounts.set(input.id, account);
      if (input.number) {
        this.accountsByNumber.add(referenceKey(input.number), account);
        this.accountsByNumber.add(paddedKey(input.number), account);
      }
      if (account.nameTokens.length > 0) {
        this.accountsByName.add(account.nameTokens.join(' '), account);
        for (const token of account.nameTokens) this.accountsByNameToken.add(token, account);
      }
    }
    for (const iban of input.ibans ?? []) {
      const key = ibanKey(iban);
      if (!key || account.ibans.has(key)) continue;
      account.ibans.add(key);
      this.accountsByIban.add(key, account);
    }
    return account;
  }

  private indexContact(contact: NonNullable<OpenEntryInput['contact']>, account: AccountRecord): void {
    if (contact.number) {
      this.accountsByContactNumber.add(referenceKey(contact.number), account);
      this.accountsByContactNumber.add(paddedKey(contact.number), account);
    }
    const words = nameTokens(contact.name);
    if (words.length === 0) return;
    const known = this.contactNames.get(account) ?? [];
    const joined = words.join(' ');
    if (known.some((k) => k.join(' ') === joined)) return;
    known.push(words);
    this.contactNames.set(account, known);
    this.accountsByContactName.add(joined, account);
    for (const token of words) this.accountsByContactNameToken.add(token, account);
  }
}
