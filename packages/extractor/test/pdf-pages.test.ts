/**
 * What the PDF reader does across pages and in vertical cells, on hand-made spans and tables: running headers and
 * page numbers, tables and merged cells cut by a page break, sentences cut by one, vertical labels wrapped into
 * columns.
 */
import type { Table, TableCell } from '@shiryo/model';
import { tableToGrid } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import {
  cellWindow,
  centredRowSpans,
  continuesAcrossPages,
  DEFAULT_PDF_SETTINGS,
  endsOpen,
  findFurniture,
  joinAcrossPages,
  joinVerticalStacks,
  mergeSplitCells,
  orderColumns,
  spansToLines,
  splitAtCellEdges,
  streamTables,
  unwrapLines,
  verticalsFromText,
} from '../src/index.js';
import { pdfSpan } from './helpers.js';

const span = pdfSpan;

/**
 * A lattice table from rows of texts (null = covered by the cell above), column i at x = 100·i, row j at y = 20·j.
 * (tableToGrid repeats a spanning cell's text at every position it covers.)
 */
function lattice(rows: (string | null)[][], headerRows: number, x = 0): Table {
  const cells: TableCell[] = [];
  rows.forEach((r, row) => {
    r.forEach((text, col) => {
      if (text === null) {
        const above = cells.find((c) => c.col === col && c.row + c.rowSpan === row);
        if (above) above.rowSpan++;
        return;
      }
      cells.push({
        row,
        col,
        rowSpan: 1,
        colSpan: 1,
        text,
        orig: text,
        bbox: { x0: x + col * 100, y0: row * 20, x1: x + col * 100 + 100, y1: row * 20 + 20 },
        role: row < headerRows ? 'header' : col === 0 ? 'stub' : 'body',
      });
    });
  });
  return {
    index: 0,
    page: 1,
    seq: 0,
    method: 'lattice',
    nRows: rows.length,
    nCols: rows[0]!.length,
    headerRows,
    cells,
    quality: { score: 1, emptyRatio: 0, repairs: [] },
  };
}
const texts = (t: Table) => tableToGrid(t).map((r) => r.map((c) => c?.text ?? null));

describe('running headers and footers', () => {
  const page = (index: number, lines: [string, number][]) => ({
    index,
    height: 800,
    lines: spansToLines(lines.map(([t, y]) => span(t, 60, y, 60 + 10 * t.length))),
  });

  it('drops page numbers and the repeats of a running header, keeping its first showing', () => {
    const pages = [
      page(1, [
        ['草加市 障がい福祉計画 進捗報告', 30],
        ['1 はじめに', 120],
        ['- 1 -', 770],
      ]),
      page(2, [
        ['草加市 障がい福祉計画 進捗報告', 30],
        ['本文', 120],
        ['- 2 -', 770],
      ]),
      page(3, [
        ['本文', 120],
        ['3/12', 775],
      ]),
    ];
    const drop = findFurniture(pages);
    const text = (set: Set<{ text: string }>) => [...set].map((l) => l.text).sort();
    expect(text(drop)).toEqual(['- 1 -', '- 2 -', '3/12', '草加市 障がい福祉計画 進捗報告']);
    // the running header dropped is page 2's; page 1's, its first showing, is kept
    expect(drop.has(pages[0]!.lines[0]!)).toBe(false);
    expect(drop.has(pages[1]!.lines[0]!)).toBe(true);
  });

  it('keeps a line in the margin band that shows once and is not a page number', () => {
    const drop = findFurniture([
      page(1, [
        ['資料2', 20],
        ['令和6年度 第1回 協議会', 775],
      ]),
    ]);
    expect(drop.size).toBe(0);
  });
});

