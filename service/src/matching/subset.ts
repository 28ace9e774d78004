/**
 * Which open entries of one account add up to a paid amount. Subset sum is exponential in general,
 * so the search is bounded twice: by the number of entries it looks at and by the number of search
 * nodes it may visit. It stops at the second solution, because two solutions already mean the
 * payment is ambiguous; `complete` says whether "one solution" was proven or merely all that was found.
 */
export interface SubsetSearch {
  solutions: number[][];
  complete: boolean;
}

/**
 * @param amounts positive minor amounts
 * @returns indexes into `amounts` of up to two subsets summing exactly to `target`
 */
export function findSubsets(amounts: readonly bigint[], target: bigint, budget: number): SubsetSearch {
  const order = amounts.map((_, i) => i).sort((a, b) => (amounts[b]! > amounts[a]! ? 1 : amounts[b]! < amounts[a]! ? -1 : a - b));
  const sorted = order.map((i) => amounts[i]!);
  // suffix[i] = sum of sorted[i..]: when even all of them cannot reach the rest, stop descending.
  const suffix: bigint[] = new Array<bigint>(sorted.length + 1).fill(0n);
  for (let i = sorted.length - 1; i >= 0; i -= 1) suffix[i] = suffix[i + 1]! + sorted[i]!;
  const solutions: number[][] = [];
  const chosen: number[] = [];
  let visits = 0;
  let exhausted = false;

  const visit = (position: number, rest: bigint): void => {
    if (solutions.length >= 2 || exhausted) return;
    visits += 1;
    if (visits > budget) {
      exhausted = true;
      return;
    }
    if (rest === 0n) {
      solutions.push(chosen.map((i) => order[i]!).sort((a, b) => a - b));
      return;
    }
    if (position >= sorted.length || suffix[position]! < rest) return;
    const value = sorted[position]!;
    if (value <= rest) {
      chosen.push(position);
      visit(position + 1, rest - value);
      chosen.pop();
    }
    visit(position + 1, rest);
  };

  if (target > 0n) visit(0, target);
  return { solutions, complete: !exhausted };
}
