import { isValidCreditorReference, normaliseCreditorReference } from '../rf-reference.js';

/**
 * Classifies a structured payment reference found in a statement. Matching keys on these, so
 * the type is decided from the value where the file's own label is vague or missing.
 */
export interface ClassifiedReference {
  reference: string;
  /** "RF" (ISO 11649), "QRR" (Swiss QR reference), "ISR" (Swiss ESR/ISR) or the file's code. */
  type: string | null;
}

/** Swiss modulo 10 recursive check digit (QR reference and ISR/ESR reference). */
const MOD10_TABLE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5];

export function isValidMod10Recursive(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let carry = 0;
  for (let i = 0; i < digits.length - 1; i += 1) {
    carry = MOD10_TABLE[(carry + digits.charCodeAt(i) - 48) % 10]!;
  }
  return (10 - carry) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

export function classifyReference(raw: string, label: string | null): ClassifiedReference {
  const compact = normaliseCreditorReference(raw);
  const code = label?.trim().toUpperCase() ?? '';
  if (compact.startsWith('RF') && isValidCreditorReference(compact)) {
    return { reference: compact, type: 'RF' };
  }
  if (/^\d{27}$/.test(compact) && isValidMod10Recursive(compact)) {
    // Both share the 27-digit layout; the label tells an ESR slip from a QR-bill.
    const isr = code.startsWith('ISR') || code.startsWith('ESR');
    return { reference: compact, type: isr ? 'ISR' : 'QRR' };
  }
  if (code.startsWith('ISR') || code.startsWith('ESR')) return { reference: compact, type: 'ISR' };
  return { reference: raw.trim(), type: code || null };
}
