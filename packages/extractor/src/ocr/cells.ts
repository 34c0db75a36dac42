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
export function clearEdges(img: GrayImage, pad: number): void {
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
  // A rule further in, in the outer quarter of the crop (the grid's edge found a little outside the rule drawn: the
  // last row of a table whose note follows closely), with whatever lies between it and the edge: the crop of
  // `計画値` then held the rule under it and the tops of the note's glyphs, read `uu症症`. A rule is one run of ink
  // across the crop; a line of glyphs leaves gaps between them. (Rows only: in a cell one line high, a glyph's
  // upright stroke spans most of the crop's height.)
  const run = (y: number) => {
    let best = 0;
    let n = 0;
    for (let x = x0; x < x1; x++) {
      n = data[y * w + x]! <= 127 ? n + 1 : 0;
      if (n > best) best = n;
    }
    return best / (x1 - x0);
  };
  const clearRows = (a: number, b: number) => {
    for (let y = a; y <= b; y++) data.fill(255, y * w + x0, y * w + x1);
  };
  // (and the rule's frayed side, a few pixels further in)
  const fray = Math.max(2, Math.round(img.dpi / 100));
  const reach = Math.floor((y1 - y0 - 1) / 4);
  for (let i = reach - 1; i >= 0; i--)
    if (run(y1 - 1 - i) >= STRONG_RULE) {
      clearRows(Math.max(y0, y1 - 1 - i - fray), y1 - 1);
      break;
    }
  for (let i = reach - 1; i >= 0; i--)
    if (run(y0 + i) >= STRONG_RULE) {
      clearRows(y0, Math.min(y1 - 1, y0 + i + fray));
      break;
    }
}

/** A row of a crop with one run of ink this long (a share of its width) is a rule, not text. */
const STRONG_RULE = 0.8;

/**
 * Lines of text in a crop: bands of rows with ink, parted by blank rows, each at least a third of a line of the
 * page's text high (a stroke of `二` is no line). A cell of two short lines (`訪問介護` over `(回/月)`, `令和7年` over
 * `度`) fits under two line heights, and recognised as one line (mode 7) it came out as garbage (`拉`, `全和7年`):
 * two bands make it a block (mode 6).
 */
export function inkBands(img: GrayImage, lineHeight: number): number {
  return inkBandRanges(img, lineHeight).length;
}

/** The bands of `inkBands`, each its first row and the row after its last. */
export function inkBandRanges(img: GrayImage, lineHeight: number): [number, number][] {
  const { width: w, height: h, data } = img;
  const bands: [number, number][] = [];
  let start = -1;
  for (let y = 0; y <= h; y++) {
    let ink = false;
    if (y < h) for (let x = 0, i = y * w; x < w && !ink; x++, i++) ink = data[i]! <= 127;
    if (ink && start < 0) start = y;
    else if (!ink && start >= 0) {
      if (y - start >= lineHeight / 3) bands.push([start, y]);
      start = -1;
    }
  }
  return bands;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * The lines of a cell read as a block (mode 6), with the bands of ink it left out read each as one line (mode 7):
 * tesseract's block reading drops a short last line, such as the unit a cell wrapped onto a line of its own
 * (`・施設入所者の削減数：5` over `人`), and the number lost its unit.
 */
export async function readCellBlock(
  crop: GrayImage,
  lineHeight: number,
  pad: number,
  engine: Pick<OcrEngine, 'recognize'>,
): Promise<OcrLine[]> {
  const { lines } = await engine.recognize(crop, { psm: 6 });
  // Which bands the words read cover: not by the lines' boxes (a line's box takes in the band whose glyph it left
  // out) nor by a word's box half again as tall as the words' median (the engine boxes a `・` with the `人` under it).
  const words = lines.flatMap((l) => l.words);
  const tall = 1.5 * median(words.map((wd) => wd.y1 - wd.y0));
  const sure = words.filter((wd) => wd.y1 - wd.y0 <= tall);
  const covered = (a: number, b: number) => {
    let n = 0;
    for (let y = a; y < b; y++) if (sure.some((wd) => wd.y0 <= y && y < wd.y1)) n++;
    return n;
  };
  const missed = inkBandRanges(crop, lineHeight).filter(([a, b]) => covered(a, b) < 0.5 * (b - a));
  if (!missed.length) return lines;
  const more = await Promise.all(
    missed.map(async ([a, b]) => {
      const band = cropGray(crop, 0, a, crop.width, b, pad);
      const read = await engine.recognize(band, { psm: 7 });
      // back in the crop's pixels
      const dy = a - pad;
      return read.lines.map((l) => ({
        x0: l.x0 - pad,
        y0: l.y0 + dy,
        x1: l.x1 - pad,
        y1: l.y1 + dy,
        words: l.words.map((wd) => ({ ...wd, x0: wd.x0 - pad, y0: wd.y0 + dy, x1: wd.x1 - pad, y1: wd.y1 + dy })),
      }));
    }),
  );
  return [...lines, ...more.flat()].sort((p, q) => p.y0 - q.y0);
}

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
        (psm === 6
          ? readCellBlock(crop, lineHeight, pad, engine)
          : engine.recognize(crop, { psm }).then((r) => r.lines)
        ).then((lines) => {
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
