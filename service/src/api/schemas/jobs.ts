import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable } from './common.js';

export const Job = Type.Object(
  {
    id: Id,
    type: Type.String(),
    status: Type.Union(['queued', 'running', 'succeeded', 'failed'].map((s) => Type.Literal(s))),
    progress: Type.Object({ done: Type.Integer(), total: Nullable(Type.Integer()), message: Nullable(Type.String()) }),
    result: Type.Unknown(),
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    attempts: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    finishedAt: Nullable(Type.String()),
  },
  { $id: 'Job' },
);

export const EntriesImport = Type.Object(
  {
    format: Type.Union([Type.Literal('jsonl'), Type.Literal('csv')]),
    content: Type.String({ minLength: 1, description: 'The file: JSON lines of entries, or CSV with a header row' }),
  },
  { additionalProperties: false },
);
export type EntriesImport = Static<typeof EntriesImport>;
