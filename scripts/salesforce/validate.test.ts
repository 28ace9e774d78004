import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAccess } from './checks/access.js';
import { checkApexTypes } from './checks/apex-types.js';
import { checkComponents } from './checks/components.js';
import { checkFieldReferences } from './checks/field-references.js';
import { checkMetadataReferences } from './checks/metadata-references.js';
import { checkPmd } from './checks/pmd.js';
import { checkProjectSchema } from './checks/project-schema.js';
import { checkTestCoverage } from './checks/test-coverage.js';
import { checkXmlSchema } from './checks/xml-schema.js';
import type { CheckResult } from './lib/findings.js';
import { loadProject, type Project } from './lib/project.js';
import { runProcess } from './lib/run.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const fixtures = join(here, 'fixtures', 'broken');
const temps: string[] = [];

/**
 * A copy of the project in a temporary folder, with a broken fixture laid over it. `parts` limits
 * the copy to some folders of force-app/main/default (the Java checks are faster on less).
 */
function projectWith(fixture: string | undefined, parts?: string[]): Project {
  const dir = mkdtempSync(join(tmpdir(), 'sf-validate-'));
  temps.push(dir);
  for (const file of ['sfdx-project.json', '.forceignore']) cpSync(join(repo, file), join(dir, file));
  const source = join(repo, 'force-app', 'main', 'default');
  const target = join(dir, 'force-app', 'main', 'default');
  if (parts) for (const part of parts) cpSync(join(source, part), join(target, part), { recursive: true });
  else cpSync(join(repo, 'force-app'), join(dir, 'force-app'), { recursive: true });
  if (fixture) cpSync(join(fixtures, fixture), dir, { recursive: true });
  return loadProject(dir);
}

const messages = (result: CheckResult): string[] => result.findings.map((f) => `${f.file}: ${f.message}`);

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('metadata XML schema', () => {
  it('rejects a misspelt field type and names the allowed ones', async () => {
    const result = await checkXmlSchema(projectWith('misspelt-field-type', ['objects']));
    expect(messages(result)).toEqual([expect.stringMatching(/Discount__c\.field-meta\.xml: .*'Curency' is not an element of the set .*'Currency'/)]);
  });

  it('rejects unknown elements and malformed XML but accepts any element order', async () => {
    const project = projectWith(undefined, ['objects']);
    const field = join(project.root, 'force-app/main/default/objects/Entry__c/fields/Title__c.field-meta.xml');
    const reordered = readFileSync(field, 'utf8').replace(/(\s*<fullName>[^<]*<\/fullName>)([\s\S]*)(\n<\/CustomField>)/, '$2$1$3');
    writeFileSync(field, reordered);
    expect(messages(await checkXmlSchema(project))).toEqual([]);
    writeFileSync(field, reordered.replace('<label>', '<colour>red</colour><label>'));
    const broken = join(project.root, 'force-app/main/default/objects/Entry__c/fields/DueDate__c.field-meta.xml');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('</label>', ''));
    const found = messages(await checkXmlSchema(project));
    expect(found).toContainEqual(expect.stringMatching(/Title__c\.field-meta\.xml: .*'colour': This element is not expected/));
    expect(found).toContainEqual(expect.stringMatching(/DueDate__c\.field-meta\.xml: .*(mismatch|not closed|Premature)/i));
  });
});

describe('project files and API versions', () => {
  it('reports a numeric sourceApiVersion', () => {
    const project = projectWith(undefined, []);
    const file = join(project.root, 'sfdx-project.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"sourceApiVersion": "[^"]+"/, '"sourceApiVersion": 65'));
    expect(messages(checkProjectSchema(project))).toEqual(['sfdx-project.json: /sourceApiVersion must be string']);
  });

  it('reports an unknown scratch org feature and API versions newer than the checks understand', () => {
    const project = projectWith(undefined, ['classes']);
    cpSync(join(repo, 'config'), join(project.root, 'config'), { recursive: true });
    const scratch = join(project.root, 'config/project-scratch-def.json');
    writeFileSync(scratch, JSON.stringify({ ...JSON.parse(readFileSync(scratch, 'utf8')), features: ['PlatformEvents'] }));
    const project67 = join(project.root, 'sfdx-project.json');
    writeFileSync(project67, readFileSync(project67, 'utf8').replace(/"sourceApiVersion": "[^"]+"/, '"sourceApiVersion": "67.0"'));
    const meta = join(project.root, 'force-app/main/default/classes/CashException.cls-meta.xml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/<apiVersion>[^<]+</, '<apiVersion>67.0<'));
    const found = messages(checkProjectSchema(project));
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^config\/project-scratch-def\.json: \/features\/0 must be equal to one of the allowed values \(API,/),
        'sfdx-project.json: sourceApiVersion 67.0 is newer than API 66.0, the newest the offline checks understand',
        'force-app/main/default/classes/CashException.cls-meta.xml: apiVersion 67.0 is newer than API 66.0, the newest the offline checks understand',
      ]),
    );
  });
});

describe('every file deploys as a component', () => {
  it('reports an Apex class without -meta.xml, which a deploy would silently drop', () => {
    expect(messages(checkComponents(projectWith('class-without-meta', ['classes'])))).toEqual([
      expect.stringMatching(/classes\/Orphan\.cls: no metadata component claims this file/),
    ]);
  });

  it('reports a field file whose root element is another metadata type', () => {
    expect(messages(checkComponents(projectWith('wrong-root-element', ['objects'])))).toEqual([
      expect.stringMatching(/Note__c\.field-meta\.xml: root element <CustomObject> does not match the metadata type CustomField/),
    ]);
  });
});

