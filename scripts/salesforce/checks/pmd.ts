import { CodeAnalyzer, CodeAnalyzerConfig, SeverityLevel } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { join, relative, sep } from 'node:path';
import type { CheckResult, Finding } from '../lib/findings.js';
import { javaUnavailable } from '../lib/java.js';
import type { Project } from '../lib/project.js';

const CHECK = 'PMD (security, performance)';

/** The Apex security and performance rules: CRUD/FLS, sharing, injection, SOQL/DML in loops. */
export const PMD_SELECTORS = ['pmd:Apex:Security', 'pmd:Apex:Performance'];

/**
 * Sharing and SOQL/DML-in-loop rules ship with severity Moderate; the project treats them as High,
 * so that the gate on the two highest severities covers them.
 */
const SEVERITY_OVERRIDES = {
  rules: { pmd: { ApexSharingViolations: { severity: 2 }, OperationWithLimitsInLoop: { severity: 2 } } },
};

/** Runs the PMD Apex rules and reports violations of severity Critical or High. */
export async function checkPmd(project: Project): Promise<CheckResult> {
  const missing = javaUnavailable();
  if (missing) return { check: CHECK, findings: [], skipped: missing };
  const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.fromObject(SEVERITY_OVERRIDES));
  await analyzer.addEnginePlugin(createEnginePlugin());
  const targets = project.packageDirs.map((d) => join(project.root, d));
  const workspace = await analyzer.createWorkspace(targets);
  const selection = await analyzer.selectRules(PMD_SELECTORS, { workspace });
  const results = await analyzer.run(selection, { workspace });
  const findings: Finding[] = results
    .getViolations()
    .filter((v) => v.getRule().getSeverityLevel() <= SeverityLevel.High)
    .map((v) => {
      const location = v.getPrimaryLocation();
      const file = location.getFile();
      const line = location.getStartLine();
      return {
        file: file ? relative(project.root, file).split(sep).join('/') : '(no file)',
        ...(line === undefined ? {} : { line }),
        message: `${v.getRule().getName()} (severity ${v.getRule().getSeverityLevel()}): ${v.getMessage()}`,
      };
    });
  return { check: CHECK, findings };
}
