/**
 * Family "caption of a group's measure under an item's heading" (`label.item-heading-over-group-caption`): a table
 * whose rows and columns name only kinds and years, under a caption counting a measure for a group of services
 * (`表1 必須事業の利用件数`) right below a heading naming one service with that measure in brackets (`(1) 成年後見制度
 * 利用支援事業（利用件数）`), counts that service. Under a heading of a topic (`(2) 相談支援事業の状況`) the caption
 * names what is counted.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a group caption under a heading naming one item and the measure', () => {
  const n = normalizeLayout('group-caption-item-heading.tsv');
  const labelsOf = (v: number) => n.observations.filter((o) => o.value === v).map((o) => o.indicator_label);

  it('labels the values with the heading’s item', () => {
    for (const v of [4, 5, 3, 6]) expect(labelsOf(v)).toEqual(['成年後見制度利用支援事業']);
    expect(n.observations.find((o) => o.value === 6)).toMatchObject({ value_kind: 'actual', fiscal_year: 2023 });
  });

  it('keeps the caption when the heading above states no measure of an item', () => {
    for (const v of [820, 840, 798, 861]) expect(labelsOf(v)).toEqual(['基幹相談支援センターの相談件数']);
  });
});
