/**
 * Two families of the cell pass of an OCR'd ruled table (`ocr/cells.ts`), on small synthetic crops and a scripted
 * engine (no recognition runs): a rule inside the crop's outer quarter, with what lies beyond it (the grid's edge
 * found a little outside the rule drawn, the tops of a note's glyphs under the table), is cleared; and a band of ink
 * the block reading (mode 6) left out — a unit the cell wrapped onto a line of its own — is read again as a line.
 */
import { describe, expect, it } from 'vitest';
import type { GrayImage, OcrLine } from '../src/index.js';
import { clearEdges, readCellBlock } from '../src/ocr/cells.js';

const PAD = 12;
function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(255), dpi: 300 };
}
function paint(img: GrayImage, x0: number, y0: number, x1: number, y1: number) {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) img.data[y * img.width + x] = 0;
}
/** Glyph-like blocks: `n` squares of `size` px with gaps, from (x, y). */
function glyphs(img: GrayImage, x: number, y: number, n: number, size: number) {
  for (let i = 0; i < n; i++) paint(img, x + i * (size + 8), y, x + i * (size + 8) + size - 1, y + size - 1);
}
const inkRows = (img: GrayImage, y0: number, y1: number) => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = 0; x < img.width; x++) if (img.data[y * img.width + x]! <= 127) n++;
  return n;
};

describe('a rule inside a cell crop', () => {
  it('clears a rule 12 px in from the bottom and the glyph tops under it, and keeps the cell’s text', () => {
    const img = blank(300 + 2 * PAD, 120 + 2 * PAD);
    glyphs(img, PAD + 20, PAD + 30, 3, 36); // the cell's word
    paint(img, PAD, PAD + 120 - 14, PAD + 299, PAD + 120 - 13); // the rule under it, 2 px
    glyphs(img, PAD + 10, PAD + 120 - 8, 6, 30); // the next text's tops, cut by the crop's edge
    clearEdges(img, PAD);
    expect(inkRows(img, PAD + 120 - 16, PAD + 120)).toBe(0);
    expect(inkRows(img, PAD + 30, PAD + 66)).toBe(3 * 36 * 36);
  });

  it('leaves a line of glyphs alone in the outer quarter: the gaps between them make it no rule, dense as it is', () => {
    const img = blank(200 + 2 * PAD, 120 + 2 * PAD);
    glyphs(img, PAD, PAD + 70, 5, 33); // five glyphs across the width (82% of each row), low in the crop
    const before = inkRows(img, 0, img.height);
    clearEdges(img, PAD);
    expect(inkRows(img, 0, img.height)).toBe(before);
  });
});

describe('a band the block reading left out', () => {
  const line = (text: string, y0: number, y1: number, x0 = 20): OcrLine => ({
    x0,
    y0,
    x1: x0 + 40 * text.length,
    y1,
    words: [...text].map((ch, i) => ({ text: ch, confidence: 0.9, x0: x0 + 40 * i, y0, x1: x0 + 40 * i + 36, y1 })),
  });

  it('reads the lone last line (a unit wrapped) as a line of its own, placed in the crop', async () => {
    const crop = blank(400 + 2 * PAD, 130 + 2 * PAD);
    glyphs(crop, PAD + 8, PAD + 4, 8, 34); // line 1
    glyphs(crop, PAD + 8, PAD + 48, 8, 34); // line 2
    glyphs(crop, PAD + 8, PAD + 92, 1, 34); // line 3: one glyph
    const calls: number[] = [];
    const engine = {
      recognize: async (img: GrayImage, o: { psm?: number } = {}) => {
        calls.push(o.psm ?? 3);
        if (o.psm === 6) {
          // the block reading: two lines, the second line's box taking in the third band
          const l2 = line('施設の削減数：5', PAD + 48, PAD + 82);
          return { lines: [line('地域生活移行者数', PAD + 4, PAD + 38), { ...l2, y1: PAD + 126 }], seconds: 0 };
        }
        // the band alone, as cropped with its own margin
        expect(img.height).toBe(34 + 2 * PAD);
        return { lines: [line('人', PAD, PAD + 34, 2 * PAD + 8)], seconds: 0 };
      },
    };
    const lines = await readCellBlock(crop, 34, PAD, engine);
    expect(calls).toEqual([6, 7]);
    expect(lines.map((l) => l.words.map((w) => w.text).join(''))).toEqual([
      '地域生活移行者数',
      '施設の削減数：5',
      '人',
    ]);
    expect(lines[2]!.y0).toBe(PAD + 92);
    expect(lines[2]!.x0).toBe(PAD + 8);
  });

  it('reads nothing again when the words cover every band (two lines touching, read as one band)', async () => {
    const crop = blank(400 + 2 * PAD, 80 + 2 * PAD);
    glyphs(crop, PAD + 8, PAD, 8, 38);
    glyphs(crop, PAD + 8, PAD + 38, 4, 38); // no blank row between the lines: one band
    const calls: number[] = [];
    const engine = {
      recognize: async (_img: GrayImage, o: { psm?: number } = {}) => {
        calls.push(o.psm ?? 3);
        return { lines: [line('地域生活支援拠点', PAD, PAD + 36), line('等の整備', PAD + 39, PAD + 76)], seconds: 0 };
      },
    };
    const lines = await readCellBlock(crop, 34, PAD, engine);
    expect(calls).toEqual([6]);
    expect(lines).toHaveLength(2);
  });
});
