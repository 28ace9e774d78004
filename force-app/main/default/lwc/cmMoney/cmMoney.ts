// Exact money arithmetic for the components. Amounts arrive from the UI API as numbers with at most
// the field's scale and from inputs as decimal strings; both become integer minor units (bigint), so
// remainders and totals never suffer binary floating-point error.

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Minor units of an amount, or null when it is empty, malformed or finer than the scale allows. */
export function toMinor(value: unknown, scale = 2): bigint | null {
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
export function fromMinor(minor: bigint, scale = 2): string {
    const negative = minor < 0n;
    const digits = (negative ? -minor : minor).toString().padStart(scale + 1, '0');
    const whole = digits.slice(0, digits.length - scale);
    const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
    return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Sum of amounts in minor units; null entries count as zero. */
export function sumMinor(values: (bigint | null)[]): bigint {
    return values.reduce<bigint>((total, v) => total + (v ?? 0n), 0n);
}

export function absMinor(value: bigint): bigint {
    return value < 0n ? -value : value;
}

export function minMinor(a: bigint, b: bigint): bigint {
    return a < b ? a : b;
}

/** Normalises any accepted amount to its canonical decimal string, or null. */
export function normalizeAmount(value: unknown, scale = 2): string | null {
    const minor = toMinor(value, scale);
    return minor === null ? null : fromMinor(minor, scale);
}
