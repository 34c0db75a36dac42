/**
 * Header words in labels: a markdown table has one header row (the line before `---`); the rows under it that name
 * every value column (a banner, the services, the kinds) are header rows too, not body rows labelling nothing. A
 * group row (a label in its first cell only) stays in the body; a banner spanning its columns (`| 第9期計画 | |`)
 * is a header row too, and a corner made of header words (`項目内容`) names nothing.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { isGeneric } from '../packages/normalizer/src/labels.js';
import { normalizeLayout } from './pipeline.js';

describe('header rows below a markdown header row', () => {
  const n = normalizeLayout('label-header-rows.md');
  const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

  it('reads the services and kinds named in the rows under the header as column headers', () => {
    expect(n.observations.map(row)).toEqual([
      ['障害児通所支援 児童発達支援', 2022, 'plan', 48, null],
      ['障害児通所支援 児童発達支援', 2022, 'actual', 51, null],
      ['障害児通所支援 保育所等訪問支援', 2022, 'plan', 12, null],
      ['障害児通所支援 保育所等訪問支援', 2022, 'actual', 9, null],
      ['障害児通所支援 児童発達支援', 2023, 'plan', 50, null],
      ['障害児通所支援 児童発達支援', 2023, 'actual', 57, null],
      ['障害児通所支援 保育所等訪問支援', 2023, 'plan', 14, null],
      ['障害児通所支援 保育所等訪問支援', 2023, 'actual', 15, null],
      ['居宅介護', 2022, 'actual', 820, 'hour/month'],
      ['居宅介護', 2023, 'actual', 845, 'hour/month'],
      ['訪問リハビリテーション', 2024, 'plan', 88, 'person/month'],
      ['訪問リハビリテーション', 2025, 'plan', 92, 'person/month'],
      ['居宅療養管理指導', 2024, 'plan', 240, 'person/month'],
      ['居宅療養管理指導', 2025, 'plan', 251, 'person/month'],
      ['訪問リハビリテーション', 2024, 'actual', 85, 'person/month'],
      ['訪問リハビリテーション', 2025, 'actual', 97, 'person/month'],
      ['居宅療養管理指導', 2024, 'actual', 236, 'person/month'],
      ['居宅療養管理指導', 2025, 'actual', 262, 'person/month'],
    ]);
  });
});

describe('isGeneric', () => {
  it('reads header words and texts made of them only as naming nothing', () => {
    for (const w of ['区分', '内容', '項目内容', '区分区分', 'サービス種別', '（単位）'])
      expect([w, isGeneric(w)]).toEqual([w, true]);
    for (const w of ['訪問介護', '相談支援事業', '区分支給限度額']) expect([w, isGeneric(w)]).toEqual([w, false]);
  });

  it('reads a caption tail after generic words or nothing as naming nothing, not one after a name', () => {
    for (const w of ['年度別の状況', '各年度の推移', '利用状況', 'サービス利用の推移', '推移', '年次'])
      expect([w, isGeneric(w)]).toEqual([w, true]);
    for (const w of ['相談支援の状況', '給付費の推移', '就労定着率', '利用者数'])
      expect([w, isGeneric(w)]).toEqual([w, false]);
  });
});
