/**
 * Matching configurations as data, after the reference product's MatchingConfiguration__c:
 * a template, a priority (lower runs first), an active flag, a parser configuration (a pattern
 * whose first capture group is taken from the remittance text) and a search configuration.
 */
import { invalid } from '../domain/errors.js';

export const TEMPLATES = [
  'FindEntryByEndToEndId',
  'FindEntryByCreditorReference',
  'FindEntryByStatementNumber',
  'FindEntryByCustomField',
  'FindAccountByIBAN',
  'FindAccountByExtractingAccountNumberFromReference',
  'FindAccountByExtractingContactNumberFromReference',
  'FindAccountByMatchingTheCreditorOrDebtorNameAgainstTheAccount',
  'FindAccountByMatchingTheCreditorOrDebtorNameAgainstTheContact',
  'FindEntryByMatchingTheAmount',
  'FindEntryByCorrelatingDates',
] as const;
export type Template = (typeof TEMPLATES)[number];

export interface ParserConfig {
  /** Regular expression; its first capture group (or the whole match) is the token searched for. */
  pattern?: string;
  /** Regular expression flags; matching is case-insensitive unless flags say otherwise. */
  flags?: string;
}

export interface SearchConfig {
  /** Entry field searched by FindEntryByStatementNumber: "Number", "PaymentReference" or both when absent. */
  targetField?: string;
  /** Custom field name searched by FindEntryByCustomField. */
  field?: string;
  /** Amount tolerance as a share of the open amount (0.02 = 2 %). */
  percentage?: number;
  /** Amount tolerance in currency units ("2.00"); with `percentage`, the smaller of both applies. */
  absolute?: string;
  /** Early-payment discounts as shares of the open amount, accepted up to `discountDays` after the statement date. */
  discounts?: number[];
  discountDays?: number;
  /** Date correlation window around the due date, in days. */
  daysBefore?: number;
  daysAfter?: number;
  /** Smallest name similarity (0..1) that identifies an account by its name. */
  minSimilarity?: number;
}

export interface MatchingConfiguration {
  name: string;
  template: Template;
  priority: number;
  active: boolean;
  description?: string;
  parser: ParserConfig;
  search: SearchConfig;
}

/** The shipped default set: exact identifiers first, then references, then account and amount. */
export const DEFAULT_CONFIGURATIONS: readonly MatchingConfiguration[] = [
  {
    name: 'Find entry by end-to-end id',
    template: 'FindEntryByEndToEndId',
    priority: 1,
    active: true,
    description: 'Payments the product issued itself (direct debits, payouts) come back with their end-to-end id.',
    parser: {},
    search: {},
  },
  {
    name: 'Find entry by structured creditor reference',
    template: 'FindEntryByCreditorReference',
    priority: 2,
    active: true,
    description: 'Valid ISO 11649 RF references, structured or in the remittance text.',
    parser: {},
    search: {},
  },
  {
    name: 'Find entry by statement number',
    template: 'FindEntryByStatementNumber',
    priority: 3,
    active: true,
    description: 'Statement numbers and payment references anywhere in the remittance text.',
    parser: { pattern: '(.*)' },
    search: {},
  },
  {
    name: 'Find account by IBAN',
    template: 'FindAccountByIBAN',
    priority: 4,
    active: true,
    parser: {},
    search: {},
  },
  {
    name: 'Find entry with associated account by account number',
    template: 'FindAccountByExtractingAccountNumberFromReference',
    priority: 5,
    active: true,
    description: 'A customer number announced by a keyword such as "Kd-Nr." or "Customer no".',
    parser: {
      pattern:
        '(?:KD|KDNR|KUNDE|KUNDENNR|KUNDENNUMMER|CUSTOMER|CUST|ACCOUNT|ACCT|DEBITOR|DEBTOR|KREDITOR|SUPPLIER)(?:[\\s.:#/-]*(?:NR|NO|NUMBER|NUMMER|ID))?[\\s.:#/-]+([A-Z0-9][A-Z0-9-]{2,})',
    },
    search: { targetField: 'AccountNumber' },
  },
  {
    name: 'Find account by contact number',
    template: 'FindAccountByExtractingContactNumberFromReference',
    priority: 6,
    active: true,
    parser: { pattern: '(?:CONTACT|KONTAKT|MITGLIED|MEMBER)(?:[\\s.:#/-]*(?:NR|NO|ID))?[\\s.:#/-]+([A-Z0-9][A-Z0-9-]{2,})' },
    search: { targetField: 'ContactNumber' },
  },
  {
    name: 'Find account by payer or payee name',
    template: 'FindAccountByMatchingTheCreditorOrDebtorNameAgainstTheAccount',
    priority: 7,
    active: true,
    parser: {},
    search: { minSimilarity: 0.8 },
  },
  {
    name: 'Find account by contact name',
    template: 'FindAccountByMatchingTheCreditorOrDebtorNameAgainstTheContact',
    priority: 8,
    active: true,
    description: "A person's name in any word order, without titles of legal form; compared whole.",
    parser: {},
    search: {},
  },
  {
    name: 'Find entry by amount',
    template: 'FindEntryByMatchingTheAmount',
    priority: 9,
    active: true,
    description: 'Small differences (fees, rounding) and early-payment discounts.',
    parser: {},
    search: { percentage: 0.02, absolute: '2.00', discounts: [0.02, 0.03], discountDays: 14 },
  },
  {
    name: 'Correlate booking and due dates',
    template: 'FindEntryByCorrelatingDates',
    priority: 10,
    active: true,
    parser: {},
    search: { daysBefore: 30, daysAfter: 45 },
  },
];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalNumber(value: unknown, where: string, lowest = 0, highest = Infinity): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lowest || value > highest) {
    throw invalid('MATCHING_CONFIG_INVALID', `${where} must be a number between ${lowest} and ${highest}`, { where });
  }
  return value;
}

