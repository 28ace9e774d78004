import type { FieldDef, ObjectDef, OrgSchema } from './org-schema.js';
import { fault, type SfRecord } from './write-rules.js';

/** A field of the select list or a condition: a field of the object or one hop up a lookup. */
export interface FieldPath {
  /** As written in the query (the answer uses it). */
  text: string;
  field: FieldDef;
  /** Set for `Rel__r.Field`: the lookup followed and the field on its target. */
  via?: { lookup: FieldDef; target: ObjectDef };
}

export interface Condition {
  path: FieldPath;
  op: '=' | '!=' | '<' | '>' | '<=' | '>=' | 'IN' | 'NOT IN' | 'LIKE';
  value: unknown;
}

export interface SoqlQuery {
  object: ObjectDef;
  count: boolean;
  fields: FieldPath[];
  where: Condition[];
  orderBy: { path: FieldPath; desc: boolean } | null;
  limit: number | null;
}

const TOKEN = /\s*('(?:[^'\\]|\\.)*'|<=|>=|!=|<>|[(),=<>]|[A-Za-z_][\w.]*|-?\d+(?:\.\d+)?)/y;

function tokenize(soql: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < soql.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(soql);
    if (!match) {
      if (soql.slice(start).trim() === '') break;
      throw fault('MALFORMED_QUERY', `unexpected token: '${soql.slice(start).trim().split(/\s/)[0]}'`);
    }
    tokens.push(match[1]!);
  }
  return tokens;
}

