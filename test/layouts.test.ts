import { join } from 'node:path';
import type { Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { normalizeLayout, ROOT } from './pipeline.js';

const read = normalizeLayout;
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];

describe('markdown: years over 計画/実績 sub-columns, a 単位 column, 見込量/実績 in a second stub column', () => {
  const n = read('two-level-year-kind.md');

  it('finds the city and the plan', () => {
    expect(n.municipality?.code).toBe('112411');
    expect(n.plan).toBe('第7期障害福祉計画');
    expect(n.planPeriod).toBe('2024-2026');
  });

  it('reads the year from the spanning header and the kind from the row below it', () => {
    const t0 = n.observations.filter((o) => o.table_index === 0).map(row);
    expect(t0).toEqual([
      ['居宅介護', 2024, 'plan', 120, 'person/month', null],
      ['居宅介護', 2024, 'actual', 118, 'person/month', null],
      ['居宅介護', 2025, 'plan', 125, 'person/month', null],
      ['居宅介護', 2024, 'plan', 2400, 'hour/month', null],
      ['居宅介護', 2024, 'actual', 2310, 'hour/month', null],
      ['居宅介護', 2025, 'plan', 2500, 'hour/month', null],
      ['同行援護', 2024, 'plan', 12, 'person/month', null],
      ['同行援護', 2024, 'actual', 9, 'person/month', null],
      ['同行援護', 2025, 'plan', 13, 'person/month', null],
    ]);
  });

  it('reads 見込量（人日/月） and 実績（人/月） stubs as kind and unit, western years with era in brackets', () => {
    const t1 = n.observations.filter((o) => o.table_index === 1).map(row);
    expect(t1).toEqual([
      ['生活介護', 2024, 'plan', 4200, 'person_day/month', null],
      ['生活介護', 2025, 'plan', 4300, 'person_day/month', null],
      ['生活介護', 2026, 'plan', 4400, 'person_day/month', null],
      ['生活介護', 2024, 'actual', 4150, 'person_day/month', null],
      ['就労継続支援(B型)', 2024, 'plan', 210, 'person/month', null],
      ['就労継続支援(B型)', 2025, 'plan', 220, 'person/month', null],
      ['就労継続支援(B型)', 2026, 'plan', 230, 'person/month', null],
      ['就労継続支援(B型)', 2024, 'actual', 205, 'person/month', null],
    ]);
    expect(n.observations.find((o) => o.table_index === 1 && o.value === 210)?.indicator_id).toBe(
      'service.shuro_keizoku_b',
    );
  });

  it('reads targets in bullets with their qualifiers, and a ratio against a base year as part of the target', () => {
    const prose = n.observations.filter((o) => o.table_index === null).map(row);
    expect(prose).toEqual([
      ['地域生活への移行者', 2026, 'target', 5, 'person', 'gte'],
      ['福祉施設から一般就労への移行者数', 2026, 'target', 15, 'person', null],
      ['福祉施設から一般就労への移行者数', 2026, 'target', 1.28, 'ratio', null],
      ['就労定着率7割以上の事業所の割合', 2026, 'target', 25, 'percent', 'gte'],
    ]);
  });
});

describe('HTML: years spanning 計画値/実績値/対計画比, units in row labels, 千円', () => {
  const n = read('kaigo-html-spans.html');

  it('finds the city and the 介護保険 plan term', () => {
    expect(n.municipality?.code).toBe('122289');
    expect(n.plan).toBe('第9期介護保険事業計画');
    expect(n.planPeriod).toBe('2024-2026');
  });

  it('reads each cell under its spanning year and kind; 千円 values are stored in yen', () => {
    expect(n.observations.map(row)).toEqual([
      ['訪問介護', 2024, 'plan', 12400, 'time/month', null],
      ['訪問介護', 2024, 'actual', 11780, 'time/month', null],
      ['訪問介護', 2024, 'achievement_rate', 95, 'percent', null],
      ['訪問介護', 2025, 'plan', 12900, 'time/month', null],
      ['通所介護', 2024, 'plan', 9800, 'time/month', null],
      ['通所介護', 2024, 'actual', 10290, 'time/month', null],
      ['通所介護', 2024, 'achievement_rate', 105, 'percent', null],
      ['通所介護', 2025, 'plan', 10100, 'time/month', null],
      ['介護給付費', 2024, 'plan', 3_520_000_000, 'yen', null],
      ['介護給付費', 2024, 'actual', 3_401_200_000, 'yen', null],
      ['介護給付費', 2024, 'achievement_rate', 96.6, 'percent', null],
      ['介護給付費', 2025, 'plan', 3_640_000_000, 'yen', null],
    ]);
    const cost = n.observations.find((o) => o.value === 3_520_000_000)!;
    expect(cost.value_text).toBe('3,520,000');
    expect(cost.unit_text).toBe('千円');
  });

  it('maps the services to the 介護保険 catalog', () => {
    expect([...new Set(n.observations.map((o) => o.indicator_id))]).toEqual([
      'kaigo.houmon_kaigo',
      'kaigo.tsusho_kaigo',
      'total.kaigo_kyufuhi',
    ]);
  });
});