describe('tables cut by a page break', () => {
  const head = ['区分', '令和4年度', '令和5年度'];

  it('joins a continuation that repeats the header and makes a merged stub cell whole', () => {
    const first = lattice(
      [head, ['生活介護', '10', '12'], ['短期入所', '3', '4'], ['放課後等デイサービス', '40', '44']],
      1,
    );
    const next = lattice([head, ['', '41', '45'], ['保育所等訪問支援', '2', '3']], 1);
    expect(continuesAcrossPages(first, next)).toBe(true);
    const joined = joinAcrossPages(first, next);
    expect(texts(joined)).toEqual([
      head,
      ['生活介護', '10', '12'],
      ['短期入所', '3', '4'],
      ['放課後等デイサービス', '40', '44'],
      ['放課後等デイサービス', '41', '45'],
      ['保育所等訪問支援', '2', '3'],
    ]);
    expect(joined.cells.find((c) => c.text === '放課後等デイサービス')?.rowSpan).toBe(2);
    expect(joined.quality.repairs).toContain('joinContinuedTables');
  });

  it('joins a continuation without a header when its columns line up, and not when they do not', () => {
    const first = lattice([head, ['居宅介護', '100', '110'], ['同行援護', '20', '22']], 1);
    const bare = lattice([['行動援護', '5', '6']], 0);
    expect(continuesAcrossPages(first, bare)).toBe(true);
    expect(texts(joinAcrossPages(first, bare)).at(-1)).toEqual(['行動援護', '5', '6']);
    const elsewhere = lattice([['行動援護', '5', '6']], 0, 37);
    expect(continuesAcrossPages(first, elsewhere)).toBe(false);
    const other = lattice(
      [
        ['年度', '人数'],
        ['令和5年度', '7'],
      ],
      1,
    );
    expect(continuesAcrossPages(first, other)).toBe(false);
  });

  it('does not stretch a value over the empty cell under it on the next page (a value not given yet)', () => {
    const top = ['年度', '目標値', '実績値'];
    const first = lattice([top, ['令和4年度', '120', '118'], ['令和5年度', '125', '131']], 1);
    const next = lattice([top, ['令和6年度', '130', '']], 1);
    const joined = joinAcrossPages(first, next);
    expect(texts(joined).at(-1)).toEqual(['令和6年度', '130', '']);
    expect(joined.cells.find((c) => c.text === '131')?.rowSpan).toBe(1);
  });

  it('leaves an empty cell alone when nothing with text ends right above it', () => {
    const t = lattice([head, ['合計', '', '5'], ['小計', '', '2']], 1);
    expect(mergeSplitCells(t, 2)).toBe(t);
  });
});

describe('sentences cut by a page break', () => {
  it('runs on when the paragraph ends without closing its sentence', () => {
    expect(endsOpen({ kind: 'paragraph', text: '短期入所は、感染症対策による受' })).toBe(true);
    expect(endsOpen({ kind: 'paragraph', text: '影響が続いています。' })).toBe(false);
    expect(endsOpen({ kind: 'paragraph', text: '実績は次のとおりです：' })).toBe(false);
    expect(endsOpen({ kind: 'heading', text: '3 今後の方向性' })).toBe(false);
  });
});

describe('vertical labels wrapped into columns', () => {
  /** Glyphs of one column at x, from y down, 10 pt apart (a writer's tight vertical line). */
  const column = (chars: string, x: number, y: number) => [...chars].map((ch, i) => span(ch, x, y + i * 10, x + 10));

  it('reads the right column first, top-aligned or centred', () => {
    const top = joinVerticalStacks([...column('居住', 70, 100), ...column('系', 60, 100)]);
    expect(top.map((s) => [s.text, s.dir])).toEqual([['居住系', 'v']]);
    const centred = joinVerticalStacks([...column('障害児支', 70, 200), ...column('援', 60, 215)]);
    expect(centred.map((s) => s.text)).toEqual(['障害児支援']);
  });

  it('does not take a cell beside the label for a second column', () => {
    const out = joinVerticalStacks([...column('訪問系', 60, 100), span('居宅介護', 85, 105, 125)]);
    expect(out.map((s) => s.text).sort()).toEqual(['居宅介護', '訪問系']);
  });
});

describe('text in columns', () => {
  /** Three columns 150 pt wide, 20 pt apart, lines 12 pt apart: [column, line, text]. */
  const page = (cells: [number, number, string][]) =>
    spansToLines(
      cells.map(([c, l, t]) => span(t, 60 + c * 170, 200 + l * 12, 60 + c * 170 + Math.min(150, 10 * t.length))),
    );
  const columns = page([
    [0, 0, '(1) 地域移行の推進'],
    [1, 0, '(2) 拠点等の充実'],
    [2, 0, '(3) 一般就労への移行'],
    [0, 1, '・地域移行者数:7人'],
    [1, 1, '・整備:1か所'],
    [2, 1, '・移行者数:30人'],
    [0, 2, '・削減数:4人'],
    [1, 2, '・検証:年1回以上'],
  ]);

  it('reads a run of lines sharing gutters column by column', () => {
    expect(orderColumns(columns).map((l) => l.text)).toEqual([
      '(1) 地域移行の推進',
      '・地域移行者数:7人',
      '・削減数:4人',
      '(2) 拠点等の充実',
      '・整備:1か所',
      '・検証:年1回以上',
      '(3) 一般就労への移行',
      '・移行者数:30人',
    ]);
  });

  it('ends the run at a line across the gutters (a heading below the columns)', () => {
    const lines = [...columns, ...spansToLines([span('2 障がい児通所支援等の見込量、各年度の見込量', 60, 240, 500)])];
    const out = orderColumns(lines).map((l) => l.text);
    expect(out.at(-1)).toBe('2 障がい児通所支援等の見込量、各年度の見込量');
    expect(out[3]).toBe('(2) 拠点等の充実');
  });

  it('keeps labels with their values: a narrow value column is not a column of text', () => {
    const list = spansToLines(
      [
        ['地域生活移行者数', 0],
        ['施設入所者の削減数', 1],
        ['一般就労移行者数', 2],
      ].flatMap(([t, l]) => [
        span(t as string, 60, 200 + (l as number) * 12, 150),
        span('5人', 300, 200 + (l as number) * 12, 320),
      ]),
    );
    expect(orderColumns(list).map((l) => l.text)).toEqual(list.map((l) => l.text));
  });

  it('is not read as a borderless table: its cells are lines of text, hardly any a number', () => {
    expect(streamTables(columns, DEFAULT_PDF_SETTINGS.stream)).toEqual([]);
  });
});

