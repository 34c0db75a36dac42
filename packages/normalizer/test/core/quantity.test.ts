import type { Qualifier } from '@shiryo/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../src/period/index.js';
import { findQuantities, isMissingMarker, parseQuantity, scanQuantities } from '../../src/quantity/index.js';

/** [value, unit, qualifier] plus optional subset / ratio. */
type Q = [
  value: number,
  unit: string | null,
  qualifier: Qualifier | null,
  extra?: { subset?: number; ratio?: [number, string] },
];

const shape = (qs: ReturnType<typeof findQuantities>) =>
  qs.map((q) => {
    const row: unknown[] = [q.value, q.unit, q.qualifier];
    const extra: { subset?: number; ratio?: [number, string] } = {};
    if (q.subset !== undefined) extra.subset = q.subset;
    if (q.ratio) extra.ratio = [q.ratio.value, q.ratio.unit];
    if (Object.keys(extra).length) row.push(extra);
    return row;
  });

describe('parseQuantity: one number', () => {
  const rows: Array<[string, Q[]]> = [
    // digits
    ['0', [[0, null, null]]],
    ['12', [[12, null, null]]],
    ['1,258', [[1258, null, null]]],
    ['１，２５８', [[1258, null, null]]],
    ['90,033', [[90033, null, null]]],
    ['1.31', [[1.31, null, null]]],
    ['2.91', [[2.91, null, null]]],
    ['0.77', [[0.77, null, null]]],
    ['15.41', [[15.41, null, null]]],
    ['2018', [[2018, null, null]]],
    // kanji
    ['十二', [[12, null, null]]],
    ['二十五', [[25, null, null]]],
    ['百六十', [[160, null, null]]],
    ['十二人', [[12, 'person', null]]],
    ['三回', [[3, 'time', null]]],
    // 割 and 分
    ['2割5分', [[25, 'percent', null]]],
    ['7割', [[70, 'percent', null]]],
    ['10割', [[100, 'percent', null]]],
    ['5割以上', [[50, 'percent', 'gte']]],
    ['2割5分以上', [[25, 'percent', 'gte']]],
    ['2 割 5 分以上', [[25, 'percent', 'gte']]],
    ['8割以上', [[80, 'percent', 'gte']]],
    ['二割五分', [[25, 'percent', null]]],
    // percent, ratio
    ['70%', [[70, 'percent', null]]],
    ['７０％', [[70, 'percent', null]]],
    ['0.0%', [[0, 'percent', null]]],
    ['100.0%', [[100, 'percent', null]]],
    ['38%', [[38, 'percent', null]]],
    ['1.6倍', [[1.6, 'ratio', null]]],
    // buildings; 事業所 counts only right after a number
    ['グループホーム3棟', [[3, 'building', null]]],
    [
      '参加者：12名(6事業所)',
      [
        [12, 'person', null],
        [6, 'facility', null],
      ],
    ],
    ['1事業所あたり', []],
    ['1.5倍', [[1.5, 'ratio', null]]],
    ['1.28倍以上', [[1.28, 'ratio', 'gte']]],
    // signs
    ['▲2', [[-2, null, null]]],
    ['△2', [[-2, null, null]]],
    ['▲ 4人', [[-4, 'person', null]]],
    ['▲ 1人', [[-1, 'person', null]]],
    ['▲ 20%', [[-20, 'percent', null]]],
    ['-4人', [[-4, 'person', null]]],
    ['−4人', [[-4, 'person', null]]],
    ['－4人', [[-4, 'person', null]]],
    ['+5人', [[5, 'person', null]]],
    ['+2人', [[2, 'person', null]]],
    ['▲0', [[0, null, null]]],
    ['△〇', [[0, null, null]]],
    // units
    ['4人', [[4, 'person', null]]],
    ['3名', [[3, 'person', null]]],
    ['125名', [[125, 'person', null]]],
    ['12回', [[12, 'time', null]]],
    ['3件', [[3, 'case', null]]],
    ['1か所', [[1, 'facility', null]]],
    ['1カ所', [[1, 'facility', null]]],
    ['2ヶ所', [[2, 'facility', null]]],
    ['2ケ所', [[2, 'facility', null]]],
    ['4箇所', [[4, 'facility', null]]],
    ['6床', [[6, 'place', null]]],
    ['16,000円', [[16000, 'yen', null]]],
    ['15,289円', [[15289, 'yen', null]]],
    ['5千円', [[5000, 'yen', null]]],
    ['1,200千円', [[1200000, 'yen', null]]],
    ['2,000部', [[2000, 'copy', null]]],
    ['3世帯', [[3, 'household', null]]],
    ['24時間', [[24, 'hour', null]]],
    ['365日', [[365, 'day', null]]],
    ['20人/月', [[20, 'person/month', null]]],
    ['12回/年', [[12, 'time/year', null]]],
    ['30人日', [[30, 'person_day', null]]],
    // qualifiers
    ['6人以上', [[6, 'person', 'gte']]],
    ['5人以下', [[5, 'person', 'lte']]],
    ['3人未満', [[3, 'person', 'lt']]],
    ['5人超', [[5, 'person', 'gt']]],
    ['5人を超える', [[5, 'person', 'gt']]],
    ['72人を超えない', [[72, 'person', 'lte']]],
    ['72人を 超えない', [[72, 'person', 'lte']]],
    // bounds said as comparisons (blind fixture shogai-7ki-town-outcome-prose)
    ['38人を下回ることとします', [[38, 'person', 'lt']]],
    ['38人を下回る水準', [[38, 'person', 'lt']]],
    ['6人を下回らないこと', [[6, 'person', 'gte']]],
    ['6人を下回ることのないよう', [[6, 'person', 'gte']]],
    ['90%を上回ること', [[90, 'percent', 'gt']]],
    ['20件を上回らない', [[20, 'case', 'lte']]],
    // a result below a plan is no bound
    ['120人を下回りました', [[120, 'person', null]]],
    ['120人を下回った', [[120, 'person', null]]],
    ['2床程度', [[2, 'place', 'approx']]],
    ['約5人', [[5, 'person', 'approx']]],
    ['概ね10回', [[10, 'time', 'approx']]],
    ['1か所以上', [[1, 'facility', 'gte']]],
    ['1か所以上の設置', [[1, 'facility', 'gte']]],
    ['2か所以上整備', [[2, 'facility', 'gte']]],
    ['1人以上配置', [[1, 'person', 'gte']]],
    // rates written with 年/月
    ['年6回以上', [[6, 'time/year', 'gte']]],
    // a PDF's text split after 年
    ['年 24回', [[24, 'time/year', null]]],
    // OCR's spaced digits glued to the unit, and a thousands comma after a blank
    ['1 1 2か所', [[112, 'facility', null]]],
    ['1 ,234', [[1234, null, null]]],
    // OCR: letters for digits, 入 for 人, commas and blanks for points and separators
    ['1O人', [[10, 'person', null]]],
    ['2.O5倍', [[2.05, 'ratio', null]]],
    ['3.5O倍', [[3.5, 'ratio', null]]],
    ['l2か所', [[12, 'facility', null]]],
    ['5入', [[5, 'person', null]]],
    ['入所者5人', [[5, 'person', null]]],
    ['2 , 3 4 5件', [[2345, 'case', null]]],
    ['2, 3%', [[2.3, 'percent', null]]],
    ['1 .8%', [[1.8, 'percent', null]]],
    ['0 9%', [[0.9, 'percent', null]]],
    ['1, 38倍', [[1.38, 'ratio', null]]],
    ['•年6回以上協議', [[6, 'time/year', 'gte']]],
    ['年160件', [[160, 'case/year', null]]],
    ['年10人', [[10, 'person/year', null]]],
    ['年1回', [[1, 'time/year', null]]],
    ['年10回', [[10, 'time/year', null]]],
    ['年12回', [[12, 'time/year', null]]],
    ['年2回以上', [[2, 'time/year', 'gte']]],
    ['年1回以上', [[1, 'time/year', 'gte']]],
    ['(年4回)', [[4, 'time/year', null]]],
    ['月1回', [[1, 'time/month', null]]],
    ['(月2回)', [[2, 'time/month', null]]],
    ['毎月1回', [[1, 'time/month', null]]],
    ['年間120件', [[120, 'case/year', null]]],
    // OCR / PDF confusions
    ['1 1 人', [[11, 'person', null]]],
    ['1. 28倍', [[1.28, 'ratio', null]]],
    ['1、28 倍', [[1.28, 'ratio', null]]],
    ['1. 31 倍', [[1.31, 'ratio', null]]],
    ['1 か所', [[1, 'facility', null]]],
    ['293 か所', [[293, 'facility', null]]],
  ];
  it.each(rows)('%j', (text, want) => {
    const v = parseQuantity(text);
    expect(v.missing).toBe(false);
    expect(v.text).toBe(text);
    expect(shape(v.quantities)).toEqual(want);
  });
});