describe('Shift_JIS text: years in the header, a 増減 column, a unit line, bullets with 約 and a year after the value', async () => {
  const { extractDocument } = await import('@shiryo/extractor');
  const doc = await extractDocument(join(ROOT, 'test/layouts/sjis-stats.txt'));
  const n = normalizeDocument(doc);

  it('is decoded as Shift_JIS and names the city', () => {
    expect(doc.encoding).toBe('SJIS');
    expect(n.municipality?.code).toBe('102024');
  });

  it('reads 年度末 columns, 増減 as a deviation (▲ negative), the total under the heading', () => {
    const t = n.observations.filter((o) => o.table_index === 0).map(row);
    expect(t.slice(0, 4)).toEqual([
      ['身体障害者手帳', 2018, 'actual', 12031, 'person', null],
      ['身体障害者手帳', 2019, 'actual', 11950, 'person', null],
      ['身体障害者手帳', 2020, 'actual', 11874, 'person', null],
      ['身体障害者手帳', 2020, 'deviation', -157, 'person', null],
    ]);
    expect(t.length).toBe(16);
    expect(n.issues.filter((i) => i.code === 'CHECK_MISMATCH')).toEqual([]);
  });

  it('reads 年間 約4,200件（令和4年度） as an approximate count per year of FY2022', () => {
    const prose = n.observations.filter((o) => o.table_index === null).map(row);
    expect(prose).toEqual([
      ['相談件数', 2022, 'actual', 4200, 'case/year', 'approx'],
      ['基幹相談支援センターの設置', null, 'actual', 1, 'facility', null],
    ]);
  });
});

describe('TSV: years in rows, 計画/実績/達成率 in columns, the unit in the heading; targets in a sentence', () => {
  const n = read('rows-are-years.txt');

  it('reads each service table with the heading as indicator and unit', () => {
    expect(n.municipality?.code).toBe('102041');
    expect(n.observations.filter((o) => o.table_index !== null).map(row)).toEqual([
      ['居宅介護', 2024, 'plan', 1200, 'hour/month', null],
      ['居宅介護', 2024, 'actual', 1150, 'hour/month', null],
      ['居宅介護', 2024, 'achievement_rate', 95.8, 'percent', null],
      ['居宅介護', 2025, 'plan', 1250, 'hour/month', null],
      ['居宅介護', 2025, 'actual', 1300, 'hour/month', null],
      ['居宅介護', 2025, 'achievement_rate', 104, 'percent', null],
      ['就労移行支援', 2024, 'plan', 48, 'person/month', null],
      ['就労移行支援', 2024, 'actual', 45, 'person/month', null],
      ['就労移行支援', 2024, 'achievement_rate', 93.8, 'percent', null],
      ['就労移行支援', 2025, 'plan', 50, 'person/month', null],
    ]);
  });

  it('reads base, reduction and ceiling of one sentence with their own years, and the result', () => {
    const prose = n.observations.filter((o) => o.table_index === null);
    expect(prose.map((o) => [o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier])).toEqual([
      [2022, 'baseline', 45, 'person', null],
      [2026, 'target', 5, 'percent', 'gte'],
      [2026, 'target', 43, 'person', 'lte'],
      [2024, 'actual', 44, 'person', null],
    ]);
    for (const o of prose) expect(o.indicator_label).toContain('施設入所者数');
  });
});

