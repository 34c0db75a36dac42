/**
 * The OCR path (src/ocr/): image rulings and skew, words → spans, and one scanned page read end to end (the
 * scanned twin of fixtures/pdf-ruled-services, made by scripts/make-scanned-twins.mjs: 300 dpi, turned 0.35°,
 * speckled, JPEG, image only). One page is OCR'd (~10–30 s on a busy 2-core machine); the rest is synthetic.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  cropGray,
  despeckle,
  extractDocument,
  type GrayImage,
  imageRulings,
  OcrEngine,
  ocrLinesToSpans,
  ocrSeparators,
  readPdf,
  rotateGray,
  skewOf,
  strayShare,
  textRowRulings,
  toPbm,
} from '../src/index.js';

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(255), dpi: 300 };
}
function ink(img: GrayImage, x0: number, y0: number, x1: number, y1: number) {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) img.data[y * img.width + x] = 0;
}

describe('rulings and skew read from a page image', () => {
  it('finds long horizontal and vertical lines and leaves glyph-sized strokes and filled boxes alone', () => {
    const img = blank(800, 600);
    ink(img, 100, 100, 700, 102); // a 3 px rule, 600 px long
    ink(img, 300, 80, 302, 500); // a vertical rule
    ink(img, 400, 300, 460, 303); // a 60 px stroke: a glyph, not a ruling (min 0.4 in = 120 px)
    ink(img, 500, 400, 700, 500); // a filled box: too thick
    const r = imageRulings(img);
    expect(r).toHaveLength(2);
    const h = r.find((x) => x.y0 === x.y1)!;
    expect(h).toMatchObject({ x0: 100, x1: 700 });
    expect(h.y0).toBeCloseTo(101, 5);
    const v = r.find((x) => x.x0 === x.x1)!;
    expect(v).toMatchObject({ y0: 80, y1: 500 });
    expect(v.x0).toBeCloseTo(301, 5);
  });

  it('measures the skew of a turned rule (a staircase of row runs) and reads an upright page as 0', () => {
    const img = blank(1600, 400);
    // 1° clockwise: y rises by tan(1°) ≈ 0.01746 px per px, 3 px thick.
    for (let x = 100; x < 1500; x++) {
      const y = Math.round(100 + (x - 100) * Math.tan(Math.PI / 180));
      ink(img, x, y, x, y + 2);
    }
    expect(skewOf(img)).toBeCloseTo(1, 1);
    const flat = blank(1600, 400);
    ink(flat, 100, 100, 1500, 102);
    expect(skewOf(flat)).toBe(0);
  });

  it('turns an image back by its skew (strip by strip through the canvas): the rule comes out level and a dot moves where it should', () => {
    const img = blank(1600, 400);
    for (let x = 100; x < 1500; x++) {
      const y = Math.round(150 + (x - 100) * Math.tan(Math.PI / 180));
      ink(img, x, y, x, y + 2);
    }
    const level = rotateGray(img, skewOf(img));
    // (the staircase's own steps leave ~0.14°)
    expect(Math.abs(skewOf(level))).toBeLessThan(0.2);
    // still one dark stroke: its middle row is ink along most of the rule
    const rows = [...Array(level.height).keys()].map((y) => {
      let n = 0;
      for (let x = 0; x < level.width; x++) if (level.data[y * level.width + x]! <= 127) n++;
      return n;
    });
    expect(Math.max(...rows)).toBeGreaterThan(1200);
    // a 3×3 dot 300 px right of the centre, turned back by 10°: (cx + 300 cos 10°, cy − 300 sin 10°) = (1095, 148)
    const dot = blank(1600, 400);
    ink(dot, 1099, 199, 1101, 201);
    const turned = rotateGray(dot, 10);
    let best = { v: 256, x: 0, y: 0 };
    for (let y = 0; y < 400; y++)
      for (let x = 0; x < 1600; x++) {
        const v = turned.data[y * 1600 + x]!;
        if (v < best.v) best = { v, x, y };
      }
    expect(best.v).toBeLessThan(60);
    expect(Math.abs(best.x - 1095)).toBeLessThanOrEqual(1);
    expect(Math.abs(best.y - 148)).toBeLessThanOrEqual(1);
    // white where nothing was: the corners that turn in from outside
    expect(turned.data[0]).toBe(255);
  });
});

describe('image clean-up for recognition', () => {
  it('packs a thresholded image one bit a pixel (PBM, ink = 1) and refuses one with grays', () => {
    const img = blank(10, 2);
    ink(img, 0, 0, 0, 0);
    ink(img, 9, 0, 9, 0);
    ink(img, 3, 1, 4, 1);
    const pbm = toPbm(img)!;
    const head = 'P4\n10 2\n';
    expect(new TextDecoder().decode(pbm.subarray(0, head.length))).toBe(head);
    // each row is two bytes: 1000 0000 | 0100 0000, then 0001 1000 | 0000 0000
    expect([...pbm.subarray(head.length)]).toEqual([0x80, 0x40, 0x18, 0x00]);
    img.data[5] = 128;
    expect(toPbm(img)).toBeNull();
  });

  it('removes dust (a few pixels, or a few more with nothing near) and keeps strokes and a decimal point', () => {
    const img = blank(200, 100);
    ink(img, 10, 10, 11, 11); // a 2×2 speck: 4 px
    ink(img, 30, 30, 32, 32); // a 3×3 speck: 9 px
    ink(img, 60, 60, 64, 64); // a decimal point at 9 pt, 300 dpi: 5×5 = 25 px
    ink(img, 48, 30, 57, 64); // the digit before it, 3 px away
    ink(img, 100, 20, 102, 80); // a stroke
    ink(img, 150, 40, 155, 45); // a speck of a 150 dpi scan drawn at 300: 6×6 = 36 px, nothing near it
    ink(img, 180, 70, 185, 75); // the same beside a stroke 4 px away (a `・` between glyphs): print
    ink(img, 190, 60, 195, 90);
    const out = despeckle(img);
    const at = (x: number, y: number) => out.data[y * out.width + x];
    expect([at(10, 10), at(31, 31), at(152, 42)]).toEqual([255, 255, 255]);
    expect([at(62, 62), at(101, 50), at(182, 72)]).toEqual([0, 0, 0]);
    // the input is left alone
    expect(img.data[10 * 200 + 10]).toBe(0);
  });

  it('crops a cell with a white margin, the part outside the page white', () => {
    const img = blank(50, 40);
    ink(img, 10, 10, 12, 12);
    const c = cropGray(img, 8, 8, 20, 16, 4);
    expect([c.width, c.height]).toEqual([20, 16]);
    expect(c.data[(10 - 8 + 4) * 20 + (10 - 8 + 4)]).toBe(0);
    expect(c.data[0]).toBe(255);
    const edge = cropGray(img, -5, -5, 5, 5);
    expect(edge.data.every((v) => v === 255)).toBe(true);
  });
});

describe("a text layer that is a scanner's OCR (stray characters, not words)", () => {
  it('measures the share of letters and digits in no number or word', () => {
    // lines as ScanSnap's layer over kodaira_park_cost.pdf gives them (pdftotext of the file)
    const scanner = [
      'Ｉｌｌ ｌｌｌ ＩｌｉＩｌｌｌ１ＩＩｌｌ ｌｌ１ｉ',
      '鈴 鈴鈴鈴 鈴',
      '一 一 一一一 一 ︶',
      '０ Ｏ ０',
      '考 卯 Ｏ Ｏ 円',
    ];
    const s = strayShare(scanner);
    expect(s.share).toBeGreaterThan(0.8);
    // a producer's text layer: words, numbers, letter-spaced labels (`保 険 窓 口`), single-digit cells
    const real = [
      '保 険 窓 口 31,104,547',
      '訪問介護収入（ヘルプ） 30,903,166',
      '令和5年度 計画 12 0 3',
      'NPO法人 A型 1.5%',
    ];
    const r = strayShare(real);
    expect(r.share).toBeLessThan(0.1);
    expect(r.count).toBe(49);
    expect(r.share).toBeCloseTo(2 / 49, 5); // `A型`: one letter, one kanji
    expect(strayShare([])).toEqual({ share: 0, count: 0 });
  });
});

describe('rows a ruled block of lines shares without rules of its own', () => {
  const span = (text: string, x0: number, y0: number, x1: number) => ({
    text,
    orig: text,
    bbox: { x0, y0, x1, y1: y0 + 10 },
    dir: 'h' as const,
    size: 10,
    origin: 'ocr' as const,
    confidence: 0.9,
  });
  // a frame 0..300 × 0..100 with columns at 40 and 200: a vertical part name (one glyph a line) in the first,
  // three accounts in the second, their amounts in the third; no rule between the accounts
  const frame = [
    { x0: 0, y0: 0, x1: 300, y1: 0 },
    { x0: 0, y0: 100, x1: 300, y1: 100 },
    ...[0, 40, 200, 300].map((x) => ({ x0: x, y0: 0, x1: x, y1: 100 })),
  ];
  const lattice = { snap: 2, join: 3, minCell: 3, edgeCover: 0.6 };
  it('draws a rule between each two lines two columns share, from the first column with lines', () => {
    const spans = [
      span('収', 15, 20, 25),
      span('益', 15, 45, 25),
      span('人件費', 50, 15, 110),
      span('9,581,858', 220, 15, 290),
      span('職員給料', 50, 45, 130),
      span('3,787,247', 220, 45, 290),
      span('職員賞与', 50, 75, 130),
      span('828,736', 230, 75, 290),
    ];
    // lines centred at 20, 50 and 80: rules at 35 and 65, from the accounts column (x 40) to the right edge
    expect(textRowRulings(spans, frame, lattice)).toEqual([
      { x0: 40, y0: 35, x1: 300, y1: 35 },
      { x0: 40, y0: 65, x1: 300, y1: 65 },
    ]);
  });
  it('leaves a label wrapped over two lines that no other column shares alone', () => {
    const spans = [
      span('介護予防・日常生活支援', 50, 20, 190),
      span('総合事業利用料収益', 50, 45, 190),
      span('198,694', 230, 32, 290),
    ];
    expect(textRowRulings(spans, frame, lattice)).toEqual([]);
  });
});

describe('thousands separators OCR read as dots', () => {
  it('are commas where no other reading is possible, and a single dot is left to the column', () => {
    // as tesseract read the amounts of kaigofin_9e82 page 1 cell by cell
    expect(['175,.000', '50.,000', '6,869,.781', '11.792.274', '3.787,247', 'ん1.081.127'].map(ocrSeparators)).toEqual([
      '175,000',
      '50,000',
      '6,869,781',
      '11,792,274',
      '3,787,247',
      'ん1,081,127',
    ]);
    expect(['50.000', '453.911', '1.5', '3.2.1', '2024.10.1', '12,345'].map(ocrSeparators)).toEqual([
      '50.000',
      '453.911',
      '1.5',
      '3.2.1',
      '2024.10.1',
      '12,345',
    ]);
  });
});

describe('recognised words → spans', () => {
  it('joins glyphs set close, keeps cells apart, scales to points and takes the lowest confidence', () => {
    const line = (y0: number, words: [string, number, number, number][]) => ({
      y0,
      y1: y0 + 40,
      x0: words[0]![1],
      x1: words[words.length - 1]![2],
      words: words.map(([text, x0, x1, c]) => ({ text, x0, x1, y0: y0 + 5, y1: y0 + 35, confidence: c })),
    });
    const spans = ocrLinesToSpans(
      [
        line(100, [
          ['サー', 100, 180, 0.96],
          ['ビス', 190, 270, 0.9],
          ['1,', 800, 830, 0.8],
          ['046', 835, 900, 0.4],
        ]),
      ],
      72 / 300,
    );
    expect(spans.map((s) => s.text)).toEqual(['サービス', '1,046']);
    expect(spans.map((s) => s.confidence)).toEqual([0.9, 0.4]);
    expect(spans.every((s) => s.origin === 'ocr' && s.dir === 'h')).toBe(true);
    // Pixels at 300 dpi → points: 100 px = 24 pt; the line's top and bottom, not the glyphs'.
    expect(spans[0]!.bbox).toEqual({ x0: 24, y0: 24, x1: 64.8, y1: 33.6 });
  });
});

describe('a scanned page read by OCR (scanned twin of pdf-ruled-services)', () => {
  const file = join(new URL('./data/scanned/', import.meta.url).pathname, 'pdf-ruled-services.pdf');

  it('is marked and left alone without OCR (the library default)', async () => {
    const doc = await extractDocument(file);
    expect(doc.pages[0]!.needsOcr).toBe(true);
    expect(doc.issues.map((i) => i.code)).toContain('PAGE_NEEDS_OCR');
    expect(doc.tables).toHaveLength(0);
  });

  it('with ocr auto: spans from OCR, the table ruled from the image, every cell with a confidence', async () => {
    const progress: string[] = [];
    const doc = await extractDocument(file, { ocr: 'auto', onProgress: (l) => progress.push(l) });
    const page = doc.pages[0]!;
    expect(page.needsOcr).toBeUndefined();
    expect(page.ocr?.reason).toBe('no-text');
    expect(doc.issues.map((i) => i.code)).toEqual(['PAGE_OCR']);
    expect(progress.some((l) => l.includes('page 1 (1/1, no usable text layer)'))).toBe(true);
    expect(page.spans.length).toBeGreaterThan(10);
    for (const s of page.spans) {
      expect(s.origin).toBe('ocr');
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    // The body text around the table reads right (checked against the fixture's text layer).
    const lines = page.lines.map((l) => l.replace(/\s/g, ''));
    expect(lines).toContain('(1)訪問系・日中活動系サービスの見込量');
    expect(lines).toContain('※令和5年度は見込みを含む実績です。');
    // The frame and inner lines of the scanned table, found in the image, make the lattice grid of the original.
    expect(page.rulings.length).toBeGreaterThanOrEqual(9);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect([t.method, t.nRows, t.nCols]).toEqual(['lattice', 4, 4]);
    const stub = t.cells.filter((c) => c.col === 0 && c.row >= 2).map((c) => c.text.replace(/\s/g, ''));
    expect(stub).toEqual(['居宅介護', '生活介護']);
    // Each cell recognised alone (cropped between its rulings, one line): the year heads and every number read
    // as on the text layer (the whole-page pass gave `ーー412`, `1.071` and `ーー ーー 1018` here).
    const grid = [0, 1, 2, 3].map((r) =>
      t.cells
        .filter((c) => c.row === r && c.col > 0)
        .sort((a, b) => a.col - b.col)
        .map((c) => c.text.replace(/[\s,]/g, '')),
    );
    expect(grid).toEqual([
      ['令和6年度', '令和7年度', '令和5年度'],
      ['(見込)', '(見込)', '実績'],
      ['412', '428', '397'],
      ['1046', '1071', '1018'],
    ]);
    // A cell's confidence is the lowest of the OCR spans in it, never above any of them.
    for (const c of t.cells) {
      if (!c.text || !c.bbox) continue;
      const inside = page.spans.filter((s) => {
        const cx = (s.bbox.x0 + s.bbox.x1) / 2;
        const cy = (s.bbox.y0 + s.bbox.y1) / 2;
        return cx >= c.bbox!.x0 && cx <= c.bbox!.x1 && cy >= c.bbox!.y0 && cy <= c.bbox!.y1;
      });
      expect(c.confidence).toBeDefined();
      for (const s of inside) expect(c.confidence!).toBeLessThanOrEqual(s.confidence + 1e-3);
    }
  }, 120_000);
});

describe('OCR workers and memory', () => {
  it('renders a blank page but starts no worker for it (no ink, no words)', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    const engine = new OcrEngine({ workers: 1 });
    try {
      const doc = await readPdf(await pdf.save(), 'blank.pdf', { ocr: 'always', ocrEngine: engine });
      expect(doc.pages[0]!.ocr).toMatchObject({ reason: 'always', words: 0 });
      expect(engine.counts.started).toBe(0);
    } finally {
      await engine.close();
    }
  });

  it('retires a worker after its pages and lets the idle ones go when asked, staying usable', async () => {
    // a small line of ink, recognised as a whole page and as a cell (mode 7)
    const img = blank(300, 80);
    ink(img, 40, 30, 260, 36);
    const engine = new OcrEngine({ workers: 1, pagesPerWorker: 1 });
    try {
      await engine.recognize(img);
      expect(engine.counts).toEqual({ started: 1, retired: 1 });
      await engine.recognize(img, { psm: 7 });
      // a cell is no page: the new worker stays until released
      expect(engine.counts).toEqual({ started: 2, retired: 1 });
      await engine.release();
      expect(engine.counts).toEqual({ started: 2, retired: 2 });
      await engine.recognize(img, { psm: 7 });
      expect(engine.counts.started).toBe(3);
    } finally {
      await engine.close();
    }
  }, 120_000);
});

// The ScanSnap page with a garbage OCR layer (see ../shared/real-pdfs/SOURCES.md), read in place from
// $SHIRYO_REAL_PDFS (else ../shared/real-pdfs beside the main checkout).
const REAL = process.env.SHIRYO_REAL_PDFS ?? new URL('../../../../shared/real-pdfs/', import.meta.url).pathname;
const scanSnap = join(REAL, 'kodaira_park_cost.pdf');
const hasScanSnap = existsSync(scanSnap);
describe.skipIf(!hasScanSnap)(
  hasScanSnap ? 'a ScanSnap page' : `a ScanSnap page (skipped: ${scanSnap} is absent; set SHIRYO_REAL_PDFS)`,
  () => {
    it('has its garbage text layer measured, refused and marked for OCR, none of its text read', async () => {
      const doc = await extractDocument(scanSnap);
      const page = doc.pages[0]!;
      expect(page.needsOcr).toBe(true);
      expect(page.lines).toEqual([]);
      expect(doc.tables).toEqual([]);
      expect(doc.issues.map((i) => i.code)).toEqual(['PAGE_TEXT_STRAY']);
      // 52 % of its 525 letters and digits are in no word or number (the highest of the other real PDFs: 18 %)
      expect(doc.issues[0]!.message).toMatch(/^text layer is 52% stray characters \(of 525 letters and digits/);
    });
  },
);
