import type { ValueKind } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { parseColumnHeader, valueKindOf } from '../../src/period/index.js';

type Row = [header: string, kind: string | null, fiscalYear: number | null, valueKind: ValueKind | null, rest: string];

describe('parseColumnHeader', () => {
  const rows: Row[] = [
    // higashimatsuyama-r3-results
    ['R3年度 （見込）', 'fy', 2021, 'plan', ''],
    ['R4年度 （見込）', 'fy', 2022, 'plan', ''],
    ['R5年度 （見込）', 'fy', 2023, 'plan', ''],
    ['R3年度 (見込)', 'fy', 2021, 'plan', ''],
    ['R1実績', 'fy', 2019, 'actual', ''],
    // the period in brackets after the kind word: the brackets it leaves do not hide the word
    ['第6期計画の目標値（令和5年度）', 'fy', 2023, 'target', '第6期計画の'],
    ['実績（2022（令和4）年度末）', 'fy_end', 2022, 'actual', ''],
    ['見込量【令和7年度】', 'fy', 2025, 'plan', ''],
    ['R2実績', 'fy', 2020, 'actual', ''],
    ['R3実績', 'fy', 2021, 'actual', ''],
    ['R3見込', 'fy', 2021, 'plan', ''],
    ['R3 見込', 'fy', 2021, 'plan', ''],
    ['R5 見込', 'fy', 2023, 'plan', ''],
    ['R3 実績', 'fy', 2021, 'actual', ''],
    ['R1 実績', 'fy', 2019, 'actual', ''],
    ['H29 年度末', 'fy_end', 2017, null, ''],
    ['H29年度末', 'fy_end', 2017, null, ''],
    ['R3 年度末', 'fy_end', 2021, null, ''],
    ['H18', 'fy', 2006, null, ''],
    ['R8', 'fy', 2026, null, ''],
    ['数値', null, null, null, '数値'],
    ['考え方', null, null, null, '考え方'],
    ['項目', null, null, null, '項目'],
    ['現在', null, null, null, '現在'],
    ['利用実人数（人／月）', null, null, null, '利用実人数(人/月)'],
    ['(件/年)', null, null, null, '(件/年)'],
    ['【目標値】 地域生活移行者数 (B)', null, null, 'target', '地域生活移行者数 (B)'],
    ['【目標値】 削減見込 (A - E)', null, null, 'target', '削減見込 (A - E)'],
    ['目標年度入所者数 (E = A - B - C + D)', null, null, null, '目標年度入所者数 (E = A - B - C + D)'],
    ['令和元年度の一般就労移行者数', 'fy', 2019, null, '一般就労移行者数'],
    ['令和2年3月31日時点の入所者数 (A)', 'date', 2019, null, '入所者数 (A)'],
    // inzai-6ki-outcome-review
    ['2021年度', 'fy', 2021, null, ''],
    ['2022年度', 'fy', 2022, null, ''],
    ['2023年度', 'fy', 2023, null, ''],
    ['計画値', null, null, 'plan', ''],
    ['実績値', null, null, 'actual', ''],
    ['乖離値', null, null, 'deviation', ''],
    ['利用者数（実人）', null, null, null, '利用者数(実人)'],
    ['成果目標', null, null, null, '成果目標'],
    ['【2019年度末時点 施設入所者数】', 'fy_end', 2019, null, '【 施設入所者数】'],
    // akishima-6ki-goal-sheets
    ['基準値', null, null, 'baseline', ''],
    ['区 分', null, null, null, '区分'],
    ['項 目', null, null, null, '項目'],
    ['目標値', null, null, 'target', ''],
    ['比較', null, null, 'deviation', ''],
    ['比 較', null, null, 'deviation', ''],
    ['R 3', 'fy', 2021, null, ''],
    ['R 5', 'fy', 2023, null, ''],
    ['見込量', null, null, 'plan', ''],
    ['令和3年度', 'fy', 2021, null, ''],
    ['令和４年度', 'fy', 2022, null, ''],
    ['入所者数', null, null, null, '入所者数'],
    ['利用率', null, null, null, '利用率'],
    ['目標値設定の考え方', null, null, null, '目標値設定の考え方'],
    ['第 6 期', null, null, null, '第6期'],
    // shiroi-chiiki-houkatsu-progress
    ['2018', 'fy', 2018, null, ''],
    ['2019', 'fy', 2019, null, ''],
    ['2020', 'fy', 2020, null, ''],
    ['年度の進捗目標', null, null, 'target', '年度の'],
    ['2019年度の進捗(2020年1月時点)', 'fy', 2019, null, '進捗(2020年1月時点)'],
    ['2020年度の実績', 'fy', 2020, 'actual', ''],
    ['2020 年度の計画案', 'fy', 2020, 'plan', ''],
    // iga
    ['【目標値】', null, null, 'target', ''],
    ['【目標值】', null, null, 'target', ''],
    ['【日標值】', null, null, 'target', ''],
    ['【月標】', null, null, 'target', ''],
    ['【月 標】', null, null, 'target', ''],
    // the brief
    ['令和３年度 実績値', 'fy', 2021, 'actual', ''],
    ['目標', null, null, 'target', ''],
    ['実績', null, null, 'actual', ''],
    ['見込', null, null, 'plan', ''],
    ['見込み', null, null, 'plan', ''],
    ['計画', null, null, 'plan', ''],
    ['基準', null, null, 'baseline', ''],
    ['乖離', null, null, 'deviation', ''],
    ['差', null, null, 'deviation', ''],
    ['達成率', null, null, 'achievement_rate', ''],
    ['令和5年度 目標値', 'fy', 2023, 'target', ''],
    ['令和5年度末 目標', 'fy_end', 2023, 'target', ''],
    // a result estimated before it is final
    ['実績見込', null, null, 'estimate', ''],
    ['令和6年度 実績(見込)', 'fy', 2024, 'estimate', ''],
    ['差引減少見込み数 (減少率)', null, null, null, '差引減少見込み数 (減少率)'],
    ['施設入所者の削減見込者数', null, null, null, '施設入所者の削減見込者数'],
    ['', null, null, null, ''],
  ];
  it.each(rows)('%j → %s %s %s', (header, kind, fy, valueKind, rest) => {
    const h = parseColumnHeader(header);
    expect(h.period?.kind ?? null).toBe(kind);
    expect(h.period?.fiscalYear ?? null).toBe(fy);
    expect(h.valueKind).toBe(valueKind);
    expect(h.rest).toBe(rest);
  });

  it('never says estimate', () => {
    for (const w of ['見込', '見込み', '見込量', '計画', '計画値', 'R3 見込', 'R3年度 （見込）']) {
      const k = parseColumnHeader(w).valueKind;
      expect(k).toBe('plan');
    }
  });

  it('warns that a bare year was read as a fiscal year', () => {
    expect(parseColumnHeader('2018').period?.warnings[0]).toMatch(/^bare_year/);
  });

  it('lists every period of the header', () => {
    const h = parseColumnHeader('2019 年度の進捗 （2020 年 1 月時点）');
    expect(h.periods.map((p) => [p.kind, p.fiscalYear, p.start])).toEqual([
      ['fy', 2019, '2019-04-01'],
      ['month', 2019, '2020-01-01'],
    ]);
  });

  it('reads a plan term when told the plan type', () => {
    expect(parseColumnHeader('第 6 期', { planType: 'shogai' }).period).toMatchObject({
      kind: 'plan_term',
      start: '2021-04-01',
      end: '2024-03-31',
    });
  });
});