describe('unit lines above tables: 単位：人 and （単位：千円）', () => {
  const n = read('unit-lines.txt');

  it('applies the unit line to the table below it, and 千円 as a factor', () => {
    expect(n.observations.map((o) => [o.indicator_label, o.subgroup, o.fiscal_year, o.value, o.unit])).toEqual([
      ['第1号被保険者数', '65~74歳', 2022, 45120, 'person'],
      ['第1号被保険者数', '65~74歳', 2023, 44310, 'person'],
      ['第1号被保険者数', '75歳以上', 2022, 52800, 'person'],
      ['第1号被保険者数', '75歳以上', 2023, 54950, 'person'],
      ['居宅サービス', null, 2022, 8_120_000_000, 'yen'],
      ['居宅サービス', null, 2023, 8_450_500_000, 'yen'],
    ]);
  });
});

describe('TSV review sheet: targets after the last 【目標値】 marker, numbered labels with commas, undated results', () => {
  const n = read('review-sheet-prose.tsv');
  const find = (text: string) => n.observations.filter((o) => o.value_text === text).map(row);

  it('reads values after 【目標値】 as targets of the plan term, though 実績 is written in the sentence before it', () => {
    // A numbered item with a name of its own is not prefixed by the row's label.
    expect(find('21人')).toEqual([['一般就労移行者数', 2023, 'target', 21, 'person', null]]);
    expect(find('9人')).toEqual([['就労定着支援事業の利用者', 2023, 'target', 9, 'person', null]]);
  });

  it('keeps a numbered item whole: the commas inside ①… list parts of one name', () => {
    const o = n.observations.find((x) => x.value_text === '年2回');
    expect(o?.indicator_label).toContain(
      '相談、緊急時の受け入れ・対応、体験の機会の場、専門的人材の確保ごとの検証回数',
    );
    expect([o?.fiscal_year, o?.value_kind, o?.unit]).toEqual([2023, 'target', 'time/year']);
  });

  it('reads counts joined by と、 or counting what was set up (2棟の設置), in 床, 棟 and か所, not 1事業所あたり', () => {
    const counts = n.observations
      .filter((o) => ['4床', '3棟', '1か所'].includes(o.value_text))
      .map((o) => [o.value, o.unit, o.value_kind]);
    expect(counts).toEqual([
      [4, 'place', 'actual'],
      [3, 'building', 'actual'],
      [1, 'facility', 'actual'],
    ]);
    expect(n.observations.some((o) => o.value_text === '1事業所')).toBe(false);
  });

  it('reads a count at a time point before the plan term, beside the targets, as the base', () => {
    expect(find('14人')).toEqual([['相談支援体制の充実 相談支援専門員数', 2018, 'baseline', 14, 'person', null]]);
    // `令和元年度末時点の…実人数(16人)`: a value in brackets after what is counted at a time point is that base.
    expect(find('16人')).toEqual([['相談支援体制の充実 相談支援専門員の実人数', 2019, 'baseline', 16, 'person', null]]);
  });

  it('labels the counts after `…会議を実施。` or `…として設置` by that activity, its parts in brackets with it', () => {
    const by = (text: string) => n.observations.find((o) => o.value_text === text);
    for (const [text, unit] of [
      ['3回', 'time/year'],
      ['15名', 'person'],
      ['7事業所', 'facility'],
    ] as const) {
      expect(by(text)?.indicator_label).toContain('就労支援ネットワーク会議');
      expect([by(text)?.fiscal_year, by(text)?.value_kind, by(text)?.unit]).toEqual([2022, 'actual', unit]);
    }
    // `（参加者11名）`: the word in front of the value inside its bracket is its label.
    expect(by('11名')?.indicator_label).toBe('市地域移行推進会議 参加者');
    expect(by('11名')?.fiscal_year).toBe(2021);
  });

  it('breaks a value down by the values in the bracket after it, and keeps its label for the next year', () => {
    const rows = n.observations
      .filter((o) => o.indicator_label.includes('ピアサポート研修への参加') && o.value_kind === 'actual')
      .map((o) => [o.subgroup, o.fiscal_year, o.value]);
    expect(rows).toEqual([
      [null, 2021, 5],
      ['相談支援課', 2021, 3],
      ['基幹相談支援センター', 2021, 2],
      [null, 2022, 6],
    ]);
  });

  it('dates results that state no year by the latest result year of the tables', () => {
    const undated = n.observations.filter((o) => ['4床', '3棟', '1か所'].includes(o.value_text));
    expect(undated.map((o) => o.fiscal_year)).toEqual([2022, 2022, 2022]);
    expect(undated.every((o) => o.warnings.some((w) => /latest year/.test(w)))).toBe(true);
  });
});

