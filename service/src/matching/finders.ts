/**
 * One finder per configuration template. Finders only collect evidence (hits on entries or accounts,
 * with points and a reason); candidates and scores are built from all the evidence afterwards.
 */
import { isValidCreditorReference, normaliseCreditorReference } from '../formats/rf-reference.js';
import type { CompiledConfiguration } from './compiled.js';
import { applyPpm, toPpm } from './compiled.js';
import type { AccountRecord, EntryIndex, EntryRecord, ReferenceField } from './entry-index.js';
import { amountKey, keysOf } from './entry-index.js';
import { extract, type ItemContext, type Window } from './item-context.js';
import { nameSimilarity, paddedKey, referenceKey, tokens } from './normalise.js';
import { WEIGHTS } from './weights.js';

export interface EntryHit {
  entry: EntryRecord;
  points: number;
  /** Reference hits identify the entry; amount hits only propose it. */
  kind: 'reference' | 'amount';
  configuration: CompiledConfiguration;
  reason: string;
}

export interface AccountHit {
  account: AccountRecord;
  points: number;
  kind: 'iban' | 'number' | 'contactNumber' | 'name' | 'contactName';
  /** Strong identifications make candidates of other accounts conflict. */
  identifies: boolean;
  configuration: CompiledConfiguration;
  reason: string;
}

export interface Evidence {
  entries: EntryHit[];
  accounts: AccountHit[];
  notes: string[];
}

type Finder = (item: ItemContext, index: EntryIndex, configuration: CompiledConfiguration, evidence: Evidence) => void;

/** A key that hits more entries than this says nothing about any of them. */
const MAX_HITS_PER_KEY = 20;
const MAX_ACCOUNTS_PER_NAME_TOKEN = 500;
const MAX_ACCOUNTS_PER_NAME = 10;
const MIN_FREE_TEXT_KEY = 4;

const show = (account: AccountRecord): string => account.number ?? account.id;

const findByEndToEndId: Finder = (item, index, configuration, evidence) => {
  const id = item.input.endToEndId?.trim();
  if (!id || /^NOTPROVIDED$/i.test(id)) return;
  for (const entry of index.byEndToEnd.get(id)) {
    evidence.entries.push({
      entry,
      points: WEIGHTS.endToEndId,
      kind: 'reference',
      configuration,
      reason: `end-to-end id ${id} belongs to the payment issued for entry ${entry.number}`,
    });
  }
};

/** Valid RF references: the structured one, and any printed in the text (grouped in fours). */
function creditorReferences(item: ItemContext, evidence: Evidence): string[] {
  const found = new Set<string>();
  const structured = item.input.creditorReference;
  if (structured) {
    if (isValidCreditorReference(structured)) found.add(normaliseCreditorReference(structured));
    else if (/^RF/i.test(structured.trim())) evidence.notes.push(`creditor reference ${structured} fails its check digits`);
  }
  const parts = tokens(item.text);
  for (let i = 0; i < parts.length; i += 1) {
    if (!/^RF\d\d/.test(parts[i]!)) continue;
    let candidate = '';
    for (let j = i; j < parts.length && candidate.length + parts[j]!.length <= 25; j += 1) {
      candidate += parts[j]!;
      if (isValidCreditorReference(candidate)) found.add(candidate);
    }
  }
  return [...found];
}

const findByCreditorReference: Finder = (item, index, configuration, evidence) => {
  for (const reference of creditorReferences(item, evidence)) {
    const body = reference.slice(4);
    const entries = new Set([
      ...index.byCreditorReference.get(reference),
      ...index.byReferenceKey.get(body).filter((e) => referenceKey(e.number) === body),
      ...index.byReferenceKey.get(paddedKey(body)).filter((e) => paddedKey(e.number) === paddedKey(body)),
    ]);
    for (const entry of entries) {
      evidence.entries.push({
        entry,
        points: WEIGHTS.creditorReference,
        kind: 'reference',
        configuration,
        reason: `valid creditor reference ${reference} identifies entry ${entry.number}`,
      });
    }
  }
};

interface WindowHit {
  entry: EntryRecord;
  window: Window;
  points: number;
  how: string;
}

/** Whether the window is a key of the given field of the entry (only checked for hits, so cheap). */
function fieldMatches(entry: EntryRecord, fields: readonly ReferenceField[], window: Window): boolean {
  return fields.some((field) => {
    const value = field === 'Number' ? entry.number : entry.paymentReference;
    if (!value) return false;
    const keys = keysOf(value);
    return [window.exact, window.padded].some((k) => k === keys.exact || k === keys.padded) || window.digits === keys.digits;
  });
}

