import type { FieldDef, ObjectDef } from './org-schema.js';

const SOAP_TYPES: Record<string, string> = {
  Id: 'id',
  Text: 'string',
  AutoNumber: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Url: 'url',
  Currency: 'currency',
  Number: 'double',
  Percent: 'percent',
  Summary: 'double',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Lookup: 'reference',
  MasterDetail: 'reference',
  Picklist: 'picklist',
};

function describeField(field: FieldDef) {
  return {
    name: field.name,
    type: SOAP_TYPES[field.type] ?? 'string',
    nillable: !field.required && field.type !== 'Checkbox',
    createable: field.writable,
    updateable: field.writable,
    externalId: field.externalId,
    unique: field.unique,
    length: field.length ?? 0,
    referenceTo: field.referenceTo ? [field.referenceTo] : [],
    relationshipName: field.relationshipName ?? null,
    picklistValues: field.restrictedValues ? [...field.restrictedValues].map((value) => ({ value, label: value, active: true })) : [],
  };
}

/** The parts of `sobjects/X/describe` that clients read: names, types and what may be written. */
export function describeObject(object: ObjectDef) {
  return {
    name: object.name,
    custom: object.name.endsWith('__c') || object.name.endsWith('__e'),
    createable: true,
    updateable: !object.isEvent,
    queryable: !object.isEvent,
    fields: [...object.fields.values()].map(describeField),
  };
}
