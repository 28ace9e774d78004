import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CheckResult, Finding } from '../lib/findings.js';
import { lineOf, packageFiles, readText, type Project } from '../lib/project.js';

const require = createRequire(import.meta.url);

/** Newest API version the offline checks understand: the Metadata API WSDL in scripts/salesforce/schema. */
export const NEWEST_UNDERSTOOD_API = 66;

function validateJson(project: Project, file: string, schemaFile: string): Finding[] {
  const schema = JSON.parse(readFileSync(require.resolve(`@salesforce/schemas/${schemaFile}`), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  validate(JSON.parse(readFileSync(join(project.root, file), 'utf8')));
  const errors = validate.errors ?? [];
  // An anyOf over enums and patterns reports every alternative; the enum's allowed values say enough.
  const enumPaths = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  return errors.filter((e) => !(enumPaths.has(e.instancePath) && (e.keyword === 'pattern' || e.keyword === 'anyOf'))).map((e) => ({
    file,
    message: `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${String(e.params.allowedValues)})` : ''}`,
  }));
}

/**
 * sfdx-project.json and the scratch org definitions validate against the published schemas
 * (@salesforce/schemas), and no API version is newer than what the offline checks understand.
 */
export function checkProjectSchema(project: Project): CheckResult {
  const findings = validateJson(project, 'sfdx-project.json', 'sfdx-project.schema.json');
  const scratchDefs = ['config/project-scratch-def.json'].filter((f) => existsSync(join(project.root, f)));
  for (const file of scratchDefs) findings.push(...validateJson(project, file, 'project-scratch-def.schema.json'));

  const tooNew = (version: string): boolean => Number.parseFloat(version) > NEWEST_UNDERSTOOD_API;
  const json = JSON.parse(readFileSync(join(project.root, 'sfdx-project.json'), 'utf8')) as { sourceApiVersion?: unknown };
  if (typeof json.sourceApiVersion === 'string' && tooNew(json.sourceApiVersion)) {
    findings.push({ file: 'sfdx-project.json', message: `sourceApiVersion ${json.sourceApiVersion} is newer than API ${NEWEST_UNDERSTOOD_API}.0, the newest the offline checks understand` });
  }
  for (const file of packageFiles(project).filter((f) => f.endsWith('-meta.xml'))) {
    const text = readText(project, file);
    const version = /<apiVersion>([^<]+)<\/apiVersion>/.exec(text)?.[1];
    if (version && tooNew(version)) findings.push({ file, line: lineOf(text, '<apiVersion>') ?? 1, message: `apiVersion ${version} is newer than API ${NEWEST_UNDERSTOOD_API}.0, the newest the offline checks understand` });
  }
  return { check: 'project files, scratch definition and API versions', findings };
}