describe('parseColumnHeader: plan terms in a header', () => {
  it('reads 第6期目標値 as the term of the plan type given', () => {
    const h = parseColumnHeader('第6期目標値', { planType: 'shogai' });
    expect(h.period).toMatchObject({ kind: 'plan_term', start: '2021-04-01', end: '2024-03-31' });
    expect([h.valueKind, h.rest]).toEqual(['target', '']);
  });

  it('takes the year beside a plan term, and the 計画 of `第6期計画` is no kind word', () => {
    const h = parseColumnHeader('第6期計画の目標値（令和5年度）', { planType: 'shogai' });
    expect(h.period).toMatchObject({ kind: 'fy', fiscalYear: 2023 });
    expect([h.valueKind, h.rest]).toEqual(['target', '']);
    expect(parseColumnHeader('第7期計画', { planType: 'shogai' })).toMatchObject({ valueKind: null, rest: '' });
    expect(parseColumnHeader('第6期 計画値', { planType: 'shogai' })).toMatchObject({ valueKind: 'plan' });
    expect(parseColumnHeader('第9期計画期間', { planType: 'kaigo' })).toMatchObject({ rest: '計画期間' });
  });
});

describe('valueKindOf', () => {
  const rows: Array<[string, ValueKind | null]> = [
    ['見込', 'plan'],
    ['見込量', 'plan'],
    ['計画値', 'plan'],
    ['実績', 'actual'],
    ['実績値', 'actual'],
    ['目標', 'target'],
    ['目標値', 'target'],
    ['基準値', 'baseline'],
    ['乖離値', 'deviation'],
    ['比 較', 'deviation'],
    ['差', 'deviation'],
    ['達成率', 'achievement_rate'],
    ['目標值', 'target'],
    ['区分', null],
    ['利用率', null],
  ];
  it.each(rows)('%s → %s', (w, k) => {
    expect(valueKindOf(w)).toBe(k);
  });
});

describe('parseColumnHeader: four digits alone', () => {
  it('are a year only near the document’s year (else 1950–2100)', () => {
    expect(parseColumnHeader('2018', { era: { year: 2023, text: '令和5年' } }).period?.fiscalYear).toBe(2018);
    expect(parseColumnHeader('1887', { era: { year: 2023, text: '令和5年' } }).period).toBeNull();
    expect(parseColumnHeader('1887').period).toBeNull();
    expect(parseColumnHeader('2030').period?.fiscalYear).toBe(2030);
  });
});
