import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPeriods, type PeriodReading, parsePeriod, planTermPeriod } from '../../src/period/index.js';

type Row = [text: string, kind: string, fiscalYear: number | null, start: string, end: string];

const fy = (text: string, y: number): Row => [text, 'fy', y, `${y}-04-01`, `${y + 1}-03-31`];
const fyEnd = (text: string, y: number): Row => [text, 'fy_end', y, `${y + 1}-03-31`, `${y + 1}-03-31`];

describe('parsePeriod: fiscal years', () => {
  const rows: Row[] = [
    fy('令和元年度', 2019),
    fy('令和３年度', 2021),
    fy('令和3年度', 2021),
    fy('令和 3 年度', 2021),
    fy('令和三年度', 2021),
    fy('令和4年度', 2022),
    fy('令和5年度', 2023),
    fy('令和8年度', 2026),
    fy('平成三十一年度', 2019),
    fy('平成31年度', 2019),
    fy('平成27年度', 2015),
    fy('平成30年度', 2018),
    fy('昭和64年度', 1989),
    fy('昭和五十年度', 1975),
    fy('大正元年度', 1912),
    fy('明治四十五年度', 1912),
    fy('R3', 2021),
    fy('R 3', 2021),
    fy('Ｒ３', 2021),
    fy('R3年度', 2021),
    fy('R 3 年度', 2021),
    fy('R1', 2019),
    fy('R元', 2019),
    fy('R元年度', 2019),
    fy('R.5年度', 2023),
    fy('H.30', 2018),
    fy('R.元年度', 2019),
    fy('R8', 2026),
    fy('H18', 2006),
    fy('H29', 2017),
    fy('H30', 2018),
    fy('H30年度', 2018),
    fy('S50', 1975),
    fy('令3', 2021),
    fy('令元', 2019),
    fy('平30', 2018),
    fy('2021年度', 2021),
    fy('2022年度', 2022),
    fy('2023年度', 2023),
    fy('２０２１年度', 2021),
    fy('2019（令和元）年度', 2019),
    fy('2019(令和元)年度', 2019),
    fy('2019年（令和元）年度', 2019),
    fy('2023（令和5）年度中', 2023),
    // the era in the gloss abbreviated (blind fixture shogai-7ki-markdown-western-era-years)
    fy('2024（R6）年度', 2024),
    fy('2019(H31)年度', 2019),
    fy('2025（令7）年度', 2025),
    fy('令和元(2019)年度', 2019),
    fy('（令和3年度）', 2021),
    fy('令和5年度中', 2023),
    fy('令和4年度から', 2022),
    fy('2020(令和2)年\t度', 2020),
    fy('T10年度', 1921),
    fy('M45年度', 1912),
    // a fiscal year written with the English abbreviation before it
    fy('FY2021', 2021),
    fy('FY 2024', 2024),
    fy('ＦＹ２０２２', 2022),
  ];
  it.each(rows)('%j → %s %s', (text, kind, y, start, end) => {
    expect(parsePeriod(text)).toMatchObject({ kind, fiscalYear: y, start, end, warnings: [] });
  });
});

describe('parsePeriod: fiscal year ends (still that fiscal year)', () => {
  const rows: Row[] = [
    fyEnd('H29年度末', 2017),
    fyEnd('H29 年度末', 2017),
    fyEnd('H30 年度末', 2018),
    fyEnd('R1 年度末', 2019),
    fyEnd('R1年度末', 2019),
    fyEnd('R2年度末', 2020),
    fyEnd('R3年度末', 2021),
    fyEnd('R4年度末', 2022),
    fyEnd('令和元年度末', 2019),
    fyEnd('令和2年度末', 2020),
    fyEnd('令和5年度末', 2023),
    fyEnd('令和5年度末までに', 2023),
    fyEnd('2019年度末時点', 2019),
    fyEnd('2022（R4）年度末', 2022),
    fyEnd('2019年（令和元）年度末時点', 2019),
    fyEnd('2023（令和5）年度末', 2023),
    fyEnd('2022(令和4)年度末時点', 2022),
  ];
  it.each(rows)('%j → %s %s', (text, kind, y, start, end) => {
    expect(parsePeriod(text)).toMatchObject({ kind, fiscalYear: y, start, end, warnings: [] });
  });
});

