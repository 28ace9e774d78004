import { validateXML } from 'xmllint-wasm';
import { buildLenientSchema } from '../lib/metadata-schema.js';
import type { CheckResult, Finding } from '../lib/findings.js';
import { packageFiles, readText, type Project } from '../lib/project.js';

/** Every *-meta.xml file of the package validates against the Metadata API schema (any element order). */
export async function checkXmlSchema(project: Project): Promise<CheckResult> {
  const files = packageFiles(project).filter((f) => f.endsWith('-meta.xml'));
  if (files.length === 0) return { check: 'metadata XML schema', findings: [] };
  const result = await validateXML({
    xml: files.map((fileName) => ({ fileName, contents: readText(project, fileName) })),
    schema: [{ fileName: 'metadata.xsd', contents: buildLenientSchema() }],
    initialMemoryPages: 1024,
    maxMemoryPages: 16384,
  });
  // xmllint repeats every failing file as a location-less 'fails to validate' line; skip those.
  const findings: Finding[] = result.errors.filter((e) => e.loc !== null && e.loc !== undefined).map((e) => ({
    file: e.loc?.fileName ?? '(unknown file)',
    ...(e.loc?.lineNumber === undefined ? {} : { line: e.loc.lineNumber }),
    message: e.message.replace(/\{http:\/\/soap\.sforce\.com\/2006\/04\/metadata\}/g, ''),
  }));
  return { check: 'metadata XML schema', findings };
}
