import type { FieldDef, ObjectDef, OrgSchema } from './org-schema.js';
import { IdSequence, isSalesforceId, toId18 } from './salesforce-ids.js';
import { checkWrite, fault, type SfRecord } from './write-rules.js';

const STANDARD_PREFIXES: Record<string, string> = { account: '001', contact: '003', user: '005' };

/** The org's records, kept in memory, written only through `checkWrite`. */
export class RecordStore {
  private tables = new Map<string, Map<string, SfRecord>>();
  private readonly prefixes = new Map<string, string>();
  private readonly ids = new IdSequence();
  private autoNumber = 0;

  constructor(
    readonly schema: OrgSchema,
    private readonly userId: () => string,
  ) {
    let n = 0;
    for (const [key, object] of schema) {
      this.prefixes.set(key, STANDARD_PREFIXES[key] ?? (object.isEvent ? 'e00' : `a0${(n++).toString(36).toUpperCase()}`));
    }
  }

  object(name: string): ObjectDef | undefined {
    return this.schema.get(name.toLowerCase());
  }

  table(name: string): Map<string, SfRecord> {
    const key = name.toLowerCase();
    let table = this.tables.get(key);
    if (!table) this.tables.set(key, (table = new Map()));
    return table;
  }

  get(objectName: string, id: string): SfRecord | undefined {
    return isSalesforceId(id) ? this.table(objectName).get(toId18(id)) : undefined;
  }

  newId(object: ObjectDef): string {
    return this.ids.id(this.prefixes.get(object.name.toLowerCase())!);
  }

  /** Copies every table, so an all-or-none request can be undone. */
  snapshot(): () => void {
    const copy = new Map([...this.tables].map(([k, t]) => [k, new Map([...t].map(([id, r]) => [id, { ...r }]))]));
    return () => {
      this.tables = copy;
    };
  }

  findByExternalId(object: ObjectDef, field: FieldDef, value: string): SfRecord[] {
    if (field.name === 'Id') {
      const record = this.get(object.name, value);
      return record ? [record] : [];
    }
    return [...this.table(object.name).values()].filter((r) => r[field.name] === value);
  }

  private checked(object: ObjectDef, body: SfRecord, mode: 'insert' | 'update', allowed: string[] = []): SfRecord {
    return checkWrite({
      schema: this.schema,
      object,
      body,
      mode,
      allowed,
      exists: (name, id) => name.toLowerCase() === 'user' ? id === this.userId() : this.get(name, id) !== undefined,
      resolve: (target, field, value) => {
        const found = this.findByExternalId(target, field, value);
        return found.length === 1 ? String(found[0]!.Id) : null;
      },
    });
  }

  private checkUnique(object: ObjectDef, values: SfRecord, selfId: string | null): void {
    for (const field of object.fields.values()) {
      const value = values[field.name];
      if (!field.unique || value === undefined || value === null) continue;
      const clash = [...this.table(object.name).values()].find((r) => r.Id !== selfId && r[field.name] === value);
      if (clash) {
        throw fault('DUPLICATE_VALUE', `duplicate value found: ${field.name} duplicates value on record with id: ${String(clash.Id)}`, [field.name]);
      }
    }
  }

  insert(object: ObjectDef, body: SfRecord): SfRecord {
    if (Object.keys(body).some((k) => k.toLowerCase() === 'id')) {
      throw fault('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);
    }
    const values = this.checked(object, body, 'insert');
    this.checkUnique(object, values, null);
    const now = new Date().toISOString().replace('Z', '+0000');
    const id = this.newId(object);
    const user = this.userId();
    const name = object.fields.get('name');
    const record: SfRecord = {
      Id: id,
      ...(name?.type === 'AutoNumber' ? { Name: String(++this.autoNumber).padStart(6, '0') } : {}),
      ...(object.fields.has('ownerid') ? { OwnerId: user } : {}),
      IsDeleted: false,
      CreatedDate: now,
      CreatedById: user,
      LastModifiedDate: now,
      LastModifiedById: user,
      SystemModstamp: now,
      ...values,
    };
    if (!object.isEvent) this.table(object.name).set(id, record);
    return record;
  }

  update(object: ObjectDef, id: string, body: SfRecord, allowed: string[] = []): SfRecord {
    const record = this.get(object.name, id);
    if (!record) throw fault('ENTITY_IS_DELETED', 'entity is deleted', [], 404);
    const values = this.checked(object, body, 'update', allowed);
    this.checkUnique(object, values, String(record.Id));
    const now = new Date().toISOString().replace('Z', '+0000');
    Object.assign(record, values, { LastModifiedDate: now, LastModifiedById: this.userId(), SystemModstamp: now });
    return record;
  }

  /** Upsert by external id: creates when no record has the value, updates when one has, refuses when several have. */
  upsert(object: ObjectDef, field: FieldDef, value: string, body: SfRecord): { record: SfRecord; created: boolean } {
    const found = this.findByExternalId(object, field, value);
    if (found.length > 1) {
      throw fault('MULTIPLE_CHOICES', `Multiple records found for ${field.name} = ${value}`, [field.name], 300);
    }
    const sent = Object.keys(body).find((k) => k.toLowerCase() === field.name.toLowerCase());
    if (sent && body[sent] !== value) {
      throw fault('INVALID_FIELD', `The external ID field in the body (${String(body[sent])}) does not match the one in the URL (${value})`, [field.name]);
    }
    if (found.length === 1) return { record: this.update(object, String(found[0]!.Id), body, [field.name]), created: false };
    const rest = Object.fromEntries(Object.entries(body).filter(([k]) => k !== sent));
    return { record: this.insert(object, field.name === 'Id' ? rest : { ...rest, [field.name]: value }), created: true };
  }

  delete(object: ObjectDef, id: string): void {
    const record = this.get(object.name, id);
    if (!record) throw fault('ENTITY_IS_DELETED', 'entity is deleted', [], 404);
    this.table(object.name).delete(String(record.Id));
  }
}
