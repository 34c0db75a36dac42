import type { Table } from '@shiryo/model';
import { tableToGrid } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { tableFromRows } from '../src/draft.js';
import { recolumnContinuation } from '../src/pdf/pages.js';
import { joinCycledGroupLabels } from '../src/repairs/cycled.js';

/** A stream table from rows of texts, its first `h` rows the header, columns 0–1 stubs. */
function table(rows: string[][], h = 1): Table {
  const t = tableFromRows(
    rows.map((r, i) => r.map((text, c) => ({ orig: text, role: i < h ? 'header' : c < 2 ? 'stub' : 'body' }))),
    'stream',
    undefined,
  );
  return { ...t, headerRows: h };
}
const column = (t: Table, c: number) => tableToGrid(t).map((r) => r[c]?.text ?? '');

describe('joinCycledGroupLabels', () => {
  it('joins the lines of a label centred over each turn of a cycle of kinds', () => {
    const t = table([
      ['事業', '区分', '6年度', '7年度'],
      ['', '計画', '10', '12'],
      ['移動支援の', '実績', '9', '－'],
      ['利用者数', '差', '▲1', '－'],
      ['', '計画', '5', '6'],
      ['日中一時支援', '実績', '4', '－'],
      ['', '差', '▲1', '－'],
    ]);
    const out = joinCycledGroupLabels(t);
    expect(out.quality.repairs).toContain('joinCycledGroupLabels');
    expect(column(out, 0)).toEqual(['事業', ...Array(3).fill('移動支援の利用者数'), ...Array(3).fill('日中一時支援')]);
  });

  it('drops a row that held nothing but a line of a label', () => {
    const t = table([
      ['事業', '年度', '見込', '実績'],
      ['', 'R6', '年4回', '年3回'],
      ['成年後見制度の', '', '', ''],
      ['普及啓発の回数', 'R7', '年4回', '－'],
      ['', 'R6', '2件', '1件'],
      ['法人後見の支援件数', 'R7', '2件', '－'],
    ]);
    const out = joinCycledGroupLabels(t);
    expect(out.nRows).toBe(5);
    expect(column(out, 0)).toEqual([
      '事業',
      '成年後見制度の普及啓発の回数',
      '成年後見制度の普及啓発の回数',
      '法人後見の支援件数',
      '法人後見の支援件数',
    ]);
    expect(column(out, 1)).toEqual(['年度', 'R6', 'R7', 'R6', 'R7']);
  });

  it('leaves labels repeated on every row, labels at the top of their group, and a column of years', () => {
    const repeated = table([
      ['事業', '区分', '6年度'],
      ['短期入所', '計画', '10'],
      ['短期入所', '実績', '9'],
      ['生活介護', '計画', '5'],
      ['生活介護', '実績', '4'],
    ]);
    expect(joinCycledGroupLabels(repeated)).toBe(repeated);
    const top = table([
      ['事業', '区分', '6年度'],
      ['短期入所', '計画', '10'],
      ['', '実績', '9'],
      ['生活介護', '計画', '5'],
      ['', '実績', '4'],
    ]);
    expect(joinCycledGroupLabels(top)).toBe(top);
    const years = table([
      ['年度', '区分', '参加人数'],
      ['令和5年度', '実績', '12人'],
      ['令和6年度', '見込', '14人'],
      ['令和6年度', '実績', '14人'],
      ['令和7年度', '見込', '14人'],
    ]);
    expect(joinCycledGroupLabels(years)).toBe(years);
  });
});

describe('recolumnContinuation', () => {
  const box = (x0: number, x1: number) => ({ x0, y0: 0, x1, y1: 10 });
  const withBoxes = (t: Table, xs: [number, number][]) => ({
    ...t,
    cells: t.cells.map((c) => ({ ...c, bbox: box(xs[c.col]![0], xs[c.col + c.colSpan - 1]![1]) })),
  });
  const first = withBoxes(
    table([
      ['事業名', '内容', '区分', '単位', '令和3年度', '令和4年度'],
      ['就労移行支援', '利用人数', '計画', '人/月', '98', '103'],
      ['', '', '実績', '人/月', '77', '－'],
    ]),
    [
      [50, 120],
      [120, 180],
      [180, 230],
      [230, 270],
      [270, 330],
      [330, 390],
    ],
  );

  it('puts a narrower continuation back into its table: by the header it repeats, else by position', () => {
    // on the new page the label columns are empty: 事業名 and 内容 ran together, the kind stands under 区分
    const next = withBoxes(
      table([
        ['事業名内容', '単位', '令和3年度', '令和4年度'],
        ['差', '人/月', '▲21', '－'],
      ]),
      [
        [185, 228],
        [230, 270],
        [270, 330],
        [330, 390],
      ],
    );
    const out = recolumnContinuation(first, next);
    expect(out).not.toBeNull();
    expect(out!.nCols).toBe(6);
    expect(tableToGrid(out!)[1]!.map((c) => c?.text ?? '')).toEqual(['', '', '差', '人/月', '▲21', '-']);
  });

  it('gives up when a cell stands over two columns alike, or the header is another table’s', () => {
    const merged = withBoxes(
      table([
        ['事業名内容', '単位', '令和3年度令和4年度'],
        ['差', '人/月', '▲21'],
      ]),
      [
        [185, 228],
        [230, 270],
        [270, 390],
      ],
    );
    expect(recolumnContinuation(first, merged)).toBeNull();
    const other = withBoxes(
      table([
        ['圏域', '箇所数', '定員'],
        ['北部', '3', '40'],
      ]),
      [
        [50, 180],
        [180, 270],
        [270, 390],
      ],
    );
    expect(recolumnContinuation(first, other)).toBeNull();
  });
});