describe('parsePeriod: calendar years, months and dates', () => {
  const rows: Row[] = [
    ['令和元年', 'year', 2019, '2019-01-01', '2019-12-31'],
    ['令和2年', 'year', 2020, '2020-01-01', '2020-12-31'],
    ['令和3年', 'year', 2021, '2021-01-01', '2021-12-31'],
    ['2025年', 'year', 2025, '2025-01-01', '2025-12-31'],
    ['2019年(令和元年)', 'year', 2019, '2019-01-01', '2019-12-31'],
    ['R3年', 'year', 2021, '2021-01-01', '2021-12-31'],
    ['令和3年3月', 'month', 2020, '2021-03-01', '2021-03-31'],
    ['令和3年4月', 'month', 2021, '2021-04-01', '2021-04-30'],
    ['令和3年10月', 'month', 2021, '2021-10-01', '2021-10-31'],
    ['令和4年6月', 'month', 2022, '2022-06-01', '2022-06-30'],
    ['令和2年6月', 'month', 2020, '2020-06-01', '2020-06-30'],
    ['令和4年2月', 'month', 2021, '2022-02-01', '2022-02-28'],
    ['令和2年2月', 'month', 2019, '2020-02-01', '2020-02-29'],
    ['2020年1月時点', 'month', 2019, '2020-01-01', '2020-01-31'],
    ['2020 年 1 月時点', 'month', 2019, '2020-01-01', '2020-01-31'],
    ['2022(令和4)年4月', 'month', 2022, '2022-04-01', '2022-04-30'],
    ['令和三年四月', 'month', 2021, '2021-04-01', '2021-04-30'],
    ['R3.4', 'month', 2021, '2021-04-01', '2021-04-30'],
    ['令和元年5月1日', 'date', 2019, '2019-05-01', '2019-05-01'],
    ['平成31年4月30日', 'date', 2019, '2019-04-30', '2019-04-30'],
    ['令和5年6月30日時点', 'date', 2023, '2023-06-30', '2023-06-30'],
    ['令和3年6月30日時点', 'date', 2021, '2021-06-30', '2021-06-30'],
    ['令和2年3月31日時点', 'date', 2019, '2020-03-31', '2020-03-31'],
    ['令和3年3月31日', 'date', 2020, '2021-03-31', '2021-03-31'],
    ['令和4年7月19日', 'date', 2022, '2022-07-19', '2022-07-19'],
    ['令和2年8月28日', 'date', 2020, '2020-08-28', '2020-08-28'],
    ['令和2年12月4日', 'date', 2020, '2020-12-04', '2020-12-04'],
    ['令和4年5月9日', 'date', 2022, '2022-05-09', '2022-05-09'],
    ['令和5年1月20日', 'date', 2022, '2023-01-20', '2023-01-20'],
    ['令和4年2月末', 'date', 2021, '2022-02-28', '2022-02-28'],
    ['令和2年2月末', 'date', 2019, '2020-02-29', '2020-02-29'],
    ['令和三年四月一日', 'date', 2021, '2021-04-01', '2021-04-01'],
    ['R3.4.1', 'date', 2021, '2021-04-01', '2021-04-01'],
    ['H31.3.31', 'date', 2018, '2019-03-31', '2019-03-31'],
    ['2021/4/1', 'date', 2021, '2021-04-01', '2021-04-01'],
    ['2022.3.31', 'date', 2021, '2022-03-31', '2022-03-31'],
    ['２０２３年３月３１日', 'date', 2022, '2023-03-31', '2023-03-31'],
    // a western year and month by a dot or slash, said to be a point in time (末, 時点, 現在)
    ['2021.3末', 'date', 2020, '2021-03-31', '2021-03-31'],
    ['2024/2月末', 'date', 2023, '2024-02-29', '2024-02-29'],
    ['2023.9時点', 'month', 2023, '2023-09-01', '2023-09-30'],
    ['（2022.3 現在）', 'month', 2021, '2022-03-01', '2022-03-31'],
  ];
  it.each(rows)('%j → %s %s', (text, kind, y, start, end) => {
    expect(parsePeriod(text)).toMatchObject({ kind, fiscalYear: y, start, end, warnings: [] });
  });
});

