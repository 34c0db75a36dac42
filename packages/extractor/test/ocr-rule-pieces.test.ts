/**
 * Two families of rules read from a scanned statement (found on a real scan, a 事業活動計算書; written here as small
 * synthetic images and word boxes):
 * - a hairline read in pieces: partly black, partly gray, and a pixel or two off level after the deskew — the pieces
 *   along one rule are one rule as long as all of them (`imageRulings`), not its darkest third;
 * - a block of two accounts with no rule between them (`その他の特別収益` over `過年度修正額`, whole-page word boxes
 *   taller than the gap between the lines, amounts of three digits): a rule between the two when two amount columns
 *   share both lines (`textRowRulings`); one amount column is not enough (a label wrapped beside a value).
 */
import type { TextSpan } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_RULINGS, type GrayImage, imageRulings, textRowRulings } from '../src/index.js';

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(244), dpi: 300 };
}
function paint(img: GrayImage, x0: number, y0: number, x1: number, y1: number, level: number) {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) img.data[y * img.width + x] = level;
}

describe('a hairline read in pieces', () => {
  it('is one rule from its first piece to its last, at the dark piece`s height', () => {
    const img = blank(1200, 300);
    paint(img, 100, 100, 299, 100, 185); // gray, one row up
    paint(img, 300, 101, 699, 102, 0); // black in the middle
    paint(img, 700, 103, 1100, 103, 185); // gray again, a row lower (the staircase of a rule left off level)
    const h = imageRulings(img).filter((r) => r.y0 === r.y1);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ x0: 100, x1: 1100 });
    expect(h[0]!.y0).toBeCloseTo(101.5, 5);
    // two rules a line apart stay two
    const two = blank(1200, 300);
    paint(two, 100, 100, 1100, 101, 0);
    paint(two, 100, 140, 1100, 140, 185);
    expect(imageRulings(two).filter((r) => r.y0 === r.y1)).toHaveLength(2);
    // and a rule of one dark pass alone is as before
    expect(imageRulings(img, { ...DEFAULT_IMAGE_RULINGS, faint: undefined })).toEqual([
      { x0: 300, y0: 101.5, x1: 699, y1: 101.5 },
    ]);
  });
});

describe('two accounts in one ruled band', () => {
  const span = (text: string, x0: number, y0: number, x1: number): TextSpan => ({
    text,
    orig: text,
    bbox: { x0, y0, x1, y1: y0 + 15 },
    dir: 'h',
    size: 15,
    origin: 'ocr',
    confidence: 0.9,
  });
  // a band 0..24 (ruled above and below), columns at 40, 200 and 250: part name | account | this year | last year
  const frame = [
    { x0: 0, y0: 0, x1: 300, y1: 0 },
    { x0: 0, y0: 24, x1: 300, y1: 24 },
    ...[0, 40, 200, 250, 300].map((x) => ({ x0: x, y0: 0, x1: x, y1: 24 })),
  ];
  const lattice = { snap: 2, join: 3, minCell: 3, edgeCover: 0.6 };
  it('gets a rule between them when two amount columns share both lines', () => {
    const spans = [
      span('受取利息収益', 45, -2, 120),
      span('113', 225, -2, 237),
      span('125', 275, -2, 287),
      span('その他の収益', 45, 10, 130),
      span('116,500', 210, 10, 245),
      span('67,364', 260, 10, 295),
    ];
    expect(textRowRulings(spans, frame, lattice)).toEqual([{ x0: 40, y0: 11.5, x1: 300, y1: 11.5 }]);
  });
  it('gets none when one column has a number on each line', () => {
    const spans = [
      span('受取利息収益', 45, -2, 120),
      span('113', 225, -2, 237),
      span('その他の収益', 45, 10, 130),
      span('116,500', 210, 10, 245),
    ];
    expect(textRowRulings(spans, frame, lattice)).toEqual([]);
  });
});
