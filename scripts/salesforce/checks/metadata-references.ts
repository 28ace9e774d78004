import { XMLParser } from 'fast-xml-parser';
import type { CheckResult, Finding } from '../lib/findings.js';
import { checkFieldPath, loadObjectModel, resolveFieldPath, type ObjectModel } from '../lib/object-model.js';
import { lineOf, packageFiles, readText, type Project } from '../lib/project.js';

const CHECK = 'formulas, roll-ups, layouts and list views name existing fields and values';
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => ['filters', 'columns', 'fields', 'layoutSections', 'layoutColumns', 'layoutItems', 'summaryFilterItems'].includes(name) });
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Field paths a formula names: custom names, and paths through custom relationships. */
function formulaPaths(formula: string): string[] {
  const code = formula.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\$[A-Za-z]+(\.[A-Za-z_]+)*/g, '');
  return (code.match(/\b[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*\b/g) ?? []).filter((t) => /__(c|r)\b/.test(t));
}

/** ISPICKVAL(Field, "Value") and ISPICKVAL(PRIORVALUE(Field), "Value") pairs of a formula. */
function picklistTests(formula: string): [string, string][] {
  return [...formula.matchAll(/ISPICKVAL\(\s*(?:PRIORVALUE\(\s*)?([A-Za-z0-9_.]+)\s*\)?\s*,\s*"([^"]*)"\s*\)/gi)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

function checkPicklistValue(model: ObjectModel, objectName: string, path: string, value: string): string | undefined {
  const field = resolveFieldPath(model, objectName, path);
  if (!field?.picklistValues || value === '') return undefined;
  return field.picklistValues.includes(value) ? undefined : `"${value}" is not a value of the picklist ${objectName}.${path}`;
}

/**
 * What the platform compiles at deploy time and no schema can see: formula fields and validation
 * rules name existing fields, relationships and picklist values; roll-ups summarise existing fields
 * of a master-detail child; list views, compact layouts, search layouts and page layouts show
 * existing fields.
 */
export function checkMetadataReferences(project: Project): CheckResult {
  const model = loadObjectModel(project);
  const findings: Finding[] = [];
  const files = packageFiles(project);
  const report = (file: string, needle: string, message: string): void => void findings.push({ file, line: lineOf(readText(project, file), needle) ?? 1, message });
  const requireField = (file: string, objectName: string, path: string, what: string): void => {
    if (path === 'NAME' || path === 'Name' || path === 'Id') return;
    const problem = checkFieldPath(model, objectName, path);
    if (problem) report(file, path, `${what} names ${problem}`);
  };
  const checkFormula = (file: string, objectName: string, formula: string, what: string): void => {
    for (const path of formulaPaths(formula)) requireField(file, objectName, path, what);
    for (const [path, value] of picklistTests(formula)) {
      const problem = checkPicklistValue(model, objectName, path, value);
      if (problem) report(file, value, `${what}: ${problem}`);
    }
  };

  for (const file of files) {
    const objectName = /\/objects\/([^/]+)\//.exec(file)?.[1];
    const text = () => readText(project, file);
    if (objectName && file.endsWith('.field-meta.xml')) {
      const f = (parser.parse(text()) as { CustomField?: Record<string, unknown> }).CustomField ?? {};
      if (typeof f.formula === 'string') checkFormula(file, objectName, f.formula, 'formula');
      if (f.type === 'Summary') {
        const [child = '', fk = ''] = String(f.summaryForeignKey ?? '').split('.');
        const master = model.field(child, fk);
        if (!master || master.type !== 'MasterDetail' || master.referenceTo !== objectName) report(file, 'summaryForeignKey', `roll-up foreign key ${String(f.summaryForeignKey)} is not a master-detail field to ${objectName}`);
        if (f.summarizedField) requireField(file, child, String(f.summarizedField).split('.').slice(1).join('.'), 'roll-up');
        for (const item of list(f.summaryFilterItems as Record<string, string>[])) {
          const path = String(item.field ?? '').split('.').slice(1).join('.');
          requireField(file, child, path, 'roll-up filter');
          for (const value of String(item.value ?? '').split(',').map((v) => v.trim())) {
            const problem = checkPicklistValue(model, child, path, value);
            if (problem) report(file, value, `roll-up filter: ${problem}`);
          }
        }
      }
    } else if (objectName && file.endsWith('.validationRule-meta.xml')) {
      const r = (parser.parse(text()) as { ValidationRule?: Record<string, string> }).ValidationRule ?? {};
      checkFormula(file, objectName, r.errorConditionFormula ?? '', 'validation rule');
      if (r.errorDisplayField) requireField(file, objectName, r.errorDisplayField, 'error display field');
    } else if (objectName && file.endsWith('.listView-meta.xml')) {
      const v = (parser.parse(text()) as { ListView?: { columns?: string[]; filters?: { field?: string; value?: string }[] } }).ListView ?? {};
      for (const c of v.columns ?? []) requireField(file, objectName, c, 'list view column');
      for (const filter of v.filters ?? []) {
        requireField(file, objectName, filter.field ?? '', 'list view filter');
        for (const value of String(filter.value ?? '').split(',')) {
          const problem = checkPicklistValue(model, objectName, filter.field ?? '', value.trim());
          if (problem) report(file, value, `list view filter: ${problem}`);
        }
      }
    } else if (objectName && file.endsWith('.compactLayout-meta.xml')) {
      const c = (parser.parse(text()) as { CompactLayout?: { fields?: string[] } }).CompactLayout ?? {};
      for (const field of c.fields ?? []) requireField(file, objectName, field, 'compact layout');
    } else if (objectName && file.endsWith('.object-meta.xml')) {
      const o = (parser.parse(text()) as { CustomObject?: { searchLayouts?: Record<string, string | string[]> } }).CustomObject ?? {};
      for (const fields of Object.values(o.searchLayouts ?? {})) for (const field of list(fields)) requireField(file, objectName, field, 'search layout');
    } else if (file.endsWith('.layout-meta.xml')) {
      const layoutObject = /\/layouts\/([^/-]+)-/.exec(file)?.[1] ?? '';
      const l = (parser.parse(text()) as { Layout?: { layoutSections?: { layoutColumns?: { layoutItems?: { field?: string }[] }[] }[] } }).Layout ?? {};
      for (const section of l.layoutSections ?? []) for (const column of section.layoutColumns ?? []) for (const item of column.layoutItems ?? []) if (item.field) requireField(file, layoutObject, item.field, 'page layout');
    }
  }
  return { check: CHECK, findings };
}
