/**
 * Family "a guideline written as a count in a column of words" (`年2回以上` in a `国の基本指針` column whose other rows
 * write words, `令和4年度末の5%以上削減`): read as a value, the count took the first value column (a baseline of 2) and
 * pushed the row's last value out of the table (one cell per line), or made the row a misfit with no figures (one row
 * per line). Now a number with a bound there is the words column's cell when the values after it fill the value
 * columns exactly (extractor/src/linear/celllines.ts, isGuidelineCount; spaced.ts, guidelineCounts). Found on the
 * tuned corpus (seed 13, a 成果目標 table copied one cell per line); the document here is in other words.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a guideline count in a column of words of a linearized table', () => {
  const n = normalizeLayout('linear-guideline-count-words-column.txt');
  const rows = (table: number) =>
    n.observations
      .filter((o) => o.table_index === table && o.indicator_label === '協議の場の開催回数')
      .map((o) => [o.fiscal_year, o.value_kind, o.value]);

  it('keeps every figure of the row in its column, the guideline none (one cell per line, last row)', () => {
    expect(rows(0)).toEqual([
      [2023, 'baseline', 1],
      [null, 'target', 2],
      [2024, 'actual', 2],
      [2025, 'actual', 3],
    ]);
  });

  it('keeps every figure of the row in its column, the guideline none (one row per line)', () => {
    expect(rows(1)).toEqual([
      [2023, 'baseline', 1],
      [null, 'target', 2],
      [2024, 'actual', 2],
      [2025, 'actual', 3],
    ]);
  });
});