const noSuchColumn = (name: string, object: ObjectDef) =>
  fault(
    'INVALID_FIELD',
    `No such column '${name}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );

function resolvePath(schema: OrgSchema, object: ObjectDef, text: string): FieldPath {
  const parts = text.split('.');
  if (parts.length === 1) {
    const field = object.fields.get(text.toLowerCase());
    if (!field) throw noSuchColumn(text, object);
    return { text, field };
  }
  if (parts.length !== 2) throw fault('MALFORMED_QUERY', `only one relationship hop is supported here: ${text}`);
  const relationship = parts[0]!.toLowerCase();
  const lookup = [...object.fields.values()].find((f) => f.referenceTo && f.relationshipName?.toLowerCase() === relationship);
  const target = lookup ? schema.get(lookup.referenceTo!.toLowerCase()) : undefined;
  if (!lookup || !target) {
    throw fault('INVALID_FIELD', `Didn't understand relationship '${parts[0]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`);
  }
  const field = target.fields.get(parts[1]!.toLowerCase());
  if (!field) throw noSuchColumn(parts[1]!, target);
  return { text, field, via: { lookup, target } };
}

function literal(token: string | undefined): unknown {
  if (token === undefined) throw fault('MALFORMED_QUERY', 'unexpected end of query');
  if (token.startsWith("'")) return token.slice(1, -1).replace(/\\(.)/g, '$1');
  if (/^-?\d/.test(token)) return Number(token);
  const word = token.toLowerCase();
  if (word === 'true' || word === 'false') return word === 'true';
  if (word === 'null') return null;
  // date literals (2026-12-01) are split by the tokenizer; they are not needed by the service yet
  throw fault('MALFORMED_QUERY', `unexpected token: '${token}'`);
}

/**
 * Parses the SOQL the service sends: `SELECT fields | COUNT() FROM Obj [WHERE cond [AND cond]…]
 * [ORDER BY field [ASC|DESC]] [LIMIT n]`, conditions `field op literal` or `field [NOT] IN (…)`,
 * and fields one relationship hop away (`Entry__r.Name`). Anything else is refused as MALFORMED_QUERY.
 */
export function parseSoql(schema: OrgSchema, soql: string): SoqlQuery {
  const t = tokenize(soql);
  let i = 0;
  const peek = () => t[i]?.toUpperCase();
  const expect = (word: string) => {
    if (peek() !== word) throw fault('MALFORMED_QUERY', `expecting '${word}', found '${t[i] ?? '<EOF>'}'`);
    i++;
  };
  expect('SELECT');
  const names: string[] = [];
  let count = false;
  if (peek() === 'COUNT' && t[i + 1] === '(' && t[i + 2] === ')') {
    count = true;
    i += 3;
  } else {
    for (;;) {
      const name = t[i++];
      if (!name || !/^[A-Za-z_]/.test(name)) throw fault('MALFORMED_QUERY', `unexpected token: '${name ?? '<EOF>'}'`);
      names.push(name);
      if (t[i] !== ',') break;
      i++;
    }
  }
  expect('FROM');
  const objectName = t[i++] ?? '';
  const object = schema.get(objectName.toLowerCase());
  if (!object) {
    throw fault(
      'INVALID_TYPE',
      `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const fields = names.map((n) => resolvePath(schema, object, n));
  const where: Condition[] = [];
  if (peek() === 'WHERE') {
    i++;
    for (;;) {
      const path = resolvePath(schema, object, t[i++] ?? '');
      let op = (t[i++] ?? '').toUpperCase();
      if (op === 'NOT' && peek() === 'IN') {
        op = 'NOT IN';
        i++;
      }
      if (op === '<>') op = '!=';
      if (op === 'IN' || op === 'NOT IN') {
        expect('(');
        const values: unknown[] = [];
        for (;;) {
          values.push(literal(t[i++]));
          if (t[i] !== ',') break;
          i++;
        }
        expect(')');
        where.push({ path, op, value: values });
      } else if (['=', '!=', '<', '>', '<=', '>=', 'LIKE'].includes(op)) {
        where.push({ path, op: op as Condition['op'], value: literal(t[i++]) });
      } else {
        throw fault('MALFORMED_QUERY', `unexpected token: '${op}'`);
      }
      if (peek() !== 'AND') break;
      i++;
    }
  }
  let orderBy: SoqlQuery['orderBy'] = null;
  if (peek() === 'ORDER') {
    i++;
    expect('BY');
    const path = resolvePath(schema, object, t[i++] ?? '');
    let desc = false;
    if (peek() === 'ASC' || peek() === 'DESC') desc = t[i++]!.toUpperCase() === 'DESC';
    orderBy = { path, desc };
  }
  let limit: number | null = null;
  if (peek() === 'LIMIT') {
    i++;
    limit = Number(t[i++]);
    if (!Number.isInteger(limit) || limit < 0) throw fault('MALFORMED_QUERY', 'LIMIT must be a non-negative integer');
  }
  if (i < t.length) throw fault('MALFORMED_QUERY', `unexpected token: '${t[i]}'`);
  return { object, count, fields, where, orderBy, limit };
}

function likeToRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

const equal = (a: unknown, b: unknown) => (a ?? null) === b || (typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase());

function matches(value: unknown, c: Condition): boolean {
  switch (c.op) {
    case '=':
      return equal(value, c.value);
    case '!=':
      return !equal(value, c.value);
    case 'IN':
      return (c.value as unknown[]).some((v) => equal(value, v));
    case 'NOT IN':
      return !(c.value as unknown[]).some((v) => equal(value, v));
    case 'LIKE':
      return typeof value === 'string' && likeToRegex(String(c.value)).test(value);
    default: {
      if (value === null || value === undefined) return false;
      const order = compare(value, c.value);
      return c.op === '<' ? order < 0 : c.op === '>' ? order > 0 : c.op === '<=' ? order <= 0 : order >= 0;
    }
  }
}

/** Reads a field path of a stored record; `lookup` finds the record a lookup points at. */
export type RecordLookup = (objectName: string, id: string) => SfRecord | undefined;

export function valueAt(record: SfRecord, path: FieldPath, lookup: RecordLookup): unknown {
  if (!path.via) return record[path.field.name] ?? null;
  const id = record[path.via.lookup.name];
  const parent = typeof id === 'string' ? lookup(path.via.target.name, id) : undefined;
  return parent ? (parent[path.field.name] ?? null) : null;
}

export function runSoql(query: SoqlQuery, records: SfRecord[], lookup: RecordLookup): SfRecord[] {
  let rows = records.filter((r) => query.where.every((c) => matches(valueAt(r, c.path, lookup), c)));
  if (query.orderBy) {
    const { path, desc } = query.orderBy;
    rows = [...rows].sort((x, y) => compare(valueAt(x, path, lookup), valueAt(y, path, lookup)) * (desc ? -1 : 1));
  }
  return query.limit === null ? rows : rows.slice(0, query.limit);
}
