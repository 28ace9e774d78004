import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXmlTree } from '../pain002/xml-tree.js';
import { XmlStream } from './xml-stream.js';

describe('XmlStream', () => {
  it('round-trips any text and attribute through escaping', () => {
    // XML 1.0 allows no control characters except tab, newline and carriage return.
    const xmlText = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\u0000-\u001f\ufffe\uffff]/g, '').trim());
    fc.assert(
      fc.property(xmlText, xmlText, (text, attribute) => {
        const xml = new XmlStream().start('Root').leaf('Leaf', text, { Ccy: attribute }).end().drain(true)!;
        const root = parseXmlTree(xml);
        expect(root.children[0]!.text).toBe(text);
        expect(root.children[0]!.attributes.Ccy).toBe(attribute);
      }),
    );
  });

  it('holds output back until a chunk is worth writing, and hands out everything at the end', () => {
    const xml = new XmlStream().start('Root');
    expect(xml.drain()).toBeUndefined();
    for (let i = 0; i < 5000; i += 1) xml.leaf('Item', `value ${i}`);
    const chunk = xml.drain();
    expect(chunk!.length).toBeGreaterThanOrEqual(64 * 1024);
    xml.end();
    expect(xml.drain(true)).toBe('</Root>\n');
  });

  it('leaves out optional elements and refuses to close what is not open', () => {
    expect(new XmlStream().leaf('Absent', undefined).drain(true)).toBeUndefined();
    expect(() => new XmlStream().end()).toThrow();
  });
});
