/**
 * tools/labelled.mjs: which exported observations of a labelled real document the ratchet compares — its labelled
 * pages, less the regions its fixture.json leaves unlabelled; nothing read from labelled ground is dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelledOnly } from '../tools/labelled.mjs';
import { FIXTURES } from './pipeline.js';

const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
const tables = [
  {
    index: 0,
    page: 1,
    cells: [
      { row: 0, col: 0, bbox: box(10, 100, 50, 110) },
      { row: 0, col: 1, rowSpan: 2, bbox: box(60, 100, 90, 130) },
      { row: 1, col: 0, bbox: box(10, 120, 50, 130) },
    ],
  },
  // a table the finder ran over both a labelled and an unlabelled block: its cells decide, one by one
  {
    index: 1,
    page: 1,
    cells: [
      { row: 0, col: 0, bbox: box(10, 200, 50, 210) },
      { row: 1, col: 0, bbox: box(10, 300, 50, 310) },
    ],
  },
  { index: 2, page: 2, cells: [{ row: 0, col: 0, bbox: box(10, 300, 50, 310) }] },
];
const meta = { pages: [1, 2], unlabelled: [{ page: 1, box: [0, 250, 595, 400], what: 'table 2' }] };
const obs = (page: number, table_index: number | null, row: number | null, col: number | null) => ({
  page,
  table_index,
  row,
  col,
});

describe('labelledOnly', () => {
  it('keeps the labelled pages only', () => {
    const rows = [obs(1, 0, 0, 0), obs(3, null, null, null)];
    expect(labelledOnly(rows, tables, { pages: [1] })).toEqual([rows[0]]);
  });

  it('drops an observation whose cell lies in an unlabelled region of its page, and only that', () => {
    const rows = [
      obs(1, 0, 0, 0), // labelled table
      obs(1, 0, 1, 1), // inside a cell spanning two rows (its centre at y 115): labelled
      obs(1, 1, 0, 0), // the run-over table's labelled cell
      obs(1, 1, 1, 0), // its cell in the unlabelled region
      obs(2, 2, 0, 0), // the same position on another page: labelled
      obs(1, null, null, null), // prose: no position, compared
      obs(1, 7, 0, 0), // a table the document does not have: compared, never silently dropped
    ];
    expect(labelledOnly(rows, tables, meta)).toEqual([rows[0], rows[1], rows[2], rows[4], rows[5], rows[6]]);
  });

  it("kobe-zaisei's unlabelled region covers its table 2 and none of its labelled tables 1 and 3", () => {
    const m = JSON.parse(readFileSync(join(FIXTURES, 'real-kobe-zaisei-itiran21', 'fixture.json'), 'utf8'));
    expect(m.unlabelled).toHaveLength(1);
    const [x0, y0, x1, y1] = m.unlabelled[0].box;
    // from `pdftotext -bbox -f 1 -l 1`: the headings of tables 2 and 3, the last line of table 1's note, note 4 of table 2
    const heading2 = 264.5;
    const heading3 = 552.5;
    const note1 = 254.2; // (its bottom)
    const note2Last = 543.4; // (its bottom)
    expect(y0).toBeGreaterThan(note1);
    expect(y0).toBeLessThan(heading2);
    expect(y1).toBeGreaterThan(note2Last);
    expect(y1).toBeLessThan(heading3);
    expect([x0, x1]).toEqual([0, 595]);
  });
});
