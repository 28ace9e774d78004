import { XMLParser } from 'fast-xml-parser';
import { packageFiles, readText, type Project } from './project.js';

export interface FieldInfo {
  readonly name: string;
  readonly type: string;
  readonly referenceTo?: string;
  readonly relationshipName?: string;
  /** Values of a picklist with an inline value set or a global value set of the package. */
  readonly picklistValues?: readonly string[];
}

/** The custom objects of the package with their fields, read from source-format metadata. */
export interface ObjectModel {
  readonly objects: ReadonlyMap<string, ReadonlyMap<string, FieldInfo>>;
  /** Objects the package does not define but may reference (standard objects): fields unchecked. */
  isExternal(objectName: string): boolean;
  field(objectName: string, fieldName: string): FieldInfo | undefined;
  /** Target object of a relationship path segment such as Account__r on Entry__c. */
  relationshipTarget(objectName: string, relationshipName: string): string | undefined;
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'value' || name === 'customValue' });
const GLOBAL_VALUE_SET = /\/globalValueSets\/([^/]+)\.globalValueSet-meta\.xml$/;

interface FieldXml {
  type?: string;
  referenceTo?: string;
  relationshipName?: string;
  valueSet?: { valueSetName?: string; valueSetDefinition?: { value?: { fullName?: string }[] } };
}
const FIELD_FILE = /\/objects\/([^/]+)\/fields\/([^/]+)\.field-meta\.xml$/;
const OBJECT_FILE = /\/objects\/([^/]+)\/\1\.object-meta\.xml$/;
const STANDARD_FIELDS = ['Id', 'Name', 'CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate', 'OwnerId', 'SystemModstamp', 'IsDeleted', 'RecordTypeId', 'LastActivityDate', 'LastViewedDate', 'LastReferencedDate', 'ReplayId', 'EventUuid', 'CreatedBy', 'LastModifiedBy', 'Owner'];

export function loadObjectModel(project: Project): ObjectModel {
  const objects = new Map<string, Map<string, FieldInfo>>();
  const ensure = (name: string): Map<string, FieldInfo> => {
    let fields = objects.get(name);
    if (!fields) {
      fields = new Map(STANDARD_FIELDS.map((f) => [f, { name: f, type: 'Standard' }]));
      objects.set(name, fields);
    }
    return fields;
  };
  const files = packageFiles(project);
  const globalSets = new Map<string, string[]>();
  for (const file of files) {
    const name = GLOBAL_VALUE_SET.exec(file)?.[1];
    if (!name) continue;
    const xml = parser.parse(readText(project, file)) as { GlobalValueSet?: { customValue?: { fullName?: string }[] } };
    globalSets.set(name, (xml.GlobalValueSet?.customValue ?? []).map((v) => String(v.fullName ?? '')));
  }
  for (const file of files) {
    const objectMatch = OBJECT_FILE.exec(file);
    if (objectMatch?.[1]) ensure(objectMatch[1]);
    const fieldMatch = FIELD_FILE.exec(file);
    if (!fieldMatch?.[1] || !fieldMatch[2]) continue;
    const xml = parser.parse(readText(project, file)) as { CustomField?: FieldXml };
    const f = xml.CustomField ?? {};
    const inline = f.valueSet?.valueSetDefinition?.value?.map((v) => String(v.fullName ?? ''));
    const picklistValues = inline ?? (f.valueSet?.valueSetName ? globalSets.get(f.valueSet.valueSetName) : undefined);
    ensure(fieldMatch[1]).set(fieldMatch[2], {
      name: fieldMatch[2],
      type: f.type ?? 'Unknown',
      ...(f.referenceTo ? { referenceTo: f.referenceTo } : {}),
      ...(f.relationshipName ? { relationshipName: f.relationshipName } : {}),
      ...(picklistValues ? { picklistValues } : {}),
    });
  }
  const model: ObjectModel = {
    objects,
    isExternal: (name) => !objects.has(name) && !name.endsWith('__c') && !name.endsWith('__e') && !name.endsWith('__mdt'),
    field: (objectName, fieldName) => {
      const fields = objects.get(objectName);
      if (!fields) return undefined;
      for (const [name, info] of fields) if (name.toLowerCase() === fieldName.toLowerCase()) return info;
      return undefined;
    },
    relationshipTarget: (objectName, relationshipName) => {
      const fieldName = relationshipName.endsWith('__r') ? `${relationshipName.slice(0, -3)}__c` : `${relationshipName}Id`;
      const field = model.field(objectName, fieldName);
      if (field?.referenceTo) return field.referenceTo;
      if (!relationshipName.endsWith('__r')) return relationshipName === 'Owner' || relationshipName.endsWith('By') ? 'User' : undefined;
      return undefined;
    },
  };
  return model;
}

/** The field a path ends at (Entry__r.Currency__c on EntryItem__c → Entry__c.Currency__c). */
export function resolveFieldPath(model: ObjectModel, objectName: string, path: string): FieldInfo | undefined {
  const segments = path.split('.');
  let current = objectName;
  for (const segment of segments.slice(0, -1)) {
    const target = model.relationshipTarget(current, segment);
    if (!target) return undefined;
    current = target;
  }
  return model.field(current, segments[segments.length - 1] ?? '');
}

/**
 * Checks a field path (Field__c, Rel__r.Field__c, Account__r.Name) on an object. Returns a problem
 * description, or undefined when the path exists or leads into an object the package does not define.
 */
export function checkFieldPath(model: ObjectModel, objectName: string, path: string): string | undefined {
  const segments = path.split('.');
  let current = objectName;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    if (model.isExternal(current)) return undefined;
    if (!model.objects.has(current)) return `unknown object ${current}`;
    if (i === segments.length - 1) return model.field(current, segment) ? undefined : `unknown field ${current}.${segment}`;
    const target = model.relationshipTarget(current, segment);
    if (!target) return `unknown relationship ${current}.${segment}`;
    current = target;
  }
  return undefined;
}
