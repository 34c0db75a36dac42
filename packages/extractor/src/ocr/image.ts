/**
 * A page image as OCR sees it: 8-bit grayscale, one byte a pixel, row by row. Rulings are read from it (long dark
 * horizontal and vertical runs, the lines of a ruled table), so the lattice finder gets them as it gets a text
 * layer's drawn lines. The image is recognised with its lines left in: measured on the ruled fixture, whitening
 * them made page segmentation mode 3 lose a whole column and read `1,046` as `1)046`.
 */
import type { Ruling } from '@shiryo/model';

export interface GrayImage {
  width: number;
  height: number;
  /** width × height bytes, 0 black … 255 white. */
  data: Uint8Array;
  /** Pixels per inch the page was rendered at. */
  dpi: number;
}

export interface ImageRulingSettings {
  /** A pixel at or under this is ink. */
  dark: number;
  /**
   * A second, lighter level (a hairline drawn in gray): rules found at it that no rule of the dark pass lies along
   * (within `maxThickness`) are added. Undefined: one pass.
   */
  faint?: number;
  /** The shortest run that is a ruling, in inches (a 16 pt heading's longest stroke is ~0.2 in). */
  minLength: number;
  /** Light pixels a run may skip (broken print, JPEG artefacts), in pixels. */
  gap: number;
  /** The thickest run that is a line, not a filled box or a photo, in inches. */
  maxThickness: number;
}

// (faint: a hairline rule — LibreOffice's thin inner borders — is drawn at 300 dpi as a run of gray about 170–195,
// not black: at 150 alone the inner rows of pdf-lo-year-kind-row-levels' twin were lost and its tables read as
// streams with `|` glyphs for rules. Read at 200 alone, a black rule's gray halo split into parallel pieces 2 px
// apart and broke the grid of pdf-lo-ruled-comparison's twin; so faint runs only add the rules the dark pass lacks.)
export const DEFAULT_IMAGE_RULINGS: ImageRulingSettings = {
  dark: 150,
  faint: 200,
  minLength: 0.4,
  gap: 3,
  maxThickness: 0.04,
};

/** One run of ink along a row (horizontal) or a column (vertical): `at` the row/column, `from..to` inclusive. */
interface Run {
  at: number;
  from: number;
  to: number;
}

/** Runs of ink at least `min` long along each line of `n` lines of `len` pixels; `get(line, i)` reads a pixel. */
function runsOf(n: number, len: number, get: (line: number, i: number) => number, s: ImageRulingSettings, min: number) {
  const out: Run[] = [];
  for (let line = 0; line < n; line++) {
    let start = -1;
    let last = -1;
    for (let i = 0; i <= len; i++) {
      const ink = i < len && get(line, i) <= s.dark;
      if (ink) {
        if (start < 0) start = i;
        last = i;
      } else if (start >= 0 && (i === len || i - last > s.gap)) {
        if (last - start + 1 >= min) out.push({ at: line, from: start, to: last });
        start = -1;
      }
    }
  }
  return out;
}

/** Runs on neighbouring lines that overlap are one stroke (a line a few pixels thick, or slightly skewed). */
function groupRuns(runs: Run[]): Run[][] {
  const groups: Run[][] = [];
  let open: { runs: Run[]; last: Run }[] = [];
  for (const r of runs) {
    open = open.filter((g) => g.last.at >= r.at - 1);
    const g = open.find((o) => o.last.at === r.at - 1 && o.last.from <= r.to && r.from <= o.last.to);
    if (g) {
      g.runs.push(r);
      g.last = r;
    } else {
      const ng = { runs: [r], last: r };
      open.push(ng);
      groups.push(ng.runs);
    }
  }
  return groups;
}

/**
 * The rulings of a page image, in image pixels (horizontal ones with y0 = y1, vertical ones with x0 = x1). Thick
 * strokes (filled boxes, photos, bold bars) are no rulings.
 */
export function imageRulings(img: GrayImage, s: ImageRulingSettings = DEFAULT_IMAGE_RULINGS): Ruling[] {
  const dark = rulingsAt(img, s);
  if (s.faint === undefined || s.faint <= s.dark) return dark;
  const near = Math.max(2, Math.round(s.maxThickness * img.dpi));
  // (a faint rule along a dark one — its halo, or the same rule — is not another rule, but what it adds to the
  // rule's length is the rule's)
  return joinPieces([...dark, ...rulingsAt(img, { ...s, dark: s.faint })], dark, near, s.gap);
}

/**
 * One rule read as pieces, joined. A scanned hairline is partly black and partly gray, and a rule the deskew left
 * a pixel or two off level is a staircase: the dark pass reads the black stretches, the faint pass the gray ones at
 * a row or two off, and the faint pieces along a dark one were dropped as its halo — the rule over a statement's
 * subtotal (`サービス活動収益計(1)`) came out as its middle third, and the lattice merged the rows on either side
 * (`介護負担金収益(一般) サービス活動収益計(1) 人件費` as one cell). Pieces of one direction within `near` pixels
 * of a kept rule's position that overlap or touch it (a gap under `near`) lengthen it to their union; the rule
 * keeps its own position (a dark one's, where there is one). Parallel rules farther apart stay two.
 */
