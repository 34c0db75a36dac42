/**
 * Spans → lines (spans sharing a baseline band, left to right) in reading order (top-down, then left-right), and
 * lines → segments (runs of spans split at wide gaps: the cells of a borderless table row).
 */

import type { BBox, TextSpan } from '@shiryo/model';
import { BULLET_MARKS, charClass, NOTE_MARKS } from '@shiryo/model';
import { collapseWhitespace, isCjk } from '../text.js';
import { height, overlap, union } from './geometry.js';
import { joinSplitNumbers } from './textlayer.js';

const ITEM_OR_NOTE = new RegExp(charClass(BULLET_MARKS + NOTE_MARKS), 'u');

export interface Line {
  spans: TextSpan[];
  bbox: BBox;
  /** Largest font size on the line. */
  size: number;
  dir: 'h' | 'v';
  text: string;
  orig: string;
}

/** A run of spans on one line with no wide gap inside. */
export interface Segment {
  spans: TextSpan[];
  bbox: BBox;
  text: string;
  orig: string;
}

export const spanSize = (s: TextSpan) => s.size ?? height(s.bbox);

const isJapanese = (ch: string) => isCjk(ch) || /^[\u3000-\u303f\u30fb\uff01-\uff60]$/.test(ch);

const isOneGlyph = (s: TextSpan) => [...s.text].length === 1 && isCjk(s.text);
/** A span of glyphs set apart that pdf.js returned as one item with blanks between them: `ま ち づ く り`. */
const SPACED_GLYPHS =
  /^(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々・] )+[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々・]$/u;

/**
 * Join spans left to right: a space where they are apart (or between two Latin words), nothing in Japanese. With
 * `glyphs` (the spans of one table cell), single glyphs set apart (distributed alignment, `同 上`, `証 書 借 入`)
 * join without a space too.
 */
export function joinSpans(spans: TextSpan[], glyphs = false): { text: string; orig: string } {
  let text = '';
  let orig = '';
  let prev: TextSpan | null = null;
  for (const s of spans) {
    if (prev) {
      const gap = s.bbox.x0 - prev.bbox.x1;
      const size = Math.max(spanSize(prev), spanSize(s));
      const left = [...text].at(-1) ?? '';
      const right = [...s.text][0] ?? '';
      const glued =
        glyphs && (isOneGlyph(prev) || SPACED_GLYPHS.test(prev.text)) && (isOneGlyph(s) || SPACED_GLYPHS.test(s.text));
      const apart = !glued && (gap > 0.25 * size || (gap > 0.1 * size && !(isJapanese(left) && isJapanese(right))));
      if (apart) {
        text += ' ';
        orig += ' ';
      }
    }
    text += glyphs && SPACED_GLYPHS.test(s.text) ? s.text.replace(/ /g, '') : s.text;
    orig += s.orig;
    prev = s;
  }
  return { text: joinSplitNumbers(collapseWhitespace(text)), orig };
}

/**
 * Join the lines of one cell or paragraph: nothing between Japanese characters, one space otherwise, and one
 * before a line that opens an item of its own (`・削減数：5人` under `・移行者数：10人` in one cell).
 */
export function joinLineTexts(texts: string[]): string {
  let out = '';
  for (const t of texts) {
    if (!t) continue;
    const left = [...out].at(-1);
    const right = [...t][0]!;
    const glued = left && isJapanese(left) && isJapanese(right) && !ITEM_OR_NOTE.test(right);
    out += !left || glued ? t : ` ${t}`;
  }
  return out;
}

function makeLine(spans: TextSpan[], dir: 'h' | 'v'): Line {
  const sorted = dir === 'h' ? [...spans].sort((a, b) => a.bbox.x0 - b.bbox.x0) : spans;
  const { text, orig } = dir === 'h' ? joinSpans(sorted) : { text: sorted[0]!.text, orig: sorted[0]!.orig };
  return {
    spans: sorted,
    bbox: union(sorted.map((s) => s.bbox)),
    size: Math.max(...sorted.map(spanSize)),
    dir,
    text,
    orig,
  };
}

/**
 * Horizontal spans grouped into lines by their vertical band (a span joins the line above when they overlap by half
 * the smaller height); each vertical span is a line of its own. Sorted top-down, then left-right.
 */
export function spansToLines(spans: TextSpan[]): Line[] {
  const hs = spans
    .filter((s) => s.dir === 'h')
    .sort((a, b) => (a.bbox.y0 + a.bbox.y1) / 2 - (b.bbox.y0 + b.bbox.y1) / 2);
  const groups: TextSpan[][] = [];
  let band: BBox = { x0: 0, y0: 0, x1: 0, y1: 0 };
  for (const s of hs) {
    const g = groups[groups.length - 1];
    if (g && overlap(band.y0, band.y1, s.bbox.y0, s.bbox.y1) >= 0.5 * Math.min(height(band), height(s.bbox))) {
      g.push(s);
      band = { x0: band.x0, y0: Math.min(band.y0, s.bbox.y0), x1: band.x1, y1: Math.max(band.y1, s.bbox.y1) };
    } else {
      groups.push([s]);
      band = s.bbox;
    }
  }
  const lines = groups.map((g) => makeLine(g, 'h'));
  for (const s of spans) if (s.dir === 'v') lines.push(makeLine([s], 'v'));
  return lines.sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
}

/** The line's spans split where the gap is wider than `gap` × font size. */
export function lineSegments(line: Line, gap: number): Segment[] {
  if (line.dir === 'v') return [{ spans: line.spans, bbox: line.bbox, text: line.text, orig: line.orig }];
  const runs: TextSpan[][] = [];
  for (const s of line.spans) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && s.bbox.x0 - prev.bbox.x1 <= gap * Math.max(spanSize(prev), spanSize(s))) run.push(s);
    else runs.push([s]);
  }
  return runs.map((spans) => ({ spans, bbox: union(spans.map((s) => s.bbox)), ...joinSpans(spans) }));
}