describe('parsePeriod: ranges (fiscalYear null)', () => {
  const rows: Row[] = [
    ['R3～R5', 'range', null, '2021-04-01', '2024-03-31'],
    ['R3~R5', 'range', null, '2021-04-01', '2024-03-31'],
    ['R3〜R5', 'range', null, '2021-04-01', '2024-03-31'],
    ['R3-R5', 'range', null, '2021-04-01', '2024-03-31'],
    ['H30-R2', 'range', null, '2018-04-01', '2021-03-31'],
    ['H30～R2', 'range', null, '2018-04-01', '2021-03-31'],
    ['R3～5年度', 'range', null, '2021-04-01', '2024-03-31'],
    ['令和3年度～令和5年度', 'range', null, '2021-04-01', '2024-03-31'],
    ['令和4年度～令和8年度', 'range', null, '2022-04-01', '2027-03-31'],
    ['令和3年度から令和5年度まで', 'range', null, '2021-04-01', '2024-03-31'],
    ['令和3年度から令和5年度までの', 'range', null, '2021-04-01', '2024-03-31'],
    ['平成27年度から令和元年度まで', 'range', null, '2015-04-01', '2020-03-31'],
    ['令和3～5年度', 'range', null, '2021-04-01', '2024-03-31'],
    ['令和3年度～5年度', 'range', null, '2021-04-01', '2024-03-31'],
    ['2018-2020年度', 'range', null, '2018-04-01', '2021-03-31'],
    ['2018-2020 年度', 'range', null, '2018-04-01', '2021-03-31'],
    ['2018～2020年度', 'range', null, '2018-04-01', '2021-03-31'],
    ['2021年度～2023年度', 'range', null, '2021-04-01', '2024-03-31'],
    ['2018-2020年', 'range', null, '2018-01-01', '2020-12-31'],
    ['令和4年4月1日～令和5年3月31日', 'range', null, '2022-04-01', '2023-03-31'],
  ];
  it.each(rows)('%j → %s', (text, kind, y, start, end) => {
    expect(parsePeriod(text)).toMatchObject({ kind, fiscalYear: y, start, end, warnings: [] });
  });

  it('keeps both ends', () => {
    const r = parsePeriod('H30-R2') as PeriodReading;
    expect(r.range?.from).toMatchObject({ kind: 'fy', fiscalYear: 2018, text: 'H30' });
    expect(r.range?.to).toMatchObject({ kind: 'fy', fiscalYear: 2020, text: 'R2' });
    expect(r.text).toBe('H30-R2');
  });

  it('flags a reversed range and reads it in order', () => {
    const r = parsePeriod('R5～R3');
    expect(r).toMatchObject({ kind: 'range', start: '2021-04-01', end: '2024-03-31' });
    expect(r?.warnings[0]).toMatch(/^range_reversed/);
  });
});

describe('plan terms', () => {
  const rows: Array<[string, string, string]> = [
    ['第6期障害福祉計画', '2021-04-01', '2024-03-31'],
    ['第 6 期障害福祉計画', '2021-04-01', '2024-03-31'],
    ['第2期障害児福祉計画', '2021-04-01', '2024-03-31'],
    ['第8期介護保険事業計画', '2021-04-01', '2024-03-31'],
    ['第1期障害福祉計画', '2006-04-01', '2009-03-31'],
    ['第5期障害福祉計画', '2018-04-01', '2021-03-31'],
    ['第7期伊賀市障がい福祉計画', '2024-04-01', '2027-03-31'],
    ['第6期伊賀市障がい福祉計画', '2021-04-01', '2024-03-31'],
    ['第3期伊賀市障がい児福祉計画', '2024-04-01', '2027-03-31'],
    ['第2期伊賀市障がい児福祉計画', '2021-04-01', '2024-03-31'],
    ['第1期障害児福祉計画', '2018-04-01', '2021-03-31'],
    ['第9期高齢者福祉計画・介護保険事業計画', '2024-04-01', '2027-03-31'],
    ['第七期介護保険事業計画', '2018-04-01', '2021-03-31'],
    ['第9期介護保険事業（支援）計画', '2024-04-01', '2027-03-31'],
    ['第8期高齢者保健福祉計画・介護保険事業計画', '2021-04-01', '2024-03-31'],
  ];
  it.each(rows)('%s → %s..%s', (text, start, end) => {
    expect(parsePeriod(text)).toMatchObject({ kind: 'plan_term', fiscalYear: null, start, end });
  });

  it('follows the general rule of each plan type', () => {
    for (let n = 1; n <= 12; n++) {
      const a = 2006 + 3 * (n - 1);
      expect(planTermPeriod(n, 'shogai')).toMatchObject({ start: `${a}-04-01`, end: `${a + 3}-03-31` });
      const b = 2018 + 3 * (n - 1);
      expect(planTermPeriod(n, 'shogaiji')).toMatchObject({ start: `${b}-04-01`, end: `${b + 3}-03-31` });
      const c = 2000 + 3 * (n - 1);
      expect(planTermPeriod(n, 'kaigo')).toMatchObject({ start: `${c}-04-01`, end: `${c + 3}-03-31` });
    }
    expect(planTermPeriod(6, 'shogai')).toMatchObject({
      kind: 'plan_term',
      text: '第6期',
      planTerm: { n: 6, plan: 'shogai' },
    });
    expect(() => planTermPeriod(0, 'kaigo')).toThrow(RangeError);
  });

  it('needs the plan type for a bare 第6期', () => {
    expect(parsePeriod('第6期')).toBeNull();
    expect(parsePeriod('第 6 期', { planType: 'shogai' })).toMatchObject({ start: '2021-04-01', end: '2024-03-31' });
    expect(parsePeriod('第2期', { planType: 'shogaiji' })).toMatchObject({ start: '2021-04-01' });
    expect(parsePeriod('第8期', { planType: 'kaigo' })).toMatchObject({ start: '2021-04-01' });
  });
});

