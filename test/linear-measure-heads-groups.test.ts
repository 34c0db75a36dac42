/**
 * Family "a linearized header of measures with their units, and group heads over uneven groups of them" (tuned
 * corpus, a table copied one row per line): the lowest header line is only measures with their units
 * (`費用額（千円） 利用者数（人/月）`) and nothing over the stub columns, a lone banner line sits between it and a line
 * that heads the stub (`年次 サービス利用の推移` / `利用の状況`); or the header has a word for each group its lower line
 * repeats in (`定期巡回・随時対応型訪問介護看護 看護小規模多機能型居宅介護` over `給付費 回数 人数 | 給付費 人数`).
 * Before, the first header was not taken (every number got the unit the table's text hinted, 18,210 thousand yen read
 * as 18,210 people a month) and the group heads were read as a stub word and one banner over every column (the first
 * group's numbers labelled by the second). Now a header of measures with units is a header, a lone line under a
 * stub-heading line is a banner, and a row with a word per repeated group heads the groups
 * (extractor/src/linear/spaced.ts headerAbove, stack.ts placeHeaderLines/placeRow). The banners then read as the
 * label until a banner that is only generic words and a caption's tail (`サービス利用の推移`, `利用の状況`) counted as
 * naming nothing (normalizer labels.ts isGeneric), like `年次` over the years.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('linearized measure heads and group heads', () => {
  const n = normalizeLayout('linear-measure-heads-groups.txt');
  const of = (v: number) =>
    n.observations
      .filter((o) => o.value === v)
      .map((o) => [o.indicator_id, o.measure, o.unit, o.fiscal_year, o.value_kind]);

  // (the banners `サービス利用の推移` / `利用の状況` and the stub head `年次` name nothing: the heading names the service)
  it('reads a header of measures with their units over period and kind stubs', () => {
    expect(of(18210000)).toEqual([['kaigo.houmon_kaigo', '費用額', 'yen', 2023, 'actual']]);
    expect(of(412)).toEqual([['kaigo.houmon_kaigo', '利用者数', 'person/month', 2023, 'actual']]);
    expect(of(19420000)).toEqual([['kaigo.houmon_kaigo', '費用額', 'yen', 2025, 'estimate']]);
  });

  it('puts each group head over the columns its group repeats in', () => {
    expect(of(51200000)).toEqual([['kaigo.teiki_junkai', '給付費', 'yen', 2023, 'actual']]);
    expect(of(640)).toEqual([['kaigo.teiki_junkai', '回数', 'time/month', 2023, 'actual']]);
    expect(of(88100000)).toEqual([['kaigo.kango_shokibo_takino', '給付費', 'yen', 2023, 'actual']]);
    expect(of(31)).toEqual([['kaigo.kango_shokibo_takino', '人数', 'person/month', 2023, 'actual']]);
  });
});
