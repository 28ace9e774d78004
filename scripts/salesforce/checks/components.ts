import { ComponentSet, ForceIgnore, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { join, relative, sep } from 'node:path';
import type { CheckResult, Finding } from '../lib/findings.js';
import { lineOf, packageFiles, readText, type Project } from '../lib/project.js';

const rel = (project: Project, path: string): string => relative(project.root, path).split(sep).join('/');

/**
 * Every file of the package resolves to a metadata component that would deploy: the platform's
 * converter silently drops files it cannot place (an Apex class without its -meta.xml, stray files),
 * so a file claimed by no component is a finding. The root element of every metadata XML file must
 * also name the type the file resolves to.
 */
export function checkComponents(project: Project): CheckResult {
  const findings: Finding[] = [];
  const claimed = new Set<string>();
  const forceIgnore = ForceIgnore.findAndCreate(project.root);
  const set = ComponentSet.fromSource({ fsPaths: project.packageDirs.map((d) => join(project.root, d)) });
  const visit = (component: SourceComponent): void => {
    if (component.xml) {
      const file = rel(project, component.xml);
      claimed.add(file);
      const root = /<([A-Za-z]+)[\s>]/.exec(readText(project, file).replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, ''))?.[1];
      if (root !== component.type.name) {
        findings.push({ file, line: lineOf(readText(project, file), `<${root ?? ''}`) ?? 1, message: `root element <${root ?? '?'}> does not match the metadata type ${component.type.name}` });
      }
    }
    for (const content of component.walkContent()) claimed.add(rel(project, content));
    if (component.content && !component.type.strategies?.adapter?.includes('bundle')) claimed.add(rel(project, component.content));
    for (const child of component.getChildren()) visit(child);
  };
  for (const component of set.getSourceComponents()) visit(component);
  for (const file of packageFiles(project)) {
    if (claimed.has(file) || forceIgnore.denies(join(project.root, file))) continue;
    findings.push({ file, message: 'no metadata component claims this file: it would be silently left out of a deploy (missing -meta.xml, wrong folder or unknown file type)' });
  }
  return { check: 'every file deploys as a component', findings };
}
