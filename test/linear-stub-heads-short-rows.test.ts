/**
 * Two alignment families of a table copied a row per line (a PDF viewer's copy):
 *  - "header of several stub heads over the first row": a header line of two or three stub heads and then the period
 *    or kind heads (`事業名 項目 種別 2021年度 …`) above rows of as many stub words; before, the line was taken for the
 *    first row's wrapped label and the table lost its header (no year for any value);
 *  - "a row that leaves out an inner stub cell": under a group's first row (`…の設置数 2020年度末 圏域に1か所以上 0 ―
 *    ―`), the rows write their period alone (`2022年度末 ― ― 1`), the item and the words column merged; before,
 *    the period stood right-aligned in the words column and every value took the group's first period.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('linear-stub-heads-short-rows.txt');
// (the label as the scorer reads it: indicator, subgroup and measure together)
const rows = n.observations.map((o) => [
  [o.indicator_label, o.subgroup, o.measure].join(' '),
  o.fiscal_year,
  o.value_kind,
  o.value,
]);
const has = (label: string, fy: number, kind: string, value: number) =>
  rows.some((r) => String(r[0]).includes(label) && r[1] === fy && r[2] === kind && r[3] === value);

describe('a header of three stub heads over period columns', () => {
  it('reads each value under its year and kind', () => {
    expect(has('児童発達支援', 2021, 'plan', 52)).toBe(true);
    expect(has('児童発達支援', 2023, 'actual', 61)).toBe(true);
    expect(has('放課後等デイサービス', 2022, 'actual', 131)).toBe(true);
    expect(has('放課後等デイサービス', 2023, 'plan', 136)).toBe(true);
  });
  it('takes no header word for a label', () => {
    expect(rows.some((r) => String(r[0]).includes('事業名'))).toBe(false);
  });
});

describe('rows that write only their period under a group', () => {
  it('gives each row its own period', () => {
    expect(has('児童発達支援センター', 2020, 'baseline', 0)).toBe(true);
    expect(has('児童発達支援センター', 2022, 'actual', 1)).toBe(true);
    expect(has('児童発達支援センター', 2023, 'target', 1)).toBe(true);
    expect(has('保育所等訪問支援', 2022, 'actual', 3)).toBe(true);
    expect(has('保育所等訪問支援', 2023, 'target', 4)).toBe(true);
  });
});