describe('parseQuantity: values beside values', () => {
  const rows: Array<[string, Q[]]> = [
    ['191 <116>', [[191, null, null, { subset: 116 }]]],
    ['196 <120>', [[196, null, null, { subset: 120 }]]],
    ['1,275 <24>', [[1275, null, null, { subset: 24 }]]],
    ['3,820 <2,398>', [[3820, null, null, { subset: 2398 }]]],
    ['4,661 <1,538>', [[4661, null, null, { subset: 1538 }]]],
    ['37 <4>', [[37, null, null, { subset: 4 }]]],
    ['17 <1>', [[17, null, null, { subset: 1 }]]],
    ['191 ＜116＞', [[191, null, null, { subset: 116 }]]],
    [
      '17人 (1.31倍) 12人 (1.34倍) 5人 (1.67倍)',
      [
        [17, 'person', null, { ratio: [1.31, 'ratio'] }],
        [12, 'person', null, { ratio: [1.34, 'ratio'] }],
        [5, 'person', null, { ratio: [1.67, 'ratio'] }],
      ],
    ],
    [
      '12人 (0.92倍) 9人 (0.69倍) 3人 (0.23倍)',
      [
        [12, 'person', null, { ratio: [0.92, 'ratio'] }],
        [9, 'person', null, { ratio: [0.69, 'ratio'] }],
        [3, 'person', null, { ratio: [0.23, 'ratio'] }],
      ],
    ],
    ['5人 (6.17%)', [[5, 'person', null, { ratio: [6.17, 'percent'] }]]],
    ['1人 (1.33%)', [[1, 'person', null, { ratio: [1.33, 'percent'] }]]],
    ['1人 (1.28%)', [[1, 'person', null, { ratio: [1.28, 'percent'] }]]],
    ['2人 (2.46%)', [[2, 'person', null, { ratio: [2.46, 'percent'] }]]],
    ['+5人 (+6.1%)', [[5, 'person', null, { ratio: [6.1, 'percent'] }]]],
    ['+2人 (+2.5%)', [[2, 'person', null, { ratio: [2.5, 'percent'] }]]],
    ['-4人 (-5.3%)', [[-4, 'person', null, { ratio: [-5.3, 'percent'] }]]],
    ['12人 (7割)', [[12, 'person', null, { ratio: [70, 'percent'] }]]],
    ['7人 (6割)', [[7, 'person', null, { ratio: [60, 'percent'] }]]],
    ['4人 (5.6%)', [[4, 'person', null, { ratio: [5.6, 'percent'] }]]],
    ['8人 (1.6倍)', [[8, 'person', null, { ratio: [1.6, 'ratio'] }]]],
    ['7人 (1.4倍)', [[7, 'person', null, { ratio: [1.4, 'ratio'] }]]],
    ['8人 （1.6倍）', [[8, 'person', null, { ratio: [1.6, 'ratio'] }]]],
    ['1人 (一倍)', [[1, 'person', null]]],
    ['(一倍)', []],
    [
      '・69% ・86% ・92%',
      [
        [69, 'percent', null],
        [86, 'percent', null],
        [92, 'percent', null],
      ],
    ],
    [
      '・23% ・31% ・62% 令和2年6月から1年間での退院率',
      [
        [23, 'percent', null],
        [31, 'percent', null],
        [62, 'percent', null],
      ],
    ],
    [
      '77人 48人',
      [
        [77, 'person', null],
        [48, 'person', null],
      ],
    ],
    [
      '17人（移行13人・A型2人・B型2人）',
      [
        [17, 'person', null],
        [13, 'person', null],
        [2, 'person', null],
        [2, 'person', null],
      ],
    ],
    ['有5人', [[5, 'person', null]]],
    ['有 1回', [[1, 'time', null]]],
    ['(72人)', [[72, 'person', null]]],
    // ranges: two quantities, lower bound gte and upper bound lte
    [
      '10～12人',
      [
        [10, 'person', 'gte'],
        [12, 'person', 'lte'],
      ],
    ],
    [
      '10〜12人',
      [
        [10, 'person', 'gte'],
        [12, 'person', 'lte'],
      ],
    ],
    [
      '10人～12人',
      [
        [10, 'person', 'gte'],
        [12, 'person', 'lte'],
      ],
    ],
    [
      '10-12人',
      [
        [10, 'person', 'gte'],
        [12, 'person', 'lte'],
      ],
    ],
    [
      '2～3割',
      [
        [20, 'percent', 'gte'],
        [30, 'percent', 'lte'],
      ],
    ],
    [
      '100～120',
      [
        [100, null, 'gte'],
        [120, null, 'lte'],
      ],
    ],
  ];
  it.each(rows)('%j', (text, want) => {
    const v = parseQuantity(text);
    expect(v.missing).toBe(false);
    expect(shape(v.quantities)).toEqual(want);
  });

  it('reads a reversed pair as two numbers, not a range', () => {
    expect(shape(parseQuantity('12～10人').quantities)).toEqual([
      [12, null, null],
      [10, 'person', null],
    ]);
  });

  it('gives a range both bounds with the range text', () => {
    const v = parseQuantity('10～12人');
    expect(v.quantities.map((q) => q.text)).toEqual(['10～12人', '10～12人']);
  });

  it('keeps the text as written, subset and ratio included', () => {
    expect(parseQuantity('1 1 人').quantities[0]?.text).toBe('1 1 人');
    expect(parseQuantity('72人を 超えない').quantities[0]?.text).toBe('72人を 超えない');
    expect(parseQuantity('191 <116>').quantities[0]?.text).toBe('191 <116>');
    expect(parseQuantity(' 5人 (6.17%) ').quantities[0]).toMatchObject({ text: '5人 (6.17%)', offset: 1, length: 10 });
    expect(parseQuantity('年6回以上').quantities[0]?.unitText).toBe('回/年');
    expect(parseQuantity('2割5分').quantities[0]?.unitText).toBe('割');
    expect(parseQuantity('5千円').quantities[0]?.unitText).toBe('千円');
  });
});

