import { describe, expect, it } from 'vitest';
import { readStatusReport } from './reader.js';

/** Found by `npm run fuzz`: elements nested thousands deep took time growing with the square of the depth. */
describe('readStatusReport (fuzz findings)', () => {
  it('refuses elements nested deeper than any status report with XML_TOO_DEEP, before reading on', () => {
    const depth = 5000;
    const xml =
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>' +
      '<Rsn>'.repeat(depth) + '</Rsn>'.repeat(depth) + '</CstmrPmtStsRpt></Document>';
    expect(() => readStatusReport(xml)).toThrow(expect.objectContaining({ code: 'XML_TOO_DEEP' }));
  });
});