function joinPieces(rules: Ruling[], dark: Ruling[], near: number, gap: number): Ruling[] {
  const horizontal = (r: Ruling) => r.y0 === r.y1;
  const len = (r: Ruling) => r.x1 - r.x0 + r.y1 - r.y0;
  const isDark = new Set(dark);
  // dark ones first, then by length: the kept rule is the best drawn of its pieces
  const order = [...rules].sort((a, b) => Number(isDark.has(b)) - Number(isDark.has(a)) || len(b) - len(a));
  const kept: Ruling[] = [];
  for (const r of order) {
    const h = horizontal(r);
    const [a, b, at] = h ? [r.x0, r.x1, r.y0] : [r.y0, r.y1, r.x0];
    const k = kept.find((q) => {
      if (horizontal(q) !== h) return false;
      const [qa, qb, qAt] = h ? [q.x0, q.x1, q.y0] : [q.y0, q.y1, q.x0];
      return Math.abs(qAt - at) <= near && Math.min(qb, b) - Math.max(qa, a) >= -gap;
    });
    if (!k) {
      kept.push({ ...r });
      continue;
    }
    if (h) {
      k.x0 = Math.min(k.x0, r.x0);
      k.x1 = Math.max(k.x1, r.x1);
    } else {
      k.y0 = Math.min(k.y0, r.y0);
      k.y1 = Math.max(k.y1, r.y1);
    }
  }
  return kept;
}

function rulingsAt(img: GrayImage, s: ImageRulingSettings): Ruling[] {
  const { width: w, height: h, data } = img;
  const min = Math.round(s.minLength * img.dpi);
  const thick = Math.max(2, Math.round(s.maxThickness * img.dpi));
  const rulings: Ruling[] = [];
  const take = (groups: Run[][], horizontal: boolean) => {
    for (const g of groups) {
      // A skewed line climbs across rows: allow a row more for every 50 pixels it runs.
      const from = Math.min(...g.map((r) => r.from));
      const to = Math.max(...g.map((r) => r.to));
      if (g.length > thick + Math.ceil((to - from) / 50)) continue;
      const at = g.reduce((a, r) => a + r.at * (r.to - r.from + 1), 0) / g.reduce((a, r) => a + r.to - r.from + 1, 0);
      rulings.push(horizontal ? { x0: from, y0: at, x1: to, y1: at } : { x0: at, y0: from, x1: at, y1: to });
    }
  };
  take(groupRuns(runsOf(h, w, (y, x) => data[y * w + x]!, s, min)), true);
  take(groupRuns(runsOf(w, h, (x, y) => data[y * w + x]!, s, min)), false);
  return rulings;
}

/**
 * The skew of a scanned page in degrees (positive: turned clockwise, lines fall to the right), read from its long
 * horizontal rulings: a turned line is a staircase of row runs, and the least-squares slope of their centres is its
 * angle. 0 when the page has no such lines (text-only pages are left as they are).
 */
export function skewOf(img: GrayImage, s: ImageRulingSettings = DEFAULT_IMAGE_RULINGS): number {
  const { width: w, data } = img;
  const min = Math.round(s.minLength * img.dpi);
  const groups = groupRuns(runsOf(img.height, w, (y, x) => data[y * w + x]!, { ...s, gap: 1 }, Math.round(min / 2)));
  const slopes: { slope: number; weight: number }[] = [];
  for (const g of groups) {
    const from = Math.min(...g.map((r) => r.from));
    const to = Math.max(...g.map((r) => r.to));
    if (to - from < 4 * min || g.length < 2) continue;
    let n = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (const r of g) {
      const x = (r.from + r.to) / 2;
      const wgt = r.to - r.from + 1;
      n += wgt;
      sx += wgt * x;
      sy += wgt * r.at;
      sxx += wgt * x * x;
      sxy += wgt * x * r.at;
    }
    const den = n * sxx - sx * sx;
    if (den <= 0) continue;
    slopes.push({ slope: (n * sxy - sx * sy) / den, weight: to - from });
  }
  if (!slopes.length) return 0;
  slopes.sort((a, b) => a.slope - b.slope);
  // The weighted median: a stray stroke does not tilt the page.
  const total = slopes.reduce((a, x) => a + x.weight, 0);
  let acc = 0;
  for (const x of slopes) {
    acc += x.weight;
    if (acc >= total / 2) return (Math.atan(x.slope) * 180) / Math.PI;
  }
  return 0;
}

/**
 * Black and white at a fixed level: a scan's gray paper, sensor noise and JPEG ringing go white. Measured on the
 * scanned twin (deskewed): tesseract read the table's numbers from the thresholded image and garbage from the gray.
 */
export function binarize(img: GrayImage, level = 175): GrayImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = img.data[i]! <= level ? 0 : 255;
  return { ...img, data };
}