describe('parseQuantity: missing markers are not zero', () => {
  const markers = [
    '－',
    '―',
    '—',
    '-',
    '/',
    '／',
    '＊',
    '*',
    '',
    '  ',
    '数値目標なし',
    '検討',
    '設置',
    '一',
    '—  ',
    '- -',
    'ー',
    '数值目標なし',
  ];
  it.each(markers)('%j', (text) => {
    const v = parseQuantity(text);
    expect(v).toMatchObject({ missing: true, quantities: [] });
    expect(isMissingMarker(text)).toBe(true);
  });

  const notMissing: Array<[string, number]> = [
    ['0', 1],
    ['0人', 1],
    ['実施体制の構築', 0],
    ['有', 0],
    ['設置に向けた検討', 0],
    ['優先度の高い機能から段階的に整備を進める。', 0],
  ];
  it.each(notMissing)('%j is not a marker', (text, n) => {
    const v = parseQuantity(text);
    expect(v.missing).toBe(false);
    expect(v.quantities).toHaveLength(n);
  });
});

describe('parseQuantity: not quantities', () => {
  const none = [
    'R3年度 （見込）',
    'R3',
    'R 3',
    '2021年度',
    'H29 年度末',
    '令和5年6月30日時点',
    '第6期',
    '第 6 期',
    '1-①',
    '③-1',
    '①',
    '(1)',
    '1)',
    '65歳以上',
    '65 歳以上',
    '18歳未満',
    '0～14歳',
    '0～14 歳',
    '70歳以上',
    '1級',
    '3号認定',
    'P48',
    '(障害福祉計画 P26)',
    '5つの機能',
    '1回目',
    '2人目',
    '一般就労',
    '十分',
    '2か月に',
    '(2日間)',
    '(630調査)',
    '(2ケース)',
    '会議室1',
    '目標1',
    '1 開会',
    '## 1 施設入所者の地域生活への移行',
    '成果目標\t1 施設入所者の地域生活への移行',
    '### 1 障害児支援の提供体制の整備等',
    '四日市市障害者自立支援協議会',
    '十日町市',
    '六ヶ所村',
  ];
  it.each(none)('%j', (text) => {
    expect(parseQuantity(text).quantities).toEqual([]);
  });
});

