/**
 * Family "a column of words beside the stub, headed on the lower header row only" (a web page's table copied one
 * cell per line): the kinds row (`計画 / 計画 / 実績 / …`) stands over the period columns alone — the copy dropped the
 * empty cells over the stub and over a column of words (`設定の考え方`: `町内に1か所以上設置する`) — and the lower row
 * heads the stub, the words column and the periods. Before, the words were the row's label and the item a group
 * heading above it, or the words a value column, and every value took the kind of the column left of its own.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('linear-cells-words-column.txt');
const rows = n.observations.map((o) => [
  [o.indicator_label, o.subgroup, o.measure].join(' '),
  o.fiscal_year,
  o.value_kind,
  o.value,
]);
// (見込 reads as plan or estimate: the scorer takes them as one)
const same = (a: unknown, b: string) =>
  a === b || (['plan', 'estimate'].includes(String(a)) && ['plan', 'estimate'].includes(b));
const has = (label: string, fy: number, kind: string, value: number) =>
  rows.some((r) => String(r[0]).includes(label) && r[1] === fy && same(r[2], kind) && r[3] === value);

describe('a words column between the stub and the period columns', () => {
  it('reads each value under its own kind and year, labelled by its item', () => {
    expect(has('児童発達支援センター', 2021, 'plan', 1)).toBe(true);
    expect(has('児童発達支援センター', 2021, 'actual', 0)).toBe(true);
    expect(has('重症心身障害児', 2022, 'plan', 2)).toBe(true);
    expect(has('重症心身障害児', 2021, 'actual', 1)).toBe(true);
    expect(has('重症心身障害児', 2023, 'estimate', 3)).toBe(true);
    expect(has('医療的ケア児', 2022, 'actual', 3)).toBe(true);
  });
  it('reads no number out of the words column as a period value', () => {
    expect(rows.filter((r) => r[1] !== null && r[2] !== 'target')).toHaveLength(15);
  });
});
