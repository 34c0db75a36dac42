/**
 * Family "restated breakdown rows" (`label.restated-part-of-row-above`, `unit.part-of-row-above`): a row marked 再掲
 * (`【再掲】 身体障害者`, `精神障害者の利用者数 (再掲)`, `（再掲）精神障害者`) or led by うち right under an indicator's
 * row restates a part of it: the indicator of the row above with the group as subgroup, counted in the unit of the
 * row above when it writes none. A markdown document in other words than any fixture (さくら市, residential and
 * home-visit services).
 */
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const observationsOf = (name: string, text: string) => normalizeDocument(extractText(text, name)).observations;

describe('rows that restate a part of the indicator above', () => {
  const n = normalizeLayout('restated-breakdown-rows.md');
  const of = (v: number) =>
    n.observations
      .filter((o) => o.value === v)
      .map((o) => [o.indicator_label, o.subgroup, o.unit, o.fiscal_year, o.value_kind]);

  it('reads a 再掲 row as the group of the row above, in its unit', () => {
    expect(of(19)).toEqual([['施設入所支援', '身体障害者', 'person/month', 2024, 'actual']]);
    expect(of(27)).toEqual([['共同生活援助', '精神障害者', 'person/month', 2024, 'actual']]);
    expect(of(3)).toEqual([['自立生活援助', '精神障害者', 'person/month', 2024, 'actual']]);
  });

  it('gives a うち row the unit of the row above', () => {
    expect(of(204)).toEqual([['居宅介護', '障害児', 'hour/month', 2024, 'actual']]);
  });

  it('leaves the indicators themselves as they were', () => {
    expect(of(81)).toEqual([['共同生活援助', null, 'person/month', 2024, 'actual']]);
    expect(of(298)).toEqual([['同行援護', null, 'hour/month', 2024, 'actual']]);
  });
});

// One reader of the うち/再掲 family (readPartOf) for stub rows and words in text cells: a うち row splits its measure
// after の as a 再掲 row does, and a text cell marked 再掲 is a part of the row above as one marked うち is.
describe('one reader for うち and 再掲', () => {
  it('a うち stub keeps the measure after の out of the group', () => {
    const obs = observationsOf('uchi.tsv', '区分\t2024年度\n短期入所（人/月）\t64\nうち重症心身障害児の利用者数\t9\n');
    const part = obs.find((o) => o.value === 9)!;
    expect([part.indicator_label, part.subgroup, part.measure]).toEqual(['短期入所', '重症心身障害児', '利用者数']);
  });
  it('a text cell under a (再掲) stub is a part of the row above', () => {
    const obs = observationsOf(
      'saikei.tsv',
      '成果目標\t実績\n福祉施設から一般就労への移行者数\t令和5年度に25人が移行した。\n（再掲）就労移行支援事業\t令和5年度に12人が移行した。\n',
    );
    const part = obs.find((o) => o.value === 12)!;
    expect([part.indicator_label, part.subgroup]).toEqual(['福祉施設から一般就労への移行者数', '就労移行支援事業']);
  });
});
