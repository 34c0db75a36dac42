import { CANONICAL_UNITS, isCanonicalUnit } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { canonicalUnit, resolveUnit, splitLabelUnit, unitInfo } from '../../src/quantity/index.js';

describe('canonicalUnit', () => {
  const rows: Array<[string, string | null, number?]> = [
    ['人', 'person'],
    ['名', 'person'],
    ['実人', 'person'],
    ['(人)', 'person'],
    ['（人）', 'person'],
    ['人/月', 'person/month'],
    ['人／月', 'person/month'],
    ['（人／月）', 'person/month'],
    ['(人/月)', 'person/month'],
    ['人 / 月', 'person/month'],
    ['実人/月', 'person/month'],
    ['実人／月', 'person/month'],
    ['人分', 'person/month'],
    ['人/年', 'person/year'],
    ['（人／年）', 'person/year'],
    ['人日/月', 'person_day/month'],
    ['日/月', 'person_day/month'],
    ['（日／月）', 'person_day/month'],
    ['人日分', 'person_day/month'],
    ['人日/年', 'person_day/year'],
    ['時間/月', 'hour/month'],
    ['（時間／月）', 'hour/month'],
    ['時間分/月', 'hour/month'],
    ['時間分', 'hour/month'],
    ['時間/年', 'hour/year'],
    ['（時間／年）', 'hour/year'],
    ['件/年', 'case/year'],
    ['（件／年）', 'case/year'],
    ['件/月', 'case/month'],
    ['件', 'case'],
    ['回/年', 'time/year'],
    ['（回／年）', 'time/year'],
    ['回/月', 'time/month'],
    ['回', 'time'],
    ['（回）', 'time'],
    ['日', 'day'],
    ['か所', 'facility'],
    ['箇所', 'facility'],
    ['カ所', 'facility'],
    ['ヶ所', 'facility'],
    ['ケ所', 'facility'],
    ['ヵ所', 'facility'],
    ['床', 'place'],
    ['円', 'yen'],
    ['千円', 'yen', 1000],
    ['万円', 'yen', 10000],
    ['%', 'percent'],
    ['％', 'percent'],
    ['（%）', 'percent'],
    ['割', 'percent', 10],
    ['倍', 'ratio'],
    ['世帯', 'household'],
    ['部', 'copy'],
    ['単位：人', 'person'],
    ['人・世帯', null],
    ['(人・世帯)', null],
    ['人数', null],
    ['実人数', null],
    ['件数', null],
    ['B型', null],
    ['か月', null],
    ['', null],
  ];
  it.each(rows)('%j → %s', (text, unit, factor = 1) => {
    expect(canonicalUnit(text)).toBe(unit);
    if (unit) expect(unitInfo(text)).toEqual({ unit, factor });
    else expect(unitInfo(text)).toBeNull();
  });

  it('only returns canonical unit strings of the model (or the same x/period style)', () => {
    for (const [text, unit] of rows) {
      if (!unit) continue;
      expect(isCanonicalUnit(unit), `${text} → ${unit}`).toBe(true);
    }
    expect(Object.keys(CANONICAL_UNITS)).toContain('person_day/month');
  });

  it('handles null and undefined', () => {
    expect(canonicalUnit(null)).toBeNull();
    expect(canonicalUnit(undefined)).toBeNull();
  });
});

