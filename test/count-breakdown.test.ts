import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('count-breakdown-prose.txt');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('a place or type after a count of people', () => {
  it('is labelled with the heading that names the count, not the heading that states the kind', () => {
    expect(n.observations.slice(0, 4).map(row)).toEqual([
      ['地域生活への移行者 共同生活援助事業', 2023, 'target', 8, 'person'],
      ['地域生活への移行者 自立生活援助事業', 2023, 'target', 2, 'person'],
      ['地域生活への移行者 共同生活援助事業', 2022, 'actual', 5, 'person'],
      ['地域生活への移行者 自立生活援助事業', 2022, 'actual', 1, 'person'],
    ]);
  });

  it('after 内訳は breaks down the count of the sentence before; a year read elsewhere does not cut 令和3年度', () => {
    expect(n.observations.slice(4).map(row)).toEqual([
      ['地域生活への移行者', 2020, 'actual', 4, 'person'],
      ['地域生活への移行者', 2021, 'actual', 7, 'person'],
      ['地域生活への移行者', 2022, 'actual', 6, 'person'],
      ['地域生活への移行者 市内グループホーム運営法人の施設', 2022, 'actual', 4, 'person'],
      ['地域生活への移行者 市外の入所施設', 2022, 'actual', 2, 'person'],
      ['自立生活援助の利用者', 2020, 'actual', 1, 'person'],
      ['自立生活援助の利用者', 2021, 'actual', 2, 'person'],
      ['自立生活援助の利用者', 2022, 'actual', 2, 'person'],
    ]);
  });
});