describe('formulas, roll-ups, layouts and list views', () => {
  it('reports unknown fields and picklist values that only a deploy would catch', () => {
    const found = messages(checkMetadataReferences(projectWith('broken-formulas', ['objects', 'layouts', 'globalValueSets'])));
    expect(found).toHaveLength(4);
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/Entry__c\/listViews\/DueSoon\.listView-meta\.xml: list view column names unknown field Entry__c\.DueDat__c/),
      expect.stringMatching(/Entry__c\/validationRules\/PaidNeedsDate\.validationRule-meta\.xml: validation rule: "Paid" is not a value of the picklist Entry__c\.Status__c/),
      expect.stringMatching(/EntryItem__c\/fields\/EntryTitle__c\.field-meta\.xml: formula names unknown field Entry__c\.Titel__c/),
      expect.stringMatching(/Payment__c\/fields\/RefundCount__c\.field-meta\.xml: roll-up filter: "Paid Out" is not a value of the picklist Refund__c\.Status__c/),
    ]));
  });
});

describe('field references', () => {
  it('reports unknown fields, relationship fields and picklist values in SOQL, which apex-ls does not check', () => {
    const found = messages(checkFieldReferences(projectWith('unknown-soql-field', ['objects', 'classes'])));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/OverdueSelector\.cls: SOQL names unknown field BusinessEntity__c\.Nmae__c/),
        expect.stringMatching(/OverdueSelector\.cls: SOQL names unknown field Entry__c\.DueDat__c/),
        expect.stringMatching(/OverdueSelector\.cls: 'Opened' is not a value of any picklist Status__c/),
      ]),
    );
    expect(found.filter((m) => m.includes('Account__r.Name') || m.includes('Amount__c'))).toEqual([]);
  });

  it('reports unknown LWC schema imports, field strings and Apex methods', () => {
    const found = messages(checkFieldReferences(projectWith('lwc-unknown-names', ['objects', 'classes'])));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/overdueBadge\.js: schema import names unknown field Entry__c\.DueDte__c/),
        expect.stringMatching(/overdueBadge\.js: field string names unknown field Entry__c\.Outstanding__c/),
        expect.stringMatching(/overdueBadge\.js: imports EntryService\.remind, which is not an @AuraEnabled method/),
      ]),
    );
  });
});

describe('tests exist', () => {
  it('reports a component without Jest test and an Apex class without test class', () => {
    expect(messages(checkTestCoverage(projectWith('untested-class', ['classes'])))).toContainEqual(
      expect.stringMatching(/FeeCalculator\.cls: Apex class FeeCalculator has no test class FeeCalculatorTest/),
    );
    expect(messages(checkTestCoverage(projectWith('lwc-unknown-names', [])))).toEqual([
      expect.stringMatching(/lwc\/overdueBadge: component has no Jest test/),
    ]);
  });
});

describe('access', () => {
  it('reports grants of unknown names and pages placing missing components', () => {
    const found = messages(checkAccess(projectWith('broken-access')));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/CashManagementAuditor\.permissionset-meta\.xml: grants access to unknown Apex class AuditExport/),
        expect.stringMatching(/CashManagementAuditor\.permissionset-meta\.xml: grants access to unknown field Entry__c\.AuditNote__c/),
        expect.stringMatching(/Refund_Record_Page\.flexipage-meta\.xml: component refundTimeline does not exist/),
        expect.stringMatching(/Refund_Record_Page\.flexipage-meta\.xml: component paymentBadge is limited to record pages of Payment__c, not Refund__c/),
        expect.stringMatching(/Refund_Record_Page\.flexipage-meta\.xml: template flexipage:recordHomeTemplateDesktop has no region body/),
      ]),
    );
  });

  it('reports a Flow action that no permission set grants', () => {
    expect(messages(checkAccess(projectWith('unreached-entry-point')))).toContainEqual('permissionsets: no permission set grants the Apex entry point WriteOffAction');
  });
});

describe('Apex type check (apex-ls)', () => {
  it('reports a field that does not exist on our object', { timeout: 180_000 }, async () => {
    const result = await checkApexTypes(projectWith('unknown-apex-field', ['objects']));
    expect(result.skipped).toBeUndefined();
    expect(messages(result)).toEqual([expect.stringMatching(/DiscountCalculator\.cls: Missing: Unknown field 'DiscountRate__c' on SObject 'Schema\.Entry__c'/)]);
  });

  it('says plainly when Java is missing, and fails under CI=true', { timeout: 60_000 }, async () => {
    // A PATH that holds node and nothing else: no java.
    const bin = mkdtempSync(join(tmpdir(), 'sf-nojava-'));
    temps.push(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const env = { ...process.env, PATH: bin, CI: 'true' };
    const run = await runProcess(process.execPath, ['--import', 'tsx', join(here, 'validate.ts'), '--only', 'apex'], env);
    expect(run.stdout).toMatch(/FAIL Apex type check \(apex-ls\): Java was not found on PATH; the Apex checks need Java 11 or newer/);
    expect(run.status).toBe(1);
  });
});

describe('PMD', () => {
  it('reports missing sharing, SOQL and DML in a loop and missing CRUD checks', { timeout: 180_000 }, async () => {
    const result = await checkPmd(projectWith('insecure-apex', ['objects']));
    const rules = new Set(result.findings.map((f) => /^(\w+)/.exec(f.message)?.[1]));
    expect([...rules].sort()).toEqual(['ApexCRUDViolation', 'ApexSharingViolations', 'OperationWithLimitsInLoop']);
    expect(result.findings.every((f) => f.file === 'force-app/main/default/classes/BulkCloser.cls')).toBe(true);
  });
});
