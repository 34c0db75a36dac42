/**
 * test/layouts/area-rows.txt (written for this test, in other words than the 大阪府 press release of the
 * real-osaka-covid-20210407 fixture): family "areas as rows" (docs/OBSERVATIONS.md, subgroup) — under a corner naming
 * areas (`市町村`, `都道府県名`) each row is a subgroup of what its column counts, also when the table is printed in
 * two halves side by side (the area nearest left of the cell).
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('area-rows.txt');
const row = (o: Observation) => [o.indicator_label, o.subgroup, o.value];
const rows = n.observations.map(row);

describe('rows that are areas', () => {
  it('reads each municipality as a subgroup of the column, in both halves', () => {
    expect(rows).toContainEqual(['申立件数', '前橋市', 12]);
    expect(rows).toContainEqual(['申立件数', '前橋市', 140]);
    expect(rows).toContainEqual(['申立件数', '高崎市', 9]);
    expect(rows).toContainEqual(['申立件数', '伊勢崎市', 77]);
  });

  it('reads prefectures under 都道府県名 the same way', () => {
    expect(rows).toContainEqual(['申立件数', '栃木県', 2]);
    expect(rows).toContainEqual(['申立件数', '埼玉県', 1]);
  });

  it('names no area as an indicator', () => {
    expect(n.observations.filter((o) => /[市県]/u.test(o.indicator_label))).toEqual([]);
  });
});
