/**
 * Family "body lines of an OCR'd page taken for headings": an OCR'd line's size is its box's height, which moves a
 * tenth either way with the glyphs in it (a line with `%` or brackets is taller), and a page's body can come out
 * larger than another's. Read against its page's body (`evenOcrSizes`), a body line stays in its paragraph, a line
 * clearly larger is still a heading, and a page whose lines all came out taller has no headings for it.
 */
import type { TextSpan } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { linesToBlocks, sizeScaleOf } from '../src/pdf/blocks.js';
import { type Line, spansToLines } from '../src/pdf/lines.js';
import { evenOcrSizes, type PageRead } from '../src/pdf/read.js';

const ocrLine = (
  text: string,
  x0: number,
  y0: number,
  size: number,
  origin: 'ocr' | undefined = 'ocr',
  advance = size,
): Line => {
  const span: TextSpan = {
    text,
    orig: text,
    bbox: { x0, y0, x1: x0 + advance * [...text].length, y1: y0 + size },
    dir: 'h',
    size,
    ...(origin ? { origin, confidence: 0.9 } : {}),
  } as TextSpan;
  return spansToLines([span])[0]!;
};

// one page of a town's report, as OCR measured its lines (points)
const page1 = [
  ocrLine('2 障害者手帳の所持者', 66, 118.8, 11.52),
  ocrLine('町の人口はゆるやかに減っていますが、手帳の所持者は増えてきました。令和6年3月', 74, 144.2, 9.6),
  ocrLine('末の所持者は4,512人(12.5%)で、前の年より38人多くなりました。内訳は次の', 63, 162.0, 10.8),
  ocrLine('とおりです。', 65, 180.7, 9.36),
];
// the next page: the same type, every line's box taller
const page2 = [
  ocrLine('療育手帳の所持者は年々増えており、今後も相談の体制を整えることが求められる', 77, 63.8, 13.2),
  ocrLine('ため、計画では相談支援専門員の育成と、身近な地域での支援の場づくりを進め', 67, 81.4, 13.92),
  ocrLine('ます。', 66, 100.1, 11.28),
];
const pageRead = (index: number, lines: Line[], ocr = true) =>
  ({
    page: {
      index,
      ...(ocr ? { ocr: { reason: 'no-text', words: 1, meanConfidence: 0.9, minConfidence: 0.9, seconds: 1 } } : {}),
    },
    lines,
    rest: lines,
    tables: [],
    issues: [],
  }) as unknown as PageRead;

const blocksOf = (pages: PageRead[], even: boolean) => {
  const f = even ? evenOcrSizes(pages) : (_p: PageRead, l: Line[]) => l;
  const scale = sizeScaleOf(
    pages.flatMap((p) => f(p, p.lines)),
    1.08,
  );
  return pages.map((p) =>
    linesToBlocks(f(p, p.rest), scale).map((b) => `${b.block.kind}: ${b.block.text.slice(0, 10)}`),
  );
};

describe('OCR’d lines at sizes read against their page', () => {
  it('keeps a body line that came out taller in its paragraph, and a larger line a heading', () => {
    const [p1, p2] = blocksOf([pageRead(1, page1), pageRead(2, page2)], true);
    expect(p1).toEqual(['heading: 2 障害者手帳の所持', 'paragraph: 町の人口はゆるやかに']);
    expect(p2).toEqual(['paragraph: 療育手帳の所持者は年']);
  });

  it('(as the boxes measured them, the taller line cut the paragraph)', () => {
    const [p1] = blocksOf([pageRead(1, page1), pageRead(2, page2)], false);
    expect(p1).toContain('paragraph: 末の所持者は4,51');
  });

  it('keeps a line whose box came out tall for one misboxed glyph (its glyphs set at body width) in its paragraph', () => {
    const lines = [
      ocrLine('3 今後の取組', 66, 40, 11.5, 'ocr', 11.6),
      ocrLine('相談の件数は前の年を上回りましたが、専門職の確保は計画を下回っており、', 64, 62, 10.1, 'ocr', 9.8),
      ocrLine('人材の確保が引き続き課題となっています。今後も研修を通じて支援を進め', 64, 79, 14.6, 'ocr', 9.7),
      ocrLine('ます。', 64, 100, 9.6),
    ];
    const [p] = blocksOf([pageRead(1, lines)], true);
    expect(p).toEqual(['heading: 3 今後の取組', 'paragraph: 相談の件数は前の年を']);
  });

  it('leaves a text layer’s lines as they are', () => {
    const text = page1.map((l) => ocrLine(l.text, l.bbox.x0, l.bbox.y0, l.size, undefined));
    const pages = [pageRead(1, text, false)];
    expect(evenOcrSizes(pages)(pages[0]!, text)).toBe(text);
  });
});
