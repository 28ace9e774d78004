/**
 * A labelled scenario corpus for the matching benchmark, generated from a fixed seed: a ledger of
 * customers and suppliers with open entries, and bank items each labelled with its case, whether it
 * is ambiguous, and the allocations that would be right.
 */
import { formatMinor } from '../src/domain/money.js';
import { createCreditorReference } from '../src/formats/rf-reference.js';
import type { Allocation, BankItemInput, OpenEntryInput } from '../src/matching/index.js';
import { nameTokens, referenceKey } from '../src/matching/normalise.js';
import { findSubsets } from '../src/matching/subset.js';
import { Random } from './matching-random.js';

export const CASES = {
  'reference-exact': 14,
  'reference-mangled': 15,
  'rf-reference': 6,
  'end-to-end': 7,
  'multi-reference': 6,
  'subset-no-reference': 7,
  'partial-payment': 5,
  overpayment: 4,
  'early-payment-discount': 4,
  'fee-difference': 3,
  'several-items-one-entry': 4,
  'account-number': 4,
  'name-only': 3,
  payable: 6,
  'duplicate-number': 2,
  'same-amount-no-reference': 3,
  'swapped-digits': 2,
  'third-party-payer': 2,
  'digits-only-unknown-payer': 2,
  noise: 8,
} as const;
export type CaseName = keyof typeof CASES;

export interface Label {
  case: CaseName;
  /** No single right answer can be known: must never be settled automatically. */
  ambiguous: boolean;
  /** Acceptable allocations; empty when nothing should be settled. */
  answers: Allocation[][];
}

export interface LabelledItem {
  item: BankItemInput;
  label: Label;
}

export interface Corpus {
  entries: OpenEntryInput[];
  items: LabelledItem[];
}

interface Account {
  input: OpenEntryInput['account'];
  payable: boolean;
  entries: OpenEntryInput[];
  reserved: boolean;
}

const SURNAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Smith', 'Dupont', 'Rossi', 'García', 'Novak'];
const TRADES = ['Bau', 'Elektro', 'Druck', 'Logistik', 'Software', 'Consulting', 'Handel', 'Metall', 'Holz', 'Medien', 'Technik', 'Service', 'Reisen', 'Immobilien', 'Garten', 'Optik', 'Dental', 'Catering', 'Transport', 'Design', 'Textil', 'Energie', 'Kanzlei', 'Apotheke', 'Bäckerei', 'Autohaus', 'Verlag', 'Labor', 'Sanitär', 'Marketing'];
const CITIES = ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt', 'Stuttgart', 'Leipzig', 'Dresden', 'Bremen', 'Hannover', 'Nürnberg', 'Essen', 'Bonn', 'Mainz', 'Kiel', 'Erfurt', 'Ulm', 'Trier', 'Wien', 'Zürich'];
const FORMS = ['GmbH', 'AG', 'GmbH & Co. KG', 'e.K.', 'UG (haftungsbeschränkt)', 'KG', 'Ltd', 'SARL'];
const FIRST = ['Anna', 'Lukas', 'Marie', 'Jonas', 'Sophie', 'Leon', 'Emma', 'Paul', 'Mia', 'Felix', 'Lea', 'Max'];
const ROUND = [5000n, 10000n, 11900n, 15000n, 20000n, 25000n, 50000n, 100000n, 119000n];

const START = Date.UTC(2026, 0, 1);
const day = (offset: number): string => new Date(START + offset * 86_400_000).toISOString().slice(0, 10);
const eur = (minor: bigint): string => formatMinor(minor, 'EUR');
const minorOf = (entry: OpenEntryInput): bigint => BigInt(entry.openAmount.replace('.', ''));

function iban(random: Random): string {
  const bban = `${random.int(10000000, 89999999)}${String(random.int(0, 9_999_999_999)).padStart(10, '0')}`;
  const check = 98n - (BigInt(`${bban}131400`) % 97n);
  return `DE${String(check).padStart(2, '0')}${bban}`;
}

