/**
 * The Avro schema an org serves for a platform event, derived from the package's own definition in
 * `force-app/`: `CreatedDate` (long) and `CreatedById` (string) first, then every custom field as a
 * `["null", type]` union with default null, as Salesforce generates them. Deriving them from the
 * package means a field the service publishes but the package does not define fails the tests.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export const FORCE_APP_OBJECTS = new URL('../../../../../force-app/main/default/objects/', import.meta.url).pathname;

export interface EventDefinition {
  name: string;
  schemaId: string;
  schema: Record<string, unknown>;
  required: string[];
}

const AVRO_TYPES: Record<string, string> = {
  Text: 'string',
  TextArea: 'string',
  LongTextArea: 'string',
  Picklist: 'string',
  Number: 'double',
  Checkbox: 'boolean',
  DateTime: 'long',
};

const parser = new XMLParser();

/** Every platform event (`*__e`) of the package, by API name. */
export function readEventDefinitions(objectsDir = FORCE_APP_OBJECTS): Map<string, EventDefinition> {
  const events = new Map<string, EventDefinition>();
  for (const name of readdirSync(objectsDir).filter((n) => n.endsWith('__e'))) {
    const fieldsDir = join(objectsDir, name, 'fields');
    const fields: Record<string, unknown>[] = [
      { name: 'CreatedDate', type: 'long', doc: 'CreatedDate:DateTime' },
      { name: 'CreatedById', type: 'string', doc: 'CreatedBy:EntityId' },
    ];
    const required: string[] = [];
    for (const file of readdirSync(fieldsDir).sort()) {
      const field = (parser.parse(readFileSync(join(fieldsDir, file), 'utf8')) as { CustomField: Record<string, unknown> }).CustomField;
      const type = AVRO_TYPES[String(field.type)];
      if (!type) throw new Error(`${name}.${String(field.fullName)}: no Avro type for field type ${String(field.type)}`);
      fields.push({ name: field.fullName, type: ['null', type], doc: `Data:${String(field.type)}`, default: null });
      if (field.required === true) required.push(String(field.fullName));
    }
    const schema = { type: 'record', name, namespace: 'com.sforce.eventbus', fields, 'x-sfdc': { uuid: name } };
    const schemaId = createHash('sha256').update(JSON.stringify(schema)).digest('base64url').slice(0, 22);
    events.set(name, { name, schemaId, schema, required });
  }
  return events;
}
