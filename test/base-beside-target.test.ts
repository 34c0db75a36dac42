// Family "the base beside the target": in a table with a column marked as a target (`令和8年度末 目標`), the one
// column that names an earlier time point and no kind (`令和5年3月31日現在`, `令和4年度末時点`, `現状（令和4年度末）`)
// holds the value the target is measured from — a baseline, as the same time point written as a row already was
// (`kind.time-point-row-is-baseline`), and the same with years as rows. Before, the caption's kind (`成果目標`) made it a target of a year before the
// plan began, with high confidence. Two or more such columns are a series of results: not baselines. `ベースライン`
// names a base (`基準年度` and `基準時点` head columns of the base's year or date: no kind). The document is written
// in other words than the probe where the family was found (a 第7期 施設入所者数 table with `令和4年度末時点` beside
// `令和8年度末 目標値`).
// Family "results left unmarked before a marked target": under a caption that calls its figures targets, two or
// more such columns (`令和3年度末 | 令和4年度末`) report results — before, each was a target of a year the plan had
// not begun. A year inside the target's own three-year term is neither.

import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value];

describe('the base beside the target', () => {
  const n = normalizeLayout('base-beside-target.tsv');
  const table = (i: number) => n.observations.filter((o) => o.table_index === i).map(row);

  it('reads the one earlier time point beside a target column as the base', () => {
    expect(table(0)).toEqual([
      ['児童発達支援センターの利用児童数', 2022, 'baseline', 52],
      ['児童発達支援センターの利用児童数', 2026, 'target', 70],
      ['障害児入所施設から地域へ移行した児童数', 2022, 'baseline', 1],
      ['障害児入所施設から地域へ移行した児童数', 2026, 'target', 3],
    ]);
  });

  it('reads a column named ベースライン as the base', () => {
    expect(table(1)).toEqual([
      ['施設入所者の地域生活への移行者数', 2022, 'baseline', 3],
      ['施設入所者の地域生活への移行者数', 2026, 'target', 6],
    ]);
  });

  it('reads two or more unmarked years before the target term as results (family "results left unmarked")', () => {
    expect(table(2)).toEqual([
      ['福祉施設から一般就労への移行者数', 2021, 'actual', 14],
      ['福祉施設から一般就労への移行者数', 2022, 'actual', 16],
      ['福祉施設から一般就労への移行者数', 2026, 'target', 22],
    ]);
  });

  it('leaves a year inside the target term to the caption (neither a base nor a result)', () => {
    expect(table(3)).toEqual([
      ['相談支援体制の充実・強化', 2024, 'target', 4],
      ['相談支援体制の充実・強化', 2026, 'target', 6],
    ]);
  });

  it('reads the same with years as rows: results before the target term, the one base beside it', () => {
    expect(table(4)).toEqual([
      ['計画相談支援の利用者数', 2020, 'actual', 310],
      ['計画相談支援の利用者数', 2021, 'actual', 335],
      ['計画相談支援の利用者数', 2026, 'target', 420],
    ]);
    expect(table(5)).toEqual([
      ['就労定着支援事業の利用者数', 2022, 'baseline', 18],
      ['就労定着支援事業の利用者数', 2026, 'target', 30],
    ]);
  });
});
