/**
 * Shrinks an input while `fails` still holds: first whole lines, then byte ranges of halving size
 * (a plain delta debugging pass). `budget` bounds the number of tries.
 */
export async function minimise(input: Buffer, fails: (candidate: Buffer) => Promise<boolean>, budget = 3000): Promise<Buffer> {
  let best = input;
  let tries = 0;
  const attempt = async (candidate: Buffer) => {
    tries++;
    if (candidate.length < best.length && (await fails(candidate))) {
      best = candidate;
      return true;
    }
    return false;
  };
  // Lines first: most readers are line or element based, so this removes most of a file quickly.
  for (let i = 0; tries < budget; ) {
    const lines = splitLines(best);
    if (i >= lines.length) break;
    if (!(await attempt(Buffer.concat([...lines.slice(0, i), ...lines.slice(i + 1)])))) i++;
  }
  for (let size = Math.max(1, best.length >> 1); size >= 1 && tries < budget; size >>= 1) {
    for (let at = 0; at < best.length && tries < budget; ) {
      if (!(await attempt(Buffer.concat([best.subarray(0, at), best.subarray(at + size)])))) at += size;
    }
  }
  return best;
}

function splitLines(input: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = input.indexOf(10); i >= 0; i = input.indexOf(10, start)) {
    lines.push(input.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < input.length) lines.push(input.subarray(start));
  return lines;
}
