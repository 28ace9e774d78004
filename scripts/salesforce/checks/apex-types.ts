import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { CheckResult, Finding } from '../lib/findings.js';
import { javaUnavailable } from '../lib/java.js';
import type { Project } from '../lib/project.js';
import { runProcess } from '../lib/run.js';

const CHECK = 'Apex type check (apex-ls)';
const require = createRequire(import.meta.url);

interface ApexLsReport {
  files?: { path: string; messages: { start?: { line?: number }; category: string; message: string }[] }[];
}

/** Java classpath of apex-ls, which ships inside the code-analyzer PMD engine package. */
function apexLsClasspath(): string {
  const engine = dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json'));
  return `${join(engine, 'dist', 'java-lib')}${sep}*`;
}

/**
 * Type-checks every Apex class and trigger against the standard library and the project's own
 * objects, fields and platform events with apex-ls. Errors and unknown names ('Missing') fail;
 * apex-ls does not look inside SOQL, which the field-reference check covers.
 */
export async function checkApexTypes(project: Project): Promise<CheckResult> {
  const missing = javaUnavailable();
  if (missing) return { check: CHECK, findings: [], skipped: missing };
  const run = await runProcess('java', ['-cp', apexLsClasspath(), 'io.github.apexdevtools.apexls.CheckForIssues', '-n', '-w', project.root, '-f', 'json']);
  if (run.status !== 0 && run.status !== 4) {
    return { check: CHECK, findings: [{ file: 'sfdx-project.json', message: `apex-ls failed (exit ${run.status ?? 'signal'}): ${run.stderr.trim() || run.stdout.trim()}` }] };
  }
  const report = JSON.parse(run.stdout.trim() || '{"files":[]}') as ApexLsReport;
  const findings: Finding[] = [];
  for (const file of report.files ?? []) {
    for (const m of file.messages) {
      if (m.category === 'Warning' || m.category === 'Unused') continue;
      findings.push({
        file: relative(project.root, file.path).split(sep).join('/'),
        ...(m.start?.line === undefined ? {} : { line: m.start.line }),
        message: `${m.category}: ${m.message}`,
      });
    }
  }
  return { check: CHECK, findings };
}
