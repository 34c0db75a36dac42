// Family "a subset of a value and the context it takes": the part written in brackets beside a value is found, but
// its context is read wrong when the table says what the brackets hold in a form other than a note of its own under
// the table. Before:
// - a note saying it with a colon or an equals sign (`〈 〉：…（再掲）`, `［ ］＝…`), or marked 備考：, named no part;
// - a note naming the part with words about it (`…の利用者数で、内数`, `…の人数（再掲）`, `…に係る数値`) gave those
//   words as the part's name, and a note closing with the table's unit (`…の再掲（単位：人日/月）`) lost the unit of
//   every value and put it in the name;
// - the brackets said in one clause of the caption or of the unit line (`表5 …の利用状況（［ ］内は…の再掲）`,
//   `（単位：回/月、（ ）内は…）`) named no part, and the unit line lost its unit;
// - a part written with its counter (`52件〈9件〉`, `31人（4人）`) was a second value of the cell's kind;
// - a row label or column header announcing the part (`…利用者数（うち精神障害のある人）`, `2023年度見込〈うち難病患者〉`)
//   over `30（12）` lost the part (or kept it nameless), kept the announcement in the label, and the header's kind
//   was lost.
// A guideline subset worded without 除く (`施設入所者以外`, `施設に入所していない人`) is named as the guideline names it.
// Written in other words than the probes that found them.

import { extractText } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const read = (text: string, name = 'subsets.tsv') => normalizeDocument(extractText(text, name)).observations;
const row = (o: Observation) => [
  o.indicator_label,
  o.subgroup ?? null,
  o.fiscal_year,
  o.value_kind,
  o.subset_of_kind ?? null,
  o.value,
  o.unit,
];
const rows = (text: string, name?: string) => read(text, name).map(row);
const parts = (text: string, name?: string) => rows(text, name).filter((r) => r[3] === 'subset');

describe('a note saying what the brackets hold, worded otherwise', () => {
  it('reads a note with a colon, an equals sign or 備考： (was: no part named)', () => {
    const table = '事業\t令和4年度計画\t令和4年度実績\n移動支援（時間/月）\t640〈80〉\t610〈72〉\n';
    for (const note of [
      '〈　〉：視覚障害のある人（再掲）',
      '〈 〉＝視覚障害のある人の再掲',
      '備考：〈 〉内は視覚障害のある人',
    ])
      expect(parts(`${table}\n${note}\n`).map((r) => r[1])).toEqual(['視覚障害のある人', '視覚障害のある人']);
  });

  it('names the part, not the words saying it is a part or a count (was: `…の利用者数で、内数`)', () => {
    const table = '事業\t令和4年度計画\n同行援護（人/月）\t38〈9〉\n\n';
    expect(parts(`${table}※〈 〉内は盲ろう者の利用者数で、内数です。\n`)[0]![1]).toBe('盲ろう者');
    expect(parts(`${table}※〈 〉は、うち盲ろう者に係る数値（内数）\n`)[0]![1]).toBe('盲ろう者');
    expect(parts(`${table}※〈 〉は盲ろう者の人数を再掲しています。\n`)[0]![1]).toBe('盲ろう者');
  });

  it('keeps the unit a note closes with as the table’s (was: no unit, the unit in the name)', () => {
    const got = rows(
      '事業\t令和4年度計画\t令和4年度実績\n自立訓練（生活訓練）\t410〈60〉\t395〈58〉\n\n※〈 〉内は発達障害のある人の再掲（単位：人日/月）\n',
    );
    expect(got.map((r) => r[6])).toEqual(Array(4).fill('person_day/month'));
    expect(got.filter((r) => r[3] === 'subset').map((r) => r[1])).toEqual(['発達障害のある人', '発達障害のある人']);
  });

  it('names the guideline subset however the note says who is left out', () => {
    const table = '事業\t令和4年度計画\n生活介護（人/月）\t260〈190〉\n\n';
    for (const note of ['※〈 〉内は施設入所者以外の利用者数', '※〈 〉は施設に入所していない人の数'])
      expect(parts(`${table}${note}\n`)[0]![1]).toBe('施設入所者を除く');
  });
});