describe('parseQuantity: large numbers read whole (万/億/千 after digits, kanji numerals)', () => {
  // Each value worked out by hand: 18億 = 1,800,000,000 and 5,000万 = 50,000,000.
  const rows: Array<[string, Q[]]> = [
    ['18億5,000万円', [[1_850_000_000, 'yen', null]]],
    ['1億2千万円', [[120_000_000, 'yen', null]]],
    ['1億2千3百万円', [[123_000_000, 'yen', null]]],
    ['3万5千人', [[35_000, 'person', null]]],
    ['約1.2万人', [[12_000, 'person', 'approx']]],
    ['１２万３４５６人', [[123_456, 'person', null]]],
    ['12万3456人', [[123_456, 'person', null]]],
    ['二十三人', [[23, 'person', null]]],
    ['百二十件', [[120, 'case', null]]],
    ['千二百万円', [[12_000_000, 'yen', null]]],
    ['一千二百三十四万五千人', [[12_345_000, 'person', null]]],
    ['5千万円', [[50_000_000, 'yen', null]]],
    ['2千500万円', [[25_000_000, 'yen', null]]],
    ['3百万円', [[3_000_000, 'yen', null]]],
    ['1,234万円', [[12_340_000, 'yen', null]]],
    ['12,345万円', [[123_450_000, 'yen', null]]],
    ['▲1億円', [[-100_000_000, 'yen', null]]],
    ['△3万5千円', [[-35_000, 'yen', null]]],
    ['0.5億円', [[50_000_000, 'yen', null]]],
    ['12.3万人', [[123_000, 'person', null]]],
    ['10万人', [[100_000, 'person', null]]],
    ['1兆円を超える', [[1_000_000_000_000, 'yen', 'gt']]],
    // qualifiers
    ['1万人以上', [[10_000, 'person', 'gte']]],
    ['5千万円以下', [[50_000_000, 'yen', 'lte']]],
    ['12万3456人以上', [[123_456, 'person', 'gte']]],
    // a PDF's blank between digits and places (one plain space in the source)
    ['5 万円', [[50_000, 'yen', null]]],
    ['100 万円', [[1_000_000, 'yen', null]]],
    ['1 億 2,000 万円', [[120_000_000, 'yen', null]]],
    ['5 万以上', [[50_000, null, 'gte']]],
    ['3 万', [[30_000, null, null]]],
    // ranges: the upper bound lends its place to a lower bound written without one when that makes a rising range
    [
      '1万～2万人',
      [
        [10_000, 'person', 'gte'],
        [20_000, 'person', 'lte'],
      ],
    ],
    [
      '1～2万人',
      [
        [10_000, 'person', 'gte'],
        [20_000, 'person', 'lte'],
      ],
    ],
    [
      '100～200万円',
      [
        [1_000_000, 'yen', 'gte'],
        [2_000_000, 'yen', 'lte'],
      ],
    ],
    [
      '5000～1万人',
      [
        [5_000, 'person', 'gte'],
        [10_000, 'person', 'lte'],
      ],
    ],
    [
      '9000～1万円',
      [
        [9_000, 'yen', 'gte'],
        [10_000, 'yen', 'lte'],
      ],
    ],
    // (as before: 千円 lends its 千)
    [
      '1～2千円',
      [
        [1_000, 'yen', 'gte'],
        [2_000, 'yen', 'lte'],
      ],
    ],
  ];
  it.each(rows)('%j', (text, want) => {
    const v = parseQuantity(text);
    expect(v.refused).toBeUndefined();
    expect(shape(v.quantities)).toEqual(want);
    // the written text is kept whole, never a fragment of it
    for (const q of v.quantities) expect(q.text).toBe(text);
  });

  it('keeps the unit written after the digits', () => {
    expect(parseQuantity('1,234万円').quantities[0]?.unitText).toBe('万円');
    expect(parseQuantity('0.5億円').quantities[0]?.unitText).toBe('億円');
    expect(parseQuantity('3百万円').quantities[0]?.unitText).toBe('百万円');
    expect(parseQuantity('18億5,000万円').quantities[0]?.unitText).toBe('円');
  });

  const separate: Array<[string, Q[]]> = [
    // two values, not one
    [
      '3人、5万円',
      [
        [3, 'person', null],
        [50_000, 'yen', null],
      ],
    ],
    [
      '3人 5万円',
      [
        [3, 'person', null],
        [50_000, 'yen', null],
      ],
    ],
    // a year is a period, and a number never reaches into one
    ['令和5年 3万5千人', [[35_000, 'person', null]]],
    ['令和5年3月31日現在1万2千人', [[12_000, 'person', null]]],
    ['R5.3.31時点で3万5千人', [[35_000, 'person', null]]],
    ['第2期 1万人', [[10_000, 'person', null]]],
    ['65歳以上 3万5千人', [[35_000, 'person', null]]],
    // a layout gap or a word after a count does not join it to a place
    ['551 千早赤阪村', [[551, null, null]]],
    ['5       千人塚古墳', []],
    // a unit written in kanji is not one million yen
    ['（単位：百万円）', []],
    ['（百万円）', []],
    ['百万円', []],
    ['（千円）', []],
    // labels as before
    ['令和5年', []],
    ['第2期', []],
    ['1級', []],
    ['65歳以上', []],
    ['万一', []],
    ['十分', []],
  ];
  it.each(separate)('%j', (text, want) => {
    const v = parseQuantity(text);
    expect(v.refused).toBeUndefined();
    expect(shape(v.quantities)).toEqual(want);
  });
});

