/**
 * Family "paired kinds in one cell": a header of two kind words joined by a pair mark (`見込／実績`, `計画値|実績値`,
 * as a converter writes two columns folded into one) over cells of two values joined by the same mark holds one
 * value of each kind, in order (`kind.paired-kinds-cell`); a part written as missing is no value, and the header
 * labels nothing.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('cells holding a value of each kind their header pairs', () => {
  const n = normalizeLayout('paired-kind-cells.md');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit]);

  it('reads the pair in a column header, skipping a missing part', () => {
    expect(rows.slice(0, 3)).toEqual([
      ['訪問型サービスA', 2024, 'plan', 1204, 'case/year'],
      ['訪問型サービスA', 2024, 'actual', 1150, 'case/year'],
      ['訪問型サービスB', 2024, 'plan', 36, 'case/year'],
    ]);
  });

  it('reads the pair in a row stub under the row it continues', () => {
    expect(rows.slice(3)).toEqual([
      ['通所型サービスC', 2024, 'plan', 48, 'person/month'],
      ['通所型サービスC', 2024, 'actual', 41, 'person/month'],
      ['通所型サービスC', 2025, 'plan', 52, 'person/month'],
      ['通所型サービスC', 2025, 'actual', 55, 'person/month'],
    ]);
  });

  it('warns of no extra values in the cell', () => {
    expect(n.observations.every((o) => o.rules.includes('kind.paired-kinds-cell'))).toBe(true);
    expect(n.observations.some((o) => o.warnings.some((w) => /cell holds/.test(w)))).toBe(false);
  });
});

describe('a pair of kind words written after the measure they count', () => {
  // (`延べ利用時間（時間/月）<br>計画／実績`, `実利用者数 計画/実績`: the measure, its unit, then the kinds in order)
  const n = normalizeLayout('paired-kind-cells-after-measure.html');
  const paired = n.observations.filter((o) => o.value_kind !== 'achievement_rate');
  const rows = paired.map((o) => [o.indicator_label, o.measure, o.fiscal_year, o.value_kind, o.value, o.unit]);

  it('gives each value of the cell its kind and the header its measure', () => {
    expect(rows).toEqual([
      ['移動支援事業', '延べ利用時間', 2024, 'plan', 1320, 'hour/month'],
      ['移動支援事業', '延べ利用時間', 2024, 'actual', 1187, 'hour/month'],
      ['移動支援事業', '実利用者数', 2024, 'plan', 64, 'person'],
      ['移動支援事業', '実利用者数', 2024, 'actual', 59, 'person'],
      ['日中一時支援事業', '延べ利用時間', 2024, 'plan', 410, 'hour/month'],
      ['日中一時支援事業', '実利用者数', 2024, 'plan', 22, 'person'],
      ['日中一時支援事業', '実利用者数', 2024, 'actual', 25, 'person'],
    ]);
    expect(paired.every((o) => o.rules.includes('kind.paired-kinds-cell') && o.warnings.length === 0)).toBe(true);
  });

  it('reads a formula in brackets (`達成率（実績／計画）`) as one rate, not a pair', () => {
    const rate = n.observations.filter((o) => o.value_kind === 'achievement_rate');
    expect(rate.map((o) => [o.indicator_label, o.value, o.unit])).toEqual([['移動支援事業', 89.9, 'percent']]);
    expect(rate[0]!.rules).not.toContain('kind.paired-kinds-cell');
  });
});
