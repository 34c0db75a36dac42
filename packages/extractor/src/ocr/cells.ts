/**
 * The cells of a table ruled in the image, recognised one by one. Whole-page recognition (mode 3) reads a ruled
 * table's cells as parts of lines that run across the rulings, and garbles headers and numbers (`令和6年度` →
 * `ーー412`); the usual cure is to crop each cell between its rulings and recognise it alone: one line (mode 7),
 * or a block (mode 6) when the cell is taller than two lines of the page's text. The cell's spans then replace
 * the whole-page spans whose centres lie in it, and the page is read again from them.
 */
import type { TextSpan } from '@shiryo/model';
import type { FoundTable } from '../pdf/lattice.js';
import type { OcrEngine, OcrLine } from './engine.js';
import type { GrayImage } from './image.js';
import { ocrLinesToSpans } from './spans.js';

/** White margin put round a crop (pixels at 300 dpi): tesseract misreads glyphs that touch the image's edge. */
const PAD = 12;

/** The part of `img` inside the box, with a white margin of `pad` pixels. */
export function cropGray(img: GrayImage, x0: number, y0: number, x1: number, y1: number, pad = 0): GrayImage {
  const w = x1 - x0 + 2 * pad;
  const h = y1 - y0 + 2 * pad;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = y0; y < y1; y++) {
    if (y < 0 || y >= img.height) continue;
    const from = y * img.width;
    const to = (y - y0 + pad) * w + pad;
    for (let x = Math.max(0, x0); x < Math.min(x1, img.width); x++) data[to + x - x0] = img.data[from + x]!;
  }
  return { width: w, height: h, data, dpi: img.dpi };
}

/** Share of dark pixels (≤ 127). */
function inkShare(img: GrayImage): number {
  let n = 0;
  for (const v of img.data) if (v <= 127) n++;
  return n / Math.max(1, img.data.length);
}

/**
 * Dark pixels that touch the crop's edge (what is left of a ruling after the inset: a skew, a thick rule) are
 * whitened, row or column at a time, while a row or column along the edge is mostly ink.
 */
function clearEdges(img: GrayImage, pad: number): void {
  const { width: w, height: h, data } = img;
  // the crop proper, inside its white margin
  const [x0, x1, y0, y1] = [pad, w - pad, pad, h - pad];
  if (x1 - x0 < 4 || y1 - y0 < 4) return;
  const rowInk = (y: number) => {
    let n = 0;
    for (let x = x0; x < x1; x++) if (data[y * w + x]! <= 127) n++;
    return n / (x1 - x0);
  };
  const colInk = (x: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) if (data[y * w + x]! <= 127) n++;
    return n / (y1 - y0);
  };
  const band = Math.max(3, Math.round(img.dpi / 30));
  const rows = [...Array(Math.min(band, y1 - y0)).keys()].flatMap((i) => [y0 + i, y1 - 1 - i]);
  for (const y of rows) if (rowInk(y) > 0.5) data.fill(255, y * w + x0, y * w + x1);
  const cols = [...Array(Math.min(band, x1 - x0)).keys()].flatMap((i) => [x0 + i, x1 - 1 - i]);
  for (const x of cols) if (colInk(x) > 0.5) for (let y = y0; y < y1; y++) data[y * w + x] = 255;
}

/**
 * Lines of text in a crop: bands of rows with ink, parted by blank rows, each at least a third of a line of the
 * page's text high (a stroke of `二` is no line). A cell of two short lines (`訪問介護` over `(回/月)`, `令和7年` over
 * `度`) fits under two line heights, and recognised as one line (mode 7) it came out as garbage (`拉`, `全和7年`):
 * two bands make it a block (mode 6).
 */
export function inkBands(img: GrayImage, lineHeight: number): number {
  const { width: w, height: h, data } = img;
  let bands = 0;
  let start = -1;
  for (let y = 0; y <= h; y++) {
    let ink = false;
    if (y < h) for (let x = 0, i = y * w; x < w && !ink; x++, i++) ink = data[i]! <= 127;
    if (ink && start < 0) start = y;
    else if (!ink && start >= 0) {
      if (y - start >= lineHeight / 3) bands++;
      start = -1;
    }
  }
  return bands;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export interface CellPass {
  spans: TextSpan[];
  /** Cells recognised alone. */
  cells: number;
  seconds: number;
}

/**
 * Recognise every cell of the lattice tables of a page one by one (`img`: the page as whole-page recognition saw
 * it), and return the page's spans with those of each such cell replaced by the cell's own reading.
 */
export async function recogniseCells(
  tables: FoundTable[],
  spans: TextSpan[],
  img: GrayImage,
  engine: OcrEngine,
): Promise<CellPass> {
  const t0 = performance.now();
  const scale = 72 / img.dpi;
  const inset = Math.max(2, Math.round(img.dpi / 75));
  const pad = Math.round((PAD * img.dpi) / 300);
  const lineHeight = median(spans.map((s) => (s.bbox.y1 - s.bbox.y0) / scale)) || img.dpi / 6;
  const jobs: Promise<{ box: { x0: number; y0: number; x1: number; y1: number }; spans: TextSpan[] }>[] = [];
  for (const f of tables) {
    if (f.table.method !== 'lattice') continue;
    for (const cell of f.table.cells) {
      const b = cell.bbox;
      if (!b) continue;
      const x0 = Math.round(b.x0 / scale) + inset;
      const y0 = Math.round(b.y0 / scale) + inset;
      const x1 = Math.round(b.x1 / scale) - inset;
      const y1 = Math.round(b.y1 / scale) - inset;
      if (x1 - x0 < 8 || y1 - y0 < 8) continue;
      const crop = cropGray(img, x0, y0, x1, y1, pad);
      clearEdges(crop, pad);
      const box = { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 };
      if (inkShare(crop) < 0.002) {
        jobs.push(Promise.resolve({ box, spans: [] }));
        continue;
      }
      const psm = y1 - y0 < 2 * lineHeight && inkBands(crop, lineHeight) < 2 ? 7 : 6;
      jobs.push(
        engine.recognize(crop, { psm }).then(({ lines }) => {
          const dx = x0 - pad;
          const dy = y0 - pad;
          const moved: OcrLine[] = lines.map((l) => ({
            x0: l.x0 + dx,
            y0: l.y0 + dy,
            x1: l.x1 + dx,
            y1: l.y1 + dy,
            words: l.words.map((w) => ({ ...w, x0: w.x0 + dx, y0: w.y0 + dy, x1: w.x1 + dx, y1: w.y1 + dy })),
          }));
          return { box, spans: ocrLinesToSpans(moved, scale) };
        }),
      );
    }
  }
  if (!jobs.length) return { spans, cells: 0, seconds: 0 };
  const read = await Promise.all(jobs);
  const inside = (s: TextSpan, b: { x0: number; y0: number; x1: number; y1: number }) => {
    const cx = (s.bbox.x0 + s.bbox.x1) / 2;
    const cy = (s.bbox.y0 + s.bbox.y1) / 2;
    return cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1;
  };
  const kept = spans.filter((s) => !read.some((r) => inside(s, r.box)));
  const out = [...kept, ...read.flatMap((r) => r.spans)].sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  return { spans: out, cells: jobs.length, seconds: (performance.now() - t0) / 1000 };
}