/** Ways banks and payers mangle a statement number on its way into the remittance text. */
function mangle(random: Random, number: string, context: { account: string; amount: string; date: string }): string {
  const variant = random.int(0, 9);
  switch (variant) {
    case 0:
      return number.replace(/[-/. ]/g, '');
    case 1:
      return `rechnung ${number.toLowerCase()}`;
    case 2:
      return `EREF+NOTPROVIDED SVWZ+${number}`;
    case 3:
      return `Rechnung ${number.replace(/-0+(\d)/g, '-$1')}`;
    case 4:
      return `RE ${number.replace(/^RE-?/, '').replace(/-/g, ' ').replace(/(\d{3})(\d{3})$/, '$1 $2')}`;
    case 5:
      return `Kd-Nr ${context.account} Rechnung ${number} vom ${context.date} Betrag ${context.amount.replace('.', ',')} EUR Auftrag ${random.int(1000, 99999)}`;
    case 6: {
      const text = `Zahlung fuer Rechnung Nr. ${number} besten Dank`;
      return `${text.slice(0, 27)} ${text.slice(27)}`;
    }
    case 7:
      return number.replace(/-/g, '/');
    case 8:
      return `SVWZ+${number.replace(/-/g, '.')} ABWA+${random.pick(SURNAMES)}`;
    default:
      return `${number.replace(/-/g, ' ')}`;
  }
}

export function generateCorpus(options: { seed: number; entries: number; items: number }): Corpus {
  const random = new Random(options.seed);
  const accountCount = Math.max(1, Math.ceil(options.entries / 5));
  const accounts: Account[] = [];
  let receivableSeq = 0;
  for (let i = 0; i < accountCount; i += 1) {
    const payable = random.chance(0.15);
    const ibans = random.chance(0.05) ? [] : random.chance(0.1) ? [iban(random), iban(random)] : [iban(random)];
    accounts.push({
      input: {
        id: `ACC${i}`,
        number: `K${100000 + i}`,
        name: `${random.pick(SURNAMES)} ${random.pick(TRADES)} ${random.pick(CITIES)} ${random.pick(FORMS)}`,
        ibans,
      },
      payable,
      entries: [],
      reserved: false,
    });
  }
  const entries: OpenEntryInput[] = [];
  for (let e = 0; e < options.entries; e += 1) {
    const account = e < accountCount ? accounts[e]! : accounts[random.int(0, accountCount - 1)]!;
    const minor = random.chance(0.25) ? random.pick(ROUND) : BigInt(random.int(1000, 500000));
    const statement = random.int(0, 80);
    const number = account.payable
      ? random.pick([`INV-${random.int(10000, 99999)}`, `2026${String(random.int(0, 999999)).padStart(6, '0')}`, `R${random.int(1000000, 9999999)}`])
      : `RE-2026-${String((receivableSeq += 1)).padStart(6, '0')}`;
    const entry: OpenEntryInput = {
      id: `E${e}`,
      number,
      type: account.payable ? 'Credit' : 'Debit',
      currency: 'EUR',
      openAmount: eur(minor),
      statementDate: day(statement),
      dueDate: day(statement + random.pick([14, 30])),
      account: account.input,
      contact: { number: `C${200000 + e}`, name: `${random.pick(FIRST)} ${random.pick(SURNAMES)}` },
    };
    if (!account.payable && random.chance(0.25)) entry.paymentReference = createCreditorReference(referenceKey(number));
    if (account.payable ? random.chance(0.5) : random.chance(0.08)) entry.endToEndId = `${account.payable ? 'PAY' : 'DD'}-${e}-${random.int(1000, 9999)}`;
    if (random.chance(0.3)) entry.customFields = { orderNumber: `AB${random.int(100000, 999999)}` };
    account.entries.push(entry);
    entries.push(entry);
  }
  return { entries, items: new Scenarios(random, accounts, entries).generate(options.items) };
}

class Scenarios {
  private readonly used = new Set<OpenEntryInput>();
  private readonly byNumber = new Map<string, OpenEntryInput[]>();
  private readonly nameCount = new Map<string, number>();
  private readonly accountOf = new Map<OpenEntryInput, Account>();
  private readonly items: LabelledItem[] = [];

  constructor(
    private readonly random: Random,
    private readonly accounts: Account[],
    private readonly entries: OpenEntryInput[],
  ) {
    for (const account of accounts) {
      const key = nameTokens(account.input.name).join(' ');
      this.nameCount.set(key, (this.nameCount.get(key) ?? 0) + 1);
      for (const entry of account.entries) this.accountOf.set(entry, account);
    }
    for (const entry of entries) this.byNumber.set(entry.number, [...(this.byNumber.get(entry.number) ?? []), entry]);
  }

  generate(count: number): LabelledItem[] {
    const names = Object.keys(CASES) as CaseName[];
    const total = names.reduce((sum, name) => sum + CASES[name], 0);
    let attempts = 0;
    while (this.items.length < count && attempts < count * 20) {
      attempts += 1;
      let ticket = this.random.next() * total;
      const name = names.find((n) => (ticket -= CASES[n]) < 0) ?? 'noise';
      this.make(name);
    }
    return this.random.shuffle(this.items.slice(0, count));
  }

