/**
 * Family "counts that look like years at the end of a spaced row" (a PDF viewer's copy, a row a line): a row whose
 * last counts could be years (`令和4年度 330 296 1950 2013`) was no row — a number that could be a year was a value
 * only between two values — so the line was read as words, joined to the next row as its label, and that row's values
 * took the year before theirs. Years after a count are values unless they run on by one (`2022 2023`, a header).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('linear-spaced-last-count-year.txt');
const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]);
const has = (label: string, fy: number, kind: string, value: number) =>
  rows.some((r) => r[0] === label && r[1] === fy && r[2] === kind && r[3] === value);

describe('counts like years at the end of a spaced row', () => {
  it('reads the row of those counts under its own year', () => {
    expect(has('移動支援事業', 2022, 'plan', 1950)).toBe(true);
    expect(has('移動支援事業', 2022, 'actual', 2013)).toBe(true);
    expect(has('訪問入浴サービス事業', 2022, 'actual', 296)).toBe(true);
  });
  it('reads the next row under its year, labelled by its item alone', () => {
    expect(has('移動支援事業', 2023, 'plan', 2000)).toBe(true);
    expect(has('訪問入浴サービス事業', 2023, 'plan', 340)).toBe(true);
    expect(rows).toHaveLength(14);
  });
});