describe('inconsistent or impossible text', () => {
  it('keeps both readings of 2020(令和4)年4月 (令和4年 is 2022)', () => {
    const r = parsePeriod('2020(令和4)年4月') as PeriodReading;
    expect(r).toMatchObject({ kind: 'month', fiscalYear: 2020, start: '2020-04-01', end: '2020-04-30' });
    expect(r.alternatives).toHaveLength(1);
    expect(r.alternatives?.[0]).toMatchObject({ kind: 'month', fiscalYear: 2022, start: '2022-04-01' });
    expect(r.warnings[0]).toMatch(/^era_mismatch/);
  });

  it('keeps both readings of 2020（令和元）年度 and 令和3(2020)年度', () => {
    const a = parsePeriod('2020（令和元）年度') as PeriodReading;
    expect(a.fiscalYear).toBe(2020);
    expect(a.alternatives?.[0]?.fiscalYear).toBe(2019);
    const b = parsePeriod('令和3(2020)年度') as PeriodReading;
    expect(b.fiscalYear).toBe(2021);
    expect(b.alternatives?.[0]?.fiscalYear).toBe(2020);
  });

  it('reads 平成32年度 as FY2020 with a warning (written before the era changed)', () => {
    const r = parsePeriod('平成32年度');
    expect(r).toMatchObject({ kind: 'fy', fiscalYear: 2020 });
    expect(r?.warnings[0]).toMatch(/^era_year_after_end/);
  });

  it('has no warning for 平成31年度 or 令和元年度 (both name FY2019)', () => {
    expect(parsePeriod('平成31年度')?.warnings).toEqual([]);
    expect(parsePeriod('令和元年度')?.warnings).toEqual([]);
  });

  const nulls = [
    '',
    '令和0年度',
    '令和3年13月',
    '令和3年2月30日',
    '2021',
    '2018',
    '3年度',
    '年度',
    '1年以内',
    '第三次市民福祉プラン',
    '6月',
    '65歳以上',
    'R3 見込',
    '昭和一桁',
    '1000年',
    'PR3',
  ];
  it.each(nulls)('%j is not one period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('western years and months by a dot or slash, and FY', () => {
  it('reads nothing in a bare 2022.3 (a decimal), nor in FY21 (its century unsaid)', () => {
    expect(parsePeriod('2022.3')).toBeNull();
    expect(findPeriods('延べ 2022.3 時間')).toEqual([]);
    expect(parsePeriod('FY21')).toBeNull();
    expect(findPeriods('FY21 の利用者')).toEqual([]);
  });
});

describe('fiscal year of dates in January–March', () => {
  it('belongs to the fiscal year that started the April before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const p = parsePeriod(`${y}年${m}月${d}日`);
          const want = m <= 3 ? y - 1 : y;
          const mp = parsePeriod(`${y}年${m}月`);
          return p?.fiscalYear === want && mp?.fiscalYear === want;
        },
      ),
    );
  });

  it('same through an era name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 12 }), (n, m) => {
        const p = parsePeriod(`平成${n}年${m}月1日`);
        const y = 1988 + n;
        return p?.fiscalYear === (m <= 3 ? y - 1 : y) && p.start === `${y}-${String(m).padStart(2, '0')}-01`;
      }),
    );
  });

  it('March 31 and April 1 sit on either side', () => {
    expect(parsePeriod('令和4年3月31日')?.fiscalYear).toBe(2021);
    expect(parsePeriod('令和4年4月1日')?.fiscalYear).toBe(2022);
    expect(parsePeriod('令和5年1月20日')?.fiscalYear).toBe(2022);
  });
});

