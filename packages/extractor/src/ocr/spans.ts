/**
 * Recognised words → `TextSpan`s in top-left PDF points (`origin: 'ocr'`, the engine's confidence), so the lattice
 * and stream finders read them as they read a text layer. Tesseract splits Japanese into a word per glyph or two
 * (`サー ビス`): words of a line closer than `joinGap` line heights are one span again (its confidence the lowest
 * of theirs); wider gaps (between the cells of a table) stay gaps. Every span of a line takes the line's top and
 * bottom, so glyphs of different heights (`ー`, `・`) stay on one baseline band.
 */
import type { TextSpan } from '@shiryo/model';
import type { OcrLine, OcrWord } from './engine.js';

/** Words of a line closer than this (× line height) are one span. Under the stream finder's cell gap. */
export const OCR_JOIN_GAP = 0.6;

const ASCII_WORD = /[0-9A-Za-z.,%]$/;
const ASCII_START = /^[0-9A-Za-z]/;

/**
 * Thousands separators as OCR reads them, where the reading can only be one: a comma and a dot side by side
 * (`175,.000`, `50.,000`: one mark read twice) are a comma, and a number of three-digit groups with two or more
 * separators, some of them dots (`11.792.274`, `3.787,247`: no number has two decimal points), takes commas.
 * A single dot (`50.000`) stays: it may be a decimal point, which only the column can tell (the normalizer's
 * `layout.ocr-broken-numbers`).
 */
export function ocrSeparators(text: string): string {
  return text
    .replace(/(?<=\d)(?:,\.|\.,)(?=\d{3}(?!\d))/gu, ',')
    .replace(/(?<![\d.,])\d{1,3}(?:[.,]\d{3}){2,}(?![\d.,])/gu, (m) => (m.includes('.') ? m.replace(/\./g, ',') : m));
}

/** Lines in image pixels → spans in PDF points (`scale` points a pixel). */
export function ocrLinesToSpans(lines: OcrLine[], scale: number, joinGap = OCR_JOIN_GAP): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const line of lines) {
    const h = Math.max(1, line.y1 - line.y0);
    const words = [...line.words].sort((a, b) => a.x0 - b.x0);
    let run: OcrWord[] = [];
    const flush = () => {
      if (!run.length) return;
      let orig = run[0]!.text;
      for (let i = 1; i < run.length; i++) {
        const gap = run[i]!.x0 - run[i - 1]!.x1;
        // Latin words and numbers keep a space a writer put between them; glyphs of Japanese text are joined.
        const spaced = gap > 0.25 * h && ASCII_WORD.test(orig) && ASCII_START.test(run[i]!.text);
        orig += (spaced ? ' ' : '') + run[i]!.text;
      }
      spans.push({
        text: ocrSeparators(orig.normalize('NFKC')),
        orig,
        bbox: {
          x0: round(run[0]!.x0 * scale),
          y0: round(line.y0 * scale),
          x1: round(Math.max(...run.map((w) => w.x1)) * scale),
          y1: round(line.y1 * scale),
        },
        dir: 'h',
        size: round(h * scale),
        origin: 'ocr',
        confidence: Math.min(...run.map((w) => w.confidence)),
      });
      run = [];
    };
    for (const w of words) {
      const prev = run[run.length - 1];
      if (prev && w.x0 - prev.x1 > joinGap * h) flush();
      run.push(w);
    }
    flush();
  }
  return spans;
}

const round = (v: number) => Math.round(v * 100) / 100;