function collect(
  entries: readonly EntryRecord[],
  fields: readonly ReferenceField[],
  window: Window,
  points: number,
  how: string,
  hits: WindowHit[],
): void {
  if (entries.length === 0 || entries.length > MAX_HITS_PER_KEY) return;
  for (const entry of entries) {
    if (fields.length === 2 || fieldMatches(entry, fields, window)) hits.push({ entry, window, points, how });
  }
}

function lookUpWindow(index: EntryIndex, fields: readonly ReferenceField[], window: Window, minLength: number, hits: WindowHit[]): void {
  if (window.exact.length >= minLength) {
    collect(index.byReferenceKey.get(window.exact), fields, window, WEIGHTS.statementNumber, 'in the remittance text', hits);
  }
  if (window.padded !== window.exact && window.padded.length >= minLength) {
    collect(index.byReferenceKey.get(window.padded), fields, window, WEIGHTS.statementNumber, 'without padding zeros in the remittance text', hits);
  }
  if (window.digits.length >= 6) {
    collect(index.byReferenceDigits.get(window.digits), fields, window, WEIGHTS.statementNumberDigits, 'by its digits in the remittance text', hits);
  }
}

/** Keeps the hits whose text is not just a piece of a longer hit for another entry. */
function outermost(hits: WindowHit[]): WindowHit[] {
  if (hits.length < 2) return hits;
  const span = (h: WindowHit) => h.window.end - h.window.start;
  const sorted = [...hits].sort((a, b) => span(b) - span(a) || b.points - a.points);
  const kept: WindowHit[] = [];
  for (const hit of sorted) {
    const inside = kept.some(
      (k) =>
        k.entry !== hit.entry &&
        k.window.start <= hit.window.start &&
        k.window.end >= hit.window.end &&
        span(k) > span(hit),
    );
    if (!inside) kept.push(hit);
  }
  return kept;
}

const findByStatementNumber: Finder = (item, index, configuration, evidence) => {
  const target = configuration.config.search.targetField?.toLowerCase();
  const fields: ReferenceField[] =
    target === 'number' || target === 'statementnumber'
      ? ['Number']
      : target === 'paymentreference'
        ? ['PaymentReference']
        : ['Number', 'PaymentReference'];
  const minLength = configuration.pattern ? 1 : MIN_FREE_TEXT_KEY;
  for (const text of extract(item.text, configuration.pattern)) {
    const hits: WindowHit[] = [];
    for (const window of item.windowsOf(text)) lookUpWindow(index, fields, window, minLength, hits);
    for (const hit of outermost(hits)) {
      evidence.entries.push({
        entry: hit.entry,
        points: hit.points,
        kind: 'reference',
        configuration,
        reason: `${hit.entry.number} found ${hit.how}`,
      });
    }
  }
};

const findByCustomField: Finder = (item, index, configuration, evidence) => {
  const field = configuration.config.search.field;
  const map = field ? index.byCustomField.get(field) : undefined;
  if (!field || !map) return;
  const minLength = configuration.pattern ? 1 : MIN_FREE_TEXT_KEY;
  for (const text of extract(item.text, configuration.pattern)) {
    for (const window of item.windowsOf(text)) {
      if (window.exact.length < minLength) continue;
      const entries = map.get(window.exact);
      if (entries.length > MAX_HITS_PER_KEY) continue;
      for (const entry of entries) {
        evidence.entries.push({
          entry,
          points: WEIGHTS.customField,
          kind: 'reference',
          configuration,
          reason: `custom field ${field} of entry ${entry.number} found in the remittance text`,
        });
      }
    }
  }
};

const findAccountByIban: Finder = (item, index, configuration, evidence) => {
  if (!item.iban) return;
  const accounts = index.accountsByIban.get(item.iban);
  for (const account of accounts) {
    evidence.accounts.push({
      account,
      points: WEIGHTS.iban / accounts.length,
      kind: 'iban',
      identifies: true,
      configuration,
      reason: `counterparty IBAN ${item.iban} belongs to account ${show(account)}${accounts.length > 1 ? ` (shared by ${accounts.length} accounts)` : ''}`,
    });
  }
};

function findAccountByNumber(kind: 'number' | 'contactNumber'): Finder {
  return (item, index, configuration, evidence) => {
    const map = kind === 'number' ? index.accountsByNumber : index.accountsByContactNumber;
    const announced = configuration.pattern !== null;
    const seen = new Set<AccountRecord>();
    for (const text of extract(item.text, configuration.pattern)) {
      for (const window of item.windowsOf(text)) {
        if (!announced && window.exact.length < MIN_FREE_TEXT_KEY) continue;
        const byExact = map.get(window.exact);
        const byPadded = window.padded === window.exact ? [] : map.get(window.padded);
        if (byExact.length + byPadded.length === 0 || byExact.length + byPadded.length > 5) continue;
        const accounts = new Set([...byExact, ...byPadded]);
        for (const account of accounts) {
          if (seen.has(account)) continue;
          seen.add(account);
          evidence.accounts.push({
            account,
            points: (announced ? WEIGHTS.accountNumberKeyword : WEIGHTS.accountNumberAnywhere) / accounts.size,
            kind,
            identifies: announced,
            configuration,
            reason: `${kind === 'number' ? 'account' : 'contact'} number ${window.exact} in the remittance text belongs to account ${show(account)}`,
          });
        }
      }
    }
  };
}