describe('bullets in a plan-term column: two labels on one line, a breakdown item, a year kept in its item', () => {
  const n = read('bullet-items.txt');
  const cells = (col: number) =>
    n.observations.filter((o) => o.table_index === 0 && o.col === col).map((o) => [...row(o), o.subgroup]);

  it('reads each label of `• 地域移行者数:4人 削減数:3人` alone, and spaced digits `1 4 人` as 14', () => {
    expect(cells(1)).toEqual([
      ['地域移行者数', 2026, 'target', 4, 'person', null, null],
      ['削減数', 2026, 'target', 3, 'person', null, null],
      ['一般就労移行者数', 2026, 'target', 14, 'person', null, null],
      ['一般就労移行者数', 2022, 'baseline', 10, 'person', null, null],
      ['一般就労移行者数', 2026, 'target', 1.4, 'ratio', null, null],
      // the base year of the item before does not date it; a place after a count breaks that count down
      ['一般就労移行者数 就労移行支援事業所', 2026, 'target', 7, 'person', null, null],
      // `•年4回以上協議` has no label: the row's national item that names the same act says what it counts
      ['保健・医療・福祉関係者による協議の場の設置', 2026, 'target', 4, 'time/year', 'gte', null],
    ]);
  });

  it("does not take the plan column on its left for the row's label", () => {
    expect(cells(2)).toEqual([
      ['地域移行者数', 2023, 'target', 6, 'person', null, null],
      ['削減数', 2023, 'target', 2, 'person', null, null],
      ['一般就労移行者数', 2023, 'target', 12, 'person', null, null],
      ['一般就労移行者数 就労移行支援事業所', 2023, 'target', 5, 'person', null, null],
      ['保健・医療・福祉関係者による協議の場の設置', 2023, 'target', 3, 'time/year', 'gte', null],
    ]);
  });

  it('reads a bullet that only restates the bullet before it (`• 令和4年度(12人)の1.5倍`) under that label', () => {
    expect(n.observations.filter((o) => o.table_index === null).map(row)).toEqual([
      ['就労定着支援事業の利用者数', 2026, 'target', 18, 'person', null],
      ['就労定着支援事業の利用者数', 2022, 'baseline', 12, 'person', null],
      ['就労定着支援事業の利用者数', 2026, 'target', 1.5, 'ratio', null],
    ]);
  });
});

describe('progress sheet in sentences: quoted names, intervals and ranges of intervals are not counts', () => {
  const n = read('progress-sentences.tsv');

  it('keeps counts per period, and names a count after a comma by the clause before (`…開講に至り、公民館で4回`)', () => {
    expect(n.observations.map((o) => [o.fiscal_year, o.value_kind, o.value, o.unit])).toEqual([
      [2021, 'actual', 4, 'time/year'],
      [2022, 'plan', 6, 'time/year'],
      [2022, 'plan', 2, 'time/year'],
      [2022, 'plan', 5, 'time/year'],
    ]);
    expect(n.observations[0]?.indicator_label).toContain('はつらつ体操教室');
    // a phrase that long names the thing itself: the row's words are not put before it
    expect(n.observations[3]?.indicator_label).toBe('地域の集いの場と介護予防をテーマとした出前講座を開催する');
    // `「ひまわり会(週1回)」`, `週1回～3か月に1回` and `(3か月に1回)` give nothing
    expect(n.observations.filter((o) => o.value === 1)).toEqual([]);
  });
});