describe('the brackets said in a clause of another line', () => {
  it('reads the clause in the caption (was: no part named)', () => {
    const got = parts(
      '表5 障害児通所支援の利用状況（［ ］内は医療的ケア児の再掲）\n事業\t令和4年度計画\t令和4年度実績\n放課後等デイサービス（人/月）\t88［6］\t91［7］\n',
    );
    expect(got.map((r) => [r[1], r[4], r[5]])).toEqual([
      ['医療的ケア児', 'plan', 6],
      ['医療的ケア児', 'actual', 7],
    ]);
  });

  it('reads the clause in the unit line, and the line’s unit (was: no part named, no unit)', () => {
    const got = rows(
      '訪問系サービスの見込量\n\n（単位：時間/月、〈 〉内は重度訪問介護の再掲）\n事業\t令和4年度計画\t令和4年度実績\n訪問系サービス計\t3,200〈900〉\t3,050〈870〉\n',
    );
    expect(got).toEqual([
      ['訪問系サービス計', null, 2022, 'plan', null, 3200, 'hour/month'],
      ['訪問系サービス計', '重度訪問介護', 2022, 'subset', 'plan', 900, 'hour/month'],
      ['訪問系サービス計', null, 2022, 'actual', null, 3050, 'hour/month'],
      ['訪問系サービス計', '重度訪問介護', 2022, 'subset', 'actual', 870, 'hour/month'],
    ]);
  });
});

describe('a part written with its counter', () => {
  it('reads 52件〈9件〉 and 31人（4人） as a value and its part (was: a second value of the cell’s kind)', () => {
    const got = rows(
      '事業\t令和4年度実績\n計画相談支援\t52件〈9件〉\n地域定着支援\t31人（4人）\n\n※〈 〉及び（ ）内は精神科病院からの退院者の再掲\n',
    );
    expect(got.map((r) => [r[0], r[1], r[3], r[5]])).toEqual([
      ['計画相談支援', null, 'actual', 52],
      ['計画相談支援', '精神科病院からの退院者', 'subset', 9],
      ['地域定着支援', null, 'actual', 31],
      ['地域定着支援', '精神科病院からの退院者', 'subset', 4],
    ]);
  });
});

describe('a label announcing the part its brackets hold', () => {
  it('reads a row label with うち in brackets over 30（12） (was: the part lost)', () => {
    const got = rows(
      '事業\t令和4年度計画\t令和4年度実績\n就労定着支援 利用者数（うち精神障害のある人）（人/月）\t30（12）\t27（11）\n',
    );
    expect(got.map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      ['就労定着支援利用者数', null, 'plan', null, 30],
      ['就労定着支援利用者数', '精神障害のある人', 'subset', 'plan', 12],
      ['就労定着支援利用者数', null, 'actual', null, 27],
      ['就労定着支援利用者数', '精神障害のある人', 'subset', 'actual', 11],
    ]);
  });

  it('reads a column header with the part announced, keeping its year and kind (was: the kind lost)', () => {
    const got = rows(
      '事業\t2023年度見込〈うち難病患者〉\t2023年度実績〈うち難病患者〉\n居宅介護（人/月）\t140〈8〉\t133〈6〉\n',
    );
    expect(got.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5]])).toEqual([
      ['居宅介護', null, 2023, 'plan', null, 140],
      ['居宅介護', '難病患者', 2023, 'subset', 'plan', 8],
      ['居宅介護', null, 2023, 'actual', null, 133],
      ['居宅介護', '難病患者', 2023, 'subset', 'actual', 6],
    ]);
  });

  it('leaves a うち row of its own as it was', () => {
    const got = rows('事業\t令和4年度\n共同生活援助（人/月）\t120\n（うち精神障害のある人）\t45\n');
    expect(got.some((r) => r[3] === 'subset')).toBe(false);
  });
});