/** Whether any pixel is ink (≤ 127): a thresholded, despeckled page without any is blank. */
export function hasInk(img: GrayImage): boolean {
  for (const v of img.data) if (v <= 127) return true;
  return false;
}

/** The image as a binary PGM file (P5), which tesseract's Leptonica reads without any encoding cost. */
export function toPgm(img: GrayImage): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head, 0);
  out.set(img.data, head.length);
  return out;
}

/**
 * A black-and-white image (every pixel 0 or 255, as `binarize` leaves it) as a binary PBM file (P4, one bit a
 * pixel, ink ≤ 127 is 1); null when the image has other grays. Measured on a 300 dpi page: tesseract reads the same
 * text from it as from the PGM, and its worker's heap grows by ~65 MB for the page instead of ~95 (the page is held
 * in the heap at one bit a pixel, and there is no gray copy).
 */
export function toPbm(img: GrayImage): Uint8Array | null {
  const { width: w, height: h, data } = img;
  for (const v of data) if (v !== 0 && v !== 255) return null;
  const head = new TextEncoder().encode(`P4\n${w} ${h}\n`);
  const rowBytes = Math.ceil(w / 8);
  const out = new Uint8Array(head.length + rowBytes * h);
  out.set(head, 0);
  for (let y = 0; y < h; y++) {
    const row = head.length + y * rowBytes;
    for (let x = 0, i = y * w; x < w; x++, i++) if (data[i]! <= 127) out[row + (x >> 3)]! |= 0x80 >> (x & 7);
  }
  return out;
}

/**
 * Specks removed: groups of touching dark pixels (8-connected) of at most `maxArea` pixels go white. A scan's dust
 * (1–3 px at 300 dpi) is read as `ー`, `.` or `、` beside the numbers of a cell; the smallest mark of print, a
 * decimal point at 9 pt, is ~25 px at 300 dpi. Default: 12 px at 300 dpi, scaled by the area at other resolutions.
 *
 * A scan made at a lower resolution than the page is rendered at (150 dpi, drawn at 300) shows its dust as specks
 * of its own pixels, two to four times as wide: 1–3 px of 150 dpi are up to 36 px at 300, as large as a decimal
 * point, and the cells of the 150 dpi twin were read with `・`, `.`, `ー` all round their text (`ーー基準値`,
 * `2か所.`). Size alone cannot tell them from print, but print is never alone: a decimal point, a comma, a `・` or
 * a `。` sits within a glyph's width of other ink. So a group up to `isolatedArea` pixels, no wider or taller than
 * `isolatedSide`, with no other ink within `isolation` pixels of its box, goes white too.
 */
export function despeckle(
  img: GrayImage,
  maxArea = Math.max(2, Math.round(12 * (img.dpi / 300) ** 2)),
  isolatedArea = Math.round(48 * (img.dpi / 300) ** 2),
): GrayImage {
  const { width: w, height: h } = img;
  const data = new Uint8Array(img.data);
  const seen = new Uint8Array(w * h);
  const stack: number[] = [];
  const group: number[] = [];
  const limit = Math.max(maxArea, isolatedArea);
  // (a speck of 3 px of 150 dpi, blurred by the drawing: ~8 px a side at 300 dpi)
  const isolatedSide = Math.round((10 * img.dpi) / 300);
  // (a decimal point is 1–3 px from its digits at 300 dpi, a `。` or `・` under a third of an em: ~12 px at 10 pt)
  const isolation = Math.round((24 * img.dpi) / 300);
  const medium: number[][] = [];
  for (let start = 0; start < data.length; start++) {
    if (data[start]! > 127 || seen[start]) continue;
    stack.length = 0;
    group.length = 0;
    stack.push(start);
    seen[start] = 1;
    let big = false;
    while (stack.length) {
      const i = stack.pop()!;
      if (!big) {
        group.push(i);
        if (group.length > limit) big = true;
      }
      const x = i % w;
      const y = (i - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (!seen[j] && data[j]! <= 127) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (big) continue;
    if (group.length <= maxArea) for (const i of group) data[i] = 255;
    else medium.push([...group]);
  }
  // The medium groups, judged on the page as it was (a speck beside another speck is not print either way).
  const ink = img.data;
  for (const g of medium) {
    let x0 = w;
    let y0 = h;
    let x1 = -1;
    let y1 = -1;
    for (const i of g) {
      const x = i % w;
      const y = (i - x) / w;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    if (x1 - x0 + 1 > isolatedSide || y1 - y0 + 1 > isolatedSide) continue;
    const own = new Set(g);
    let alone = true;
    for (let y = Math.max(0, y0 - isolation); alone && y <= Math.min(h - 1, y1 + isolation); y++)
      for (let x = Math.max(0, x0 - isolation), i = y * w + x; x <= Math.min(w - 1, x1 + isolation); x++, i++)
        if (ink[i]! <= 127 && !own.has(i)) {
          alone = false;
          break;
        }
    if (alone) for (const i of g) data[i] = 255;
  }
  return { ...img, data };
}
