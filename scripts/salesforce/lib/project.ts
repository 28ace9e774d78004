import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** An sfdx project on disk: its root and the package directories declared in sfdx-project.json. */
export interface Project {
  readonly root: string;
  readonly packageDirs: readonly string[];
}

export function loadProject(root: string): Project {
  const file = join(root, 'sfdx-project.json');
  if (!existsSync(file)) throw new Error(`${file} not found`);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { packageDirectories?: { path?: string }[] };
  const packageDirs = (json.packageDirectories ?? []).map((d) => d.path ?? '').filter((p) => p.length > 0);
  return { root, packageDirs };
}

/** Every file below the package directories, as paths relative to the project root with '/'. */
export function packageFiles(project: Project): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(project.root, path).split(sep).join('/'));
    }
  };
  for (const dir of project.packageDirs) {
    const abs = join(project.root, dir);
    if (existsSync(abs)) walk(abs);
  }
  return out.sort();
}

export function readText(project: Project, file: string): string {
  return readFileSync(join(project.root, file), 'utf8');
}

/** 1-based line of the first occurrence of needle, for pointing findings at a place in a file. */
export function lineOf(text: string, needle: string | RegExp): number | undefined {
  const index = typeof needle === 'string' ? text.indexOf(needle) : text.search(needle);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}
