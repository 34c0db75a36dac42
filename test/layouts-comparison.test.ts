import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a comparison sheet with labelled counts in its cells', () => {
  const n = normalizeLayout('comparison-cells.tsv');
  const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];

  it('reads each count with the year and kind of its column, labelled by the row item and its own label', () => {
    expect(n.municipality?.code).toBe('232025');
    expect(n.observations.map(row)).toEqual([
      ['精神障がいにも対応した地域包括ケア 協議の場の開催回数', 2023, 'target', 4, 'time/year', null],
      ['精神障がいにも対応した地域包括ケア 協議の場の開催回数', 2022, 'actual', 3, 'time/year', null],
      ['精神障がいにも対応した地域包括ケア 協議の場の開催回数', 2026, 'target', 6, 'time/year', 'gte'],
      ['障がい児支援の提供体制 児童発達支援センター', 2023, 'target', 2, 'facility', null],
      ['障がい児支援の提供体制 主に重症心身障がい児を支援する事業所', 2023, 'target', 3, 'facility', null],
      ['障がい児支援の提供体制 児童発達支援センター', 2022, 'actual', 2, 'facility', null],
      ['障がい児支援の提供体制 主に重症心身障がい児を支援する事業所', 2022, 'actual', 2, 'facility', null],
      ['障がい児支援の提供体制 児童発達支援センター', 2026, 'target', 3, 'facility', null],
      ['障がい児支援の提供体制 主に重症心身障がい児を支援する事業所', 2026, 'target', 4, 'facility', null],
    ]);
  });
});

describe('a stub cell holding a dated count of its own', () => {
  const n = normalizeLayout('dated-stub-count.tsv');
  const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

  it('keeps its year and label to itself: the target beside it falls on the plan’s last year', () => {
    expect(n.observations.map(row)).toEqual([
      ['地域生活支援拠点等の充実 拠点数', 2023, 'actual', 1, 'facility'],
      ['地域生活支援拠点等の充実 緊急時の受入れ体制の検証', 2026, 'target', 2, 'time/year'],
    ]);
  });
});