describe('a comparison sheet whose tabs were lost after its first rows: national lines first, one 【目標値】 per plan', () => {
  const n = read('sheet-continued.txt');

  it('skips the national guideline lines of each row and gives each plan column its term', () => {
    expect(n.observations.map(row)).toEqual([
      ['地域移行者数', 2026, 'target', 3, 'person', null],
      ['地域移行者数', 2023, 'target', 4, 'person', null],
      // right after the table: the national line, then the two plan columns' equal lists, which go on with the
      // lists of the row's cells (地域移行者数 broken down by where people moved)
      ['地域移行者数 共同生活援助事業所', 2026, 'target', 2, 'person', null],
      ['地域移行者数 宿泊型自立訓練施設', 2026, 'target', 1, 'person', null],
      ['地域移行者数 共同生活援助事業所', 2023, 'target', 3, 'person', null],
      ['地域移行者数 宿泊型自立訓練施設', 2023, 'target', 1, 'person', null],
      // `令和3年度の1.41倍以上` and `年1回以上` are the national column's; the second marker opens the 第6期 column
      ['就労定着支援事業利用者数', 2026, 'target', 12, 'person', null],
      ['就労定着支援事業所数', 2023, 'target', 2, 'facility', null],
      ['運用状況の検証', 2026, 'target', 3, 'time/year', 'gte'],
      // a numbered heading that is not a row of the sheet ends it
      ['相談件数', null, 'actual', 1250, 'case', null],
    ]);
  });
});

describe('TSV side-by-side blocks: a block that lost its title takes the missing number’s item from the band', () => {
  const n = read('side-by-side-untitled.tsv');

  it('names the untitled block ① after the band’s ① item and reads its grid under that name', () => {
    const t1 = n.observations.filter((o) => o.table_index === 1).map(row);
    expect(t1).toEqual([
      ['地域移行支援の利用者数', 2026, 'plan', 3, 'person/month', null],
      ['地域移行支援の利用者数', 2024, 'actual', 1, 'person/month', null],
      ['地域移行支援の利用者数', 2025, 'actual', 2, 'person/month', null],
    ]);
  });
});

describe('TSV management sheet: an evaluation row under the title row, results listed after …として、, a base in 考え方', () => {
  const n = read('sheet-evaluation-rows.tsv');

  it('reads the 令和4年度 row as a body row and labels each count by what it was held as', () => {
    expect(n.observations.map(row)).toEqual([
      ['地域生活支援拠点等の運用状況を検証する場 運営会議', 2022, 'actual', 4, 'time/year', null],
      ['地域生活支援拠点等の運用状況を検証する場 研修会', 2022, 'actual', 2, 'time/year', null],
      // `…を市内の2か所で運営している`: a count of where something is run reports; the topic ends with its sentence.
      ['体験の場を市内', 2022, 'actual', 2, 'facility', null],
      // Under 目標値設定の考え方, `令和元年度末において…2か所確保されている` is the base the target was set from.
      ['市内に医療的ケア児を受け入れる短期入所事業所', 2019, 'baseline', 2, 'facility', null],
    ]);
  });
});

describe('TSV PDCA sheet: a 計画(P)↓実施(D) row under the title row, stages across a row below it, a 協議会等意見 column, a continuation', () => {
  const n = read('pdca-stage-rows.tsv');

  it('reads the 評価(C) cell as the row year’s results and a bound in the 改善(A) cell as the plan’s target', () => {
    expect(n.observations.map(row)).toEqual([
      // `計画(P) ↓ 実施(D) | 目標値 | …` is a row of the sheet, not a second header: 目標値 does not head 評価(C).
      ['拠点の運営会議', 2022, 'actual', 3, 'time/year', null],
      ['緊急時の受入れ', 2022, 'actual', 5, 'case/year', null],
      // The 令和4年度 stub under 基本指針の目標 is the year the row reports on, not the year of what it aims at; the
      // 協議会等意見 sentence beside it, under a stage row, is no label of the 改善(A) cell.
      ['体験の場', 2023, 'target', 2, 'facility', 'gte'],
      // What the committee asked (`短期入所を3床程度増やしてほしい`) is not the city's count; on the next page the
      // sheet goes on without its stage row (`基本指針の目標 | 3 …` then `令和5年度 | …`), its columns unchanged.
      ['拠点の運営会議', 2023, 'actual', 4, 'time/year', null],
    ]);
  });
});

describe('Counts after a cause (…により, …のため): the sentence’s subject is what was counted', () => {
  const n = read('cause-clause-counts.tsv');

  it('labels a count after `台風の接近により` by the subject `ピアサポーター連絡会は、`, in a cell and in a paragraph', () => {
    expect(n.observations.map(row)).toEqual([
      ['ピアサポーター連絡会', 2022, 'actual', 1, 'time/year', null],
      ['地域移行支援の説明会', null, 'actual', 2, 'time', null],
    ]);
  });
});
