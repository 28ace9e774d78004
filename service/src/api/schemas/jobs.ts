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
    base64: Type.Optional(
      Type.Boolean({
        description:
          'content is the file\'s bytes in base64, as saved by a spreadsheet: its character encoding is then detected ' +
          '(byte order mark, UTF-16, UTF-8, else a Western code page) or taken from encoding',
      }),
    ),
    encoding: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: 'Character encoding of base64 content, e.g. windows-1252, latin1, utf-16le' }),
    ),
  },
  { additionalProperties: false },
);
export type EntriesImport = Static<typeof EntriesImport>;
