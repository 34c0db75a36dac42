/**
 * Labels that are fragments (issue 14 item 3: `7人`, `基準日`, `末` were stored as indicators): what is left of a
 * line or a header once its value or its date is read names nothing, so the value takes the name above it; a label
 * that still names nothing is flagged.
 */
import { extractText } from '@shiryo/extractor';
import { isFragmentLabel, normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const read = (text: string, name: string) => normalizeDocument(extractText(text, name)).observations;

describe('fragment labels', () => {
  it('a heading that is only a kind and a value (`② 実績 7人`) is of the heading above it', () => {
    const obs = read(
      '# 令和3年度 障害福祉計画の実績\n\n(2) 就労定着支援事業利用者数\n\n① 目標 令和5年度（1年間）において就労定着支援事業を利用する人数 12人\n\n② 実績 7人\n\n(3) 評価\n\n評価の文。\n',
      'r3.txt',
    );
    const seven = obs.find((o) => o.value === 7);
    expect(seven?.indicator_label).toBe('就労定着支援事業利用者数');
    expect(seven?.value_kind).toBe('actual');
  });

  it('a corner over dates (`基準日`) and a date header’s rest (`R4.3末` → `末`) name nothing: the caption does', () => {
    const obs = read(
      '療育手帳所持者数（判定別・年齢別）\n\n基準日\tＡ\tＢ\t計\n平成31年3月31日\t458\t780\t1,238\n\n等級別身体障害者手帳所持者数\n\n等級\tH31.3.31\tR4.3末\n1級\t1,712\t1,703\n',
      'annex.tsv',
    );
    expect(new Set(obs.map((o) => o.indicator_label))).toEqual(
      new Set(['療育手帳所持者数', '等級別身体障害者手帳所持者数']),
    );
    const r4 = obs.find((o) => o.value === 1703);
    expect([r4?.fiscal_year, r4?.subgroup]).toEqual([2021, '1級']);
  });

  it('flags a label that names nothing, and only such labels', () => {
    for (const l of ['7人', '末', '基準日', '（12件）', 'A', '']) expect(isFragmentLabel(l), l).toBe(true);
    for (const l of ['認定率', '65歳以上人口', '就労継続支援(B型)', '1級', '療育手帳所持者数'])
      expect(isFragmentLabel(l), l).toBe(false);
  });
});
