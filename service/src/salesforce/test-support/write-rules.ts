import type { FieldDef, ObjectDef, OrgSchema } from './org-schema.js';
import { isSalesforceId, toId18 } from './salesforce-ids.js';

/** One error as the REST API reports it (`errorCode` on sObject endpoints, `statusCode` in Collections). */
export interface SfError {
  errorCode: string;
  message: string;
  fields: string[];
}

export class SfFault extends Error {
  constructor(
    readonly errors: SfError[],
    readonly status = 400,
  ) {
    super(errors[0]?.message ?? 'error');
  }
}

export const sfError = (errorCode: string, message: string, fields: string[] = []): SfError => ({ errorCode, message, fields });
export const fault = (errorCode: string, message: string, fields: string[] = [], status = 400) => new SfFault([sfError(errorCode, message, fields)], status);

export type SfRecord = Record<string, unknown>;

/** Looks up a record by an external id, for relationship references in writes (`Entry__r: {Key__c: 'x'}`). */
export type ExternalIdResolver = (object: ObjectDef, field: FieldDef, value: string) => string | null;
/** Whether a record with this id exists (for lookups). */
export type IdExists = (objectName: string, id: string) => boolean;

const NUMERIC = new Set(['Currency', 'Number', 'Percent']);
const TEXTUAL = new Set(['Text', 'TextArea', 'LongTextArea', 'Url', 'Email', 'Phone', 'Picklist', 'MultiselectPicklist', 'EncryptedText', 'Html']);
const typeWord: Record<string, string> = { Currency: 'currency', Number: 'double', Percent: 'double', Checkbox: 'boolean', Date: 'date', DateTime: 'datetime' };

const parserError = (field: FieldDef, value: unknown) =>
  fault(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${typeWord[field.type] ?? 'reference'} from ${typeof value === 'string' ? 'VALUE_STRING' : 'VALUE_' + typeof value} value ${String(value)} or request may be missing a required field`,
    [field.name],
  );

function coerce(object: ObjectDef, field: FieldDef, value: unknown, exists: IdExists): unknown {
  if (value === null) return null;
  if (TEXTUAL.has(field.type) || field.type === 'AutoNumber') {
    if (typeof value === 'object') throw parserError(field, value);
    const text = String(value);
    if (field.length !== undefined && text.length > field.length) {
      throw fault('STRING_TOO_LONG', `${field.name}: data value too large: ${text} (max length=${field.length})`, [field.name]);
    }
    if (field.restrictedValues && !field.restrictedValues.has(text)) {
      throw fault('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${field.name}: bad value for restricted picklist field: ${text}`, [field.name]);
    }
    return text;
  }
  if (NUMERIC.has(field.type)) {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    throw parserError(field, value);
  }
  if (field.type === 'Checkbox') {
    if (typeof value === 'boolean') return value;
    throw parserError(field, value);
  }
  if (field.type === 'Date') {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
    throw parserError(field, value);
  }
  if (field.type === 'DateTime') {
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString().replace('Z', '+0000');
    throw parserError(field, value);
  }
  if (field.type === 'Lookup' || field.type === 'MasterDetail' || field.type === 'Id') {
    if (typeof value !== 'string' || !isSalesforceId(value)) {
      throw fault('MALFORMED_ID', `${field.referenceTo ?? object.name} ID: id value of incorrect type: ${String(value)}`, [field.name]);
    }
    const id = toId18(value);
    if (field.referenceTo && !exists(field.referenceTo, id)) {
      throw fault('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field.name]);
    }
    return id;
  }
  throw parserError(field, value);
}

function resolveRelationship(schema: OrgSchema, object: ObjectDef, key: string, value: unknown, resolve: ExternalIdResolver): [FieldDef, string] | null {
  const lookup = [...object.fields.values()].find((f) => f.relationshipName?.toLowerCase() === key.toLowerCase() && f.referenceTo);
  if (!lookup) return null;
  const target = schema.get(lookup.referenceTo!.toLowerCase());
  const entries = value && typeof value === 'object' ? Object.entries(value as SfRecord).filter(([k]) => k !== 'attributes') : [];
  if (!target || entries.length !== 1) {
    throw fault('INVALID_FIELD', `${key}: a relationship reference names exactly one external id field`, [key]);
  }
  const [fieldName, externalValue] = entries[0]!;
  const extField = target.fields.get(fieldName.toLowerCase());
  if (!extField || !(extField.externalId || extField.name === 'Id')) {
    throw fault('INVALID_FIELD', `Field name provided, ${fieldName} is not an External ID or indexed field for ${target.name}`, [key]);
  }
  const id = resolve(target, extField, String(externalValue));
  if (!id) {
    throw fault('INVALID_FIELD', `Foreign key external ID: ${String(externalValue)} not found for field ${extField.name} in entity ${target.name}`, [key]);
  }
  return [lookup, id];
}

export interface WriteCheck {
  schema: OrgSchema;
  object: ObjectDef;
  body: SfRecord;
  mode: 'insert' | 'update';
  exists: IdExists;
  resolve: ExternalIdResolver;
  /** Field names the caller may send although they cannot be written (the Id of an update, the external id of an upsert). */
  allowed?: string[];
}

/**
 * Checks one record of a write the way the org does (unknown fields, read-only fields, types,
 * lengths, restricted picklists, required fields on insert) and returns it with canonical field
 * names and stored values.
 */
export function checkWrite({ schema, object, body, mode, exists, resolve, allowed = [] }: WriteCheck): SfRecord {
  const out: SfRecord = {};
  const allow = new Set(allowed.map((a) => a.toLowerCase()));
  for (const [key, value] of Object.entries(body)) {
    if (key === 'attributes') continue;
    const field = object.fields.get(key.toLowerCase());
    if (!field) {
      const reference = key.endsWith('__r') ? resolveRelationship(schema, object, key, value, resolve) : null;
      if (!reference) throw fault('INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`, [key]);
      out[reference[0].name] = reference[1];
      continue;
    }
    if (allow.has(field.name.toLowerCase())) continue;
    if (!field.writable) {
      throw fault(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        [field.name],
      );
    }
    out[field.name] = coerce(object, field, value, exists);
  }
  const missing = [...object.fields.values()].filter(
    (f) => f.required && (mode === 'insert' ? out[f.name] === undefined || out[f.name] === null : out[f.name] === null),
  );
  if (missing.length > 0) {
    const names = missing.map((f) => f.name);
    throw fault('REQUIRED_FIELD_MISSING', `Required fields are missing: [${names.join(', ')}]`, names);
  }
  return out;
}
