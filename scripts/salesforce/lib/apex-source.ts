import { basename } from 'node:path';
import { packageFiles, readText, type Project } from './project.js';

export interface ApexClassInfo {
  readonly name: string;
  readonly file: string;
  readonly isTest: boolean;
  /** Reachable from outside Apex: Flow (@InvocableMethod), LWC (@AuraEnabled), schedules, REST, global. */
  readonly isEntryPoint: boolean;
}

const stripComments = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');

export function apexClasses(project: Project): ApexClassInfo[] {
  return packageFiles(project)
    .filter((f) => f.endsWith('.cls'))
    .map((file) => {
      const code = stripComments(readText(project, file));
      const declaration = code.slice(0, code.search(/\bclass\b/i) + 1);
      return {
        name: basename(file, '.cls'),
        file,
        isTest: /@IsTest\b/i.test(declaration),
        isEntryPoint: /@InvocableMethod|@AuraEnabled|@RestResource|\bimplements\b[^{]*\b(Schedulable|Database\.Batchable|Queueable)\b|^\s*global\b/im.test(code),
      };
    });
}
