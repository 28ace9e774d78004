import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** What the test org knows of a field: enough to refuse what a real org would refuse. */
export interface FieldDef {
  name: string;
  /** Metadata type: Text, Currency, Lookup, MasterDetail, Picklist, Checkbox, … ('Id', 'DateTime' for system fields). */
  type: string;
  required: boolean;
  externalId: boolean;
  unique: boolean;
  /** Formula, roll-up summary, auto number and system fields cannot be written. */
  writable: boolean;
  length?: number;
  referenceTo?: string;
  /** For lookups: how the child names its parent in SOQL and relationship references (`Entry__r`, `Owner`). */
  relationshipName?: string;
  /** Values of a restricted picklist. */
  restrictedValues?: Set<string>;
}

export interface ObjectDef {
  name: string;
  /** Platform events take no CRUD through sObject endpoints except create. */
  isEvent: boolean;
  fields: Map<string, FieldDef>;
}

export type OrgSchema = Map<string, ObjectDef>;

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function systemField(name: string, type: string, writable = false, extra: Partial<FieldDef> = {}): FieldDef {
  return { name, type, required: false, externalId: false, unique: false, writable, ...extra };
}

function standardFields(nameField: FieldDef | null): FieldDef[] {
  return [
    systemField('Id', 'Id'),
    ...(nameField ? [nameField] : []),
    systemField('OwnerId', 'Lookup', true, { referenceTo: 'User', relationshipName: 'Owner' }),
    systemField('IsDeleted', 'Checkbox'),
    systemField('CreatedDate', 'DateTime'),
    systemField('CreatedById', 'Lookup', false, { referenceTo: 'User', relationshipName: 'CreatedBy' }),
    systemField('LastModifiedDate', 'DateTime'),
    systemField('LastModifiedById', 'Lookup', false, { referenceTo: 'User', relationshipName: 'LastModifiedBy' }),
    systemField('SystemModstamp', 'DateTime'),
  ];
}

function restrictedValues(xml: string, globalSets: Map<string, Set<string>>): Set<string> | undefined {
  if (tag(xml, 'restricted') !== 'true') return undefined;
  const setName = tag(xml, 'valueSetName');
  if (setName) return globalSets.get(setName) ?? new Set();
  const definition = /<valueSetDefinition>([\s\S]*)<\/valueSetDefinition>/.exec(xml)?.[1] ?? '';
  return new Set([...definition.matchAll(/<value>\s*<fullName>([^<]*)<\/fullName>/g)].map((m) => decode(m[1]!)));
}

function parseField(xml: string, globalSets: Map<string, Set<string>>): FieldDef {
  const type = tag(xml, 'type') ?? 'Text';
  const calculated = xml.includes('<formula>') || type === 'Summary' || type === 'AutoNumber';
  const length = tag(xml, 'length');
  const referenceTo = tag(xml, 'referenceTo');
  const name = tag(xml, 'fullName')!;
  // the metadata's relationshipName names the children (Entry__c.EntryItems__r); the child reaches its parent by Field__r
  const relationshipName = referenceTo ? name.replace(/__c$/, '__r') : undefined;
  const values = type === 'Picklist' ? restrictedValues(xml, globalSets) : undefined;
  return {
    name,
    type,
    // a master-detail field is always required
    required: (tag(xml, 'required') === 'true' || type === 'MasterDetail') && !calculated,
    externalId: tag(xml, 'externalId') === 'true',
    unique: tag(xml, 'unique') === 'true',
    writable: !calculated,
    ...(length ? { length: Number(length) } : {}),
    ...(referenceTo ? { referenceTo } : {}),
    ...(relationshipName ? { relationshipName } : {}),
    ...(values ? { restrictedValues: values } : {}),
  };
}

function globalValueSets(root: string): Map<string, Set<string>> {
  const dir = join(root, 'globalValueSets');
  const sets = new Map<string, Set<string>>();
  if (!existsSync(dir)) return sets;
  for (const file of readdirSync(dir)) {
    const xml = readFileSync(join(dir, file), 'utf8');
    sets.set(file.split('.')[0]!, new Set([...xml.matchAll(/<customValue>\s*<fullName>([^<]*)<\/fullName>/g)].map((m) => decode(m[1]!))));
  }
  return sets;
}

function objectOf(name: string, isEvent: boolean, fields: FieldDef[]): ObjectDef {
  return { name, isEvent, fields: new Map(fields.map((f) => [f.name.toLowerCase(), f])) };
}

/**
 * Reads the package's objects and fields (`force-app/main/default`) the way an org would have them
 * after deployment, plus the standard objects the package's lookups point at.
 */
export function loadOrgSchema(packageRoot: string): OrgSchema {
  const sets = globalValueSets(packageRoot);
  const schema: OrgSchema = new Map();
  const objectsDir = join(packageRoot, 'objects');
  for (const name of readdirSync(objectsDir)) {
    const objectXml = readFileSync(join(objectsDir, name, `${name}.object-meta.xml`), 'utf8');
    const isEvent = name.endsWith('__e');
    const fieldsDir = join(objectsDir, name, 'fields');
    const custom = existsSync(fieldsDir) ? readdirSync(fieldsDir).map((f) => parseField(readFileSync(join(fieldsDir, f), 'utf8'), sets)) : [];
    if (isEvent) {
      schema.set(name.toLowerCase(), objectOf(name, true, [systemField('Id', 'Id'), systemField('CreatedDate', 'DateTime'), systemField('CreatedById', 'Lookup'), ...custom]));
      continue;
    }
    const nameBlock = /<nameField>([\s\S]*?)<\/nameField>/.exec(objectXml)?.[1] ?? '';
    const autoNumber = tag(nameBlock, 'type') === 'AutoNumber';
    const nameField = systemField('Name', autoNumber ? 'AutoNumber' : 'Text', !autoNumber, autoNumber ? {} : { length: 80 });
    schema.set(name.toLowerCase(), objectOf(name, false, [...standardFields(nameField), ...custom]));
  }
  for (const standard of ['Account', 'Contact']) {
    schema.set(standard.toLowerCase(), objectOf(standard, false, standardFields(systemField('Name', 'Text', true, { length: 255 }))));
  }
  schema.set('user', objectOf('User', false, [systemField('Id', 'Id'), systemField('Name', 'Text'), systemField('Username', 'Text')]));
  return schema;
}
