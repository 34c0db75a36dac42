/**
 * pdf.js text items → `TextSpan`s in top-left page coordinates, vertical stacks of single glyphs joined into
 * one vertical span, and the test for a text layer that is no use (empty, or mostly U+FFFD / private use).
 */
import type { BBox, TextSpan } from '@shiryo/model';
import { isCjk, nfkc } from '../text.js';
import { boxOf, centerX, height, type Matrix, multiply, overlap, roundBox, toMatrix, union } from './geometry.js';
import { joinSplitNumbers } from './textlayer.js';

/** The fields of a pdf.js `TextItem` the reader uses (so the functions here run without pdf.js). */
export interface PdfTextItem {
  str: string;
  dir?: string;
  transform: ArrayLike<number>;
  width: number;
  height: number;
  fontName: string;
  hasEOL?: boolean;
}

export interface PdfTextStyle {
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * One item → one span. `viewport` maps PDF user space to the page as shown (pdf.js `viewport.transform` at
 * scale 1: y flipped, /Rotate and the MediaBox origin applied), so this is the only coordinate conversion.
 */
export function textItemToSpan(item: PdfTextItem, style: PdfTextStyle | undefined, viewport: Matrix): TextSpan | null {
  if (!item.str?.trim()) return null;
  const m = multiply(viewport, toMatrix(item.transform));
  const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
  if (!(size > 0)) return null;
  const ux = m[0] / (Math.hypot(m[0], m[1]) || 1);
  const uy = m[1] / (Math.hypot(m[0], m[1]) || 1);
  // `up` points from the baseline towards the top of the glyphs (negative y on an unrotated page).
  const upx = m[2] / size;
  const upy = m[3] / size;
  const ox = m[4];
  const oy = m[5];
  const vertical = style?.vertical === true || item.dir === 'ttb';
  let box: BBox;
  if (vertical) {
    // Vertical fonts: the origin is at the top centre of the first glyph; the text runs down by `height`.
    const run = item.height > 0 ? item.height : size * [...item.str].length;
    const half = size / 2;
    box = boxOf([
      [ox - ux * half, oy - uy * half],
      [ox + ux * half, oy + uy * half],
      [ox - ux * half - upx * run, oy - uy * half - upy * run],
      [ox + ux * half - upx * run, oy + uy * half - upy * run],
    ]);
  } else {
    const ascent = clamp(style?.ascent || 0.88, 0.5, 1.2);
    const descent = clamp(style?.descent || -0.12, -0.5, 0);
    const w = item.width;
    const corner = (along: number, up: number): [number, number] => [
      ox + ux * along + upx * up * size,
      oy + uy * along + upy * up * size,
    ];
    box = boxOf([corner(0, ascent), corner(0, descent), corner(w, ascent), corner(w, descent)]);
  }
  // Text turned a quarter (a label running up the page) reads as vertical too.
  const dir = vertical || Math.abs(uy) > Math.abs(ux) ? 'v' : 'h';
  return {
    // (nfkc also folds CJK radicals written for kanji: ⽉ → 月, ⻑ → 長)
    text: joinSplitNumbers(nfkc(item.str).trim()),
    orig: item.str,
    bbox: roundBox(box),
    dir,
    font: item.fontName,
    size: Math.round(size * 100) / 100,
    origin: 'pdf',
    confidence: 1,
  };
}

export function textItemsToSpans(
  items: readonly PdfTextItem[],
  styles: Record<string, PdfTextStyle>,
  viewport: Matrix,
): TextSpan[] {
  const out: TextSpan[] = [];
  for (const item of items) {
    const span = textItemToSpan(item, styles[item.fontName], viewport);
    if (span) out.push(span);
  }
  return out;
}

const sizeOf = (s: TextSpan) => s.size ?? height(s.bbox);
/** Farthest apart (top to top, in font sizes) two glyphs of one vertical word are set. */
const STACK_PITCH = 1.35;
const isGlyph = (s: TextSpan) => s.dir === 'h' && [...s.text].length === 1;

/** How far the nearest single glyph right above or below `g` (centred on its x) is, top to top; Infinity if none. */
function columnPitch(g: TextSpan, all: TextSpan[]): number {
  const size = sizeOf(g);
  let best = Number.POSITIVE_INFINITY;
  for (const o of all) {
    if (o === g || !isGlyph(o) || Math.abs(centerX(o.bbox) - centerX(g.bbox)) > 0.35 * size) continue;
    const d = Math.abs(o.bbox.y0 - g.bbox.y0);
    if (d >= 0.5 * size && d <= 1.5 * size) best = Math.min(best, d);
  }
  return best;
}

/**
 * No other span beside it on its line, closer than a third of a glyph (a cell's padding is wider): a glyph of a
 * vertical run, not of a word. Vertical text wrapped into two columns puts the tops of both columns side by side:
 * a glyph beside another single glyph still counts when one of them has a glyph below or above it at most as far
 * as the two are apart (glyphs of a vertical run sit closer to each other than its columns; a horizontal text drawn
 * glyph by glyph has its glyphs closer along the line than its lines are).
 */
function standsAlone(g: TextSpan, all: TextSpan[]): boolean {
  const size = sizeOf(g);
  return all.every((o) => {
    if (o === g) return true;
    if (overlap(o.bbox.y0, o.bbox.y1, g.bbox.y0, g.bbox.y1) < 0.5 * Math.min(height(o.bbox), height(g.bbox))) {
      return true;
    }
    const gap = Math.max(o.bbox.x0 - g.bbox.x1, g.bbox.x0 - o.bbox.x1);
    if (gap > 0.3 * size) return true;
    if (!isGlyph(o)) return false;
    const apart = Math.abs(centerX(o.bbox) - centerX(g.bbox));
    return Math.min(columnPitch(g, all), columnPitch(o, all)) <= apart + 0.05 * size;
  });
}

/**
 * Single glyphs set one under the other (a 縦書き label drawn glyph by glyph) → one vertical span.
 * A stack needs two or more glyphs, centred on one x, at most 1.35 sizes apart top to top (vertical text sets its
 * glyphs 1–1.3 sizes apart; a table column of one-glyph values, `男` `女` row under row, is further apart), with
 * nothing beside them on their lines, and at least one CJK glyph (a column of single digits in a table is not a
 * word).
 */
export function joinVerticalStacks(spans: TextSpan[]): TextSpan[] {
  const glyphs = spans.filter(isGlyph).filter((g) => standsAlone(g, spans));
  if (glyphs.length < 2) return spans;
  glyphs.sort((a, b) => centerX(a.bbox) - centerX(b.bbox) || a.bbox.y0 - b.bbox.y0);
  const used = new Set<TextSpan>();
  const stacks: TextSpan[][] = [];
  const byTop = [...glyphs].sort((a, b) => a.bbox.y0 - b.bbox.y0);
  for (const first of byTop) {
    if (used.has(first)) continue;
    const stack = [first];
    let last = first;
    for (;;) {
      const size = sizeOf(last);
      const next = byTop.find(
        (g) =>
          !used.has(g) &&
          !stack.includes(g) &&
          Math.abs(centerX(g.bbox) - centerX(last.bbox)) <= 0.35 * size &&
          Math.abs(sizeOf(g) - size) <= 0.15 * size &&
          g.bbox.y0 > last.bbox.y0 &&
          g.bbox.y0 - last.bbox.y0 <= STACK_PITCH * size,
      );
      if (!next) break;
      stack.push(next);
      last = next;
    }
    if (stack.length >= 2 && stack.some((g) => isCjk(g.text))) {
      stacks.push(stack);
      for (const g of stack) used.add(g);
    }
  }
  const kept = dropSpacedLineStacks(stacks, spans);
  if (kept.length === 0) return spans;
  used.clear();
  for (const st of kept) for (const g of st) used.add(g);
  const columns = wrapVerticalColumns(
    kept,
    glyphs.filter((g) => !used.has(g) && isCjk(g.text)),
  );
  for (const g of columns.flat()) used.add(g);
  const out = spans.filter((s) => !used.has(s));
  for (const stack of columns) {
    out.push({
      text: stack.map((g) => g.text).join(''),
      orig: stack.map((g) => g.orig).join(''),
      bbox: union(stack.map((g) => g.bbox)),
      dir: 'v',
      ...(stack[0]!.font ? { font: stack[0]!.font } : {}),
      size: sizeOf(stack[0]!),
      origin: 'pdf',
      confidence: 1,
    });
  }
  return out;
}

/**
 * The single glyphs on `g`'s line that a run of gaps of at most 3 font sizes links to it (a word set with spaces,
 * `私 立 保 育 園 等`), `g` not included.
 */
function lineRun(g: TextSpan, singles: TextSpan[]): TextSpan[] {
  const size = sizeOf(g);
  const onLine = singles
    .filter(
      (o) => overlap(o.bbox.y0, o.bbox.y1, g.bbox.y0, g.bbox.y1) >= 0.5 * Math.min(height(o.bbox), height(g.bbox)),
    )
    .sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const i = onLine.indexOf(g);
  const out: TextSpan[] = [];
  for (let k = i + 1; k < onLine.length && onLine[k]!.bbox.x0 - onLine[k - 1]!.bbox.x1 <= 3 * size; k++) {
    out.push(onLine[k]!);
  }
  for (let k = i - 1; k >= 0 && onLine[k + 1]!.bbox.x0 - onLine[k]!.bbox.x1 <= 3 * size; k--) out.push(onLine[k]!);
  return out;
}

/**
 * Two lines of a label set with spaces (Excel's and DocuWorks' distributed alignment: `私 立 保 育 園 等` over
 * `整 備 費 補 助 事 業`) start and end at the same x, so their first and last glyphs stack like a vertical word.
 * A stack is horizontal text after all when a glyph of it sits in a spaced run of two or more other glyphs on its
 * line of which fewer than half belong to stacks (in a table of vertical labels, the glyphs beside a stack's are
 * the tops of the other stacks).
 */
function dropSpacedLineStacks(stacks: TextSpan[][], spans: TextSpan[]): TextSpan[][] {
  const singles = spans.filter(isGlyph);
  const inStack = new Set(stacks.flat());
  return stacks.filter((st) =>
    st.every((g) => {
      const mates = lineRun(g, singles);
      return mates.length < 2 || mates.filter((m) => inStack.has(m)).length * 2 >= mates.length;
    }),
  );
}

/**
 * Vertical text (縦書き) wraps into a new column to the LEFT when its cell is too short: `訪問` in one column and `系`
 * beside it, top-aligned or centred. A column (a stack, or a lone glyph) within the vertical extent of a stack, one
 * glyph width to its left, set in the same size, continues it. Chains are followed leftwards.
 */
export function wrapVerticalColumns(stacks: TextSpan[][], lone: TextSpan[]): TextSpan[][] {
  const top = (c: TextSpan[]) => c[0]!.bbox.y0;
  const bottom = (c: TextSpan[]) => c[c.length - 1]!.bbox.y1;
  const cx = (c: TextSpan[]) => centerX(c[0]!.bbox);
  const columns = [...stacks, ...lone.map((g) => [g])].sort((a, b) => cx(b) - cx(a));
  const taken = new Set<TextSpan[]>();
  const out: TextSpan[][] = [];
  for (const col of columns) {
    if (taken.has(col) || col.length < 2) continue;
    taken.add(col);
    const joined = [...col];
    let last = col;
    for (;;) {
      const size = sizeOf(last[0]!);
      const next = columns.find(
        (c) =>
          !taken.has(c) &&
          c.length <= last.length &&
          top(c) >= top(last) - 0.35 * size &&
          bottom(c) <= bottom(last) + 0.35 * size &&
          cx(last) - cx(c) >= 0.7 * size &&
          cx(last) - cx(c) <= 1.8 * size &&
          Math.abs(sizeOf(c[0]!) - size) <= 0.15 * size,
      );
      if (!next) break;
      taken.add(next);
      joined.push(...next);
      last = next;
    }
    out.push(joined);
  }
  return out;
}

/** U+FFFD, private use (BMP and planes 15–16) and C0/C1 controls: what a text layer without a usable ToUnicode yields. */
const GARBAGE = /[\ufffd\ue000-\uf8ff\u{f0000}-\u{10ffff}\u0000-\u0008\u000e-\u001f\u007f-\u009f]/u;

/** Share of garbage characters in the spans' raw text (whitespace not counted). */
export function garbageShare(spans: TextSpan[]): number {
  let n = 0;
  let bad = 0;
  for (const s of spans) {
    for (const ch of s.orig) {
      if (/\s/.test(ch)) continue;
      n++;
      if (GARBAGE.test(ch)) bad++;
    }
  }
  return n === 0 ? 1 : bad / n;
}