describe('parseQuantity: a number that cannot be read whole is refused, not half-read', () => {
  // [cell, refused text, words of the reason]
  const rows: Array<[string, string, RegExp]> = [
    ['18億5,000', '18億5,000', /after 億 with no 万/],
    ['18億5,000人', '18億5,000人', /after 億 with no 万/],
    ['一億二千', '一億二千', /after 億 with no 万/],
    ['1億2千三', '1億2千三', /arabic and kanji/],
    ['1億二千万円', '1億二千万円', /arabic and kanji/],
    ['1,200千万円', '1,200千万円', /one digit 1–9, not 1,200/],
    ['12千人', '12千人', /one digit 1–9, not 12/],
    ['1億12345万円', '1億12345万円', /more than four digits/],
    ['1億20000', '1億20000', /more than four digits/],
    ['2千5000円', '2千5000円', /exceeds/],
    ['1.5億2千万円', '1.5億2千万円', /decimal/],
    ['1万2万人', '1万2万人', /万 after 万/],
    ['1～2万5千人', '1～2万5千人', /ambiguous range/],
    // digits glued to more digits, not read in parts (was 3 persons; 1,234 and 5 persons)
    ['12三人', '12三人', /arabic and kanji/],
    ['1,2345人', '1,2345人', /digits run on/],
    ['12,34人', '12,34人', /digits run on after 12,/],
    ['四,220億5000万12人', '四,220億5000万12人', /digits run on after 四,/],
  ];
  it.each(rows)('%j', (text, refused, reason) => {
    const v = parseQuantity(text);
    expect(v.quantities).toEqual([]);
    expect(v.refused).toHaveLength(1);
    expect(v.refused?.[0]).toMatchObject({ text: refused, offset: 0, length: refused.length });
    expect(v.refused?.[0]?.reason).toMatch(reason);
  });

  it('reads no part of digits glued to a 一 (a misread dash), without a warning', () => {
    for (const t of ['10一20人', '12一人']) expect(parseQuantity(t)).toMatchObject({ quantities: [], missing: false });
    expect(parseQuantity('10一20人').refused).toBeUndefined();
  });

  it('reads no part of a section number (`3.2.1`, was 3.2), without a warning', () => {
    const v = parseQuantity('3.2.1 訪問系サービス 5人');
    expect(shape(v.quantities)).toEqual([[5, 'person', null]]);
    expect(v.refused).toBeUndefined();
  });

  it('refuses only the broken number in a cell that holds others', () => {
    const v = parseQuantity('3人 18億5,000 4件');
    expect(shape(v.quantities)).toEqual([
      [3, 'person', null],
      [4, 'case', null],
    ]);
    expect(v.refused?.map((r) => [r.text, r.offset])).toEqual([['18億5,000', 3]]);
  });
});

describe('findQuantities: large numbers inside a sentence', () => {
  it('reads each number whole, with its text and offset', () => {
    const s = '令和6年度の予算は18億5,000万円で、前年度より3千万円増えた。利用者は約1.2万人。';
    const found = findQuantities(s);
    expect(found.map((q) => [q.value, q.unit, q.qualifier, q.text])).toEqual([
      [1_850_000_000, 'yen', null, '18億5,000万円'],
      [30_000_000, 'yen', null, '3千万円'],
      [12_000, 'person', 'approx', '約1.2万人'],
    ]);
    for (const q of found) expect(s.slice(q.offset, q.offset + q.length)).toBe(q.text);
  });

  it('reads a range and a bound in a sentence', () => {
    expect(
      findQuantities('参加者は1万～2万人、予算は1億円以上を見込む').map((q) => [q.value, q.unit, q.qualifier]),
    ).toEqual([
      [10_000, 'person', 'gte'],
      [20_000, 'person', 'lte'],
      [100_000_000, 'yen', 'gte'],
    ]);
  });

  it('refuses a number cut short and keeps no part of it', () => {
    const s = '予算18億5,000（見込）、職員3人';
    const r = scanQuantities(s);
    expect(r.quantities.map((q) => [q.value, q.unit])).toEqual([[3, 'person']]);
    expect(r.refused.map((x) => [x.text, x.offset])).toEqual([['18億5,000', 2]]);
  });
});