describe('lines the writer wrapped', () => {
  it('joins a line onto a full line before it unless it opens an item of its own', () => {
    const lines = spansToLines([
      span('・地域生活支援拠点等の整備:', 60, 100, 210),
      span('1 か所', 60, 112, 90),
      span('・運用状況の検証:年1回以上', 60, 124, 200),
      span('※見込量は月平均です。', 60, 136, 170),
    ]);
    const out = unwrapLines(lines);
    expect(out.map((l) => l.text)).toEqual([
      '・地域生活支援拠点等の整備: 1 か所',
      '・運用状況の検証:年1回以上',
      '※見込量は月平均です。',
    ]);
    expect(out[0]!.orig).toBe('・地域生活支援拠点等の整備:\n1 か所');
  });
});

describe('a text item across drawn cell edges', () => {
  const cell = (col: number, x0: number, x1: number, colSpan = 1) => ({
    row: 0,
    col,
    rowSpan: 1,
    colSpan,
    bbox: { x0, y0: 100, x1, y1: 120 },
  });

  it('is cut at the edges, characters measured full or half width', () => {
    // Three numbers set as one run over cells [100,150] [150,200] [200,225]: 9 + 1 + 9 + 1 + 5 half-width characters.
    const run = span('3,520,000 3,401,200 96.6%', 100, 105, 100 + 25 * 5);
    const cells = [cell(0, 100, 150), cell(1, 150, 200), cell(2, 200, 225)];
    expect(splitAtCellEdges(run, cells).map((s) => s.text)).toEqual(['3,520,000', '3,401,200', '96.6%']);
    const words = span('実績値対計画比', 160, 105, 230);
    expect(
      splitAtCellEdges(words, [cell(0, 100, 160), cell(1, 160, 190), cell(2, 190, 230)]).map((s) => s.text),
    ).toEqual(['実績値', '対計画比']);
  });

  it('is left whole inside a merged cell (its inner grid lines are not drawn)', () => {
    const title = span('令和6年度', 110, 105, 160);
    expect(splitAtCellEdges(title, [cell(0, 100, 220, 2)])).toEqual([title]);
  });
});

describe('the cells a point at height y can lie in (cellWindow)', () => {
  // A 3-row grid at y 0–10–20–30, row by row; the first column's cell spans rows 0–1.
  const c = (row: number, col: number, y0: number, y1: number, rowSpan = 1) => ({
    row,
    col,
    rowSpan,
    colSpan: 1,
    bbox: { x0: col * 10, y0, x1: col * 10 + 10, y1 },
  });
  const cells = [c(0, 0, 0, 20, 2), c(0, 1, 0, 10), c(1, 1, 10, 20), c(2, 0, 20, 30), c(2, 1, 20, 30)];
  const inWindow = (y: number) => {
    const [lo, hi] = cellWindow(cells)(y);
    return cells.map((_, i) => i).filter((i) => i >= lo && i < hi && cells[i]!.bbox.y0 <= y && y <= cells[i]!.bbox.y1);
  };

  it('holds every cell whose extent reaches y, a spanning cell of an earlier row too', () => {
    expect(inWindow(5)).toEqual([0, 1]);
    expect(inWindow(15)).toEqual([0, 2]);
    // on a rule: the cells on both sides
    expect(inWindow(20)).toEqual([0, 2, 3, 4]);
    expect(inWindow(25)).toEqual([3, 4]);
    expect(inWindow(31)).toEqual([]);
    expect(inWindow(Number.NaN)).toEqual([]);
  });

  it('is the whole list when the cells do not come row by row', () => {
    expect(cellWindow([cells[3]!, cells[0]!])(5)).toEqual([0, 2]);
  });
});

