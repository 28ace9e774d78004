import { Type, type Static } from '@sinclair/typebox';
import { TEMPLATES } from '../../matching/index.js';
import { SUGGESTION_STATUSES } from '../../store/matching/index.js';
import { Amount, Id, Nullable, PageQuery, Text } from './common.js';

const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const Days = (description: string) => Type.Integer({ minimum: 0, maximum: 3650, description });

const Parser = Type.Object(
  {
    pattern: Type.Optional(Text(2000, 'Regular expression applied to the remittance text; its first capture group is the token searched for')),
    flags: Type.Optional(Type.String({ pattern: '^[imsu]{0,4}$', description: 'Regular expression flags; case-insensitive when absent' })),
  },
  { additionalProperties: false },
);

const Search = Type.Object(
  {
    targetField: Type.Optional(Text(80, 'Entry field searched, e.g. Number or PaymentReference')),
    field: Type.Optional(Text(80, 'Custom field searched by FindEntryByCustomField')),
    percentage: Type.Optional(Share('Amount tolerance as a share of the open amount (0.02 = 2 %)')),
    absolute: Type.Optional(Type.String({ ...Amount, description: 'Amount tolerance in currency units, e.g. "2.00"' })),
    discounts: Type.Optional(Type.Array(Share('Early-payment discount as a share of the open amount'), { maxItems: 10 })),
    discountDays: Type.Optional(Days('Days after the statement date in which a discount is accepted')),
    daysBefore: Type.Optional(Days('Date correlation window before the due date')),
    daysAfter: Type.Optional(Days('Date correlation window after the due date')),
    minSimilarity: Type.Optional(Share('Smallest name similarity that identifies an account or contact')),
  },
  { additionalProperties: false },
);

export const MatchingConfigurationInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    template: Type.Union(TEMPLATES.map((t) => Type.Literal(t)), { description: 'What the configuration looks for' }),
    priority: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'Lower runs first' }),
    active: Type.Optional(Type.Boolean({ default: true })),
    description: Type.Optional(Text(1000)),
    parser: Type.Optional(Parser),
    search: Type.Optional(Search),
  },
  { additionalProperties: false },
);
export type MatchingConfigurationInput = Static<typeof MatchingConfigurationInput>;

export const MatchingConfiguration = Type.Object(
  {
    id: Nullable(Id),
    name: Type.String(),
    template: Type.String(),
    priority: Type.Number(),
    active: Type.Boolean(),
    description: Nullable(Type.String()),
    parser: Parser,
    search: Search,
  },
  { $id: 'MatchingConfiguration', description: 'A matching rule; id is null for the shipped defaults' },
);

export const MatchingConfigurations = Type.Object({
  source: Type.Union([Type.Literal('tenant'), Type.Literal('default')], {
    description: 'tenant: the tenant\'s own set runs; default: the shipped defaults run until the tenant defines its own',
  }),
  items: Type.Array(Type.Ref('MatchingConfiguration')),
});

const AllocationOut = Type.Object({ entryId: Id, amount: Type.String({ description: 'Positive amount in the entry\'s currency' }) });
const Breakdown = Type.Record(Type.String(), Type.Number(), { description: 'Points per signal (reference, account, amount, allocation, date)' });

export const Suggestion = Type.Object(
  {
    id: Id,
    itemId: Id,
    statementId: Id,
    paymentId: Type.String({ description: 'The payment created from the bank item' }),
    rank: Type.Integer({ description: '1 for the best candidate' }),
    status: Type.Union(SUGGESTION_STATUSES.map((s) => Type.Literal(s))),
    score: Type.Number(),
    configuration: Nullable(Type.String()),
    allocations: Type.Array(AllocationOut),
    breakdown: Breakdown,
    reasons: Type.Array(Type.String(), { description: 'Why this candidate was found and why it was not settled automatically' }),
    entryItemIds: Type.Array(Id, { description: 'The entry items created when it was accepted' }),
    decidedBy: Nullable(Type.String()),
    decidedAt: Nullable(Type.String()),
    note: Nullable(Type.String()),
    createdAt: Type.String(),
  },
  { $id: 'MatchingSuggestion' },
);

export const SuggestionQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(SUGGESTION_STATUSES.map((s) => Type.Literal(s)), { description: 'Default: all' })),
    statementId: Type.Optional(Id),
    itemId: Type.Optional(Id),
    minScore: Type.Optional(Type.String({ pattern: '^(0(\\.\\d{1,4})?|1(\\.0{1,4})?)$', description: 'Only suggestions scoring at least this (0–1)' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type SuggestionQuery = Static<typeof SuggestionQuery>;

export const Decision = Type.Object({ note: Type.Optional(Text(255, 'Why, for the record')) }, { additionalProperties: false });
export type Decision = Static<typeof Decision>;

export const MatchingRunSummary = Type.Object(
  {
    jobId: Nullable(Id),
    items: Type.Optional(Type.Integer()),
    settled: Type.Optional(Type.Integer()),
    suggested: Type.Optional(Type.Integer()),
    unmatched: Type.Optional(Type.Integer()),
    skipped: Type.Optional(Type.Integer()),
    paymentsCreated: Type.Optional(Type.Integer()),
    configurations: Type.Optional(Type.Union([Type.Literal('tenant'), Type.Literal('default')])),
  },
  {
    $id: 'MatchingRunSummary',
    description: 'Counts of a matching run; when there are many items only jobId is set and a job does the matching',
  },
);

export const ItemMatching = Type.Object({
  itemId: Id,
  matchingResult: Type.String({ description: 'Matched, Unmatched, Unmatched, multiple results, Payment Id matched or Refund Id matched' }),
  paymentId: Nullable(Type.String()),
  outcome: Nullable(Type.String({ description: 'settled, suggested, unmatched or accepted; null before matching ran' })),
  score: Nullable(Type.Number()),
  configuration: Nullable(Type.String()),
  reasons: Type.Array(Type.String()),
  matchedAt: Nullable(Type.String()),
  suggestions: Type.Array(Type.Ref('MatchingSuggestion')),
});
