/**
 * Family "a proportion written as one in N" (skip.one-in-n): `町民の約4人に1人が高齢者です`, `5世帯に1世帯` state a
 * share, and neither number counts anyone; before, each came out as a count of persons (or households) under the
 * sentence's label. A count beside such a phrase, and `2人に対応し、1人が…` (no number after に), stay counts.
 */
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const TEXT = [
  '# 高齢者の状況',
  '',
  '令和6年4月1日現在、町の高齢化率は28.1%で、町民の約4人に1人が高齢者です。',
  '',
  'ひとり暮らしの高齢者は5世帯に1世帯の割合で、延べ320世帯でした。',
  '',
  '窓口では相談者2人に対応し、1人が施設に入所しました。',
].join('\n');

describe('a proportion written as one in N', () => {
  const obs = normalizeDocument(extractText(TEXT, 'proportion.md')).observations;
  const values = obs.map((o) => `${o.value} ${o.unit}`);

  it('reads neither number of `4人に1人` / `5世帯に1世帯` as a count', () => {
    expect(values).not.toContain('4 person');
    expect(values).not.toContain('5 household');
    expect(values).not.toContain('1 household');
    expect(obs.filter((o) => o.value === 1 && o.unit === 'person' && /高齢/.test(o.indicator_label))).toEqual([]);
  });

  it('keeps the rate and the counts beside it', () => {
    expect(values).toContain('28.1 percent');
    expect(values).toContain('320 household');
    expect(values).toContain('2 person');
  });
});