describe('findPeriods in seed-document text', () => {
  type F = [kind: string, fy: number | null, text: string];
  const rows: Array<[string, F[]]> = [
    // higashimatsuyama-r3-results
    ['令和4年度第1回東松山市障害者計画等策定委員会部会次第', [['fy', 2022, '令和4年度']]],
    ['令和4年7月19日（火）午後1時', [['date', 2022, '令和4年7月19日']]],
    [
      '(3) 第6期障害福祉計画・第2期障害児福祉計画に係る',
      [
        ['plan_term', null, '第6期'],
        ['plan_term', null, '第2期'],
      ],
    ],
    ['令和3年度実績について', [['fy', 2021, '令和3年度']]],
    [
      '現在は、第三次市民福祉プラン後期計画（計画期間：令和4年度～令和8年度）が該当します。',
      [['range', null, '令和4年度～令和8年度']],
    ],
    [
      '現在は、令和3年3月に策定した第6期障害福祉計画・第2期障害児福祉計画（計画期間：令和3年度～令和5年度）',
      [
        ['month', 2020, '令和3年3月'],
        ['plan_term', null, '第6期'],
        ['plan_term', null, '第2期'],
        ['range', null, '令和3年度～令和5年度'],
      ],
    ],
    ['① 目標 令和3年度から令和5年度までの合計 5人', [['range', null, '令和3年度から令和5年度まで']]],
    ['① 目標 令和5年度末 79人', [['fy_end', 2023, '令和5年度末']]],
    [
      'R1年度末：217人 R2年度末：234人 R3年度末：255人',
      [
        ['fy_end', 2019, 'R1年度末'],
        ['fy_end', 2020, 'R2年度末'],
        ['fy_end', 2021, 'R3年度末'],
      ],
    ],
    [
      'R1：87人 R2：97人 R3：118人',
      [
        ['fy', 2019, 'R1'],
        ['fy', 2020, 'R2'],
        ['fy', 2021, 'R3'],
      ],
    ],
    ['① 目標 令和5年6月30日時点 65歳以上：77人', [['date', 2023, '令和5年6月30日']]],
    ['① 目標 令和4年6月1か月間に入院した患者の退院率', [['month', 2022, '令和4年6月']]],
    ['令和2年6月から1年間での退院率', [['month', 2020, '令和2年6月']]],
    ['精神科病棟（東病棟）が令和3年3月31日をもって休床', [['date', 2020, '令和3年3月31日']]],
    [
      '令和3年10月に東松山市地域生活支援拠点事業実施要綱を制定。令和4年2月末までに',
      [
        ['month', 2021, '令和3年10月'],
        ['date', 2021, '令和4年2月末'],
      ],
    ],
    [
      '福祉施設からの一般就労者は令和元年度13人、令和2年度11人、令和3年12人であった',
      [
        ['fy', 2019, '令和元年度'],
        ['fy', 2020, '令和2年度'],
        ['year', 2021, '令和3年'],
      ],
    ],
    ['令和2年3月31日時点の入所者数 (A)', [['date', 2019, '令和2年3月31日']]],
    [
      '※令和元年、令和2年実績の移行率',
      [
        ['year', 2019, '令和元年'],
        ['year', 2020, '令和2年'],
      ],
    ],
    ['令和2年度末までに新たに施設入所支援が必要となる', [['fy_end', 2020, '令和2年度末']]],
    ['令和元年度（1年間）において福祉施設を退所し', [['fy', 2019, '令和元年度']]],
    ['H29 年度末\t2,621\t693', [['fy_end', 2017, 'H29 年度末']]],
    [
      '\tH18\tH19\tH20\tR1\tR8',
      [
        ['fy', 2006, 'H18'],
        ['fy', 2007, 'H19'],
        ['fy', 2008, 'H20'],
        ['fy', 2019, 'R1'],
        ['fy', 2026, 'R8'],
      ],
    ],
    [
      'R3年度 （見込）\tR4年度 （見込）\tR1実績',
      [
        ['fy', 2021, 'R3年度'],
        ['fy', 2022, 'R4年度'],
        ['fy', 2019, 'R1'],
      ],
    ],
    // inzai-6ki-outcome-review
    ['2019年（令和元）年度末時点の施設入所者のうち', [['fy_end', 2019, '2019年（令和元）年度末']]],
    ['その上で2023（令和5）年度末における地域生活に移行する者', [['fy_end', 2023, '2023（令和5）年度末']]],
    ['【2019年度末時点 施設入所者数】 36人', [['fy_end', 2019, '2019年度末']]],
    ['2023（令和5）年度中に一般就労に移行する者', [['fy', 2023, '2023（令和5）年度']]],
    ['2019（令和元）年度の実績を基に', [['fy', 2019, '2019（令和元）年度']]],
    [
      '（令和2年度）1回目：令和2年8月28日実施（参加者7名）。2回目：令和2年12月4日実施',
      [
        ['fy', 2020, '令和2年度'],
        ['date', 2020, '令和2年8月28日'],
        ['date', 2020, '令和2年12月4日'],
      ],
    ],
    [
      '(令和4年度) 2回実施 (令和4年5月9日(月))',
      [
        ['fy', 2022, '令和4年度'],
        ['date', 2022, '令和4年5月9日'],
      ],
    ],
    ['(令和5年1月20日(金))、参加者：9名', [['date', 2022, '令和5年1月20日']]],
    [
      '利用者数（実人）\t2021年度\t2022年度\t2023年度',
      [
        ['fy', 2021, '2021年度'],
        ['fy', 2022, '2022年度'],
        ['fy', 2023, '2023年度'],
      ],
    ],
    // iga-7ki-outcome-targets
    ['・地域移行者数:R4年度末施設入所者の6%以上', [['fy_end', 2022, 'R4年度末']]],
    ['R3年度の1. 28倍以上', [['fy', 2021, 'R3年度']]],
    ['・令和3年度(6人)の1.5倍', [['fy', 2021, '令和3年度']]],
    ['・令和元年度(8人)の1.37倍', [['fy', 2019, '令和元年度']]],
    [
      '2020(令和4)年4月から地域生活支援拠点機能を面的に整備し、運用を開始しており、2022(令和4)年度末時点で',
      [
        ['month', 2020, '2020(令和4)年4月'],
        ['fy_end', 2022, '2022(令和4)年度末'],
      ],
    ],
    ['児童発達支援センターを 2020(令和2)年\t度に整備し', [['fy', 2020, '2020(令和2)年\t度']]],
    [
      '国の成果目標概要\t第7期伊賀市障がい福祉計画\t第6期伊賀市障がい福祉計画取組状況',
      [
        ['plan_term', null, '第7期'],
        ['plan_term', null, '第6期'],
      ],
    ],
    // shiroi-chiiki-houkatsu-progress
    ['2018-2020年度の取組みを目標としている項目', [['range', null, '2018-2020年度']]],
    [
      '2019年度の進捗(2020年1月時点)',
      [
        ['fy', 2019, '2019年度'],
        ['month', 2019, '2020年1月'],
      ],
    ],
    [
      '2019 年度の進捗 （2020 年 1 月時点）',
      [
        ['fy', 2019, '2019 年度'],
        ['month', 2019, '2020 年 1 月'],
      ],
    ],
    ['2020 年度の計画案', [['fy', 2020, '2020 年度']]],
    ['●2025年問題や地域包括ケアシステムをテーマとした', [['year', 2025, '2025年']]],
    ['○2018年度は、地域包括支援センターごとの', [['fy', 2018, '2018年度']]],
    // akishima-6ki-goal-sheets
    ['## 第 6 期障害福祉計画における成果目標の評価等について', [['plan_term', null, '第 6 期']]],
    ['## (1) 令和元年度末の施設入所者のうち、地域生活への移行者数', [['fy_end', 2019, '令和元年度末']]],
    [
      '\t\t\tR 3\tR 4\tR 5\t',
      [
        ['fy', 2021, 'R 3'],
        ['fy', 2022, 'R 4'],
        ['fy', 2023, 'R 5'],
      ],
    ],
    [
      '平成27年度から令和元年度までの5年間において2人であることを考慮し',
      [['range', null, '平成27年度から令和元年度まで']],
    ],
    ['【令和5年度末までの目標】', [['fy_end', 2023, '令和5年度末']]],
    ['令和2年度以降、障害者支援施設への訪問が実施できておらず', [['fy', 2020, '令和2年度']]],
    // not periods
    ['65歳以上：94人 65歳未満：42人 計：136名', []],
    ['障害者基本法第11条第3項の規定に基づき', []],
    ['6月\t7月\t8月\t9月', []],
    ['15,289円', []],
    ['2,000部作成し', []],
    ['・退院後 1 年以内の地域での生活日数', []],
    ['③-1 福祉施設から一般就労への移行等', []],
  ];
  it.each(rows)('%j', (text, want) => {
    const found = findPeriods(text);
    expect(found.map((p) => [p.kind, p.fiscalYear, p.text])).toEqual(want);
    for (const p of found) expect(text.slice(p.offset, p.offset + p.length)).toBe(p.text);
  });

  it('reports offsets in the text as given', () => {
    const found = findPeriods('福祉施設からの一般就労者は令和元年度13人');
    expect(found[0]).toMatchObject({ offset: 13, length: 5 });
    const spaced = findPeriods('項目\tR 3\tR 4');
    expect(spaced.map((p) => [p.offset, p.length])).toEqual([
      [3, 3],
      [7, 3],
    ]);
  });

  it('takes the plan type for a bare 第N期 from options', () => {
    expect(findPeriods('第 6 期 R 3', { planType: 'shogai' }).map((p) => p.kind)).toEqual(['plan_term', 'fy']);
    expect(findPeriods('第 6 期 R 3').map((p) => p.kind)).toEqual(['fy']);
  });
});

