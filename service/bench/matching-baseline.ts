/**
 * The brute-force baseline: every item compared with every entry on the main signals (statement
 * number contained in the text, IBAN, amount). It is what matching costs without indexes, O(n·m).
 */
import { parseMinor } from '../src/domain/money.js';
import type { BankItemInput, OpenEntryInput } from '../src/matching/index.js';
import { ibanKey, referenceKey } from '../src/matching/normalise.js';

export interface BaselineRun {
  processed: number;
  seconds: number;
  finished: boolean;
}

export function bruteForce(entries: readonly OpenEntryInput[], items: readonly BankItemInput[], budgetSeconds: number): BaselineRun {
  const prepared = entries.map((e) => ({
    id: e.id,
    key: referenceKey(e.number),
    incoming: e.type === 'Debit',
    ibans: new Set((e.account.ibans ?? []).map((i) => ibanKey(i))),
    minor: parseMinor(e.openAmount, e.currency),
  }));
  const started = performance.now();
  let processed = 0;
  for (const item of items) {
    const text = referenceKey(item.remittanceInformation ?? '');
    const iban = ibanKey(item.counterparty?.iban);
    const amount = parseMinor(item.amount, 'EUR');
    const incoming = item.creditDebit === 'CRDT';
    let best = 0;
    let second = 0;
    for (const entry of prepared) {
      if (entry.incoming !== incoming) continue;
      let score = 0;
      if (entry.key.length >= 4 && text.includes(entry.key)) score += 0.7;
      if (iban && entry.ibans.has(iban)) score += 0.3;
      if (entry.minor === amount) score += 0.25;
      if (score > best) [best, second] = [score, best];
      else if (score > second) second = score;
    }
    processed += 1;
    if ((performance.now() - started) / 1000 > budgetSeconds) break;
  }
  return { processed, seconds: (performance.now() - started) / 1000, finished: processed === items.length };
}
