/**
 * Kind words in round brackets inside prose labels (`施設入所者数（基準値）：95人`): they say what the value is
 * (its kind), not what it counts (its label). Written for this test; numbers and city are not from a fixture.
 */
import { extractText } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const doc = [
  '第7期草加市障がい福祉計画',
  '',
  '1 施設入所者の地域生活への移行',
  '',
  '令和4年度末の施設入所者数（基準値）：95人',
  '【目標値】',
  '・地域生活移行者数：6人',
  '・令和4年度の地域生活移行者数（実績）：2人',
].join('\n');

describe('a kind word in round brackets in a prose label', () => {
  const n = normalizeDocument(extractText(doc, 'soka.txt'));
  const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

  it('gives the kind and is dropped from the label', () => {
    expect(n.observations.map(row)).toEqual([
      ['施設入所者数', 2022, 'baseline', 95, 'person'],
      ['地域生活移行者数', 2026, 'target', 6, 'person'],
      ['地域生活移行者数', 2022, 'actual', 2, 'person'],
    ]);
  });
});