describe('years written without their era, read in the era nearest the document’s year', () => {
  const reiwa4 = { era: { year: 2022, text: '令和4年11月2日' } };
  const heisei30 = { era: { year: 2018, text: '平成30年12月7日' } };

  it('reads 3年度, 29年度, 元年度 and 2年3月31日 in the era that puts them nearest', () => {
    const read = (t: string, o = reiwa4) => {
      const p = parsePeriod(t, o);
      return p && [p.kind, p.fiscalYear, p.start];
    };
    expect(read('3年度')).toEqual(['fy', 2021, '2021-04-01']);
    expect(read('５年度末')).toEqual(['fy_end', 2023, '2024-03-31']);
    expect(read('元年度')).toEqual(['fy', 2019, '2019-04-01']);
    expect(read('29年度')).toEqual(['fy', 2017, '2017-04-01']);
    expect(read('2年3月31日時点')).toEqual(['date', 2019, '2020-03-31']);
    // a document of 平成30年: 32年度 is 平成32年度 (2020), written before the era changed
    expect(read('28年度', heisei30)).toEqual(['fy', 2016, '2016-04-01']);
    expect(read('32年度', heisei30)).toEqual(['fy', 2020, '2020-04-01']);
  });

  it('reads 元年度 right after a word, a label joined to the line under it (…の割合元年度末), but not 紀元 or 改元', () => {
    expect(findPeriods('定着支援事業所の割合元年度末：78%', reiwa4).map((p) => [p.text, p.kind, p.fiscalYear])).toEqual(
      [['元年度末', 'fy_end', 2019]],
    );
    expect(findPeriods('紀元年度', reiwa4)).toEqual([]);
    expect(findPeriods('改元年度の特例', reiwa4)).toEqual([]);
    // (a digit right after a word is no year: 第2年度, 計画2年度目)
    expect(findPeriods('計画2年度目', reiwa4)).toEqual([]);
  });

  it('reads a run that crosses the change of era (29 30 元 2) year after year', () => {
    const years = findPeriods('29年度 30年度 元年度 2年度 3年度', reiwa4).map((p) => p.fiscalYear);
    expect(years).toEqual([2017, 2018, 2019, 2020, 2021]);
  });

  it('says so in a warning', () => {
    expect(parsePeriod('3年度', reiwa4)?.warnings[0]).toMatch(
      /^bare_year: 3年度 names no era; read as 令和3年 \(2021\)/,
    );
  });

  it('reads nothing without the document’s year, nor what is no era year', () => {
    expect(parsePeriod('3年度')).toBeNull();
    expect(findPeriods('第3年度', reiwa4)).toEqual([]);
    expect(findPeriods('過去3年度の平均', reiwa4)).toEqual([]);
    expect(findPeriods('5年間', reiwa4)).toEqual([]);
    expect(findPeriods('3年', reiwa4)).toEqual([]);
    // no era puts 75 within 30 years of 2022
    expect(findPeriods('75年度', reiwa4)).toEqual([]);
    // an era-marked year is read as written
    expect(parsePeriod('平成3年度', reiwa4)).toMatchObject({ fiscalYear: 1991, warnings: [] });
    expect(parsePeriod('2021年度', reiwa4)).toMatchObject({ fiscalYear: 2021, warnings: [] });
  });
});

