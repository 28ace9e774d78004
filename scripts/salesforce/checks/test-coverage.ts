import type { CheckResult, Finding } from '../lib/findings.js';
import { apexClasses } from '../lib/apex-source.js';
import { packageFiles, type Project } from '../lib/project.js';

/**
 * Every Lightning Web Component has a Jest test in its __tests__ folder, and every Apex class that
 * is not itself test code has a test class named <Class>Test marked @IsTest.
 */
export function checkTestCoverage(project: Project): CheckResult {
  const files = packageFiles(project);
  const findings: Finding[] = [];
  const bundles = new Set(files.map((f) => /^(.*\/lwc\/[^/_.][^/]*)\/[^/]+$/.exec(f)?.[1]).filter((b): b is string => b !== undefined));
  for (const bundle of bundles) {
    if (!files.some((f) => f.startsWith(`${bundle}/__tests__/`) && /\.test\.(js|ts)$/.test(f))) {
      findings.push({ file: bundle, message: 'component has no Jest test (__tests__/<name>.test.js or .ts)' });
    }
  }
  const classes = apexClasses(project);
  const tests = new Map(classes.filter((c) => c.isTest).map((c) => [c.name, c]));
  for (const c of classes.filter((k) => !k.isTest)) {
    if (!tests.has(`${c.name}Test`)) findings.push({ file: c.file, message: `Apex class ${c.name} has no test class ${c.name}Test (@IsTest)` });
  }
  return { check: 'every component and Apex class has tests', findings };
}
