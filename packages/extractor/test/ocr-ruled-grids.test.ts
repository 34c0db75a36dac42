/**
 * Family "a ruled table read again from its cells' own recognition" (OCR): each cell of an image-ruled table is
 * cropped and recognised alone, and the page read again. The lines of neighbouring cells then no longer share
 * baselines (a cell of `令和5年4月1日` over `1か所` beside a one-line label), so lines across a row band may each
 * hold a label and a number — what marks a list frame (a budget book's 節 | 説明 frame, read as text-aligned
 * lists). A grid the whole-page reading judged a ruled table stays one (`LatticeSettings.ruledGrids`); measured on
 * the 150 dpi scanned twin of pdf-lo-outcome-targets-words, whose 成果目標 table came out as a stream before.
 */
import type { Ruling } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PDF_SETTINGS, latticeTables } from '../src/index.js';
import { pdfSpan as span } from './helpers.js';

// a frame of two columns, a header row and one tall row band whose two lines each read as a label and a number
const h = (y: number): Ruling => ({ x0: 50, y0: y, x1: 350, y1: y });
const v = (x: number): Ruling => ({ x0: x, y0: 100, x1: x, y1: 170 });
const rulings = [h(100), h(120), h(170), v(50), v(200), v(350)];
const spans = [
  span('取組', 60, 105, 100),
  span('実績', 210, 105, 250),
  span('相談窓口の設置', 60, 127, 180),
  span('3か所', 210, 125, 240),
  span('訪問件数の目標', 60, 147, 180),
  span('12件', 210, 146, 240),
];

describe('a ruled grid read again from its cells', () => {
  it('is a list frame when nothing judged it before (lines across the band with a label and a number)', () => {
    const found = latticeTables(spans, rulings, DEFAULT_PDF_SETTINGS.lattice, DEFAULT_PDF_SETTINGS.stream);
    expect(found.map((f) => f.table.method)).not.toContain('lattice');
  });

  it('stays a ruled table when the whole-page reading judged it one', () => {
    const ruledGrids = [{ x0: 50, y0: 100, x1: 350, y1: 170 }];
    const found = latticeTables(
      spans,
      rulings,
      { ...DEFAULT_PDF_SETTINGS.lattice, ruledGrids },
      DEFAULT_PDF_SETTINGS.stream,
    );
    expect(found.map((f) => [f.table.method, f.table.nRows, f.table.nCols])).toEqual([['lattice', 2, 2]]);
  });
});
