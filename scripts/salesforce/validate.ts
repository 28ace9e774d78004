/**
 * Offline validation of the Salesforce package (see docs/salesforce-admin.md, "Validation"):
 *   tsx scripts/salesforce/validate.ts [--project DIR] [--only id,id]
 * Exit code 1 when a check finds problems, or when a check could not run and CI=true.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS } from './checks/index.js';
import { formatFinding } from './lib/findings.js';
import { loadProject } from './lib/project.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = resolve(option('--project') ?? fileURLToPath(new URL('../..', import.meta.url)));
const only = option('--only')?.split(',');
const unknown = only?.filter((id) => !CHECKS.some((c) => c.id === id)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown check(s): ${unknown.join(', ')}; known: ${CHECKS.map((c) => c.id).join(', ')}`);
  process.exit(2);
}
const strict = process.env.CI === 'true';
const project = loadProject(root);
let passed = 0;
let failed = 0;
for (const check of CHECKS.filter((c) => !only || only.includes(c.id))) {
  const started = Date.now();
  const result = await check.run(project);
  const ms = Date.now() - started;
  if (result.skipped) {
    console.log(`${strict ? 'FAIL' : 'SKIP'} ${result.check}: ${result.skipped}${strict ? ' (CI=true: a check that cannot run fails)' : ''}`);
    if (strict) failed++;
    continue;
  }
  if (result.findings.length === 0) {
    console.log(`ok   ${result.check} (${ms} ms)`);
    passed++;
    continue;
  }
  failed++;
  console.log(`FAIL ${result.check}: ${result.findings.length} problem(s)`);
  for (const f of result.findings) console.log(`     ${formatFinding(f)}`);
}
console.log(`salesforce: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
