/**
 * The pure steps of the PDF reader, on hand-made spans, rulings and operator lists: coordinates, vertical stacks,
 * lines, rulings, lattice cells (merged, open sides), stream columns (wrapped labels, spanning headers).
 */
import { type Ruling, tableToGrid } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PDF_SETTINGS,
  findTables,
  garbageShare,
  gridToCells,
  joinVerticalStacks,
  latticeTables,
  loadPdfJs,
  looksTabular,
  mergeRulings,
  operatorListToRulings,
  rulingsToGrids,
  spansToLines,
  streamTables,
  textItemToSpan,
} from '../src/index.js';
import { pdfSpan } from './helpers.js';

const span = pdfSpan;
/** A row of cells on one line: [text, x0, x1] each. */
const row = (y: number, cells: [string, number, number][]) => cells.map(([t, a, b]) => span(t, a, y, b));
const texts = (t: Parameters<typeof tableToGrid>[0]) => tableToGrid(t).map((r) => r.map((c) => c?.text ?? null));
const h = (y: number, x0: number, x1: number): Ruling => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Ruling => ({ x0: x, y0, x1: x, y1 });
const VIEWPORT = [1, 0, 0, -1, 0, 842] as const;

describe('text items → spans', () => {
  it('converts the bottom-left transform once to a top-left box, NFKC in text and raw in orig', () => {
    const s = textItemToSpan(
      { str: 'Ｒ３年度　見込', transform: [10, 0, 0, 10, 100, 700], width: 70, height: 10, fontName: 'f1' },
      { ascent: 0.9, descent: -0.1 },
      VIEWPORT,
    )!;
    expect(s).toMatchObject({ text: 'R3年度 見込', orig: 'Ｒ３年度　見込', dir: 'h', size: 10, font: 'f1' });
    expect(s.bbox).toEqual({ x0: 100, y0: 133, x1: 170, y1: 143 });
  });

  it('reads text turned a quarter (running up the page) as vertical', () => {
    const s = textItemToSpan(
      { str: '障害福祉', transform: [0, 10, -10, 0, 50, 300], width: 40, height: 10, fontName: 'f1' },
      undefined,
      VIEWPORT,
    )!;
    expect(s.dir).toBe('v');
    expect(s.bbox.y1 - s.bbox.y0).toBeCloseTo(40, 5);
    expect(s.bbox.x1 - s.bbox.x0).toBeCloseTo(10, 5);
  });

  it('drops whitespace-only items', () => {
    expect(
      textItemToSpan({ str: '  ', transform: [10, 0, 0, 10, 0, 0], width: 5, height: 0, fontName: 'f' }, {}, VIEWPORT),
    ).toBeNull();
  });

  it('measures garbage: U+FFFD and private-use characters', () => {
    expect(garbageShare([span('\ue001\ue002\ufffd字', 0, 0, 40)])).toBe(0.75);
    expect(garbageShare([span('居宅介護', 0, 0, 40)])).toBe(0);
    expect(garbageShare([])).toBe(1);
  });
});

describe('vertical stacks', () => {
  it('joins single glyphs set one under the other, alone on their lines', () => {
    const out = joinVerticalStacks([span('本', 500, 100, 510), span('文', 500, 111, 510), span('中', 500, 122, 510)]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ text: '本文中', dir: 'v', bbox: { x0: 500, y0: 100, x1: 510, y1: 132 } });
  });

  it('leaves a column of single digits and the glyphs of horizontal words alone', () => {
    const digits = [span('5', 300, 100, 306), span('3', 300, 112, 306), span('7', 300, 124, 306)];
    expect(joinVerticalStacks(digits)).toEqual(digits);
    // A two-line text drawn glyph by glyph: every glyph has a neighbour on its line.
    const grid = [
      ...row(100, [
        ['日', 100, 110],
        ['本', 110, 120],
      ]),
      ...row(111, [
        ['語', 100, 110],
        ['文', 110, 120],
      ]),
    ];
    expect(joinVerticalStacks(grid)).toEqual(grid);
  });
});

