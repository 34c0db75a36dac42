/**
 * One page through OCR: render (300 dpi gray), deskewed, rulings read from the image, the page thresholded and
 * recognised,
 * words → spans in PDF points; rulings in PDF points, merged as the operator list's are.
 */
import type { Ruling, TextSpan } from '@shiryo/model';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { mergeRulings } from '../pdf/rulings.js';
import type { PdfSettings } from '../pdf/settings.js';
import type { OcrEngine } from './engine.js';
import { binarize, despeckle, type GrayImage, hasInk, imageRulings, skewOf } from './image.js';
import { renderPageGray, rotateGray } from './render.js';
import { ocrLinesToSpans } from './spans.js';

/** Pages are rendered at this resolution for OCR (what tesseract is trained for; 150 dpi loses small kanji). */
export const OCR_DPI = 300;

/** Skews under this (degrees) are left alone; over MAX_SKEW it is no scan's skew (a page set at an angle). */
const MIN_SKEW = 0.05;
const MAX_SKEW = 5;

export interface OcrPageResult {
  spans: TextSpan[];
  rulings: Ruling[];
  seconds: number;
  /** The skew undone, in degrees (0 when none). */
  skew: number;
  /** The page as recognised (deskewed, thresholded): the cells of its ruled tables are cropped from it. */
  image: GrayImage;
}

/**
 * Render the page now (pdf.js is not shared between threads) and return the recognition still running in the
 * engine's queue, so the next page can be rendered meanwhile.
 */
export async function ocrPage(
  page: PDFPageProxy,
  engine: OcrEngine,
  s: PdfSettings,
): Promise<{ result: Promise<OcrPageResult> }> {
  const t0 = performance.now();
  let img = await renderPageGray(page, OCR_DPI);
  // A scan turned a little: its ruled lines cross the text of the cells and tesseract garbles them (measured on the
  // scanned twin at 0.35°). Straighten it first; the page's points then stay those of the straightened image.
  const skew = skewOf(img);
  if (Math.abs(skew) >= MIN_SKEW && Math.abs(skew) <= MAX_SKEW) img = rotateGray(img, skew);
  const scale = 72 / img.dpi;
  const rulings = mergeRulings(
    imageRulings(img).map((r) => ({ x0: r.x0 * scale, y0: r.y0 * scale, x1: r.x1 * scale, y1: r.y1 * scale })),
    s.lattice.snap,
    s.lattice.join,
  );
  const prepared = (performance.now() - t0) / 1000;
  // Dust read as `ー`/`.` beside a cell's numbers goes first (measured on the scanned twins: see cells.ts).
  const image = despeckle(binarize(img));
  // A blank page (a budget book's empty verso, no drawing at all) is not worth a worker: no ink, no words.
  const recognised = hasInk(image) ? engine.recognize(image) : Promise.resolve({ lines: [], seconds: 0 });
  const result = recognised.then(({ lines, seconds }) => ({
    image,
    spans: ocrLinesToSpans(lines, scale),
    rulings,
    // Rendering and recognising (with a worker's start on its first page), not the wait in the queue.
    seconds: prepared + seconds,
    skew: Math.abs(skew) >= MIN_SKEW && Math.abs(skew) <= MAX_SKEW ? Math.round(skew * 100) / 100 : 0,
  }));
  return { result };
}
