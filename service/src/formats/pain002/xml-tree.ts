/**
 * A small element tree for status reports, which are short: elements keyed by local name, so a
 * report reads the same with the ISO, the Swiss or no namespace at all. Document type declarations
 * are refused outright, so no entity can ever be expanded.
 */
import { SaxesParser } from 'saxes';
import { CashError, invalid } from '../../domain/errors.js';

export interface XmlElement {
  readonly name: string;
  readonly namespace: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

export const MAX_REPORT_BYTES = 10 * 1024 * 1024;
/** Status reports nest about ten deep; deeper nesting only costs time (namespace lookups grow with depth). */
const MAX_DEPTH = 64;

export function parseXmlTree(xml: string): XmlElement {
  if (xml.length > MAX_REPORT_BYTES) {
    throw invalid('XML_TOO_LARGE', `the file is larger than ${MAX_REPORT_BYTES} bytes`);
  }
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('doctype', () => {
    failure ??= invalid('XML_DOCTYPE_REFUSED', 'documents with a DOCTYPE are refused');
  });
  parser.on('error', (error) => {
    failure ??= invalid('XML_MALFORMED', `the file is not well-formed XML: ${error.message}`);
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) attributes[attr.local] = attr.value;
    if (stack.length >= MAX_DEPTH) {
      throw invalid('XML_TOO_DEEP', `elements are nested more than ${MAX_DEPTH} deep`);
    }
    const element: XmlElement = { name: tag.local, namespace: tag.uri, attributes, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element) element.text = element.text.trim();
  });
  try {
    parser.write(xml.replace(/^\uFEFF/, '')).close();
  } catch (error) {
    failure ??= error instanceof CashError ? error : invalid('XML_MALFORMED', `the file is not well-formed XML: ${(error as Error).message}`);
  }
  if (failure) throw failure;
  if (!root) throw invalid('XML_MALFORMED', 'the file has no root element');
  return root;
}

export const child = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  element?.children.find((c) => c.name === name);

export const children = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element ? element.children.filter((c) => c.name === name) : [];

/** Text at a path of child names, or undefined when any step is missing or the text is empty. */
export function textAt(element: XmlElement | undefined, ...path: string[]): string | undefined {
  let current = element;
  for (const name of path) current = child(current, name);
  return current && current.text !== '' ? current.text : undefined;
}
