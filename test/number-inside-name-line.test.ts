// Family "labels that contain digits", in prose: a bullet naming an indicator whose name holds a number that
// modifies it (`定員20人以上の通所事業所の割合`, `年4回以上の訪問を受けたひとり暮らし高齢者の数`) names the dated values
// on the line below it. Before, its number made it a line of values (it gave none) rather than a label line, so the
// values below took the heading's words (成果指標の推移). Written in other words than the generated documents where
// the family was found (`・就労定着率が7割以上の就労定着支援事業所の割合` over `2023年度末：56% 2024年度末：59%`).

import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a label line with a number inside the name', () => {
  const n = normalizeLayout('number-inside-name-line.txt');
  const labelOf = (v: number) => n.observations.find((o) => o.value === v)?.indicator_label ?? '';

  it('names the values below it', () => {
    expect(labelOf(42)).toContain('通所事業所の割合');
    expect(labelOf(45)).toContain('通所事業所の割合');
    expect(labelOf(335)).toContain('ひとり暮らし高齢者の数');
  });

  it('reads no value from the name itself (20人, 年4回)', () => {
    expect(n.observations.map((o) => o.value).sort((a, b) => a - b)).toEqual([42, 45, 310, 335]);
  });
});
