/**
 * Ruled tables as spreadsheets print them, on hand-made spans and rulings: a whole sheet in one frame (several
 * tables, each under a title row), a narrow margin column outside a table's own border, small unit words over the
 * first values (one unit for the table, or one per column), and glyphs set apart in a cell.
 */
import { type Ruling, type TextSpan, tableToGrid } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PDF_SETTINGS, latticeTables } from '../src/index.js';
import { rowTexts, pdfSpan as span } from './helpers.js';

const s = DEFAULT_PDF_SETTINGS.lattice;
const h = (y: number, x0: number, x1: number): Ruling => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Ruling => ({ x0: x, y0, x1: x, y1 });
const grid = (t: Parameters<typeof tableToGrid>[0]) => tableToGrid(t).map((r) => r.map((c) => c?.text ?? null));
const small = (text: string, x0: number, y0: number, x1: number): TextSpan => span(text, x0, y0, x1, 6);

describe('a spreadsheet printed whole', () => {
  // A frame 0..300 × 0..160 around two tables. A margin column 0..5 (the sheet's column A) lies outside the first
  // table's own border at x=5, which starts under its title row. Table 1: title row 0..20, header 20..40, rows
  // 40..60, 60..80. Table 2: title 80..100, header 100..120, row 120..140, 140..160.
  const rulings = [
    h(0, 0, 300),
    h(20, 0, 300),
    h(40, 6, 300),
    h(60, 6, 300),
    h(80, 0, 300),
    h(100, 0, 300),
    h(120, 6, 300),
    h(140, 6, 300),
    h(160, 0, 300),
    v(0, 0, 160),
    v(5, 20, 80),
    v(5, 100, 160),
    v(100, 20, 80),
    v(200, 20, 80),
    v(60, 100, 160),
    v(180, 100, 160),
    v(300, 0, 160),
  ];
  const spans = [
    span('世帯数の推移', 10, 5, 80),
    span('世帯数', 120, 25, 150),
    span('人口', 220, 25, 240),
    small('戸', 190, 41, 196),
    small('人', 290, 41, 296),
    span('北', 10, 45, 20),
    span('区', 80, 45, 90),
    span('1,200', 160, 48, 196),
    span('3,100', 260, 48, 296),
    span('西', 10, 65, 20),
    span('区', 80, 65, 90),
    span('900', 170, 65, 196),
    span('2,400', 260, 65, 296),
    span('面積', 10, 85, 30),
    span('区分', 10, 105, 30),
    span('田', 110, 105, 120),
    span('畑', 230, 105, 240),
    span('北区', 10, 125, 30),
    span('46', 160, 125, 176),
    span('142', 280, 125, 296),
    span('西区', 10, 145, 30),
    span('121', 160, 145, 176),
    span('410', 280, 145, 296),
  ];

  it('is one table per title row; a margin column pulls no label cells together; per-column units join headings', () => {
    const found = latticeTables(spans, rulings, s);
    expect(found).toHaveLength(2);
    const [a, b] = found.map((f) => f.table);
    // (One grid for the sheet: each table keeps the sheet's columns, its cells spanning those it does not draw.)
    const rows = (t: NonNullable<typeof a>) => Array.from({ length: t.nRows }, (_, r) => rowTexts(t, r));
    expect(rows(a!)).toEqual([
      ['世帯数の推移'],
      ['', '世帯数 (戸)', '人口 (人)'],
      ['北区', '1,200', '3,100'],
      ['西区', '900', '2,400'],
    ]);
    expect(a!.cells.filter((c) => c.rowSpan > 1)).toEqual([]);
    expect(a!.unitHint).toBeUndefined();
    expect(rows(b!)).toEqual([['面積'], ['区分', '田', '畑'], ['北区', '46', '142'], ['西区', '121', '410']]);
    // Each table takes the spans inside it, and only those.
    expect([...found[1]!.spans].map((x) => x.text).sort()).toEqual(
      ['面積', '区分', '田', '畑', '北区', '46', '142', '西区', '121', '410'].sort(),
    );
  });

  it('keeps a group row inside a table (values follow it, not a row of headings)', () => {
    // Rows 0|20|40|60; the middle row is one cell across both columns (no rule at x=100 there).
    const rulings = [
      h(0, 0, 200),
      h(20, 0, 200),
      h(40, 0, 200),
      h(60, 0, 200),
      v(0, 0, 60),
      v(100, 0, 20),
      v(100, 40, 60),
      v(200, 0, 60),
    ];
    const found = latticeTables(
      [
        span('区分', 10, 5, 30),
        span('R6', 120, 5, 140),
        span('訪問系サービス', 10, 25, 80),
        span('居宅介護', 10, 45, 50),
        span('412', 170, 45, 196),
      ],
      rulings,
      s,
    );
    expect(found).toHaveLength(1);
    expect(grid(found[0]!.table)).toEqual([
      ['区分', 'R6'],
      ['訪問系サービス', '訪問系サービス'],
      ['居宅介護', '412'],
    ]);
  });
});

