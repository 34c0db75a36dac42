/**
 * test/layouts/indented-breakdown-rows.tsv (written for this test, in other words than the 練馬区 blind fixture
 * kaigo-9ki-tsv-midlong-projection): family "indented breakdown rows" (label.indented-part-of-row-above). A row
 * written indented (an ideographic space kept by the export) under a row with numbers, naming an age band or a
 * group inside a longer name (`　高齢者人口（65歳以上）`, `　18歳未満の所持者`), breaks that row down; an indented service under a subtotal (`　居宅介護` under
 * `訪問系サービス計`) or under a category row without numbers (`日中活動系サービス`) stays an indicator of its own.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('indented-breakdown-rows.tsv');
const row = (o: Observation) => [o.indicator_label, o.subgroup, o.fiscal_year, o.value_kind, o.value, o.unit];
const rows = n.observations.map(row);

describe('indented breakdown rows', () => {
  it('reads an indented name of an age band as a group of the row above, the rows after it too', () => {
    expect(rows).toContainEqual(['総人口', '高齢者人口(65歳以上)', 2024, 'actual', 15611, 'person']);
    expect(rows).toContainEqual(['総人口', '年少人口(0~14歳)', 2022, 'actual', 5802, 'person']);
    expect(rows).toContainEqual(['療育手帳所持者数', '18歳未満の所持者', 2023, 'actual', 190, 'person']);
    expect(rows).toContainEqual(['総人口', null, 2022, 'actual', 48210, 'person']);
  });

  it('leaves indented services their own names', () => {
    expect(rows).toContainEqual(['居宅介護', null, 2024, 'actual', 318, 'person']);
    expect(rows).toContainEqual(['生活介護', null, 2023, 'actual', 422, 'person']);
    expect(rows).toContainEqual(['就労継続支援(B型)', null, 2022, 'actual', 380, 'person']);
    expect(rows.filter((r) => r[0] === '訪問系サービス計' && r[1] !== null)).toEqual([]);
  });
});