describe('findQuantities in seed-document text', () => {
  type F = [value: number, unit: string | null, qualifier: Qualifier | null, text: string];
  const rows: Array<[string, F[]]> = [
    // higashimatsuyama-r3-results
    ['① 目標 令和3年度から令和5年度までの合計 5人', [[5, 'person', null, '5人']]],
    [
      'R1年度末：217人 R2年度末：234人 R3年度末：255人',
      [
        [217, 'person', null, '217人'],
        [234, 'person', null, '234人'],
        [255, 'person', null, '255人'],
      ],
    ],
    [
      'R1：87人 R2：97人 R3：118人',
      [
        [87, 'person', null, '87人'],
        [97, 'person', null, '97人'],
        [118, 'person', null, '118人'],
      ],
    ],
    ['① 精神障害者の地域移行支援利用実人数実績（人／月） R3：2人', [[2, 'person', null, '2人']]],
    [
      '入所施設の利用先は、①市内施設：26人、②比企郡内施設：29人、③県内施設：19人、④県外施設：1人である。',
      [
        [26, 'person', null, '26人'],
        [29, 'person', null, '29人'],
        [19, 'person', null, '19人'],
        [1, 'person', null, '1人'],
      ],
    ],
    [
      '① 目標 令和5年6月30日時点 65歳以上：77人 65歳未満：48人 計：125名',
      [
        [77, 'person', null, '77人'],
        [48, 'person', null, '48人'],
        [125, 'person', null, '125名'],
      ],
    ],
    [
      '入院後3か月時点：69% 入院後6か月時点：86%',
      [
        [69, 'percent', null, '69%'],
        [86, 'percent', null, '86%'],
      ],
    ],
    [
      '「精神障害者の安心した地域生活を支える連絡会」において、精神病床から退院する特定の精神障害者を比企地域8市町村から12ケース選定し',
      [],
    ],
    [
      '令和5年度末までの間に東松山市地域生活支援拠点を確保し、運用状況の検証及び検討を東松山市地域自立支援協議会において年1回以上開催する。',
      [[1, 'time/year', 'gte', '年1回以上']],
    ],
    ['令和4年2月末までに市内2法人から拠点事業者登録申請があり、必要となる5つの機能が整い', []],
    [
      '就労移行支援事業12人 就労継続支援B型事業5人',
      [
        [12, 'person', null, '12人'],
        [5, 'person', null, '5人'],
      ],
    ],
    [
      '福祉施設からの一般就労者は令和元年度13人、令和2年度11人、令和3年12人であった。',
      [
        [13, 'person', null, '13人'],
        [11, 'person', null, '11人'],
        [12, 'person', null, '12人'],
      ],
    ],
    [
      'R1：15,289円 R2：15,466円 R3：16,357円',
      [
        [15289, 'yen', null, '15,289円'],
        [15466, 'yen', null, '15,466円'],
        [16357, 'yen', null, '16,357円'],
      ],
    ],
    [
      '事業所数：3か所 利用人数：6名',
      [
        [3, 'facility', null, '3か所'],
        [6, 'person', null, '6名'],
      ],
    ],
    [
      '令和5年度末までに、主に重症心身障害児を支援する児童発達支援事業所及び放課後等デイサービス事業所を2か所以上整備する。',
      [[2, 'facility', 'gte', '2か所以上']],
    ],
    ['医療的ケア児等コーディネーター配置人数：1名', [[1, 'person', null, '1名']]],
    [
      '「相談支援従事者研修会」開催回数：2回 参加人数：計40名',
      [
        [2, 'time', null, '2回'],
        [40, 'person', null, '40名'],
      ],
    ],
    ['市内に2カ所以上就労定着支援事業所を整備する', [[2, 'facility', 'gte', '2カ所以上']]],
    ['令和4年7月19日（火）午後1時', []],
    ['東松山市役所分室2階 会議室1', []],
    ['1 開会', []],
    ['障害者基本法第11条第3項の規定に基づき', []],
    ['児童福祉法第33条の20の規定に基づき', []],
    ['(1) 地域移行者数', []],
    ['1) 居宅介護等', []],
    ['2 日中活動系サービス（障害福祉計画 P50）', []],
    ['1) 1号認定: 3歳以上で教育を希望(幼稚園・認定こども園)', []],
    ['比企地域内の3精神科医療機関から任意の協力により提供される精神保健福祉資料(630調査)を基に集計する。', []],
    [
      '※小川赤十字病院は精神科病棟（東病棟）が令和3年3月31日をもって休床となったため、実績は0名となっている。',
      [[0, 'person', null, '0名']],
    ],
    // inzai-6ki-outcome-review
    [
      '【2019年度末時点 施設入所者数】 36人  【目標値】 ①地域移行者数 4人 ②施設入所者数の削減 4人',
      [
        [36, 'person', null, '36人'],
        [4, 'person', null, '4人'],
        [4, 'person', null, '4人'],
      ],
    ],
    [
      '⑦保健、医療・福祉関係者による協議の場における目標設定及び評価の実施回数 年1回',
      [[1, 'time/year', null, '年1回']],
    ],
    [
      '1回目：令和2年8月28日実施（参加者7名）。2回目：令和2年12月4日実施（参加者9名）',
      [
        [7, 'person', null, '7名'],
        [9, 'person', null, '9名'],
      ],
    ],
    [
      '緊急時対応を含めた短期入所6床と、強度行動障がいのある人の入所可能なグループホーム2棟の設置に加え、グループホーム1棟を整備し',
      [
        [6, 'place', null, '6床'],
        [2, 'building', null, '2棟'],
        [1, 'building', null, '1棟'],
      ],
    ],
    [
      '①一般就労への移行者数 17人（移行13人・A型2人・B型2人） ②就労定着支援事業利用者 12人 ③市内の就労定着支援事業所のうち、就労定着率が8割以上の事業所数の割合 10割',
      [
        [17, 'person', null, '17人'],
        [13, 'person', null, '13人'],
        [2, 'person', null, '2人'],
        [2, 'person', null, '2人'],
        [12, 'person', null, '12人'],
        [80, 'percent', 'gte', '8割以上'],
        [100, 'percent', null, '10割'],
      ],
    ],
    ['④医療的ケア児支援のための関係機関の協議の場の設置及びコーディネーターの配置 有5人', [[5, 'person', null, '5人']]],
    [
      '(令和4年度) 2回実施 (令和4年5月9日(月))、参加者：8名(4事業所)、内容：事例検討(2ケース)',
      [
        [2, 'time', null, '2回'],
        [8, 'person', null, '8名'],
        [4, 'facility', null, '4事業所'],
      ],
    ],
    [
      '①虐待防止に係る研修への参加 (令和3年度) 3人(子ども発達センター2人、障がい福祉課支援係1人)',
      [
        [3, 'person', null, '3人'],
        [2, 'person', null, '2人'],
        [1, 'person', null, '1人'],
      ],
    ],
    ['その一方、1事業所あたりの相談支援専門員の数が少ない等の理由から', []],
    // iga-7ki-outcome-targets
    [
      '・地域移行者数:R4年度末施設入所者の6%以上 ・施設入所者数:R4年度末の5%以上削減',
      [
        [6, 'percent', 'gte', '6%以上'],
        [5, 'percent', 'gte', '5%以上'],
      ],
    ],
    [
      '• 移行者数:5人 削減数:5人',
      [
        [5, 'person', null, '5人'],
        [5, 'person', null, '5人'],
      ],
    ],
    ['•年6回以上協議', [[6, 'time/year', 'gte', '年6回以上']]],
    ['R3年度の1. 28倍以上', [[1.28, 'ratio', 'gte', '1. 28倍以上']]],
    ['R3年度の 1. 31 倍以上', [[1.31, 'ratio', 'gte', '1. 31 倍以上']]],
    ['• 一般就労移行者数: 1 1 人', [[11, 'person', null, '1 1 人']]],
    [
      '・令和3年度(6人)の1.5倍',
      [
        [6, 'person', null, '6人'],
        [1.5, 'ratio', null, '1.5倍'],
      ],
    ],
    [
      '・令和元年度(8人)の1.37倍',
      [
        [8, 'person', null, '8人'],
        [1.37, 'ratio', null, '1.37倍'],
      ],
    ],
    [
      '・就労移行支援事業利用終了者に占める一般就労へ移行した者の割合が5割以上の事業所を全体の5割以上',
      [
        [50, 'percent', 'gte', '5割以上'],
        [50, 'percent', 'gte', '5割以上'],
      ],
    ],
    ['就労継続支援 B 型事業所からの就労移行者数:令和3年度の1、28 倍以上', [[1.28, 'ratio', 'gte', '1、28 倍以上']]],
    ['• 就労継続支援 A 型事業所: 3人', [[3, 'person', null, '3人']]],
    [
      '・ 就労定着支援事業利用終了後一定期間の就労定着率が7割以上となる就労定着支援事業所の割合: 2割5分以上',
      [
        [70, 'percent', 'gte', '7割以上'],
        [25, 'percent', 'gte', '2割5分以上'],
      ],
    ],
    [
      '• 就労定着率が7割以上の事業所: 1か所',
      [
        [70, 'percent', 'gte', '7割以上'],
        [1, 'facility', null, '1か所'],
      ],
    ],
    [
      '・うち就労定着率8割以上の事業所:3か所',
      [
        [80, 'percent', 'gte', '8割以上'],
        [3, 'facility', null, '3か所'],
      ],
    ],
    ['・運用状況の検証・検討 年2回以上', [[2, 'time/year', 'gte', '年2回以上']]],
    ['2020(令和4)年4月から地域生活支援拠点機能を面的に整備し', []],
    [
      '地域生活支援拠点等の5つの機能のうち「相談」、「緊急時の受入・対応」、「体験の機会・場」の3つの機能が備わっている。',
      [],
    ],
    ['・地域の相談支援事業所に対する訪問等による専 門的な指導及び助言 年160件', [[160, 'case/year', null, '年160件']]],
    ['・障害福祉サービス等に係る研修への参加\n年10人', [[10, 'person/year', null, '年10人']]],
    ['審査結果の共有 年12回 県等が実施する講習', [[12, 'time/year', null, '年12回']]],
    ['・児童発達支援センターを各市町村又は圏域に 1 か所以上設置', [[1, 'facility', 'gte', '1 か所以上']]],
    ['1 か所整備/市又は圏域', [[1, 'facility', null, '1 か所']]],
    ['協議の場 1か所設置/圏域', [[1, 'facility', null, '1か所']]],
    ['医療的ケア児支援のためのコーディネーター 1人配置', [[1, 'person', null, '1人']]],
    ['・退院後 1 年以内の地域での生活日数の上昇', []],
    ['③-1 福祉施設から一般就労への移行等', []],
    // shiroi-chiiki-houkatsu-progress
    ['●在宅医療フォーラムの実施(年1回)', [[1, 'time/year', null, '年1回']]],
    [
      '●多職種研修会の実施(年4回) ●課題支援型(随時)・自立支援型地域ケア会議(年12回)の開催',
      [
        [4, 'time/year', null, '年4回'],
        [12, 'time/year', null, '年12回'],
      ],
    ],
    [
      '○「白井市終活支援ノート」を2,000部作成し、ノートの書き方や必要な備えについて説明する終活支援講座(2日間)を3回、随時行う様々な地域でのミニ講座を6回実施した。',
      [
        [2000, 'copy', null, '2,000部'],
        [3, 'time', null, '3回'],
        [6, 'time', null, '6回'],
      ],
    ],
    [
      '「お楽しみ処」の定期開催(月3回)のほか、「リハモード家族会(月1回)」の周知等実施。また、介護者支援のため、家族介護教室を3回開催した。',
      [
        [3, 'time/month', null, '月3回'],
        [1, 'time/month', null, '月1回'],
        [3, 'time', null, '3回'],
      ],
    ],
    [
      '●各委託地域包括支援センターにおいて、各月1回～2か月に1回ケース検討を行った。',
      [
        [1, 'time/month', null, '月1回'],
        [1, 'time', null, '1回'],
      ],
    ],
    ['年間各地域包括120件目標', [[120, 'case', null, '120件']]],
    [
      '●しろい高齢者みまもりネットは、協力者が 293 か所となった。「お元気みまもり事業」は、利用人数が延べ 32 人となり',
      [
        [293, 'facility', null, '293 か所'],
        [32, 'person', null, '32 人'],
      ],
    ],
    [
      '権利擁護型地域ケア会議を実施（年1回） ※提出事例が少ないため、年2回から1回としたい。',
      [
        [1, 'time/year', null, '年1回'],
        [2, 'time/year', null, '年2回'],
        [1, 'time', null, '1回'],
      ],
    ],
    ['○台風15号・19号への対応や他市応援の振り返り', []],
    ['●2025年問題や地域包括ケアシステムをテーマとした広報を掲載する（年1回）。', [[1, 'time/year', null, '年1回']]],
    ['1-①\t在宅医療・介護連携', []],
    [
      '2018\t2019\t2020',
      [
        [2018, null, null, '2018'],
        [2019, null, null, '2019'],
        [2020, null, null, '2020'],
      ],
    ],
    // akishima-6ki-goal-sheets
    [
      '地域生活移行者数\t72人\t目標値\t—\t—\t4人\t—',
      [
        [72, 'person', null, '72人'],
        [4, 'person', null, '4人'],
      ],
    ],
    [
      '\t\t実績値\t0人\t0人\t—\t▲ 4人',
      [
        [0, 'person', null, '0人'],
        [0, 'person', null, '0人'],
        [-4, 'person', null, '▲ 4人'],
      ],
    ],
    [
      '\t\t実績値\t38%\t50%\t—\t▲ 20%',
      [
        [38, 'percent', null, '38%'],
        [50, 'percent', null, '50%'],
        [-20, 'percent', null, '▲ 20%'],
      ],
    ],
    [
      '令和元年度末時点の施設入所者数(72人)のうち、4人がグループホーム等へ移行することを基本とする。',
      [
        [72, 'person', null, '72人'],
        [4, 'person', null, '4人'],
      ],
    ],
    [
      '平成27年度から令和元年度までの5年間において2人であることを考慮し、令和5年度に1人が一般就労する者の数として設定',
      [
        [2, 'person', null, '2人'],
        [1, 'person', null, '1人'],
      ],
    ],
    [
      '市内にグループホームを誘致し、新たな利用者のためのベッドを2床程度、常時確保する',
      [[2, 'place', 'approx', '2床程度']],
    ],
    ['地域支援協議会相談支援部会及び市内3か所の委託している相談事業所', [[3, 'facility', null, '3か所']]],
    [
      '24時間365日開設を。',
      [
        [24, 'hour', null, '24時間'],
        [365, 'day', null, '365日'],
      ],
    ],
    [
      '死亡等による退所者が2名あったが、入所希望者4名が入所できた',
      [
        [2, 'person', null, '2名'],
        [4, 'person', null, '4名'],
      ],
    ],
    [
      '事務連絡会6回、事例検討会6回、学習会1回を開催し',
      [
        [6, 'time', null, '6回'],
        [6, 'time', null, '6回'],
        [1, 'time', null, '1回'],
      ],
    ],
    ['大神町4丁目の市有地を活用して', []],
    ['資料4-3', []],
  ];
  it.each(rows)('%j', (text, want) => {
    const found = findQuantities(text);
    expect(found.map((q) => [q.value, q.unit, q.qualifier, q.text])).toEqual(want);
    for (const q of found) expect(text.slice(q.offset, q.offset + q.length)).toBe(q.text);
  });
});

describe('findQuantities properties', () => {
  const alphabet = [...'0123456789 ,.人回件か所年度月日令和R第期歳▲△-+~～()<>%割分倍以上未満約程度・、：一二十百'];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((a) => a.join(''));

  it('locates each quantity in the text, outside every period, with a finite value', () => {
    fc.assert(
      fc.property(text, (s) => {
        const periods = findPeriods(s);
        for (const q of findQuantities(s)) {
          if (s.slice(q.offset, q.offset + q.length) !== q.text || !Number.isFinite(q.value)) return false;
          const numberAt = q.offset + q.text.search(/[0-9一二十百]/);
          if (periods.some((p) => numberAt >= p.offset && numberAt < p.offset + p.length)) return false;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });

  it('a cell is either missing or has its quantities, never both', () => {
    fc.assert(
      fc.property(text, (s) => {
        const v = parseQuantity(s);
        return !(v.missing && v.quantities.length > 0);
      }),
      { numRuns: 2000 },
    );
  });
});
