// Generated from the .ts source beside this file by `npm run lwc:build`; edit the .ts, not this file.
// Exact money arithmetic for the components. Amounts arrive from the UI API as numbers with at most
// the field's scale and from inputs as decimal strings; both become integer minor units (bigint), so
// remainders and totals never suffer binary floating-point error.
const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
/** Minor units of an amount, or null when it is empty, malformed or finer than the scale allows. */
export function toMinor(value, scale = 2) {
    if (value === null || value === undefined) {
        return null;
    }
    const text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : typeof value === 'string' ? value.trim() : '';
    const match = DECIMAL.exec(text);
    if (!match) {
        return null;
    }
    const [, sign, whole = '0', fraction = ''] = match;
    const significant = fraction.replace(/0+$/, '');
    if (significant.length > scale) {
        return null;
    }
    const minor = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
    return sign === '-' ? -minor : minor;
}
/** The decimal string of an amount in minor units, with exactly `scale` decimals ("-12.30"). */
export function fromMinor(minor, scale = 2) {
    const negative = minor < 0n;
    const digits = (negative ? -minor : minor).toString().padStart(scale + 1, '0');
    const whole = digits.slice(0, digits.length - scale);
    const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
    return `${negative ? '-' : ''}${whole}${fraction}`;
}
/** Sum of amounts in minor units; null entries count as zero. */
export function sumMinor(values) {
    return values.reduce((total, v) => total + (v ?? 0n), 0n);
}
export function absMinor(value) {
    return value < 0n ? -value : value;
}
export function minMinor(a, b) {
    return a < b ? a : b;
}
/** Normalises any accepted amount to its canonical decimal string, or null. */
export function normalizeAmount(value, scale = 2) {
    const minor = toMinor(value, scale);
    return minor === null ? null : fromMinor(minor, scale);
}
