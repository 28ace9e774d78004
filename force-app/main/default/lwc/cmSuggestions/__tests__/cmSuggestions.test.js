import { bestSuggestion, parseSuggestions, withoutSuggestion } from 'c/cmSuggestions';
import stored from './data/matchSuggestions.json';

const json = JSON.stringify(stored);

describe('c/cmSuggestions', () => {
    it('lists valid suggestions best first with their score breakdown', () => {
        const suggestions = parseSuggestions(json);
        expect(suggestions.map((s) => s.score)).toEqual([91, 62.5]);
        expect(suggestions[0]).toEqual({
            index: 1,
            score: 91,
            configuration: 'Find entry by statement number',
            breakdown: [
                { signal: 'reference', points: 60 },
                { signal: 'amount', points: 25 },
                { signal: 'date', points: 6 }
            ],
            allocations: [
                { entryId: 'a03000000000001AAA', amount: '1000.00' },
                { entryId: 'a03000000000003AAA', amount: '190.50' }
            ]
        });
    });

    it('skips a suggestion whose amount is finer than cents', () => {
        expect(parseSuggestions(json).some((s) => s.configuration === 'Broken amount')).toBe(false);
    });

    it('yields nothing for empty, malformed or unknown-version documents', () => {
        expect(parseSuggestions(null)).toEqual([]);
        expect(parseSuggestions('')).toEqual([]);
        expect(parseSuggestions('{oops')).toEqual([]);
        expect(parseSuggestions(JSON.stringify({ ...stored, version: 2 }))).toEqual([]);
        expect(bestSuggestion(null)).toBeNull();
    });

    it('removes a rejected suggestion and reports the best remaining score', () => {
        const afterFirst = withoutSuggestion(json, 1);
        expect(afterFirst.bestScore).toBe(62.5);
        expect(parseSuggestions(afterFirst.json).map((s) => s.configuration)).toEqual(['Find entry by amount']);

        const afterAll = withoutSuggestion(afterFirst.json, 0);
        expect(afterAll.bestScore).toBeNull();
        expect(JSON.parse(afterAll.json).version).toBe(1);
    });
});
