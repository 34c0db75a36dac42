/**
 * Two families of the OCR stage, on small synthetic images: hairline rules drawn in gray (found by the faint pass of
 * `imageRulings`, without doubling a black rule's halo), and cells of two short lines (`inkBands`: a crop of two
 * bands of ink is recognised as a block, mode 6, not as one line).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_RULINGS, type GrayImage, imageRulings, inkBands } from '../src/index.js';

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(244), dpi: 300 };
}
function paint(img: GrayImage, x0: number, y0: number, x1: number, y1: number, level: number) {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) img.data[y * img.width + x] = level;
}

describe('hairline rules in gray', () => {
  it('finds a rule drawn at gray 185 (a hairline at 300 dpi) beside black ones, and no second rule along a black one', () => {
    const img = blank(900, 400);
    paint(img, 100, 100, 800, 102, 0); // a black rule, 3 px
    paint(img, 100, 99, 800, 99, 190); // its gray halo above
    paint(img, 100, 103, 800, 103, 190); // and below
    paint(img, 100, 200, 800, 200, 185); // a hairline: one gray row
    paint(img, 100, 300, 800, 302, 0); // another black rule
    const r = imageRulings(img).filter((x) => x.y0 === x.y1);
    expect(r.map((x) => Math.round(x.y0)).sort((a, b) => a - b)).toEqual([101, 200, 301]);
    // one pass at the dark level alone loses the hairline
    const dark = imageRulings(img, { ...DEFAULT_IMAGE_RULINGS, faint: undefined }).filter((x) => x.y0 === x.y1);
    expect(dark.map((x) => Math.round(x.y0)).sort((a, b) => a - b)).toEqual([101, 301]);
  });

  it('takes no run of light gray (a shaded cell, thick) for a rule', () => {
    const img = blank(900, 400);
    paint(img, 100, 100, 800, 160, 190); // a shaded band 61 px high
    expect(imageRulings(img)).toEqual([]);
  });
});

describe('lines of text in a cell crop', () => {
  it('counts two short lines as two bands and one line (with a thin stroke gap inside its glyphs) as one', () => {
    const two = blank(300, 90);
    paint(two, 20, 10, 200, 38, 0); // 訪問介護
    paint(two, 40, 50, 180, 78, 0); // (回/月)
    expect(inkBands(two, 40)).toBe(2);
    const one = blank(300, 60);
    paint(one, 20, 10, 200, 24, 0);
    paint(one, 20, 28, 200, 45, 0); // the same line: a 3 px gap between strokes is under a third of a line
    paint(one, 20, 25, 30, 27, 0);
    expect(inkBands(one, 40)).toBe(1);
    // a speck-sized band is no line
    const speck = blank(300, 90);
    paint(speck, 20, 10, 200, 38, 0);
    paint(speck, 100, 70, 104, 73, 0);
    expect(inkBands(speck, 40)).toBe(1);
  });
});
