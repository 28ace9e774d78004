import { XMLParser } from 'fast-xml-parser';
import { basename } from 'node:path';
import type { CheckResult, Finding } from '../lib/findings.js';
import { apexClasses } from '../lib/apex-source.js';
import { loadObjectModel } from '../lib/object-model.js';
import { lineOf, packageFiles, readText, type Project } from '../lib/project.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name !== 'PermissionSet' && name !== 'FlexiPage' && name !== 'CustomTab' && name !== 'LightningComponentBundle' });
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const first = (value: unknown): string => String(Array.isArray(value) ? value[0] : value ?? '');

/** Which LWC target a FlexiPage type or a component tab needs. */
const TARGET_FOR: Record<string, string> = { RecordPage: 'lightning__RecordPage', HomePage: 'lightning__HomePage', AppPage: 'lightning__AppPage', Tab: 'lightning__Tab' };

/** Regions of the page templates the package uses; a deploy refuses regions a template lacks. */
const TEMPLATE_REGIONS: Record<string, readonly string[]> = {
  'flexipage:recordHomeTemplateDesktop': ['header', 'main', 'sidebar'],
  'home:desktopTemplate': ['top', 'bottomLeft', 'bottomRight', 'sidebar'],
  'flexipage:defaultAppHomeTemplate': ['main'],
};

interface Bundle {
  exposed: boolean;
  targets: Set<string>;
  /** Objects a record-page component is limited to by its targetConfig (empty: any object). */
  recordObjects: Set<string>;
}

interface BundleXml {
  isExposed?: string[];
  targets?: { target?: string[] }[];
  targetConfigs?: { targetConfig?: { '@targets'?: string; objects?: { object?: string[] }[] }[] }[];
}

/**
 * Permission sets reach every custom object, tab, app and Apex entry point (and the admin
 * persona reaches all of them); everything a permission set, app, page or tab names exists; every
 * component placed on a page or tab exists, is exposed and supports that target.
 */