describe('lines', () => {
  it('groups spans by baseline, joins Japanese without spaces and separates cells with one', () => {
    const lines = spansToLines([
      span('居宅', 60, 100, 80),
      span('介護', 80, 100.5, 100),
      span('412', 280, 100, 300),
      span('次の行', 60, 120, 90),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['居宅介護 412', '次の行']);
  });

  it('says a page looks tabular when lines split into cells', () => {
    const l = spansToLines([
      ...row(100, [
        ['a', 0, 10],
        ['b', 100, 110],
      ]),
      ...row(120, [
        ['c', 0, 10],
        ['d', 100, 110],
      ]),
    ]);
    expect(looksTabular(l, 0.75)).toBe(true);
    expect(looksTabular(spansToLines([span('一行だけの文章です。', 0, 0, 100)]), 0.75)).toBe(false);
  });
});

describe('rulings from the operator list', () => {
  it('reads stroked lines under transforms, thin filled bars, box edges; skips white, diagonal and curved paths', async () => {
    const { OPS } = await loadPdfJs();
    const path = (...xs: number[]) => new Float32Array(xs);
    const ops: [number, unknown][] = [
      // A horizontal line in a translated space: 0,0 → 100,0 at (50, 700) → y = 842 − 700 = 142.
      [OPS.save, null],
      [OPS.transform, [1, 0, 0, 1, 50, 700]],
      [OPS.constructPath, [OPS.stroke, [path(0, 0, 0, 1, 100, 0)], null]],
      [OPS.restore, null],
      // A thin filled bar (1 pt high) → one ruling along its middle.
      [OPS.constructPath, [OPS.fill, [path(0, 50, 600, 1, 150, 600, 1, 150, 601, 1, 50, 601, 4)], null]],
      // A shaded box → its four edges.
      [OPS.constructPath, [OPS.fill, [path(0, 50, 500, 1, 150, 500, 1, 150, 550, 1, 50, 550, 4)], null]],
      // White, diagonal, curved: none.
      [OPS.setStrokeRGBColor, ['#ffffff']],
      [OPS.constructPath, [OPS.stroke, [path(0, 0, 400, 1, 300, 400)], null]],
      [OPS.setStrokeRGBColor, ['#000000']],
      [OPS.constructPath, [OPS.stroke, [path(0, 0, 0, 1, 100, 100)], null]],
      [OPS.constructPath, [OPS.stroke, [path(0, 0, 300, 2, 30, 300, 60, 300, 90, 300)], null]],
    ];
    const list = { fnArray: ops.map((o) => o[0]), argsArray: ops.map((o) => o[1]) };
    const rulings = operatorListToRulings(list, OPS, VIEWPORT);
    expect(rulings).toContainEqual({ x0: 50, y0: 142, x1: 150, y1: 142 });
    expect(rulings).toContainEqual({ x0: 50, y0: 241.5, x1: 150, y1: 241.5 });
    expect(rulings.filter((r) => r.y0 >= 292 && r.y1 <= 342)).toHaveLength(4);
    expect(rulings).toHaveLength(6);
  });

  it('joins collinear pieces and snaps near-duplicates', () => {
    const merged = mergeRulings(
      [h(100, 0, 50), h(100.8, 50, 100), h(100, 102, 150), v(10, 0, 40), v(10, 40, 80)],
      2,
      3,
    );
    expect(merged).toEqual([
      { x0: 0, y0: 100.27, x1: 150, y1: 100.27 },
      { x0: 10, y0: 0, x1: 10, y1: 80 },
    ]);
  });
});

describe('lattice', () => {
  const s = DEFAULT_PDF_SETTINGS.lattice;

  it('merges cells across missing inner edges: a header spanning two columns, a stub spanning two rows', () => {
    // Columns 0|100|200|300, rows 0|20|40|60. No rule at x=200 in the first row; none at y=40 in the first column.
    const rulings = [
      h(0, 0, 300),
      h(20, 100, 300),
      h(40, 100, 300),
      h(60, 0, 300),
      v(0, 0, 60),
      v(100, 0, 60),
      v(200, 20, 60),
      v(300, 0, 60),
    ];
    const grids = rulingsToGrids(rulings, s);
    expect(grids).toHaveLength(1);
    const cells = gridToCells(grids[0]!, s);
    expect(cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 3, 1],
      [0, 1, 1, 2],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
    ]);
  });

  it('keeps the first and last columns of a table drawn without side borders', () => {
    const rulings = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), v(100, 0, 40), v(200, 0, 40)];
    const spans = [
      ...row(5, [
        ['区分', 10, 30],
        ['R6', 120, 140],
        ['R7', 220, 240],
      ]),
      ...row(25, [
        ['居宅介護', 10, 50],
        ['5', 120, 126],
        ['6', 220, 226],
      ]),
    ];
    const [t] = latticeTables(spans, rulings, s);
    expect(texts(t!.table)).toEqual([
      ['区分', 'R6', 'R7'],
      ['居宅介護', '5', '6'],
    ]);
  });

  it('finds no table in a lone box (a framed note)', () => {
    const rulings = [h(0, 0, 300), h(40, 0, 300), v(0, 0, 40), v(300, 0, 40)];
    expect(latticeTables([span('※注意書き', 10, 10, 80)], rulings, s)).toEqual([]);
  });
});

