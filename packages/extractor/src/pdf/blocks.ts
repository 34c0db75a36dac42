/**
 * Lines outside tables → blocks. Lines set larger than the body text are headings, ranked by size (the largest
 * size is level 1); other lines are grouped into paragraphs by their spacing and then read like text exports
 * (bullets `・`/`●`, `※` notes, numbered headings, short standalone labels) by `groupToBlocks`.
 */

import type { BlockKind } from '@shiryo/model';
import { BULLET_MARKS, CIRCLED_NUMBERS, classBody, NOTE_MARKS } from '@shiryo/model';
import { groupToBlocks, numberedHeadingLevel, type SourceLine } from '../blocks.js';
import { collapseSpacedText } from '../repairs/collapse.js';
import { cleanText, SENTENCE_PUNCT } from '../text.js';
import { joinLineTexts, type Line } from './lines.js';

export interface PlacedBlock {
  /** Top of the block on its page, to order it among tables. */
  top: number;
  block: { kind: BlockKind; text: string; orig: string; level?: number };
}

export interface SizeScale {
  /** Font size of the body text (the size most characters have). */
  body: number;
  /** Sizes of headings, largest first (level = position + 1). */
  headings: number[];
}

const roundSize = (x: number) => Math.round(x * 2) / 2;

/** Body size and heading sizes of a document, from all its horizontal lines. */
export function sizeScaleOf(lines: Line[], headingScale: number): SizeScale {
  const chars = new Map<number, number>();
  for (const l of lines) {
    if (l.dir !== 'h') continue;
    for (const s of l.spans) {
      const k = roundSize(s.size ?? l.size);
      chars.set(k, (chars.get(k) ?? 0) + [...s.text].length);
    }
  }
  let body = 0;
  let most = -1;
  for (const [size, n] of chars) if (n > most || (n === most && size < body)) [body, most] = [size, n];
  const headings = [...chars.keys()].filter((k) => k >= body * headingScale).sort((a, b) => b - a);
  return { body, headings };
}

/**
 * Sizes of OCR'd lines as a body size, a page at a time. An OCR'd line's size is its box's height, which the glyphs
 * in it and the engine's boxes move (measured on the scanned twins: body lines of one page 9.4–10.8 pt, a
 * sub-heading 11.3 pt; the next page's body 11.3–13.9 pt, its short last line the lowest), so a body line came out a
 * heading and cut its paragraph. Each OCR'd page's sizes are read against its own body (the median size of its
 * lines' characters, those outside tables when there are enough of them): a line from `OCR_SIZE_BELOW` under it to
 * `OCR_SIZE_ABOVE` over it is body size, the others keep their ratio to it; the page's body is then the document's reference size (the text layer's body when
 * other pages have one, else the median of the OCR'd pages' bodies), so headings are ranked across pages alike.
 */
export const OCR_SIZE_ABOVE = 0.1;
export const OCR_SIZE_BELOW = 0.2;

const isOcrLine = (l: Line) => l.spans.length > 0 && l.spans.every((s) => s.origin === 'ocr');

