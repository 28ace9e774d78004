import type { CheckResult } from '../lib/findings.js';
import type { Project } from '../lib/project.js';
import { checkAccess } from './access.js';
import { checkApexTypes } from './apex-types.js';
import { checkComponents } from './components.js';
import { checkFieldReferences } from './field-references.js';
import { checkMetadataReferences } from './metadata-references.js';
import { checkPmd } from './pmd.js';
import { checkProjectSchema } from './project-schema.js';
import { checkTestCoverage } from './test-coverage.js';
import { checkXmlSchema } from './xml-schema.js';

export interface Check {
  /** Short id for --only. */
  readonly id: string;
  readonly run: (project: Project) => CheckResult | Promise<CheckResult>;
}

/** All checks of the offline validation suite, fast ones first. */
export const CHECKS: readonly Check[] = [
  { id: 'project', run: checkProjectSchema },
  { id: 'xml', run: checkXmlSchema },
  { id: 'components', run: checkComponents },
  { id: 'metadata', run: checkMetadataReferences },
  { id: 'references', run: checkFieldReferences },
  { id: 'tests', run: checkTestCoverage },
  { id: 'access', run: checkAccess },
  { id: 'apex', run: checkApexTypes },
  { id: 'pmd', run: checkPmd },
];
