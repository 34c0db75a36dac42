/**
 * Family "outcome targets in sentences": a target set as a multiple of a base year's result
 * (`令和3年度実績（30人）の1.3倍の39人以上`), a signed change compared with last year (`前年度と比べて＋5人`), and an
 * activity whose name begins with a kind stem (`目標設定及び評価`). The base's own kind word (`実績`) says nothing of
 * the target the sentence sets, and the base year dates nothing else of it.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('outcome-target-sentences.txt');
const rows = n.observations.map((o) => [o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier]);

describe('targets set as a multiple of a base year', () => {
  it('reads the bracketed result before `の1.3倍` as the base of its year', () => {
    expect(rows).toContainEqual([2021, 'baseline', 30, 'person', null]);
    expect(rows).toContainEqual([2021, 'baseline', 20, 'person', null]);
  });

  it('reads the ratio and the amount it sets as targets of the plan’s last year', () => {
    expect(rows).toContainEqual([2026, 'target', 1.3, 'ratio', null]);
    expect(rows).toContainEqual([2026, 'target', 39, 'person', 'gte']);
    expect(rows).toContainEqual([2026, 'target', 1.41, 'ratio', 'gte']);
    expect(rows).toContainEqual([2026, 'target', 29, 'person', 'gte']);
  });

  it('reads `の実績（8人）の1.25倍以上に当たる10人` likewise: a base, a bounded ratio and the amount, targets', () => {
    expect(rows).toContainEqual([2021, 'baseline', 8, 'person', null]);
    expect(rows).toContainEqual([2026, 'target', 1.25, 'ratio', 'gte']);
    expect(rows).toContainEqual([2026, 'target', 10, 'person', null]);
  });

  it('labels the base, its ratio and the amount it sets by what the sentence counts (the clause before the comma)', () => {
    const labels = n.observations.filter((o) => [30, 1.3, 39].includes(o.value)).map((o) => o.indicator_label);
    expect(labels).toEqual(['一般就労へ移行する人', '一般就労へ移行する人', '一般就労へ移行する人']);
    const settled = n.observations.filter((o) => [20, 1.41, 29].includes(o.value)).map((o) => o.indicator_label);
    expect(settled).toEqual(['就労定着支援事業の利用者', '就労定着支援事業の利用者', '就労定着支援事業の利用者']);
  });

  it('keeps the later sentences of the block targets of the plan’s last year', () => {
    expect(rows).toContainEqual([2026, 'target', 60, 'percent', 'gte']);
    expect(rows.filter((r) => r[0] === 2021)).toHaveLength(3);
  });
});

describe('results under a year’s heading', () => {
  it('reads a signed change compared with last year as a difference of what the sentence counts', () => {
    expect(rows).toContainEqual([2025, 'actual', 34, 'person', null]);
    const diff = n.observations.find((o) => o.value === 5);
    expect([diff?.value_kind, diff?.fiscal_year, diff?.indicator_label]).toEqual([
      'deviation',
      2025,
      '一般就労へ移行した人',
    ]);
  });

  it('does not read 目標 in `目標設定及び評価` as the kind of a result', () => {
    expect(rows).toContainEqual([2026, 'target', 2, 'time/year', 'gte']);
    expect(rows).toContainEqual([2025, 'actual', 2, 'time/year', null]);
  });
});
