/** Scores matching results against the corpus labels, per case and in total. */
import type { Allocation, MatchResult } from '../src/matching/index.js';
import type { CaseName, LabelledItem } from './matching-corpus.js';

export interface CaseMetrics {
  items: number;
  /** Items with exactly one right answer (not ambiguous, not noise). */
  answerable: number;
  /** Items with at least one acceptable answer (everything but noise). */
  withAnswers: number;
  settled: number;
  settledRight: number;
  /** Not settled right, but the right answer is the proposal or among the candidates. */
  suggestedRight: number;
  falseOnAmbiguous: number;
}

const sameAllocations = (a: readonly Allocation[], b: readonly Allocation[]): boolean => {
  const key = (list: readonly Allocation[]) => list.map((x) => `${x.entryId}=${x.amount}`).sort().join();
  return key(a) === key(b);
};
const sameEntries = (a: readonly Allocation[], b: readonly Allocation[]): boolean => {
  const key = (list: readonly Allocation[]) => list.map((x) => x.entryId).sort().join();
  return key(a) === key(b);
};

export function evaluate(items: readonly LabelledItem[], results: readonly MatchResult[]): Map<CaseName | 'total', CaseMetrics> {
  const byId = new Map(results.map((r) => [r.itemId, r]));
  const metrics = new Map<CaseName | 'total', CaseMetrics>();
  const bucket = (name: CaseName | 'total') => {
    let m = metrics.get(name);
    if (!m) {
      m = { items: 0, answerable: 0, withAnswers: 0, settled: 0, settledRight: 0, suggestedRight: 0, falseOnAmbiguous: 0 };
      metrics.set(name, m);
    }
    return m;
  };
  for (const { item, label } of items) {
    const result = byId.get(item.id);
    if (!result) throw new Error(`no result for item ${item.id}`);
    for (const m of [bucket(label.case), bucket('total')]) {
      m.items += 1;
      const answerable = !label.ambiguous && label.answers.length === 1;
      if (answerable) m.answerable += 1;
      if (label.answers.length > 0) m.withAnswers += 1;
      if (result.outcome === 'settled') {
        m.settled += 1;
        if (label.ambiguous) m.falseOnAmbiguous += 1;
        else if (label.answers.some((a) => sameAllocations(a, result.allocations))) m.settledRight += 1;
      } else if (
        label.answers.some(
          (a) => sameEntries(a, result.allocations) || result.candidates.some((c) => sameEntries(a, c.allocations)),
        )
      ) {
        m.suggestedRight += 1;
      }
    }
  }
  return metrics;
}

const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(2)} %`);

/** A Markdown table: precision, automatic settlement rate, suggestion recall, false settlements on ambiguous items. */
export function metricsTable(metrics: Map<CaseName | 'total', CaseMetrics>): string {
  const rows = [
    '| case | items | settled | precision | auto-settled (of one-answer items) | suggestion recall (of the rest) | false auto on ambiguous |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const names = [...metrics.keys()].filter((n) => n !== 'total').sort();
  for (const name of [...names, 'total' as const]) {
    const m = metrics.get(name)!;
    const cells = [
      name === 'total' ? '**total**' : name,
      m.items,
      m.settled,
      percent(m.settledRight, m.settled),
      percent(m.settledRight, m.answerable),
      percent(m.suggestedRight, m.withAnswers - m.settledRight),
      m.falseOnAmbiguous,
    ];
    rows.push(`| ${cells.join(' | ')} |`);
  }
  return rows.join('\n');
}
