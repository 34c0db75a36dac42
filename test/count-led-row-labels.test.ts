// Family "labels that contain digits": a row label that starts with a count and goes on with a word (`1割負担`,
// `24時間対応`) parses as a number, so the stub cell was blanked as data and the row took the label of the row
// above it (layout.row-labels-carry-down): 3,820 persons paying 10% read as another 合計 at low confidence. A cell
// whose word after the number is a qualifier (`20人以上`) stays as it was. Written in other words than the probe
// where the family was found (区分別 tables with `1日あたり`, `2割負担`, `24時間対応` rows under 合計).

import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('row labels that start with a count', () => {
  const n = normalizeLayout('count-led-row-labels.md');
  const labelOf = (v: number) => n.observations.find((o) => o.value === v)?.indicator_label ?? '';

  it('names the rows 1割負担, 2割負担, 3割負担, not 合計', () => {
    expect(labelOf(3820)).toContain('1割負担');
    expect(labelOf(272)).toContain('2割負担');
    expect(labelOf(140)).toContain('3割負担');
    // (the total row keeps its reading: the corner's 負担割合, no count-led name)
    expect(labelOf(4305)).not.toContain('割負担');
  });

  it('names the row 24時間対応, not 全事業所', () => {
    expect(labelOf(6)).toContain('24時間対応');
    expect(labelOf(6)).not.toContain('全事業所');
    expect(n.observations.filter((o) => o.value === 7).map((o) => o.fiscal_year)).toEqual([2023]);
  });
});
