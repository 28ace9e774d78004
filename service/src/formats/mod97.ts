/**
 * ISO 7064 MOD 97-10 over letters and digits (letters count as 10–35), as IBANs, RF creditor
 * references and SEPA creditor identifiers use it.
 */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}
