import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { invalid } from '../../domain/errors.js';
import type { CsvField, CsvProfile } from './profile.js';

/**
 * CSV profiles written as JSON by an operator (a bank we do not ship): checked against the same
 * shape as the built-in ones before any file is read with them.
 */
const FIELDS: readonly CsvField[] = [
  'bookingDate', 'valueDate', 'amount', 'debit', 'credit', 'direction', 'currency', 'gross', 'grossDebit',
  'grossCredit', 'grossCurrency', 'balance', 'remittance', 'endToEndId', 'accountServicerReference',
  'accountServicerReferenceGuard', 'counterpartyName', 'counterpartyIban', 'counterpartyBic',
  'counterpartyOther', 'counterpartyOtherDebit', 'mandateId', 'creditorId', 'creditorReference', 'type',
  'status', 'statementId', 'accountIban', 'accountOther', 'accountOtherDebit',
  'additionalInformation',
];

const Field = Type.Union(FIELDS.map((field) => Type.Literal(field)));
const Names = Type.Array(Type.String({ minLength: 1 }), { minItems: 1 });

const Variant = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    columns: Type.Partial(Type.Record(Field, Names), { additionalProperties: false }),
    charges: Type.Optional(Names),
    dateOrder: Type.Union([Type.Literal('DMY'), Type.Literal('MDY'), Type.Literal('YMD'), Type.Literal('auto')]),
    dateOrderFallback: Type.Optional(Type.Union([Type.Literal('DMY'), Type.Literal('MDY')])),
    decimalSeparator: Type.Union([Type.Literal('.'), Type.Literal(',')]),
  },
  { additionalProperties: false },
);

const CsvProfileSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
    description: Type.String(),
    variants: Type.Array(Variant, { minItems: 1 }),
    required: Type.Array(Field, { minItems: 1 }),
    groupBy: Type.Array(Field),
    statusMap: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.Literal('BOOK'), Type.Literal('PDNG'), Type.Literal('INFO')])),
    ),
    chargesSign: Type.Optional(Type.Union([Type.Literal('cost-positive'), Type.Literal('cost-negative')])),
    debitValues: Type.Optional(Type.Array(Type.String())),
    defaultCurrency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  },
  { additionalProperties: false },
);

/** Checks a profile read from JSON; the error names the first property that is wrong. */
export function parseCsvProfile(data: unknown): CsvProfile {
  if (Value.Check(CsvProfileSchema, data)) return data as CsvProfile;
  const first = Value.Errors(CsvProfileSchema, data).First();
  throw invalid(
    'CSV_PROFILE_INVALID',
    `CSV profile is not valid at "${first?.path || '/'}": ${first?.message ?? 'unknown problem'}`,
    { path: first?.path ?? null },
  );
}
