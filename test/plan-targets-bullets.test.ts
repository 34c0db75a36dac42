import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/plan-targets-bullets.md (四日市市, written for this test): a report on the 第6期 results whose second
// part sets the 第7期 targets in bullets. The document names its plans only as `第6期計画` / `第7期計画`.
const n = normalizeLayout('plan-targets-bullets.md');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];

describe('a results table and the next plan’s targets in bullets', () => {
  it('reads every value once with its kind and year', () => {
    expect(n.observations.map(row)).toEqual([
      // a `目標値` or `差` row in a `令和5年度（見込）` column is a target or a difference, not an estimate
      ['福祉施設から一般就労への移行', 2023, 'target', 30, 'person', null],
      ['福祉施設から一般就労への移行', 2021, 'actual', 24, 'person', null],
      ['福祉施設から一般就労への移行', 2022, 'actual', 27, 'person', null],
      // …and the `実績値` row in it is a result estimated before it is final (`実績` × `見込`: estimate, as 実績見込)
      ['福祉施設から一般就労への移行', 2023, 'estimate', 29, 'person', null],
      ['福祉施設から一般就労への移行', 2023, 'deviation', -1, 'person', null],
      // `令和4年度末の施設入所者数（120人）`: a count in brackets at a year before the plan term is its base…
      ['施設入所者数', 2022, 'baseline', 120, 'person', null],
      // …and that year is the base's only: the bullets under `第7期計画の成果目標` are targets of FY2026
      ['地域生活への移行者', 2026, 'target', 6, 'percent', 'gte'],
      // `移行者数の目標を8人とします`: 目標 says the kind, 移行者数 what is counted
      ['移行者数', 2026, 'target', 8, 'person', null],
      ['就労移行支援事業の利用者数', 2026, 'target', 40, 'person', null],
      // `令和3年度実績25人の1.6倍以上`: the value a ratio is measured against is a base; the ratio is the target's
      ['就労移行支援事業の利用者数', 2021, 'baseline', 25, 'person', null],
      ['就労移行支援事業の利用者数', 2026, 'target', 1.6, 'ratio', 'gte'],
      ['就労移行支援事業の利用者数 障害者相談支援事業所', 2026, 'target', 5, 'facility', null],
    ]);
  });

  it('reads no number out of the city name 四日市市', () => {
    expect(n.observations.filter((o) => o.unit === 'day')).toEqual([]);
  });
});
