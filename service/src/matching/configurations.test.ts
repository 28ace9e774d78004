import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIGURATIONS, readConfigurations, TEMPLATES } from './configurations.js';

describe('matching configurations', () => {
  it('ships a default set that covers every template but the custom field, lowest priority first', () => {
    const templates = DEFAULT_CONFIGURATIONS.map((c) => c.template);
    expect(new Set(templates)).toEqual(new Set(TEMPLATES.filter((t) => t !== 'FindEntryByCustomField')));
    const priorities = DEFAULT_CONFIGURATIONS.map((c) => c.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(DEFAULT_CONFIGURATIONS.every((c) => c.active)).toBe(true);
  });

  it('reads the reference product’s starter set as it is written there', () => {
    const starter = [
      { name: 'Find entry by amount', template: 'FindEntryByMatchingTheAmount', priority: 3, parserConfig: {}, searchConfig: { percentage: 0.02, absolute: 2.0 } },
      { name: 'Find entry by statement number', template: 'FindEntryByStatementNumber', priority: 1, parserConfig: { pattern: '(.*)' }, searchConfig: {} },
      { name: 'By account number', template: 'FindAccountByExtractingAccountNumberFromReference', priority: 2, parserConfig: { pattern: '(.*)' }, searchConfig: { 'target-field': 'AccountNumber' } },
    ];
    const read = readConfigurations(starter);
    expect(read.map((c) => c.priority)).toEqual([1, 2, 3]);
    expect(read[1]!.search.targetField).toBe('AccountNumber');
    expect(read[2]!.search).toEqual({ percentage: 0.02, absolute: '2' });
    expect(read.every((c) => c.active)).toBe(true);
  });

  it('keeps inactive configurations, marked inactive', () => {
    const [read] = readConfigurations({ configurations: [{ template: 'FindAccountByIBAN', active: false }] });
    expect(read).toMatchObject({ name: 'FindAccountByIBAN', active: false, priority: 0 });
  });

  it('refuses unknown templates and out-of-range tolerances with stable codes', () => {
    expect(() => readConfigurations([{ template: 'FindEntryByLuck' }])).toThrow(expect.objectContaining({ code: 'MATCHING_TEMPLATE_UNKNOWN' }));
    expect(() => readConfigurations([{ template: 'FindEntryByMatchingTheAmount', search: { percentage: 5 } }])).toThrow(
      expect.objectContaining({ code: 'MATCHING_CONFIG_INVALID' }),
    );
    expect(() => readConfigurations('nope')).toThrow(expect.objectContaining({ code: 'MATCHING_CONFIG_INVALID' }));
  });
});
