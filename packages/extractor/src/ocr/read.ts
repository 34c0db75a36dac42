/**
 * OCR inside `readPdf`: which pages to OCR (`auto`: those without a usable text layer; `always`: every page), and
 * each OCR'd page read again from its recognised spans and image rulings by the same table finders and block
 * reader. Pages are rendered one after the other on this thread while the engine's workers recognise the ones
 * before; the choice is recorded per page (`Page.ocr`, an info issue `PAGE_OCR`).
 */
import type { Issue, Page, TextSpan } from '@shiryo/model';
import type { FoundTable } from '../pdf/lattice.js';
import { spansToLines } from '../pdf/lines.js';
import type { PdfDocument } from '../pdf/load.js';
import { type PageRead, readTables } from '../pdf/read.js';
import type { PdfSettings } from '../pdf/settings.js';
import { recogniseCells } from './cells.js';
import { OcrEngine } from './engine.js';
import { type OcrPageResult, ocrPage } from './page.js';
import { textRowRulings } from './rows.js';

export type OcrMode = 'auto' | 'always' | 'never';

type Reason = NonNullable<Page['ocr']>['reason'];

/** Why a page is OCR'd in this mode, or null when it is not. */
function reasonFor(p: PageRead, mode: OcrMode): Reason | null {
  if (mode === 'always') return 'always';
  if (mode !== 'auto' || !p.page.needsOcr) return null;
  if (p.issues.some((i) => i.code === 'PAGE_TEXT_STRAY')) return 'stray';
  return p.issues.some((i) => i.code === 'PAGE_TEXT_UNUSABLE') ? 'unusable' : 'no-text';
}

/** Each cell of an OCR'd table takes the lowest confidence of the spans in it. */
export function setCellConfidence(found: FoundTable[]): void {
  for (const f of found) {
    const spans = [...f.spans];
    for (const cell of f.table.cells) {
      const b = cell.bbox;
      if (!b) continue;
      let min = 1;
      for (const sp of spans) {
        const cx = (sp.bbox.x0 + sp.bbox.x1) / 2;
        const cy = (sp.bbox.y0 + sp.bbox.y1) / 2;
        if (cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1) min = Math.min(min, sp.confidence);
      }
      if (cell.text.trim() !== '' || min < 1) cell.confidence = Math.round(min * 1000) / 1000;
    }
  }
}

function stats(spans: TextSpan[]) {
  if (!spans.length) return { words: 0, meanConfidence: 0, minConfidence: 0 };
  const mean = spans.reduce((a, s) => a + s.confidence, 0) / spans.length;
  return {
    words: spans.length,
    meanConfidence: Math.round(mean * 1000) / 1000,
    minConfidence: Math.round(Math.min(...spans.map((s) => s.confidence)) * 1000) / 1000,
  };
}

const REASON_TEXT: Record<Reason, string> = {
  'no-text': 'no usable text layer',
  unusable: 'the text layer is mojibake',
  stray: "the text layer is stray characters (a scanner's OCR)",
  always: '--ocr always',
};