describe('header text wrapped inside its cells (borderless table)', () => {
  it('is one header row: the kind word split over two lines reads whole, a label centred on both joins it', () => {
    const lines = spansToLines([
      span('区分', 60, 105, 80),
      span('2019年度 基', 200, 100, 260),
      span('準値', 220, 110, 240),
      span('2023年度 目', 300, 100, 360),
      span('標値', 320, 110, 340),
      span('65歳以上', 60, 130, 100),
      span('182', 240, 130, 260),
      span('158', 340, 130, 360),
      span('65歳未満', 60, 145, 100),
      span('121', 240, 145, 260),
      span('102', 340, 145, 360),
      span('合計', 60, 160, 80),
      span('303', 240, 160, 260),
      span('260', 340, 160, 360),
    ]);
    const [found] = streamTables(lines, DEFAULT_PDF_SETTINGS.stream);
    expect(found?.table.headerRows).toBe(1);
    expect(texts(found!.table)[0]).toEqual(['区分', '2019年度 基準値', '2023年度 目標値']);
  });
});

describe('a table ruled between its rows only', () => {
  const h = (y: number) => ({ x0: 50, y0: y, x1: 400, y1: y });
  const rules = [h(100), h(120), h(140), h(160)];
  const cells = [
    span('区分', 60, 105, 80),
    span('令和5年度', 250, 105, 300),
    span('生活介護', 60, 125, 100),
    span('652', 270, 125, 300),
    span('短期入所', 60, 145, 100),
    span('52', 280, 145, 300),
  ];

  it('gets vertical lines through the gutters of its text, band by band, and at both ends', () => {
    const vs = verticalsFromText(cells, rules, DEFAULT_PDF_SETTINGS.lattice);
    expect(vs.map((v) => [v.x0, v.y0, v.y1])).toEqual([
      [50, 100, 160],
      [400, 100, 160],
      [175, 100, 120],
      [175, 120, 140],
      [175, 140, 160],
    ]);
  });

  it('leaves the gutter under a header text centred over two columns undrawn in its band', () => {
    const hs = [h(80), ...rules];
    const vs = verticalsFromText(
      [
        span('区分', 60, 92, 80),
        span('利用者数（人）', 215, 82, 285),
        ...cells.filter((c) => c.text !== '区分' && c.text !== '令和5年度'),
        span('計画', 220, 105, 240),
        span('実績', 270, 105, 290),
        span('12', 230, 125, 240),
        span('9', 235, 145, 240),
      ],
      hs,
      DEFAULT_PDF_SETTINGS.lattice,
    );
    // Body gutters: after the labels (…100 | 230…), between the two value columns (…240 | 270…). The first line goes
    // in the middle of the stretch no header text crosses (100–215), the second in the middle of its gutter.
    const at = (y0: number) =>
      vs
        .filter((v) => v.y0 === y0 && v.y1 !== 160)
        .map((v) => v.x0)
        .sort((a, b) => a - b);
    expect(at(80)).toEqual([157.5]);
    expect(at(100)).toEqual([157.5, 255]);
  });

  it('gets none when a vertical ruling already crosses the rules, or when its text makes one column', () => {
    const crossing = [...rules, { x0: 200, y0: 100, x1: 200, y1: 160 }];
    expect(verticalsFromText(cells, crossing, DEFAULT_PDF_SETTINGS.lattice)).toEqual([]);
    const prose = [
      span('本文の一行目です', 60, 105, 300),
      span('二行目', 60, 125, 120),
      span('三行目', 60, 145, 120),
      span('四', 60, 150, 70),
    ];
    expect(verticalsFromText(prose, rules, DEFAULT_PDF_SETTINGS.lattice)).toEqual([]);
  });
});

describe('labels centred over the rows they span', () => {
  // Five rows 20 pt apart, each 10 pt high.
  const rows = [0, 1, 2, 3, 4].map((k) => ({ y0: 100 + 20 * k, y1: 110 + 20 * k }));

  it('gives each label the run of rows it is the middle of, the runs tiling the column', () => {
    // One over rows 0–2 (on row 1), one over rows 3–4 (between them).
    expect(
      centredRowSpans(rows, [
        { row: 1, cy: 125 },
        { row: 3, cy: 175 },
      ]),
    ).toEqual([
      [0, 2],
      [3, 4],
    ]);
  });

  it('leaves a column alone whose labels start their runs, or that has a label in its first row', () => {
    // Labels at the top of their runs (rows 1 and 3 below an empty first row): no run is centred on row 1 and ends
    // where the next begins.
    expect(
      centredRowSpans(rows, [
        { row: 1, cy: 125 },
        { row: 4, cy: 185 },
      ]),
    ).toBeNull();
    expect(
      centredRowSpans(rows, [
        { row: 0, cy: 105 },
        { row: 2, cy: 145 },
      ]),
    ).toBeNull();
    // The last run must end at the last row.
    expect(centredRowSpans(rows, [{ row: 1, cy: 125 }])).toBeNull();
  });
});
