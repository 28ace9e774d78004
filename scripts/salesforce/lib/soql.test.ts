import { describe, expect, it } from 'vitest';
import { findInlineQueries, parseQuery } from './soql.js';

describe('SOQL field extraction', () => {
  it('collects select-list paths and the custom names of conditions, not binds or literals', () => {
    const query = parseQuery("SELECT Id, toLabel(Status__c), Account__r.Name FROM Entry__c WHERE Payment__c = :payment.Id AND Title__c LIKE 'Open__c%' WITH USER_MODE ORDER BY DueDate__c");
    expect(query?.object).toBe('Entry__c');
    expect(query?.fields).toEqual(['Id', 'Status__c', 'Account__r.Name', 'Payment__c', 'Title__c', 'DueDate__c']);
  });

  it('parses parent-to-child subqueries separately', () => {
    const query = parseQuery('SELECT Id, (SELECT Amount__c FROM EntryItems WHERE IsReversed__c = FALSE) FROM Entry__c');
    expect(query?.fields).toEqual(['Id']);
    expect(query?.subqueries.map((q) => [q.object, q.fields])).toEqual([['EntryItems', ['Amount__c', 'IsReversed__c']]]);
  });

  it('skips aggregates and finds every inline query of a class, ignoring comments', () => {
    const source = [
      'public class X {',
      '  // [SELECT Ghost__c FROM Entry__c]',
      '  Integer n = [SELECT COUNT() FROM Payment__c WHERE Status__c = \'Final\'];',
      '  List<Refund__c> r = [',
      '      SELECT Id FROM Refund__c',
      '  ];',
      '}',
    ].join('\n');
    const queries = findInlineQueries(source);
    expect(queries.map((q) => [q.object, q.fields])).toEqual([
      ['Payment__c', ['Status__c']],
      ['Refund__c', ['Id']],
    ]);
    expect(source.slice(0, queries[1]?.offset).split('\n')).toHaveLength(4);
  });
});