/** OCR the pages `mode` selects, replacing their reading in `pages`. */
export async function ocrPages(
  doc: PdfDocument,
  pages: PageRead[],
  mode: OcrMode,
  s: PdfSettings,
  opts: { ocrEngine?: OcrEngine; onProgress?: (line: string) => void; path: string },
): Promise<void> {
  const todo = pages.map((p, i) => ({ i, reason: reasonFor(p, mode) })).filter((t) => t.reason !== null);
  if (!todo.length) return;
  const engine = opts.ocrEngine ?? new OcrEngine();
  const started = performance.now();
  try {
    const running: Promise<void>[] = [];
    const inFlight = new Set<Promise<void>>();
    let done = 0;
    for (const { i, reason } of todo) {
      const before = pages[i]!;
      const index = before.page.index;
      // Keep at most one page rendered ahead of each worker (a 300 dpi A4 page is ~9 MB of gray).
      while (inFlight.size >= engine.size) await Promise.race(inFlight);
      let job: Promise<OcrPageResult>;
      const pdfPage = await doc.getPage(index);
      try {
        job = (await ocrPage(pdfPage, engine, s)).result;
      } catch (e) {
        job = Promise.reject(e);
      } finally {
        pdfPage.cleanup();
      }
      const tracked = job
        .then(async (first) => {
          let r = first;
          let read = ocrRead(before, r, reason!, s);
          // Rows a block of lines shares without rules between them (an accounts statement rules every few
          // accounts) get rules of their own first: whatever the first reading made of the grid (a lattice, or —
          // its bands holding several lines of a label and a number each — a list read as a stream).
          if (s.ocrCells && r.rulings.length) {
            const extra = textRowRulings(r.spans, r.rulings, s.lattice);
            if (extra.length) {
              r = { ...r, rulings: [...r.rulings, ...extra] };
              read = ocrRead(before, r, reason!, s);
            }
          }
          // The cells of tables ruled in the image, recognised one by one, and the page read again from them.
          // The grids the whole-page reading took for ruled tables stay ruled tables: each cell's lines now come
          // from its own crop, at heights of their own, and lines of neighbouring cells (`令和5年4月1日` over `1か所`
          // beside a label) no longer share baselines, so the list-frame test (lines across a band each with a
          // label and a number) would misjudge them (the 150 dpi twin's 成果目標 table came out as a stream).
          if (s.ocrCells && read.tables.some((t) => t.table.method === 'lattice')) {
            const pass = await recogniseCells(read.tables, r.spans, r.image, engine);
            const ruledGrids = read.tables.flatMap((t) =>
              t.table.method === 'lattice' && t.table.bbox ? [t.table.bbox] : [],
            );
            const again = ruledGrids.length ? { ...s, lattice: { ...s.lattice, ruledGrids } } : s;
            if (pass.cells)
              read = ocrRead(before, { ...r, spans: pass.spans, seconds: r.seconds + pass.seconds }, reason!, again);
          }
          pages[i] = read;
          done++;
          const o = pages[i]!.page.ocr!;
          opts.onProgress?.(
            `ocr ${opts.path} page ${index} (${done}/${todo.length}, ${REASON_TEXT[reason!]}): ${o.words} words, confidence ${o.meanConfidence.toFixed(2)}, ${o.seconds.toFixed(1)} s\n`,
          );
        })
        .catch((e: unknown) => {
          done++;
          const reasonText = e instanceof Error ? e.message : String(e);
          before.issues.push({
            code: 'OCR_FAILED',
            severity: 'warn',
            stage: 'read',
            message: `OCR failed: ${reasonText}`,
            where: `page ${index}`,
          });
          opts.onProgress?.(`ocr ${opts.path} page ${index}: failed: ${reasonText}\n`);
        });
      running.push(tracked);
      inFlight.add(tracked);
      void tracked.finally(() => inFlight.delete(tracked));
    }
    await Promise.all(running);
    opts.onProgress?.(
      `ocr ${opts.path}: ${todo.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    // A shared engine's workers are let go too (it starts new ones for the next document that needs them).
    if (!opts.ocrEngine) await engine.close();
    else await engine.release();
  }
}

/** A page read again from OCR: spans, image rulings, tables (cells with confidence), lines. */
function ocrRead(before: PageRead, r: OcrPageResult, reason: Reason, s: PdfSettings): PageRead {
  const lines = spansToLines(r.spans);
  const page: Page = {
    index: before.page.index,
    width: before.page.width,
    height: before.page.height,
    rotation: before.page.rotation,
    spans: r.spans,
    rulings: r.rulings,
    lines: lines.map((l) => l.text),
    ocr: { reason, ...stats(r.spans), seconds: Math.round(r.seconds * 10) / 10 },
  };
  const o = page.ocr!;
  // The text layer's verdict (PAGE_NEEDS_OCR / PAGE_TEXT_UNUSABLE / PAGE_TEXT_STRAY) is answered: what was done says it.
  const issues: Issue[] = before.issues.filter(
    (i) => i.code !== 'PAGE_NEEDS_OCR' && i.code !== 'PAGE_TEXT_UNUSABLE' && i.code !== 'PAGE_TEXT_STRAY',
  );
  issues.push({
    code: 'PAGE_OCR',
    severity: 'info',
    stage: 'read',
    message: `read by OCR (${REASON_TEXT[reason]}): ${o.words} spans, mean confidence ${o.meanConfidence}, lowest ${o.minConfidence}, ${r.rulings.length} rulings from the image`,
    where: `page ${page.index}`,
  });
  const read = readTables(page, r.spans, lines, r.rulings, issues, s);
  setCellConfidence(read.tables);
  return read;
}