describe('splitLabelUnit', () => {
  const rows: Array<[string, string, string | null, string | null]> = [
    ['利用実人数（人／月）', '利用実人数', '人/月', 'person/month'],
    ['利用実人数(人/月)', '利用実人数', '人/月', 'person/month'],
    ['利用実人数 (人／月)', '利用実人数', '人/月', 'person/month'],
    ['延べ利用件 数(件／年)', '延べ利用件数', '件/年', 'case/year'],
    ['利用時間（時間／月）', '利用時間', '時間/月', 'hour/month'],
    ['利用時間数（時間／年）', '利用時間数', '時間/年', 'hour/year'],
    ['延べ利用時間 (時間/年)', '延べ利用時間', '時間/年', 'hour/year'],
    ['利用日数（日／月）', '利用日数', '日/月', 'person_day/month'],
    ['利用日数(日/月)', '利用日数', '日/月', 'person_day/month'],
    ['(件/年)', '', '件/年', 'case/year'],
    ['利用者数（実人/月）', '利用者数', '実人/月', 'person/month'],
    ['利用者数（実人）', '利用者数', '実人', 'person'],
    ['参加者数（実人）', '参加者数', '実人', 'person'],
    ['開催回数（回）', '開催回数', '回', 'time'],
    ['実施回数（回）', '実施回数', '回', 'time'],
    ['移行率（%）', '移行率', '%', 'percent'],
    ['検証及び検討回数(回)', '検証及び検討回数', '回', 'time'],
    ['参加者数 (人/年)', '参加者数', '人/年', 'person/year'],
    ['配置人数(人/年)', '配置人数', '人/年', 'person/year'],
    ['受講者数(人/年)', '受講者数', '人/年', 'person/year'],
    ['利用人数(人/年)', '利用人数', '人/年', 'person/year'],
    ['参加者数 (人/月)', '参加者数', '人/月', 'person/month'],
    ['開催回数 (回/年)', '開催回数', '回/年', 'time/year'],
    ['指導・助言件数（件／年）', '指導・助言件数', '件/年', 'case/year'],
    [
      '地域の相談機関との連携強化の取組の実施回数（回／年）',
      '地域の相談機関との連携強化の取組の実施回数',
      '回/年',
      'time/year',
    ],
    ['検証及び検討の実施回数 (回/年)', '検証及び検討の実施回数', '回/年', 'time/year'],
    [
      '【参考】 ケア・サポートいわはな 延べ利用時間(時間/年)',
      '【参考】 ケア・サポートいわはな延べ利用時間',
      '時間/年',
      'hour/year',
    ],
    ['(人・世帯)', '', '人・世帯', null],
    ['(%)', '', '%', 'percent'],
    ['(人)', '', '人', 'person'],
    ['(5) サービス支給決定者の割合 (%)', '(5) サービス支給決定者の割合', '%', 'percent'],
    ['(6) 部位別身体障害者手帳所持者数 (人)', '(6) 部位別身体障害者手帳所持者数', '人', 'person'],
    [
      '精神障害者の地域移行支援利用実人数実績（人／月）',
      '精神障害者の地域移行支援利用実人数実績',
      '人/月',
      'person/month',
    ],
    ['売上 (単位：千円)', '売上', '千円', 'yen'],
    ['事業費 単位：千円', '事業費', '千円', 'yen'],
    // brackets that are not units stay in the label
    ['就労継続支援（B型）事業所平均工賃', '就労継続支援(B型)事業所平均工賃', null, null],
    ['排せつ管理支援用具 (実人数)', '排せつ管理支援用具 (実人数)', null, null],
    ['(件数)', '(件数)', null, null],
    ['令和2年3月31日時点の入所者数 (A)', '令和2年3月31日時点の入所者数 (A)', null, null],
    ['目標年度入所者数 (E = A - B - C + D)', '目標年度入所者数 (E = A - B - C + D)', null, null],
    ['設置箇所数', '設置箇所数', null, null],
    ['事業者数', '事業者数', null, null],
    ['', '', null, null],
  ];
  it.each(rows)('%j', (text, label, unitText, unit) => {
    expect(splitLabelUnit(text)).toMatchObject({ label, unitText, unit });
  });

  it('gives the factor of a thousand-yen unit', () => {
    expect(splitLabelUnit('事業費（千円）')).toEqual({ label: '事業費', unitText: '千円', unit: 'yen', factor: 1000 });
  });
});

describe('resolveUnit', () => {
  it('takes the cell unit first', () => {
    expect(resolveUnit({ cell: '5人', rowLabel: '利用実人数（人／月）' })).toEqual({
      unit: 'person',
      unitText: '人',
      from: 'cell',
      factor: 1,
    });
  });

  it('then the row label', () => {
    expect(resolveUnit({ cell: '191 <116>', rowLabel: '利用実人数（人／月）', corner: '(件/年)' })).toMatchObject({
      unit: 'person/month',
      from: 'rowLabel',
    });
  });

  it('then the column header', () => {
    expect(resolveUnit({ cell: '3', rowLabel: '計画値', colHeader: '開催回数（回）' })).toMatchObject({
      unit: 'time',
      unitText: '回',
      from: 'colHeader',
    });
  });

  it('then the corner cell', () => {
    expect(
      resolveUnit({ cell: '10', rowLabel: '介護・訓練支援用具', colHeader: 'R3年度 (見込)', corner: '(件/年)' }),
    ).toMatchObject({
      unit: 'case/year',
      from: 'corner',
    });
  });

  it('then the caption', () => {
    expect(
      resolveUnit({
        cell: '2.91',
        rowLabel: 'H29 年度末',
        colHeader: '身体障害 者手帳',
        corner: '現在',
        caption: '(%)',
      }),
    ).toMatchObject({ unit: 'percent', from: 'caption' });
  });

  it('keeps a compound unit only when nothing else has a unit', () => {
    expect(resolveUnit({ cell: '2,621', rowLabel: 'H29 年度末', caption: '(人・世帯)' })).toEqual({
      unit: null,
      unitText: '人・世帯',
      from: 'caption',
      factor: 1,
    });
    expect(resolveUnit({ cell: '2,621', corner: '(人・世帯)', caption: '(人)' })).toMatchObject({
      unit: 'person',
      from: 'caption',
    });
  });

  it('returns a factor from a label unit', () => {
    expect(resolveUnit({ cell: '1,200', colHeader: '事業費（千円）' })).toMatchObject({ unit: 'yen', factor: 1000 });
  });

  it('says null when no source has a unit', () => {
    expect(resolveUnit({ cell: '12', rowLabel: '事業者数' })).toEqual({
      unit: null,
      unitText: null,
      from: null,
      factor: 1,
    });
    expect(resolveUnit({})).toEqual({ unit: null, unitText: null, from: null, factor: 1 });
  });
});
