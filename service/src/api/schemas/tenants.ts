import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Text } from './common.js';

const Scope = Type.Union([Type.Literal('read'), Type.Literal('write'), Type.Literal('admin')]);

export const TenantCreate = Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }) }, { additionalProperties: false });
export type TenantCreate = Static<typeof TenantCreate>;

export const Tenant = Type.Object({ id: Id, name: Type.String(), createdAt: Type.String() }, { $id: 'Tenant' });

export const ApiKeyCreate = Type.Object(
  { name: Text(80), scopes: Type.Array(Scope, { minItems: 1, maxItems: 3, uniqueItems: true }) },
  { additionalProperties: false },
);
export type ApiKeyCreate = Static<typeof ApiKeyCreate>;

export const ApiKey = Type.Object(
  {
    id: Id,
    name: Type.String(),
    prefix: Type.String(),
    scopes: Type.Array(Type.String()),
    createdAt: Type.String(),
    revokedAt: Nullable(Type.String()),
  },
  { $id: 'ApiKey' },
);

export const ApiKeyWithSecret = Type.Object({
  key: Type.String({ description: 'Shown once; only its hash is stored' }),
  apiKey: Type.Ref('ApiKey'),
}, { $id: 'ApiKeyWithSecret' });
