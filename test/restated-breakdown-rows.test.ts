/**
 * Family "restated breakdown rows" (`label.restated-part-of-row-above`, `unit.part-of-row-above`): a row marked 再掲
 * (`【再掲】 身体障害者`, `精神障害者の利用者数 (再掲)`, `（再掲）精神障害者`) or led by うち right under an indicator's
 * row restates a part of it: the indicator of the row above with the group as subgroup, counted in the unit of the
 * row above when it writes none. A markdown document in other words than any fixture (さくら市, residential and
 * home-visit services).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('rows that restate a part of the indicator above', () => {
  const n = normalizeLayout('restated-breakdown-rows.md');
  const of = (v: number) =>
    n.observations
      .filter((o) => o.value === v)
      .map((o) => [o.indicator_label, o.subgroup, o.unit, o.fiscal_year, o.value_kind]);

  it('reads a 再掲 row as the group of the row above, in its unit', () => {
    expect(of(19)).toEqual([['施設入所支援', '身体障害者', 'person/month', 2024, 'actual']]);
    expect(of(27)).toEqual([['共同生活援助', '精神障害者', 'person/month', 2024, 'actual']]);
    expect(of(3)).toEqual([['自立生活援助', '精神障害者', 'person/month', 2024, 'actual']]);
  });

  it('gives a うち row the unit of the row above', () => {
    expect(of(204)).toEqual([['居宅介護', '障害児', 'hour/month', 2024, 'actual']]);
  });

  it('leaves the indicators themselves as they were', () => {
    expect(of(81)).toEqual([['共同生活援助', null, 'person/month', 2024, 'actual']]);
    expect(of(298)).toEqual([['同行援護', null, 'hour/month', 2024, 'actual']]);
  });
});