  private entry(filter: (entry: OpenEntryInput, account: Account) => boolean): OpenEntryInput | null {
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const entry = this.random.pick(this.entries);
      const account = this.accountOf.get(entry)!;
      if (this.used.has(entry) || account.reserved || !filter(entry, account)) continue;
      this.used.add(entry);
      return entry;
    }
    return null;
  }

  private account(filter: (account: Account) => boolean): Account | null {
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const account = this.random.pick(this.accounts);
      if (account.reserved || account.entries.some((e) => this.used.has(e)) || !filter(account)) continue;
      account.reserved = true;
      return account;
    }
    return null;
  }

  /** Books the item 1..maxDays after the latest statement date of the entries it pays. */
  private push(
    kase: CaseName,
    basis: OpenEntryInput | OpenEntryInput[] | null,
    item: Partial<BankItemInput> & { amount: string },
    answers: Allocation[][],
    ambiguous = false,
    maxDays = 40,
  ): void {
    const paid = basis === null ? [] : Array.isArray(basis) ? basis : [basis];
    const entry = paid[0] ?? null;
    const statement = Math.max(START, ...paid.map((e) => Date.parse(e.statementDate ?? '2026-01-01')));
    const booking = new Date(statement + this.random.int(1, maxDays) * 86_400_000).toISOString().slice(0, 10);
    this.items.push({
      item: {
        id: `IT${this.items.length}`,
        creditDebit: entry?.type === 'Credit' ? 'DBIT' : 'CRDT',
        status: 'BOOK',
        bookingDate: booking,
        valueDate: booking,
        counterparty: null,
        remittanceInformation: null,
        endToEndId: this.random.chance(0.5) ? 'NOTPROVIDED' : null,
        creditorReference: null,
        bankTransactionCode: entry?.type === 'Credit' ? 'PMNT-ICDT-ESCT' : 'PMNT-RCDT-ESCT',
        ...item,
      },
      label: { case: kase, ambiguous, answers },
    });
  }

  /** The payer as the bank shows it: usually a known IBAN and the account's name. */
  private payer(account: OpenEntryInput['account'], knownIban: number): BankItemInput['counterparty'] {
    const ibans = account.ibans ?? [];
    const known = ibans.length > 0 && this.random.chance(knownIban);
    return {
      name: this.random.chance(0.7) ? (account.name ?? null) : `${this.random.pick(FIRST)} ${this.random.pick(SURNAMES)}`,
      iban: known ? this.random.pick(ibans) : iban(this.random),
      bic: null,
    };
  }

  private isUniqueSubset(account: Account, chosen: OpenEntryInput[], amount: bigint): boolean {
    const search = findSubsets(account.entries.map(minorOf), amount, 1_000_000);
    if (search.solutions.length !== 1 || !search.complete) return false;
    const ids = search.solutions[0]!.map((i) => account.entries[i]!.id).sort();
    return ids.join() === chosen.map((e) => e.id).sort().join();
  }

  private make(kase: CaseName): void {
    const r = this.random;
    const receivable = (e: OpenEntryInput) => e.type === 'Debit';
    const whole = (e: OpenEntryInput): Allocation[][] => [[{ entryId: e.id, amount: e.openAmount }]];
    switch (kase) {
      case 'reference-exact':
      case 'reference-mangled': {
        const e = this.entry(receivable);
        if (!e) return;
        const text =
          kase === 'reference-exact'
            ? r.pick([`${e.number}`, `Rechnung ${e.number}`, `Invoice ${e.number}`, `${e.number} Danke`, `Zahlung zu ${e.number}`])
            : mangle(r, e.number, { account: e.account.number ?? '', amount: e.openAmount, date: e.statementDate ?? '' });
        this.push(kase, e, { amount: e.openAmount, counterparty: this.payer(e.account, 0.7), remittanceInformation: text }, whole(e));
        return;
      }
      case 'rf-reference': {
        const e = this.entry((x) => receivable(x) && !!x.paymentReference);
        if (!e) return;
        const structured = r.chance(0.5);
        const printed = e.paymentReference!.replace(/(.{4})/g, '$1 ').trim();
        this.push(
          kase,
          e,
          {
            amount: e.openAmount,
            counterparty: this.payer(e.account, 0.5),
            creditorReference: structured ? e.paymentReference! : null,
            remittanceInformation: structured ? 'Zahlung' : `Ref ${printed}`,
          },
          whole(e),
        );
        return;
      }
      case 'end-to-end': {
        const e = this.entry((x) => !!x.endToEndId);
        if (!e) return;
        this.push(kase, e, { amount: e.openAmount, counterparty: this.payer(e.account, 0.9), endToEndId: e.endToEndId!, remittanceInformation: r.pick(['Sammler', 'SEPA Lastschrift', 'Auszahlung', null]) }, whole(e));
        return;
      }
      case 'multi-reference': {
        const account = this.account((a) => !a.payable && a.entries.length >= 3);
        if (!account) return;
        const chosen = r.shuffle([...account.entries]).slice(0, r.int(2, 3));
        const total = chosen.reduce((s, e) => s + minorOf(e), 0n);
        this.push(
          kase,
          chosen,
          {
            amount: eur(total),
            counterparty: this.payer(account.input, 0.8),
            remittanceInformation: `Rechnungen ${chosen.map((e) => e.number).join(r.pick([', ', ' ', ' u. ', '/']))}`,
          },
          [chosen.map((e) => ({ entryId: e.id, amount: e.openAmount }))],
        );
        return;
      }
      case 'subset-no-reference':
      case 'account-number':
      case 'name-only': {
        const account = this.account(
          (a) =>
            !a.payable &&
            (kase !== 'subset-no-reference' || (a.input.ibans ?? []).length > 0) &&
            (kase !== 'name-only' || this.nameCount.get(nameTokens(a.input.name).join(' ')) === 1),
        );
        if (!account) return;
        const size = kase === 'subset-no-reference' && account.entries.length > 1 && r.chance(0.4) ? 2 : 1;
        const chosen = r.shuffle([...account.entries]).slice(0, size);
        const total = chosen.reduce((s, e) => s + minorOf(e), 0n);
        if (!this.isUniqueSubset(account, chosen, total)) {
          account.reserved = false;
          return;
        }
        const counterparty =
          kase === 'subset-no-reference'
            ? { name: null, iban: r.pick(account.input.ibans ?? []), bic: null }
            : kase === 'account-number'
              ? { name: null, iban: iban(r), bic: null }
              : { name: (account.input.name ?? '').toUpperCase(), iban: iban(r), bic: null };
        const text =
          kase === 'account-number'
            ? r.pick([`Kd-Nr. ${account.input.number} Zahlung`, `Kundennummer ${account.input.number}`, `Customer no ${account.input.number}`])
            : r.pick(['Zahlung', 'Ueberweisung', 'Danke', null]);
        this.push(kase, chosen, { amount: eur(total), counterparty, remittanceInformation: text }, [
          chosen.map((e) => ({ entryId: e.id, amount: e.openAmount })),
        ]);
        return;
      }
      case 'partial-payment':
      case 'overpayment':
      case 'early-payment-discount':
      case 'fee-difference': {
        const e = this.entry((x) => receivable(x) && minorOf(x) >= 10000n);
        if (!e) return;
        const open = minorOf(e);
        const paid =
          kase === 'partial-payment'
            ? (open * BigInt(r.int(20, 80))) / 100n
            : kase === 'overpayment'
              ? open + BigInt(r.int(100, 5000))
              : kase === 'early-payment-discount'
                ? open - (open * 2n + 50n) / 100n
                : open - 150n;
        const settled = paid < open ? paid : open;
        const knownIban = kase === 'partial-payment' || kase === 'overpayment' ? 1 : 0.5;
        const early = kase === 'early-payment-discount' ? 10 : 40;
        this.push(kase, e, { amount: eur(paid), counterparty: this.payer(e.account, knownIban), remittanceInformation: `Rechnung ${e.number}` }, [
          [{ entryId: e.id, amount: eur(settled) }],
        ], false, early);
        return;
      }
      case 'several-items-one-entry': {
        const e = this.entry((x) => receivable(x) && minorOf(x) >= 2000n && (x.account.ibans ?? []).length > 0);
        if (!e) return;
        const open = minorOf(e);
        const first = (open * BigInt(r.int(30, 70))) / 100n;
        for (const part of [first, open - first]) {
          this.push(kase, e, { amount: eur(part), counterparty: this.payer(e.account, 1), remittanceInformation: `Teilzahlung ${e.number}` }, [
            [{ entryId: e.id, amount: eur(part) }],
          ]);
        }
        return;
      }
      case 'payable': {
        const e = this.entry((x) => x.type === 'Credit');
        if (!e) return;
        this.push(kase, e, { amount: e.openAmount, counterparty: this.payer(e.account, 0.95), remittanceInformation: r.pick([`${e.number}`, `Ihre Rechnung ${e.number}`, `Invoice ${e.number} Kd ${r.int(1000, 9999)}`]) }, whole(e));
        return;
      }
      case 'duplicate-number': {
        const e = this.entry((x) => receivable(x) && (x.account.ibans ?? []).length > 0);
        const twin = this.entry((x, a) => receivable(x) && x.account.id !== e?.account.id && !a.reserved);
        if (!e || !twin) return;
        twin.number = e.number;
        this.push(kase, e, { amount: e.openAmount, counterparty: { name: e.account.name ?? null, iban: e.account.ibans![0]!, bic: null }, remittanceInformation: `Rechnung ${e.number}` }, whole(e));
        return;
      }
      case 'same-amount-no-reference': {
        const account = this.account((a) => !a.payable && a.entries.length >= 2 && (a.input.ibans ?? []).length > 0);
        if (!account) return;
        const [x, y] = r.shuffle([...account.entries]);
        y!.openAmount = x!.openAmount;
        this.push(kase, [x!, y!], { amount: x!.openAmount, counterparty: { name: account.input.name ?? null, iban: account.input.ibans![0]!, bic: null }, remittanceInformation: 'Zahlung' }, [
          ...whole(x!),
          ...whole(y!),
        ], true);
        return;
      }
      case 'swapped-digits': {
        const e = this.entry((x) => receivable(x) && (x.account.ibans ?? []).length > 0);
        if (!e) return;
        const digits = e.number.slice(-6).split('');
        const at = r.int(0, 4);
        if (digits[at] === digits[at + 1]) {
          this.used.delete(e);
          return;
        }
        [digits[at], digits[at + 1]] = [digits[at + 1]!, digits[at]!];
        const swapped = `${e.number.slice(0, -6)}${digits.join('')}`;
        const other = (this.byNumber.get(swapped) ?? []).find(
          (x) => x.account.id !== e.account.id && !this.used.has(x) && !this.accountOf.get(x)!.reserved && x.openAmount !== e.openAmount,
        );
        if (!other) {
          this.used.delete(e);
          return;
        }
        this.used.add(other);
        this.push(kase, e, { amount: e.openAmount, counterparty: { name: e.account.name ?? null, iban: e.account.ibans![0]!, bic: null }, remittanceInformation: `Rechnung ${swapped}` }, whole(e), true);
        return;
      }
      case 'third-party-payer': {
        // A parent company pays a subsidiary's invoice from its own, known account.
        const e = this.entry(receivable);
        const other = this.random.pick(this.accounts);
        if (!e || other.input.id === e.account.id || (other.input.ibans ?? []).length === 0) {
          if (e) this.used.delete(e);
          return;
        }
        this.push(kase, e, { amount: e.openAmount, counterparty: { name: other.input.name ?? null, iban: other.input.ibans![0]!, bic: null }, remittanceInformation: `Rechnung ${e.number}` }, whole(e));
        return;
      }
      case 'digits-only-unknown-payer': {
        const e = this.entry(receivable);
        if (!e) return;
        this.push(kase, e, { amount: e.openAmount, counterparty: { name: null, iban: iban(r), bic: null }, remittanceInformation: `Zahlung ${e.number.replace(/\D+/g, '')}` }, whole(e));
        return;
      }
      case 'noise': {
        const kind = r.int(0, 3);
        const amount = eur(BigInt(r.int(500, 400000)));
        const texts = [
          { cd: 'DBIT', name: null, text: `Kontofuehrung ${r.pick(['Jan', 'Feb', 'Mar'])} 2026 Entgelt` },
          { cd: 'DBIT', name: 'Immobilien Verwaltung Nord', text: `Miete ${r.pick(['Maerz', 'April'])} 2026 Objekt ${r.int(10, 99)}` },
          { cd: 'DBIT', name: `${r.pick(FIRST)} ${r.pick(SURNAMES)}`, text: `Gehalt 0${r.int(1, 3)}/2026 PersNr ${r.int(1000, 9999)}` },
          { cd: 'CRDT', name: `${r.pick(FIRST)} ${r.pick(SURNAMES)}`, text: `Erstattung ${r.int(100000, 999999)}` },
        ] as const;
        const chosen = texts[kind]!;
        this.push(kase, null, {
          amount,
          creditDebit: chosen.cd,
          counterparty: { name: chosen.name, iban: iban(r), bic: null },
          remittanceInformation: chosen.text,
          bankTransactionCode: chosen.cd === 'DBIT' ? 'PMNT-ICDT-ESCT' : 'PMNT-RCDT-ESCT',
        }, []);
        return;
      }
    }
  }
}
