import { Type, type Static, type TSchema } from '@sinclair/typebox';

export { Amount, SignedAmount, Currency, DateString, Id, Text, Nullable } from '../../schemas/primitives.js';
import { Id, Nullable } from '../../schemas/primitives.js';

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const PageQuery = {
  limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: 'Page size, 1–500 (default 50)' })),
  cursor: Type.Optional(Type.String({ maxLength: 64, description: 'nextCursor of the previous page' })),
};

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' },
);

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

/** Standard error responses every authenticated route documents. */
export const errorResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
};

export function pageLimit(limit: string | undefined): number {
  const value = limit ? Number.parseInt(limit, 10) : 50;
  return Math.min(value, 500);
}