function findAccountByName(kind: 'name' | 'contactName'): Finder {
  return (item, index, configuration, evidence) => {
    const words = item.counterpartyName;
    if (words.length === 0) return;
    const minimum = configuration.config.search.minSimilarity ?? 0.8;
    const exactMap = kind === 'name' ? index.accountsByName : index.accountsByContactName;
    const exact = exactMap.get(words.join(' '));
    // A name many accounts share (a common person's name) identifies none of them.
    if (exact.length > MAX_ACCOUNTS_PER_NAME) return;
    let found: Array<{ account: AccountRecord; similarity: number }> = exact.map((account) => ({ account, similarity: 1 }));
    if (found.length === 0 && kind === 'name') {
      // An account reaching the minimum Dice similarity shares at least `needed` words, so it holds
      // one of the rarest (words − needed + 1) words: only their lists are read.
      const needed = Math.ceil((minimum * words.length) / (2 - minimum) - 1e-9);
      const lists = words.map((word) => index.accountsByNameToken.get(word)).sort((a, b) => a.length - b.length);
      const seen = new Set<AccountRecord>();
      for (const accounts of lists.slice(0, Math.max(1, words.length - needed + 1))) {
        if (accounts.length > MAX_ACCOUNTS_PER_NAME_TOKEN) continue;
        for (const account of accounts) {
          if (seen.has(account)) continue;
          seen.add(account);
          const similarity = nameSimilarity(words, account.nameTokens);
          if (similarity >= minimum) found.push({ account, similarity });
        }
      }
    }
    if (found.length > MAX_ACCOUNTS_PER_NAME) found = [];
    const label = item.input.counterparty?.name ?? '';
    for (const { account, similarity } of found) {
      const weight = similarity === 1 ? WEIGHTS.exactName : WEIGHTS.similarName;
      evidence.accounts.push({
        account,
        points: (weight * similarity) / found.length,
        kind,
        identifies: false,
        configuration,
        reason: `counterparty name "${label}" ${similarity === 1 ? 'equals' : 'resembles'} the ${kind === 'name' ? 'account' : 'contact'} name of ${show(account)}${found.length > 1 ? ` (one of ${found.length} accounts)` : ''}`,
      });
    }
  };
}

/** Entries whose open amount equals the paid amount, or would after an early-payment discount. */
const findByAmount: Finder = (item, index, configuration, evidence) => {
  const currencies = item.currency ? [item.currency] : index.currencies();
  for (const currency of currencies) {
    const paid = item.amountIn(currency);
    if (paid === null || paid <= 0n) continue;
    const opens = [paid];
    for (const share of configuration.config.search.discounts ?? []) {
      const ppm = toPpm(share);
      const estimate: bigint = (paid * 1_000_000n) / (1_000_000n - ppm);
      for (const open of [estimate - 1n, estimate, estimate + 1n, estimate + 2n]) {
        if (open !== paid && open - applyPpm(open, ppm) === paid) opens.push(open);
      }
    }
    for (const open of opens) {
      const entries = index.byAmount.get(amountKey(item.incoming, currency, open));
      if (entries.length > MAX_HITS_PER_KEY) continue;
      for (const entry of entries) {
        evidence.entries.push({
          entry,
          points: 0,
          kind: 'amount',
          configuration,
          reason: `open amount of entry ${entry.number} fits the paid amount`,
        });
      }
    }
  }
};

const noEvidence: Finder = () => undefined;

export const FINDERS: Record<CompiledConfiguration['config']['template'], Finder> = {
  FindEntryByEndToEndId: findByEndToEndId,
  FindEntryByCreditorReference: findByCreditorReference,
  FindEntryByStatementNumber: findByStatementNumber,
  FindEntryByCustomField: findByCustomField,
  FindAccountByIBAN: findAccountByIban,
  FindAccountByExtractingAccountNumberFromReference: findAccountByNumber('number'),
  FindAccountByExtractingContactNumberFromReference: findAccountByNumber('contactNumber'),
  FindAccountByMatchingTheCreditorOrDebtorNameAgainstTheAccount: findAccountByName('name'),
  FindAccountByMatchingTheCreditorOrDebtorNameAgainstTheContact: findAccountByName('contactName'),
  FindEntryByMatchingTheAmount: findByAmount,
  // Dates only weigh candidates found by other evidence; alone they would propose half the ledger.
  FindEntryByCorrelatingDates: noEvidence,
};
