import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CheckResult } from '../lib/findings.js';
import type { Project } from '../lib/project.js';

const require = createRequire(import.meta.url);

/** sfdx-project.json validates against the published schema (@salesforce/schemas). */
export function checkProjectSchema(project: Project): CheckResult {
  const schema = JSON.parse(readFileSync(require.resolve('@salesforce/schemas/sfdx-project.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const json: unknown = JSON.parse(readFileSync(join(project.root, 'sfdx-project.json'), 'utf8'));
  validate(json);
  const findings = (validate.errors ?? []).map((e) => ({
    file: 'sfdx-project.json',
    message: `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`,
  }));
  return { check: 'sfdx-project.json schema', findings };
}
