import { existsSync } from 'node:fs';
import type { CheckResult, Finding } from '../lib/findings.js';
import { checkFieldPath, loadObjectModel, type ObjectModel } from '../lib/object-model.js';
import { lineOf, packageFiles, readText, type Project } from '../lib/project.js';
import { findInlineQueries, type SoqlQuery } from '../lib/soql.js';
import { join } from 'node:path';

const CHECK = 'fields, objects and Apex methods named by Apex and LWC exist';

/** Child object of a parent-to-child relationship (FROM EntryItems inside a query on Entry__c). */
function childObject(model: ObjectModel, parent: string, relationship: string): string | undefined {
  for (const [objectName, fields] of model.objects) {
    for (const field of fields.values()) {
      if (field.referenceTo === parent && field.relationshipName?.toLowerCase() === relationship.replace(/__r$/, '').toLowerCase()) return objectName;
    }
  }
  return undefined;
}

function checkQuery(model: ObjectModel, query: SoqlQuery, objectName: string, report: (offset: number, message: string) => void): void {
  if (model.isExternal(objectName)) return;
  if (!model.objects.has(objectName)) {
    report(query.offset, `query on unknown object ${objectName}`);
    return;
  }
  for (const path of query.fields) {
    const problem = checkFieldPath(model, objectName, path);
    if (problem) report(query.offset, `SOQL names ${problem}`);
  }
  for (const sub of query.subqueries) {
    const child = childObject(model, objectName, sub.object);
    if (!child) report(sub.offset, `unknown child relationship ${objectName}.${sub.object}`);
    else checkQuery(model, sub, child, report);
  }
}

/** LWC source of a bundle: the TypeScript source where there is one, else the JavaScript. */
function lwcSources(files: readonly string[]): string[] {
  const sources = files.filter((f) => /\/lwc\/[^/]+\/[^/]+\.(ts|js)$/.test(f) && !f.includes('/__tests__/') && !f.endsWith('.d.ts'));
  return sources.filter((f) => !(f.endsWith('.js') && sources.includes(f.replace(/\.js$/, '.ts'))));
}

function auraEnabledMethods(project: Project, className: string): Set<string> | undefined {
  const file = project.packageDirs.map((d) => `${d}/main/default/classes/${className}.cls`).find((f) => existsSync(join(project.root, f)));
  if (!file) return undefined;
  const source = readText(project, file);
  const methods = new Set<string>();
  for (const m of source.matchAll(/@AuraEnabled(?:\([^)]*\))?\s+(?:(?:public|global|static|private)\s+)+[\w<>,\s.]+?\s(\w+)\s*\(/gi)) {
    if (m[1]) methods.add(m[1]);
  }
  return methods;
}

/**
 * Cross-check of names against the object metadata: fields and relationships in Apex SOQL (which
 * apex-ls does not check), picklist values that Apex compares or assigns, and the schema imports, 'Object.Field' strings and Apex method imports of
 * the Lightning Web Components.
 */
export function checkFieldReferences(project: Project): CheckResult {
  const model = loadObjectModel(project);
  const findings: Finding[] = [];
  const files = packageFiles(project);

  // Picklist values by field name across objects: Apex compares and assigns picklists as strings.
  const picklistValues = new Map<string, Set<string>>();
  for (const fields of model.objects.values()) {
    for (const field of fields.values()) {
      if (!field.picklistValues) continue;
      const values = picklistValues.get(field.name) ?? new Set<string>();
      for (const v of field.picklistValues) values.add(v);
      picklistValues.set(field.name, values);
    }
  }

  for (const file of files.filter((f) => /\.(cls|trigger)$/.test(f))) {
    const source = readText(project, file);
    for (const m of source.matchAll(/\b(\w+__c)\s*(?:==|!=|=)\s*'([^']+)'/g)) {
      const [text, field = '', value = ''] = m;
      const values = picklistValues.get(field);
      if (values && !values.has(value)) findings.push({ file, line: lineOf(source, text) ?? 1, message: `'${value}' is not a value of any picklist ${field}` });
    }
    for (const query of findInlineQueries(source)) {
      checkQuery(model, query, query.object, (offset, message) => findings.push({ file, line: source.slice(0, offset).split('\n').length, message }));
    }
  }

  for (const file of lwcSources(files)) {
    const source = readText(project, file);
    for (const m of source.matchAll(/['"]@salesforce\/schema\/([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_.]+))?['"]/g)) {
      const [text, objectName = '', path] = m;
      const problem = path ? checkFieldPath(model, objectName, path) : model.isExternal(objectName) || model.objects.has(objectName) ? undefined : `unknown object ${objectName}`;
      if (problem) findings.push({ file, line: lineOf(source, text) ?? 1, message: `schema import names ${problem}` });
    }
    for (const m of source.matchAll(/['"]([A-Za-z0-9_]+__(?:c|e))\.([A-Za-z0-9_]+(?:__c|__r)(?:\.[A-Za-z0-9_]+)*)['"]/g)) {
      const [text, objectName = '', path = ''] = m;
      const problem = checkFieldPath(model, objectName, path);
      if (problem) findings.push({ file, line: lineOf(source, text) ?? 1, message: `field string names ${problem}` });
    }
    for (const m of source.matchAll(/['"]@salesforce\/apex\/([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)['"]/g)) {
      const [text, className = '', method = ''] = m;
      const methods = auraEnabledMethods(project, className);
      const line = lineOf(source, text) ?? 1;
      if (!methods) findings.push({ file, line, message: `imports Apex class ${className}, which does not exist` });
      else if (!methods.has(method)) findings.push({ file, line, message: `imports ${className}.${method}, which is not an @AuraEnabled method of that class` });
    }
  }
  return { check: CHECK, findings };
}
