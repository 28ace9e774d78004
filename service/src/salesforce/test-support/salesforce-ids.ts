const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The three-character suffix that turns a case-sensitive 15-character id into an 18-character one. */
function suffix(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i]!)) bits |= 1 << i;
    out += CHECKSUM[bits];
  }
  return out;
}

export const isSalesforceId = (value: string) => /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value);

/** Normalises a 15- or 18-character id to the 18-character form (as the org answers). */
export const toId18 = (value: string) => (value.length === 15 ? value + suffix(value) : value.slice(0, 15) + suffix(value.slice(0, 15)));

/** Issues ids like a real org: key prefix, pod, sequence, checksum. */
export class IdSequence {
  private next = 1;
  id(prefix: string): string {
    const id15 = `${prefix}5g0000${(this.next++).toString(36).toUpperCase().padStart(6, '0')}`;
    return id15 + suffix(id15);
  }
}
