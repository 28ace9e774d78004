import { absMinor, fromMinor, minMinor, normalizeAmount, sumMinor, toMinor } from 'c/cmMoney';

describe('c/cmMoney', () => {
    it('reads UI API numbers and input strings as exact minor units', () => {
        expect(toMinor(1200.5)).toBe(120050n);
        expect(toMinor('-85.5')).toBe(-8550n);
        expect(toMinor(' 39.99 ')).toBe(3999n);
        expect(toMinor('7')).toBe(700n);
        expect(toMinor(0.1)).toBe(10n);
    });

    it('rejects empty, malformed and over-precise amounts', () => {
        expect(toMinor(null)).toBeNull();
        expect(toMinor(undefined)).toBeNull();
        expect(toMinor('')).toBeNull();
        expect(toMinor('12,50')).toBeNull();
        expect(toMinor('1e3')).toBeNull();
        expect(toMinor('1.005')).toBeNull();
        expect(toMinor('1.500')).toBe(150n);
    });

    it('honours other scales', () => {
        expect(toMinor('1500', 0)).toBe(1500n);
        expect(toMinor('1.234', 3)).toBe(1234n);
        expect(fromMinor(1234n, 3)).toBe('1.234');
        expect(fromMinor(5n, 0)).toBe('5');
    });

    it('writes canonical decimal strings', () => {
        expect(fromMinor(120050n)).toBe('1200.50');
        expect(fromMinor(-5n)).toBe('-0.05');
        expect(fromMinor(0n)).toBe('0.00');
        expect(normalizeAmount('0.3')).toBe('0.30');
        expect(normalizeAmount(12)).toBe('12.00');
        expect(normalizeAmount('abc')).toBeNull();
    });

    it('adds without floating-point drift', () => {
        const parts = ['0.10', '0.20', '0.30', null].map((v) => toMinor(v));
        expect(fromMinor(sumMinor(parts))).toBe('0.60');
        expect(absMinor(-250n)).toBe(250n);
        expect(minMinor(3n, -4n)).toBe(-4n);
    });
});
