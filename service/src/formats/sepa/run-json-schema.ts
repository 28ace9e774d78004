/**
 * The RUN.json contract of the file mode (`cash sepa direct-debit --input RUN.json`), written by
 * other tools: one schema gives validation, the TypeScript type and the documented shape
 * (docs/sepa-run-json.md). Unknown properties are refused so that a misspelt field name is
 * reported instead of silently ignored.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { invalid } from '../../domain/errors.js';

/** Lengths are EPC rules, checked with clearer messages by the run rules, not here. */
const Text = () => Type.String({ minLength: 1 });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'calendar date YYYY-MM-DD' });

export const AddressSchema = Type.Object(
  {
    street: Type.Optional(Text()),
    buildingNumber: Type.Optional(Text()),
    postalCode: Type.Optional(Text()),
    town: Type.Optional(Text()),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 alpha-2' })),
    addressLines: Type.Optional(
      Type.Array(Text(), { maxItems: 2, description: 'hybrid address: up to two lines beside town and country' }),
    ),
  },
  { additionalProperties: false },
);

export const AccountSchema = Type.Object(
  {
    iban: Text(),
    bic: Type.Optional(Text()),
    name: Text(),
    address: Type.Optional(AddressSchema),
    charset: Type.Optional(
      Type.Union([Type.Literal('epc'), Type.Literal('de')], {
        description: 'characters the bank accepts: EPC basic Latin (default) or the German DK set',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CounterpartySchema = Type.Object(
  { iban: Text(), bic: Type.Optional(Text()), name: Text(), address: Type.Optional(AddressSchema) },
  { additionalProperties: false },
);

export const MandateSchema = Type.Object(
  {
    id: Text(),
    signatureDate: IsoDate,
    scheme: Type.Union([Type.Literal('CORE'), Type.Literal('B2B')]),
    sequenceType: Type.Union([Type.Literal('FRST'), Type.Literal('RCUR'), Type.Literal('OOFF'), Type.Literal('FNAL')]),
    amendment: Type.Optional(
      Type.Object(
        {
          originalMandateId: Type.Optional(Text()),
          originalCreditorId: Type.Optional(Text()),
          originalDebtorIban: Type.Optional(Text()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const TransactionSchema = Type.Object(
  {
    endToEndId: Type.Optional(Type.String()),
    amount: Type.String({ description: 'decimal string, e.g. "12.30"' }),
    currency: Type.String(),
    counterparty: CounterpartySchema,
    remittanceInformation: Type.Optional(Type.String()),
    remittanceReference: Type.Optional(
      Type.String({
        description:
          'the invoice number or payment reference remittanceInformation must keep: a text over 140 characters is shortened only if it stays in, otherwise the transaction is refused (REMITTANCE_REFERENCE_LOST)',
      }),
    ),
    creditorReference: Type.Optional(Type.String()),
    requestedDate: Type.Optional(IsoDate),
    mandate: Type.Optional(MandateSchema),
  },
  { additionalProperties: false },
);

export const RunSchema = Type.Object(
  {
    messageId: Type.Optional(Type.String()),
    initiatingParty: Type.Object({ name: Text() }, { additionalProperties: false }),
    account: AccountSchema,
    creditorId: Type.Optional(Type.String()),
    requestedDate: IsoDate,
    batchBooking: Type.Optional(Type.Boolean()),
    transactions: Type.Array(TransactionSchema),
  },
  { additionalProperties: false },
);

export type RunAddress = Static<typeof AddressSchema>;
export type RunAccount = Static<typeof AccountSchema>;
export type RunCounterparty = Static<typeof CounterpartySchema>;
export type RunMandate = Static<typeof MandateSchema>;
export type RunTransaction = Static<typeof TransactionSchema>;

/** A run as RUN.json gives it; `transactions` may be any re-iterable source (streamed runs). */
export type SepaRunInput = Omit<Static<typeof RunSchema>, 'transactions'> & {
  transactions: Iterable<RunTransaction>;
};

const MAX_LISTED = 50;

/** Parses and checks RUN.json text; every schema problem is listed with its JSON path. */
export function parseRunJson(text: string): SepaRunInput {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid('RUN_JSON_SYNTAX', `RUN.json is not valid JSON: ${(error as Error).message}`);
  }
  if (Value.Check(RunSchema, data)) return data;
  const problems = [...Value.Errors(RunSchema, data)]
    .slice(0, MAX_LISTED)
    .map((error) => `${error.path || '/'}: ${error.message}`);
  throw invalid('RUN_JSON_INVALID', `RUN.json does not match the schema:\n  ${problems.join('\n  ')}`, { problems });
}