export function checkAccess(project: Project): CheckResult {
  const files = packageFiles(project);
  const findings: Finding[] = [];
  const model = loadObjectModel(project);
  const customObjects = [...model.objects.keys()].filter((o) => o.endsWith('__c'));
  const events = [...model.objects.keys()].filter((o) => o.endsWith('__e'));
  const tabs = files.filter((f) => f.endsWith('.tab-meta.xml')).map((f) => basename(f, '.tab-meta.xml'));
  const apps = files.filter((f) => f.endsWith('.app-meta.xml')).map((f) => basename(f, '.app-meta.xml'));
  const classes = apexClasses(project);
  const classNames = new Set(classes.map((c) => c.name));
  const bundles = new Map<string, Bundle>();
  for (const f of files.filter((x) => /\/lwc\/([^/]+)\/\1\.js-meta\.xml$/.test(x))) {
    const b = (parser.parse(readText(project, f)) as { LightningComponentBundle?: BundleXml }).LightningComponentBundle ?? {};
    const configs = list(b.targetConfigs).flatMap((c) => list(c.targetConfig));
    const recordObjects = configs.filter((c) => (c['@targets'] ?? '').includes('lightning__RecordPage')).flatMap((c) => list(c.objects).flatMap((o) => list(o.object)));
    bundles.set(basename(f, '.js-meta.xml'), { exposed: first(b.isExposed) === 'true', targets: new Set(list(b.targets).flatMap((t) => list(t.target))), recordObjects: new Set(recordObjects) });
  }

  const requireComponent = (file: string, component: string, target: string, sobject?: string): void => {
    const bundle = bundles.get(component.replace(/^c:/, ''));
    const line = lineOf(readText(project, file), component) ?? 1;
    if (!bundle) findings.push({ file, line, message: `component ${component} does not exist in lwc/` });
    else if (!bundle.exposed) findings.push({ file, line, message: `component ${component} is not exposed (isExposed false)` });
    else if (!bundle.targets.has(target)) findings.push({ file, line, message: `component ${component} does not declare the target ${target}` });
    else if (sobject && bundle.recordObjects.size > 0 && !bundle.recordObjects.has(sobject)) findings.push({ file, line, message: `component ${component} is limited to record pages of ${[...bundle.recordObjects].join(', ')}, not ${sobject}` });
  };

  for (const f of files.filter((x) => x.endsWith('.flexipage-meta.xml'))) {
    const page = (parser.parse(readText(project, f)) as { FlexiPage?: Record<string, unknown> }).FlexiPage ?? {};
    const target = TARGET_FOR[first(page.type)] ?? '';
    const template = first((list(page.template as { name?: string[] }[])[0] ?? {}).name);
    const regions = TEMPLATE_REGIONS[template];
    if (!regions) findings.push({ file: f, line: lineOf(readText(project, f), template) ?? 1, message: `page template ${template} is not one the checks know (${Object.keys(TEMPLATE_REGIONS).join(', ')})` });
    for (const region of list(page.flexiPageRegions as { name?: string[]; type?: string[]; itemInstances?: { componentInstance?: { componentName?: string[] }[] }[] }[])) {
      const regionName = first(region.name);
      if (regions && first(region.type) === 'Region' && !regions.includes(regionName)) {
        findings.push({ file: f, line: lineOf(readText(project, f), `<name>${regionName}</name>`) ?? 1, message: `template ${template} has no region ${regionName} (it has ${regions.join(', ')})` });
      }
      for (const item of list(region.itemInstances)) {
        for (const ci of list(item.componentInstance)) {
          const name = first(ci.componentName);
          if (!/^[a-z]+:/.test(name) || name.startsWith('c:')) requireComponent(f, name, target, page.sobjectType ? first(page.sobjectType) : undefined);
        }
      }
    }
  }
  for (const f of files.filter((x) => x.endsWith('.tab-meta.xml'))) {
    const tab = (parser.parse(readText(project, f)) as { CustomTab?: Record<string, unknown> }).CustomTab ?? {};
    if (tab.lwcComponent) requireComponent(f, first(tab.lwcComponent), TARGET_FOR.Tab ?? '');
    if (first(tab.customObject) === 'true' && !model.objects.has(basename(f, '.tab-meta.xml'))) findings.push({ file: f, message: `tab for unknown object ${basename(f, '.tab-meta.xml')}` });
  }
  for (const f of files.filter((x) => x.endsWith('.app-meta.xml'))) {
    const app = (parser.parse(readText(project, f)) as { CustomApplication?: Record<string, unknown> }).CustomApplication ?? {};
    for (const t of list(app.tabs as string[])) if (!t.startsWith('standard-') && !tabs.includes(t)) findings.push({ file: f, line: lineOf(readText(project, f), `<tabs>${t}<`) ?? 1, message: `app names unknown tab ${t}` });
  }

  const reached = { objects: new Set<string>(), tabs: new Set<string>(), apps: new Set<string>(), classes: new Set<string>() };
  const permissionSets = files.filter((f) => f.endsWith('.permissionset-meta.xml'));
  const perSet = new Map<string, typeof reached>();
  for (const f of permissionSets) {
    const text = readText(project, f);
    const ps = (parser.parse(text) as { PermissionSet?: Record<string, unknown> }).PermissionSet ?? {};
    const mine = { objects: new Set<string>(), tabs: new Set<string>(), apps: new Set<string>(), classes: new Set<string>() };
    const unknown = (what: string, name: string): void => void findings.push({ file: f, line: lineOf(text, `>${name}<`) ?? 1, message: `grants access to unknown ${what} ${name}` });
    for (const o of list(ps.objectPermissions as Record<string, unknown>[])) {
      const name = first(o.object);
      if (!model.objects.has(name) && !model.isExternal(name)) unknown('object', name);
      if (first(o.allowRead) === 'true') mine.objects.add(name);
    }
    for (const fp of list(ps.fieldPermissions as Record<string, unknown>[])) {
      const [objectName = '', field = ''] = first(fp.field).split('.');
      if (!model.isExternal(objectName) && !model.field(objectName, field)) unknown('field', first(fp.field));
    }
    for (const t of list(ps.tabSettings as Record<string, unknown>[])) {
      const name = first(t.tab);
      if (!name.startsWith('standard-') && !tabs.includes(name)) unknown('tab', name);
      if (first(t.visibility) !== 'None') mine.tabs.add(name);
    }
    for (const a of list(ps.applicationVisibilities as Record<string, unknown>[])) {
      const name = first(a.application);
      if (!apps.includes(name)) unknown('app', name);
      if (first(a.visible) === 'true') mine.apps.add(name);
    }
    for (const c of list(ps.classAccesses as Record<string, unknown>[])) {
      const name = first(c.apexClass);
      if (!classNames.has(name)) unknown('Apex class', name);
      if (first(c.enabled) === 'true') mine.classes.add(name);
    }
    perSet.set(f, mine);
    for (const key of Object.keys(reached) as (keyof typeof reached)[]) for (const v of mine[key]) reached[key].add(v);
  }

  const expected = {
    objects: [...customObjects, ...events],
    tabs,
    apps,
    classes: classes.filter((c) => !c.isTest && c.isEntryPoint).map((c) => c.name),
  };
  const labels = { objects: 'object', tabs: 'tab', apps: 'app', classes: 'Apex entry point' };
  const admin = permissionSets.find((f) => /admin/i.test(basename(f)));
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    for (const name of expected[key]) {
      if (!reached[key].has(name)) findings.push({ file: 'permissionsets', message: `no permission set grants the ${labels[key]} ${name}` });
      else if (admin && !perSet.get(admin)?.[key].has(name)) findings.push({ file: admin, message: `the admin permission set does not grant the ${labels[key]} ${name}` });
    }
  }
  if (permissionSets.length > 0 && !admin) findings.push({ file: 'permissionsets', message: 'no admin permission set (a permission set whose name contains "Admin")' });
  return { check: 'permission sets, apps, pages and tabs reach what exists', findings };
}
