import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WSDL = fileURLToPath(new URL('../schema/metadata.wsdl', import.meta.url));
const NAMED_TYPE = /<xsd:complexType name="(\w+)">([\s\S]*?)<\/xsd:complexType>/g;
const CHILD = /<xsd:(?:element|any)\b[^>]*\/>/g;

interface TypeDef {
  readonly base: string | undefined;
  readonly children: readonly string[];
}

/**
 * Derives an order-insensitive XML schema from the Metadata API WSDL. Every named complex type
 * becomes an unbounded choice of all its elements, its base types' elements included, because
 * source-format files are accepted by the platform in any element order. Every type that extends
 * Metadata gets a global element of its own name, which is how source-format files name their root.
 * Binary (base64) fields of the API hold inline markup in source format (an LWC bundle's
 * targetConfigs, for example), so they accept any content.
 */
export function buildLenientSchema(wsdl: string = readFileSync(WSDL, 'utf8')): string {
  const start = wsdl.indexOf('<xsd:schema');
  const end = wsdl.indexOf('</xsd:schema>');
  if (start < 0 || end < 0) throw new Error('metadata.wsdl has no embedded xsd:schema');
  const schema = wsdl.slice(start, end);

  const types = new Map<string, TypeDef>();
  for (const [, name, body] of schema.matchAll(NAMED_TYPE)) {
    const base = /<xsd:extension base="tns:(\w+)"/.exec(body ?? '')?.[1];
    types.set(name ?? '', { base, children: (body ?? '').match(CHILD) ?? [] });
  }

  const allChildren = (name: string): string[] => {
    const def = types.get(name);
    if (!def) return [];
    const own = def.children.map((c) => c.replace(/\s(?:minOccurs|maxOccurs)="[^"]*"/g, ''));
    return [...(def.base ? allChildren(def.base) : []), ...own];
  };
  const extendsMetadata = (name: string): boolean => {
    const base = types.get(name)?.base;
    return base === 'Metadata' || (base !== undefined && extendsMetadata(base));
  };

  const lenient = schema.replace(NAMED_TYPE, (match: string, name: string) => {
    // A wildcard beside named elements would make the choice ambiguous; such types are API
    // result types that never occur in source files, so they keep their original model.
    if (match.includes('<xsd:any')) return match;
    const seen = new Set<string>();
    const unique = allChildren(name).filter((c) => {
      const key = /name="(\w+)"/.exec(c)?.[1] ?? c;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const content = unique.length === 0 ? '<xsd:sequence/>' : `<xsd:choice minOccurs="0" maxOccurs="unbounded">${unique.join('')}</xsd:choice>`;
    return `<xsd:complexType name="${name}">${content}</xsd:complexType>`;
  });

  const existing = new Set([...schema.matchAll(/^ {3}<xsd:element name="(\w+)"/gm)].map((m) => m[1]));
  const roots = [...types.keys()]
    .filter((name) => extendsMetadata(name) && !existing.has(name))
    .map((name) => `<xsd:element name="${name}" type="tns:${name}"/>`)
    .join('');
  const sourceContent =
    '<xsd:complexType name="SourceFormatContent" mixed="true"><xsd:sequence>' +
    '<xsd:any minOccurs="0" maxOccurs="unbounded" namespace="##any" processContents="skip"/></xsd:sequence></xsd:complexType>';
  const body = lenient.replace(/type="xsd:base64Binary"/g, 'type="tns:SourceFormatContent"');
  const opening = body.slice(0, body.indexOf('>') + 1).replace(
    '<xsd:schema',
    '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://soap.sforce.com/2006/04/metadata"',
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${opening}${body.slice(body.indexOf('>') + 1)}${sourceContent}${roots}</xsd:schema>\n`;
}
