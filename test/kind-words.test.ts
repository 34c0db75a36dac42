/**
 * Kind words read by their stems (`kindOfWord`, the vocabulary's one reader) and kind words fused with what a header
 * counts (`splitKindWord`): `利用者数（人/月） 実績`, `実績（利用児童数）`, `計画見込量`, `計画差`.
 */
import { KIND_WORDS, kindOfWord, type Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { splitKindWord } from '../packages/normalizer/src/labels.js';
import { normalizeLayout } from './pipeline.js';

describe('kindOfWord', () => {
  it('reads every exact kind word as the vocabulary lists it', () => {
    for (const [word, kind] of Object.entries(KIND_WORDS)) expect([word, kindOfWord(word)]).toEqual([word, kind]);
  });

  it('reads compounds no list holds by their stems', () => {
    const read = (w: string) => kindOfWord(w);
    expect(read('計画見込量')).toBe('plan');
    expect(read('見込み値')).toBe('plan');
    expect(read('推計値')).toBe('plan');
    expect(read('実績数')).toBe('actual');
    expect(read('実績値（見込）')).toBe('estimate');
    expect(read('実績(見込み)')).toBe('estimate');
    expect(read('目標数値')).toBe('target');
    expect(read('日標値')).toBe('target');
    expect(read('基準値')).toBe('baseline');
    expect(read('計画策定時')).toBe('baseline');
    expect(read('計画差')).toBe('deviation');
    expect(read('計画比較')).toBe('deviation');
    expect(read('差(実績ー見込量)')).toBe('deviation');
    expect(read('対前年同期比')).toBe('deviation');
    expect(read('対目標比')).toBe('achievement_rate');
    expect(read('目標達成率')).toBe('achievement_rate');
  });

  it('reads no kind in words that name things, nor in words naming two kinds', () => {
    for (const w of ['計画相談支援', '構成比', '整備計画', '達成状況', '計画年度', '目標実績', '計画実績', '現状'])
      expect([w, kindOfWord(w)]).toEqual([w, null]);
  });
});

describe('splitKindWord', () => {
  it('splits a kind word from the measure it is fused with, at either end', () => {
    expect(splitKindWord('利用者数実績')).toEqual({ kind: 'actual', rest: '利用者数' });
    expect(splitKindWord('延べ利用日数見込')).toEqual({ kind: 'plan', rest: '延べ利用日数' });
    expect(splitKindWord('実績（利用児童数）')).toEqual({ kind: 'actual', rest: '利用児童数' });
    expect(splitKindWord('計画差(利用者数)')).toEqual({ kind: 'deviation', rest: '利用者数' });
    expect(splitKindWord('地域移行支援の実績')).toEqual({ kind: 'actual', rest: '地域移行支援' });
  });

  it('leaves names and banners naming two kinds alone', () => {
    for (const w of ['計画相談支援', '地域福祉計画', '人口推計', '目標と実績', '見込量及び実績', '目標年度入所者数'])
      expect([w, splitKindWord(w)]).toEqual([w, null]);
    expect(splitKindWord('利用者数計画')).toEqual({ kind: 'plan', rest: '利用者数' });
  });
});

describe('headers whose kind word is fused with what they count', () => {
  const n = normalizeLayout('fused-kind-headers.md');
  const row = (o: Observation) => [o.indicator_label, o.measure, o.fiscal_year, o.value_kind, o.value, o.unit];

  it('reads the kind of each column and row, and keeps the measure', () => {
    expect(n.observations.map(row)).toEqual([
      ['放課後等デイサービス', '利用児童数', 2022, 'plan', 140, 'person/month'],
      ['放課後等デイサービス', '利用児童数', 2022, 'actual', 152, 'person/month'],
      ['放課後等デイサービス', '延べ利用日数', 2022, 'plan', 1820, 'person_day/month'],
      ['放課後等デイサービス', '延べ利用日数', 2022, 'actual', 1911, 'person_day/month'],
      ['放課後等デイサービス', '利用児童数', 2023, 'plan', 150, 'person/month'],
      ['放課後等デイサービス', '利用児童数', 2023, 'actual', 163, 'person/month'],
      ['放課後等デイサービス', '延べ利用日数', 2023, 'plan', 1950, 'person_day/month'],
      ['放課後等デイサービス', '延べ利用日数', 2023, 'actual', 2040, 'person_day/month'],
      ['児童発達支援', '利用児童数', 2022, 'plan', 58, 'person/month'],
      ['児童発達支援', '利用児童数', 2023, 'plan', 70, 'person/month'],
      ['児童発達支援', '利用児童数', 2022, 'actual', 61, 'person/month'],
      ['児童発達支援', '利用児童数', 2023, 'actual', 66, 'person/month'],
      ['児童発達支援', '利用児童数', 2022, 'deviation', 3, 'person/month'],
      ['児童発達支援', '利用児童数', 2023, 'deviation', -4, 'person/month'],
    ]);
  });
});

describe('prose under a heading of a state', () => {
  it('reads a bound as a target, and a number defining a count in a ※ note as no observation', async () => {
    const { extractText } = await import('@shiryo/extractor');
    const { normalizeDocument } = await import('@shiryo/normalizer');
    const doc = extractText(
      [
        '## 3 取組の状況',
        '',
        '・基幹相談支援センターの設置：1か所以上（令和8年度末）',
        '・ピアサポーター養成研修の修了者：14人（令和5年度）',
        '',
        '※修了者は、年度内に2回以上研修を受講した人の数です。修了者数は1人1月当たりではなく年度の実人数です。',
      ].join('\n'),
      'state-heading.md',
    );
    const n = normalizeDocument(doc);
    expect(
      n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier]),
    ).toEqual([
      ['基幹相談支援センターの設置', 2026, 'target', 1, 'facility', 'gte'],
      ['ピアサポーター養成研修の修了者', 2023, 'actual', 14, 'person', null],
    ]);
  });
});
