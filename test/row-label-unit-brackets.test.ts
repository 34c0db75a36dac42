/**
 * Family "a unit closing a row label, in any bracket or after a colon": `居宅介護［時間/月］`, `【時間／月】`,
 * `〔延べ時間/月〕`, `＜時間数/月＞`, `《人日/月》`, `（月あたり人日）`, `計画相談支援：人/月`, `地域移行支援 人/年`, `（実利用者数／月）`, and a caption's `（単位＝延べ利用時間／月）` — the
 * unit of the row's values, the label without it; a bracket holding no unit (`（Ｂ型）`) stays in the label.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('units written at the end of row labels in other brackets', () => {
  const n = normalizeLayout('row-label-unit-brackets.tsv');
  const first = n.observations.filter((o) => o.fiscal_year === 2024).map((o) => [o.indicator_label, o.unit, o.value]);

  it('reads the unit of each row and keeps the label without it', () => {
    expect(first).toEqual([
      ['居宅介護', 'hour/month', 1204],
      ['重度訪問介護', 'hour/month', 2315],
      ['同行援護', 'hour/month', 188],
      ['行動援護', 'hour/month', 96],
      ['生活介護', 'person_day/month', 3520],
      ['短期入所', 'person_day/month', 142],
      ['計画相談支援', 'person/month', 310],
      ['地域移行支援', 'person/year', 4],
      ['移動支援', 'person/month', 57],
      ['就労継続支援(B型)', null, 12],
      ['日中一時支援', 'hour/month', 420],
    ]);
  });
});