describe('stream', () => {
  const s = DEFAULT_PDF_SETTINGS.stream;

  it('joins a wrapped label to its row and gives a header over two columns its span', () => {
    const lines = spansToLines([
      ...row(100, [
        ['区分', 60, 80],
        ['第7期計画', 230, 280],
        ['実績', 380, 400],
      ]),
      ...row(115, [
        ['令和6年度', 190, 240],
        ['令和7年度', 270, 320],
        ['令和5年度', 350, 400],
      ]),
      ...row(135, [
        ['就労継続支援', 60, 120],
        ['12', 230, 240],
        ['14', 310, 320],
        ['11', 390, 400],
      ]),
      span('(B型)', 60, 147, 85),
      ...row(165, [
        ['生活介護', 60, 100],
        ['30', 230, 240],
        ['31', 310, 320],
        ['29', 390, 400],
      ]),
    ]);
    const [found] = streamTables(lines, s);
    const t = found!.table;
    expect(t.headerRows).toBe(2);
    expect(texts(t)).toEqual([
      ['区分', '第7期計画', '第7期計画', '実績'],
      [null, '令和6年度', '令和7年度', '令和5年度'].map((x) => x ?? ''),
      ['就労継続支援 (B型)', '12', '14', '11'],
      ['生活介護', '30', '31', '29'],
    ]);
    expect(t.cells.find((c) => c.text === '第7期計画')).toMatchObject({ col: 1, colSpan: 2 });
  });

  it('gives heads wider than their columns the runs they are centred over, not the columns they overlap', () => {
    // Family "wide period heads over uneven groups of kind columns" (a borderless PDF of the tuned corpus): a year
    // head wider than its one column overlaps the next, and one centred over four columns misses the outer ones.
    const cols = [100, 150, 200, 250, 300, 350, 400];
    const kinds = ['実績', '計画', '実績', '差', '達成率', '計画', '実績'];
    const lines = spansToLines([
      ...row(100, [
        ['2020（令和2）年度', 78, 152],
        ['2021（令和3）年度', 200, 280],
        ['2022（令和4）年度', 350, 420],
      ]),
      ...row(115, [['内容', 20, 50], ...kinds.map((k, i): [string, number, number] => [k, cols[i]!, cols[i]! + 20])]),
      ...row(135, [
        ['延べ人数', 20, 60],
        ...cols.map((x, i): [string, number, number] => [String(40 + i), x + 15, x + 30]),
      ]),
      ...row(150, [
        ['実人数', 20, 50],
        ...cols.map((x, i): [string, number, number] => [String(10 + i), x + 15, x + 30]),
      ]),
    ]);
    const [found] = streamTables(lines, s);
    const t = found!.table;
    const head = (text: string) => t.cells.find((c) => c.text === text);
    expect(head('2020(令和2)年度')).toMatchObject({ row: 0, col: 1, colSpan: 1 });
    expect(head('2021(令和3)年度')).toMatchObject({ row: 0, col: 2, colSpan: 4 });
    expect(head('2022(令和4)年度')).toMatchObject({ row: 0, col: 6, colSpan: 2 });
  });

  it('keeps group heads set over the first column of their groups on runs of one length', () => {
    // (the second head overlaps two columns, so only where the heads start says what their groups are; read by
    // centres, `移動支援` would head its first column alone and the second head the three others)
    const cols = [100, 160, 220, 280];
    const lines = spansToLines([
      ...row(100, [
        ['移動支援', 100, 140],
        ['手話通訳者派遣事業', 220, 290],
      ]),
      ...row(115, [
        ['区分', 20, 40],
        ...['R5', 'R6', 'R5', 'R6'].map((y, i): [string, number, number] => [y, cols[i]!, cols[i]! + 40]),
      ]),
      ...row(135, [
        ['計画', 20, 40],
        ...cols.map((x, i): [string, number, number] => [String(20 + i), x + 25, x + 40]),
      ]),
      ...row(150, [
        ['実績', 20, 40],
        ...cols.map((x, i): [string, number, number] => [String(30 + i), x + 25, x + 40]),
      ]),
    ]);
    const [found] = streamTables(lines, s);
    const t = found!.table;
    expect(t.cells.find((c) => c.text === '移動支援')).toMatchObject({ col: 1, colSpan: 2 });
    expect(t.cells.find((c) => c.text === '手話通訳者派遣事業')).toMatchObject({ col: 3, colSpan: 2 });
  });

  it('leaves prose alone: lines without cell gaps are no table', () => {
    const lines = spansToLines([
      span('訪問系サービスは、地域で暮らし続けるための基盤です。', 60, 100, 400),
      span('提供体制の充実を図ります。', 60, 115, 200),
      span('令和6年3月', 60, 140, 110),
    ]);
    expect(streamTables(lines, s)).toEqual([]);
  });

  it('auto picks lattice where there are rulings and stream on the rest of the page', () => {
    const ruled = [h(0, 0, 200), h(20, 0, 200), h(40, 0, 200), v(0, 0, 40), v(100, 0, 40), v(200, 0, 40)];
    const spans = [
      ...row(5, [
        ['区分', 10, 30],
        ['R6', 120, 140],
      ]),
      ...row(25, [
        ['居宅介護', 10, 50],
        ['5', 120, 126],
      ]),
      ...row(100, [
        ['区分', 10, 30],
        ['R6', 120, 140],
        ['R7', 220, 240],
      ]),
      ...row(115, [
        ['生活介護', 10, 50],
        ['30', 130, 140],
        ['31', 230, 240],
      ]),
      ...row(130, [
        ['短期入所', 10, 50],
        ['3', 134, 140],
        ['4', 234, 240],
      ]),
    ];
    const { tables, rest } = findTables({ spans, rulings: ruled }, DEFAULT_PDF_SETTINGS);
    expect(tables.map((f) => [f.table.method, f.table.nRows, f.table.nCols])).toEqual([
      ['lattice', 2, 2],
      ['stream', 3, 3],
    ]);
    expect(rest).toEqual([]);
  });
});
