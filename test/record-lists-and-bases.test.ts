/**
 * Families found on real PDFs (issue 13), each in a test document in other words:
 * - "case lists" (real-osaka-covid-20210407: the lists of deaths and severe cases): rows numbered 1, 2, 3 … with an
 *   age band (`年代` 70) and a mark (`〇`) are records — the row numbers, the ages and the marks are no counts (before:
 *   each row gave its number, its age band and a 0 for the 〇);
 * - "a basis beside an amount" (real-kobe-youkou-h29 page 2: `2,850,000円 | １床当り`): the basis is no count of 1;
 * - a merged label cell the text layer repeats in each column it spans names the row once (before:
 *   `特別養護老人ホーム(広域型) 特別養護老人ホーム(広域型) 特別養護老人ホーム(広域型)`).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('records and bases are not counts', () => {
  it('reads nothing from a numbered list of cases (row numbers, age bands, marks)', () => {
    const n = normalizeLayout('case-list-marks.tsv');
    expect(n.observations.map((o) => [o.indicator_label, o.value])).toEqual([]);
  });

  it('keeps the amounts of a subsidy table, once labelled, and drops the per-bed basis', () => {
    const n = normalizeLayout('subsidy-per-basis.tsv');
    // (the label names the row once; the header word 金額 after it is the table's, as before)
    expect(n.observations.map((o) => [o.indicator_label.split(' ')[0], o.value, o.unit])).toEqual([
      ['グループホーム', 1_200_000, 'yen'],
      ['ケアハウス', 900_000, 'yen'],
    ]);
    for (const o of n.observations) expect(o.indicator_label.split(' ')[1]).not.toBe(o.indicator_label.split(' ')[0]);
  });
});
