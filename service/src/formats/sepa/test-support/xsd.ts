import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import type { SepaFormat } from '../model.js';

const schemas = new Map<SepaFormat, string>();

function schemaOf(format: SepaFormat): string {
  let schema = schemas.get(format);
  if (!schema) {
    schema = readFileSync(fileURLToPath(new URL(`../xsd/${format}.xsd`, import.meta.url)), 'utf8');
    schemas.set(format, schema);
  }
  return schema;
}

/** Validates a written file against the official ISO 20022 schema of its format (xmllint). */
export async function xsdErrors(xml: string, format: SepaFormat, schemaText = schemaOf(format)): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'run.xml', contents: xml }],
    schema: [{ fileName: `${format}.xsd`, contents: schemaText }],
    maxMemoryPages: 16_384,
  });
  return result.errors.map((error) => error.message);
}