/** The median size of the characters of horizontal lines (null when they have none). */
export function medianSizeOf(lines: Line[]): number | null {
  const sized = lines
    .filter((l) => l.dir === 'h')
    .map((l) => ({ size: l.size, n: [...l.text].length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => a.size - b.size);
  const total = sized.reduce((a, x) => a + x.n, 0);
  let seen = 0;
  for (const x of sized) {
    seen += x.n;
    if (2 * seen >= total) return x.size;
  }
  return null;
}

/** A line at a size read against `pageBody` and set on `ref` (its spans too). */
export function evenOcrLine(l: Line, pageBody: number, ref: number): Line {
  if (!isOcrLine(l) || l.dir !== 'h' || pageBody <= 0) return l;
  const r = l.size / pageBody;
  // Larger only when its glyphs are set wider too: a box can be tall for one misboxed glyph (a body line of the
  // scanned twins 14.6 pt high, its glyphs 9.7 pt apart), a heading's glyphs are as wide as they are high.
  const advance = advanceOf(l);
  const up = advance ? Math.min(l.size, advance) / pageBody : r;
  const size =
    r >= 1 - OCR_SIZE_BELOW && up <= 1 + OCR_SIZE_ABOVE ? ref : Math.round(ref * (r > 1 ? up : r) * 100) / 100;
  return { ...l, size, spans: l.spans.map((s) => ({ ...s, size })) };
}

/**
 * The advance of a line's glyphs: the width of its spans over their glyphs (a Latin letter, digit or blank half
 * a glyph), which for Japanese text is the font's size; null under four glyphs.
 */
function advanceOf(l: Line): number | null {
  let width = 0;
  let glyphs = 0;
  for (const s of l.spans) {
    width += s.bbox.x1 - s.bbox.x0;
    for (const ch of s.text) glyphs += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  }
  return glyphs >= 4 ? width / glyphs : null;
}

const headingLevelOf = (size: number, scale: SizeScale) => {
  const i = scale.headings.indexOf(roundSize(size));
  return i >= 0 ? Math.min(6, i + 1) : null;
};

/** A line that opens an item of its own: a bullet, note, bracketed label or circled number. */
const OPENS_ITEM = new RegExp(
  `^[\\s\\u3000]*[${classBody(BULLET_MARKS + NOTE_MARKS)}＊*【［[(（〈《「${CIRCLED_NUMBERS}\\-－+]`,
  'u',
);

/**
 * The lines of one paragraph group as source lines, a line that the writer wrapped joined onto the line before
 * it: the line before reaches the group's right edge (85% of its width or more) and this one opens no item of its
 * own. Geometry tells what the text alone cannot: `・拠点等の整備：` / `1 か所` is one item, not an item and a
 * numbered heading.
 */
export function unwrapLines(lines: Line[]): SourceLine[] {
  const left = Math.min(...lines.map((l) => l.bbox.x0));
  const right = Math.max(...lines.map((l) => l.bbox.x1));
  const out: SourceLine[] = [];
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const last = out[out.length - 1];
    const full = prev && prev.bbox.x1 >= left + 0.85 * (right - left);
    if (last && full && !OPENS_ITEM.test(l.orig)) {
      last.text = joinLineTexts([last.text, l.orig]);
      last.orig = `${last.orig ?? ''}\n${l.orig}`;
    } else out.push({ text: l.orig, line: i + 1, orig: l.orig });
  });
  return out;
}

/** Lines (top-down, outside tables) → blocks with their tops. */
export function linesToBlocks(lines: Line[], scale: SizeScale): PlacedBlock[] {
  const groups: { lines: Line[]; level: number | null }[] = [];
  for (const l of lines) {
    const level = l.dir === 'h' ? headingLevelOf(l.size, scale) : null;
    const g = groups[groups.length - 1];
    const prev = g?.lines[g.lines.length - 1];
    const joins =
      g &&
      prev &&
      l.dir === 'h' &&
      prev.dir === 'h' &&
      g.level === level &&
      Math.abs(prev.size - l.size) <= 0.1 * l.size &&
      l.bbox.y0 > prev.bbox.y0 &&
      // (an OCR'd line's box is its glyphs' ink, tighter than a font's em: the gap between its lines is wider)
      l.bbox.y0 - prev.bbox.y1 <= (isOcrLine(l) ? 1 : 0.8) * l.size &&
      Math.min(l.bbox.x1, prev.bbox.x1) > Math.max(l.bbox.x0, prev.bbox.x0);
    if (joins) g.lines.push(l);
    else groups.push({ lines: [l], level });
  }
  const out: PlacedBlock[] = [];
  for (const g of groups) {
    const top = Math.min(...g.lines.map((l) => l.bbox.y0));
    const text = cleanText(joinLineTexts(g.lines.map((l) => l.text)));
    const orig = g.lines.map((l) => l.orig).join('\n');
    if (g.lines[0]!.dir === 'v') {
      out.push({ top, block: { kind: 'paragraph', text, orig } });
      continue;
    }
    if (g.level !== null && [...text].length <= 80 && !SENTENCE_PUNCT.test(text)) {
      out.push({ top, block: { kind: 'heading', text: collapseSpacedText(text), orig, level: g.level } });
      continue;
    }
    const items = groupToBlocks(unwrapLines(g.lines));
    for (const item of items) {
      const { kind, text: t, orig: o } = item.block;
      let level = item.block.level;
      // A short standalone line at body size ranks below every heading set in a larger size.
      if (kind === 'heading' && g.lines.length === 1 && numberedHeadingLevel(t) === null) {
        level = Math.min(6, scale.headings.length + 1);
      }
      out.push({ top, block: level === undefined ? { kind, text: t, orig: o } : { kind, text: t, orig: o, level } });
    }
  }
  return out;
}
