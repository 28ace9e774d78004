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
import { ibanKey, nameTokens, referenceKey, referenceKeys } from './normalise.js';
import type { OpenEntryInput } from './types.js';

export interface AccountRecord {
  readonly id: string;
  readonly number: string | null;
  readonly name: string | null;
  readonly nameTokens: string[];
  readonly ibans: Set<string>;
  /** Contacts already indexed, as "number NUL name". */
  readonly contacts: Set<string>;
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

export { referenceKeys as keysOf } from './normalise.js';

export const amountKey = (incoming: boolean, currency: string, minor: bigint): string =>
  `${incoming ? 'I' : 'O'}${currency}${minor}`;

export class EntryIndex {
  readonly accounts = new Map<string, AccountRecord>();
  readonly byEndToEnd = new MultiMap<EntryRecord>();
  readonly byCreditorReference = new MultiMap<EntryRecord>();
  /**
   * Statement numbers and payment references by their exact and unpadded keys in one map, and by
   * their digits in another: one lookup per key and text window instead of one per field and kind.
   */
  readonly byReferenceKey = new MultiMap<EntryRecord>();
  readonly byReferenceDigits = new MultiMap<EntryRecord>();
  readonly byAmount = new MultiMap<EntryRecord>();
  readonly byCustomField = new Map<string, MultiMap<EntryRecord>>();
  readonly accountsByIban = new MultiMap<AccountRecord>();
  readonly accountsByNumber = new MultiMap<AccountRecord>();
  readonly accountsByContactNumber = new MultiMap<AccountRecord>();
  readonly accountsByName = new MultiMap<AccountRecord>();
  readonly accountsByNameToken = new MultiMap<AccountRecord>();
  /** Contact names by their word set: people's names are compared whole, in any word order. */
  readonly accountsByContactName = new MultiMap<AccountRecord>();
  private count = 0;
  private readonly contactNameKeys = new Map<string, string>();
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
    this.indexReference(entry.number, entry);
    if (entry.paymentReference) {
      this.indexReference(entry.paymentReference, entry);
      if (/^\s*RF/i.test(entry.paymentReference) && isValidCreditorReference(entry.paymentReference)) {
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

  private indexReference(value: string, entry: EntryRecord): void {
    const keys = referenceKeys(value);
    if (keys.exact.length < 3) return;
    this.byReferenceKey.add(keys.exact, entry);
    if (keys.padded !== keys.exact) this.byReferenceKey.add(keys.padded, entry);
    if (keys.digits && keys.digits !== keys.exact) this.byReferenceDigits.add(keys.digits, entry);
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
        contacts: new Set(),
        entries: [],
      };
      this.accounts.set(input.id, account);
      if (input.number) this.addNumber(this.accountsByNumber, input.number, account);
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
    // Entries of one account mostly repeat their contact: index each contact once.
    const seen = `${contact.number ?? ''}\u0000${contact.name ?? ''}`;
    if (account.contacts.has(seen)) return;
    account.contacts.add(seen);
    if (contact.number) this.addNumber(this.accountsByContactNumber, contact.number, account);
    if (!contact.name) return;
    // The same people appear on many entries: their name key is worked out once.
    let key = this.contactNameKeys.get(contact.name);
    if (key === undefined) {
      if (this.contactNameKeys.size >= 100_000) this.contactNameKeys.clear();
      key = nameTokens(contact.name).join(' ');
      this.contactNameKeys.set(contact.name, key);
    }
    if (key) this.accountsByContactName.add(key, account);
  }

  private addNumber(map: MultiMap<AccountRecord>, number: string, account: AccountRecord): void {
    const keys = referenceKeys(number);
    map.add(keys.exact, account);
    if (keys.padded !== keys.exact) map.add(keys.padded, account);
  }
}