describe('a western year glossing an era year after it', () => {
  it('is one period with the era year: 令和12年度（2030）, 令和元年度（2019年度）', () => {
    expect(parsePeriod('令和12年度（2030）')).toMatchObject({ kind: 'fy', fiscalYear: 2030, warnings: [] });
    expect(parsePeriod('令和元年度（2019年度）')).toMatchObject({ kind: 'fy', fiscalYear: 2019, warnings: [] });
  });

  it('keeps both readings when they disagree', () => {
    const r = parsePeriod('令和12年度(2031)') as PeriodReading;
    expect(r).toMatchObject({ fiscalYear: 2030 });
    expect(r.alternatives?.[0]).toMatchObject({ fiscalYear: 2031 });
    expect(r.warnings[0]).toMatch(/^era_mismatch/);
  });
});

describe('a year written twice, in both calendars side by side', () => {
  it('is one period: 2019年度（令和元年度）, 平成31年度（令和元年度）, H31/R1, 2019年度 令和元年度', () => {
    for (const t of [
      '2019年度（令和元年度）',
      '平成31年度（令和元年度）',
      'H31/R1',
      '2019年度 令和元年度',
      '2019年度(R1)',
    ])
      expect(parsePeriod(t), t).toMatchObject({ kind: 'fy', fiscalYear: 2019, warnings: [] });
  });

  it('takes bare western digits that are the same year: 2019/R1, R1 2019, R1(2019), R1（2019）年度, 2019（R元）', () => {
    for (const t of ['2019/R1', 'R1 2019', 'R1(2019)', 'R1（2019）年度', '2019（R元）'])
      expect(parsePeriod(t), t).toMatchObject({ kind: 'fy', fiscalYear: 2019 });
  });

  it('keeps apart two years of one calendar (R1 R2, 令和元年度 令和元年度) and a count beside a year (R1 1995)', () => {
    expect(findPeriods('R1 R2').map((p) => p.fiscalYear)).toEqual([2019, 2020]);
    expect(findPeriods('令和元年度 令和元年度')).toHaveLength(2);
    expect(findPeriods('R1 1995').map((p) => p.text)).toEqual(['R1']);
  });

  it('reads the month or the 末 after the gloss: 2025年（令和7年）3月末, 2024年度（令和6年度）末', () => {
    expect(parsePeriod('2025年（令和7年）3月末')).toMatchObject({
      kind: 'date',
      start: '2025-03-31',
      fiscalYear: 2024,
    });
    expect(parsePeriod('2023年(令和5年)4月1日')).toMatchObject({ kind: 'date', start: '2023-04-01', fiscalYear: 2023 });
    expect(parsePeriod('2024年度（令和6年度）末')).toMatchObject({ kind: 'fy_end', fiscalYear: 2024 });
  });

  it('keeps both readings of a bracketed gloss that disagrees, and joins no year with a date', () => {
    const r = parsePeriod('2019年度（令和2年度）') as PeriodReading;
    expect(r).toMatchObject({ fiscalYear: 2019 });
    expect(r.alternatives?.[0]).toMatchObject({ fiscalYear: 2020 });
    expect(findPeriods('令和5年度（令和6年3月末）')).toHaveLength(2);
  });
});