describe('a frame around a ruled table', () => {
  it('is no table; the table inside it is read', () => {
    // A panel 0..400 × 0..200 with a title, a rule across it at y=150 from x=200 only (an L-shaped layout), and a
    // table 20..220 × 40..100 inside.
    const rulings = [
      h(0, 0, 400),
      h(200, 0, 400),
      h(150, 200, 400),
      v(0, 0, 200),
      v(400, 0, 200),
      v(200, 150, 200),
      h(40, 20, 220),
      h(60, 20, 220),
      h(80, 20, 220),
      h(100, 20, 220),
      v(20, 40, 100),
      v(120, 40, 100),
      v(220, 40, 100),
    ];
    const found = latticeTables(
      [
        span('歳出の状況', 10, 10, 60),
        span('区分', 30, 45, 50),
        span('決算額', 150, 45, 180),
        span('人件費', 30, 65, 60),
        span('131,249', 170, 65, 216),
        span('物件費', 30, 85, 60),
        span('62,430', 176, 85, 216),
        span('※ 参考', 210, 170, 260),
      ],
      rulings,
      s,
    );
    expect(found.map((f) => grid(f.table))).toEqual([
      [
        ['区分', '決算額'],
        ['人件費', '131,249'],
        ['物件費', '62,430'],
      ],
    ]);
  });
});

describe('unit words over the first values', () => {
  const rulings = [
    h(0, 0, 300),
    h(20, 0, 300),
    h(60, 0, 300),
    h(80, 0, 300),
    v(0, 0, 80),
    v(100, 0, 80),
    v(200, 0, 80),
    v(300, 0, 80),
  ];

  it('one unit in one row: the table unit, out of the cells', () => {
    const [f] = latticeTables(
      [
        span('目', 10, 5, 20),
        span('本年度', 120, 5, 150),
        span('前年度', 220, 5, 250),
        small('千円', 180, 22, 196),
        small('千円', 280, 22, 296),
        span('1 滞納処分費', 10, 40, 70),
        span('1,030', 160, 40, 196),
        span('1,030', 260, 40, 296),
        span('2 弁償金', 10, 65, 50),
        span('65', 180, 65, 196),
        span('79', 280, 65, 296),
      ],
      rulings,
      s,
    );
    expect(f!.table.unitHint).toBe('千円');
    expect(grid(f!.table)).toEqual([
      ['目', '本年度', '前年度'],
      ['1 滞納処分費', '1,030', '1,030'],
      ['2 弁償金', '65', '79'],
    ]);
  });

  it('one column of amounts: the unit over its first amount, and over the first of a later section, is the unit', () => {
    const r = [
      h(0, 0, 200),
      h(20, 0, 200),
      h(60, 0, 200),
      h(80, 0, 200),
      h(120, 0, 200),
      v(0, 0, 120),
      v(100, 0, 120),
      v(200, 0, 120),
    ];
    const [f] = latticeTables(
      [
        span('款', 10, 5, 20),
        span('金額', 150, 5, 170),
        span('1 市税', 10, 40, 40),
        small('千円', 180, 22, 196),
        span('46,460,600', 146, 40, 196),
        span('2 地方譲与税', 10, 65, 70),
        span('1,459,000', 150, 65, 196),
        span('3 地方特例交付金', 10, 100, 90),
        small('千円', 180, 82, 196),
        span('1,459,000', 150, 100, 196),
      ],
      r,
      s,
    );
    expect(f!.table.unitHint).toBe('千円');
    expect(grid(f!.table)).toEqual([
      ['款', '金額'],
      ['1 市税', '46,460,600'],
      ['2 地方譲与税', '1,459,000'],
      ['3 地方特例交付金', '1,459,000'],
    ]);
  });

  it('a unit as large as the number under it is part of the cell', () => {
    const [f] = latticeTables(
      [
        span('区分', 10, 5, 30),
        span('A', 120, 5, 130),
        span('B', 220, 5, 230),
        span('人', 186, 22, 196),
        span('人', 286, 22, 296),
        span('計', 10, 40, 20),
        span('12', 180, 40, 196),
        span('15', 280, 40, 296),
        span('他', 10, 65, 20),
        span('1', 190, 65, 196),
        span('2', 290, 65, 296),
      ],
      rulings,
      s,
    );
    expect(f!.table.unitHint).toBeUndefined();
    expect(grid(f!.table)[1]).toEqual(['計', '人 12', '人 15']);
  });
});

describe('glyphs set apart in a ruled cell', () => {
  it('read as one word per line, on one line or two', () => {
    const rulings = [h(0, 0, 300), h(30, 0, 300), h(60, 0, 300), v(0, 0, 60), v(150, 0, 60), v(300, 0, 60)];
    const spread = (text: string, y: number) =>
      [...text].map((ch, i, all) => {
        const x = 10 + (i * 120) / (all.length - 1);
        return span(ch, x, y, x + 10);
      });
    const [f] = latticeTables(
      [
        ...spread('私立保育園等', 2),
        ...spread('整備費補助事業', 14),
        span('61,100', 250, 8, 296),
        span('同 上', 10, 38, 140),
        span('6,400', 250, 38, 296),
      ],
      rulings,
      s,
    );
    expect(grid(f!.table)).toEqual([
      ['私立保育園等整備費補助事業', '61,100'],
      ['同上', '6,400'],
    ]);
  });
});
