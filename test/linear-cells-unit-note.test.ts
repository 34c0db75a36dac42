/**
 * Family "the table's unit note on its own line over a cell-per-line header" (`単位：か所` then `項目 / 種別 /
 * 県の考え方 / 令和2年度末 / …`, a web page's table copied one cell per line): the note heads no column. Before, the
 * header reading that took the most lines took the note as the first stub head, so every head moved one column left,
 * the words column's head (`県の考え方`) stood over the periods as a banner and the periods over the words: no value
 * was read. The note, a line over the table now, heads no section either (`… > 単位：か所` was the section path of
 * the values under it).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('linear-cells-unit-note.txt');
const rows = n.observations.map((o) => [
  [o.indicator_label, o.subgroup].join(' '),
  o.fiscal_year,
  o.value_kind,
  o.value,
  o.unit,
]);
const has = (label: string, fy: number, kind: string, value: number) =>
  rows.some((r) => String(r[0]).includes(label) && r[1] === fy && r[2] === kind && r[3] === value);

describe('a unit note over a cell-per-line header', () => {
  it('reads each value under its own period and kind, in the unit of the note', () => {
    expect(has('基幹相談支援センター', 2020, 'baseline', 1)).toBe(true);
    expect(has('基幹相談支援センター', 2024, 'target', 2)).toBe(true);
    expect(has('基幹相談支援センター', 2023, 'actual', 2)).toBe(true);
    expect(has('地域活動支援センター', 2022, 'actual', 4)).toBe(true);
    expect(has('地域活動支援センター', 2024, 'target', 5)).toBe(true);
    expect(rows.every((r) => r[4] === 'facility')).toBe(true);
  });
  it('keeps the note out of the section path (a unit line heads no section)', () => {
    expect(n.observations.filter((o) => (o.section ?? '').includes('単位'))).toHaveLength(0);
  });
  it('reads no number out of the words column', () => {
    expect(rows).toHaveLength(8);
  });
});