describe('a plan term’s years written short', () => {
  it('reads 2024-26年度, R6-8, R6～8 and （2024～2026） as FY2024–2026', () => {
    for (const t of ['2024-26年度', 'R6-8', 'R6～8', '（2024～2026）'])
      expect(parsePeriod(t), t).toMatchObject({ kind: 'range', start: '2024-04-01', end: '2027-03-31' });
  });

  it('reads no range backwards or too long, nor a bare 2024-2026 outside brackets', () => {
    expect(findPeriods('R3-1').map((p) => p.kind)).toEqual(['fy']);
    expect(findPeriods('（1995～2010）')).toEqual([]);
    expect(findPeriods('2024-2026')).toEqual([]);
  });
});

describe('念和, an OCR misreading of 令和', () => {
  it('is 令和 where a year follows, with a warning', () => {
    expect(parsePeriod('念和6年度')).toMatchObject({ kind: 'fy', fiscalYear: 2024 });
    expect(parsePeriod('念和6年度')?.warnings).toEqual(['ocr_era: 念和 read as 令和']);
    expect(parsePeriod('念和7年3月末時点')).toMatchObject({ kind: 'date', fiscalYear: 2024, start: '2025-03-31' });
  });

  it('is nothing without a year', () => {
    expect(findPeriods('念和の時代')).toEqual([]);
  });

  it('and so are the other look-alikes of 令 (信和, 今和, 合和), never without a year', () => {
    expect(parsePeriod('信和5年度')).toMatchObject({ kind: 'fy', fiscalYear: 2023 });
    expect(parsePeriod('今和4年度末')).toMatchObject({ fiscalYear: 2022 });
    expect(parsePeriod('合和3年度')?.warnings).toEqual(['ocr_era: 合和 read as 令和']);
    expect(findPeriods('信和建設株式会社')).toEqual([]);
  });
});