function readSearch(raw: unknown, where: string): SearchConfig {
  const source = isRecord(raw) ? raw : {};
  const search: SearchConfig = {};
  const target = source['targetField'] ?? source['target-field'];
  if (typeof target === 'string') search.targetField = target;
  if (typeof source['field'] === 'string') search.field = source['field'];
  const percentage = optionalNumber(source['percentage'], `${where}.percentage`, 0, 1);
  if (percentage !== undefined) search.percentage = percentage;
  const absolute = source['absolute'];
  // The reference product writes 2.00 as a JSON number; it is read back as its decimal text.
  if (typeof absolute === 'number' || typeof absolute === 'string') search.absolute = String(absolute);
  if (Array.isArray(source['discounts'])) {
    search.discounts = source['discounts'].map((d, i) => optionalNumber(d, `${where}.discounts[${i}]`, 0, 1) ?? 0);
  }
  const numbers = ['discountDays', 'daysBefore', 'daysAfter', 'minSimilarity'] as const;
  for (const key of numbers) {
    const value = optionalNumber(source[key], `${where}.${key}`, 0, key === 'minSimilarity' ? 1 : 3650);
    if (value !== undefined) search[key] = value;
  }
  return search;
}

/** Validates configurations read from JSON (a list, or `{ "configurations": [...] }`), lowest priority first. */
export function readConfigurations(raw: unknown): MatchingConfiguration[] {
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? raw['configurations'] : undefined;
  if (!Array.isArray(list)) {
    throw invalid('MATCHING_CONFIG_INVALID', 'expected a list of matching configurations');
  }
  const configurations = list.map((entry, index): MatchingConfiguration => {
    const where = `configurations[${index}]`;
    if (!isRecord(entry)) throw invalid('MATCHING_CONFIG_INVALID', `${where} must be an object`, { where });
    const template = entry['template'];
    if (typeof template !== 'string' || !(TEMPLATES as readonly string[]).includes(template)) {
      throw invalid('MATCHING_TEMPLATE_UNKNOWN', `${where}.template must be one of ${TEMPLATES.join(', ')}`, {
        where,
        template,
      });
    }
    const parserSource = isRecord(entry['parser']) ? entry['parser'] : isRecord(entry['parserConfig']) ? entry['parserConfig'] : {};
    const parser: ParserConfig = {};
    if (typeof parserSource['pattern'] === 'string') parser.pattern = parserSource['pattern'];
    if (typeof parserSource['flags'] === 'string') parser.flags = parserSource['flags'];
    const configuration: MatchingConfiguration = {
      name: typeof entry['name'] === 'string' ? entry['name'] : template,
      template: template as Template,
      priority: optionalNumber(entry['priority'], `${where}.priority`, -1e9, 1e9) ?? index,
      active: entry['active'] !== false,
      parser,
      search: readSearch(entry['search'] ?? entry['searchConfig'], `${where}.search`),
    };
    if (typeof entry['description'] === 'string') configuration.description = entry['description'];
    return configuration;
  });
  return configurations.sort((a, b) => a.priority - b.priority);
}
