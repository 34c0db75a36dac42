/**
 * The OCR engine: tesseract.js workers with Japanese data from npm (`@tesseract.js-data/jpn`, the `best_int` LSTM
 * model, gzip as the package ships it), read from the installed package — nothing is fetched or cached at run time.
 * One worker per core (created when a page first needs one), jobs behind a p-queue; `close()` terminates them and
 * must be called in a `finally`.
 *
 * Memory: a worker's WebAssembly heap grows to the largest page it has recognised and never shrinks (measured on a
 * 300 dpi scan: +190 MB resident for one worker's first page, +290 MB for two; terminating them gives it back). So
 * a worker is retired after `pagesPerWorker` whole pages (a new one starts on the next job, ~1–3 s against 15–60 s a
 * page), and `release()` — called when a document's OCR ends — terminates the idle ones, so that a long document's
 * text pages and its storing do not run beside workers that have nothing left to do.
 *
 * Recognition settings, measured on a rendered ruled table (`node scripts/bench-ocr.mjs`): page segmentation mode 3
 * (automatic layout; tesseract.js' default 6 reads a table as one block and gives garbage); vertical-text layout
 * off (with it on, tesseract reads the columns of a table as lines of 縦書き); the resolution given (a PGM carries
 * none); interword spaces kept, so the gaps between cells survive into the text.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import PQueue from 'p-queue';
import type Tesseract from 'tesseract.js';
import { type GrayImage, toPbm, toPgm } from './image.js';

/** One recognised word: its text, the engine's confidence (0..1) and its box in image pixels. */
export interface OcrWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One recognised line: its words and its box in image pixels. */
export interface OcrLine {
  words: OcrWord[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrEngineOptions {
  /** Workers (each holds its own model, ~100 MB); default one per core. */
  workers?: number;
  /** Page segmentation mode; default 3. */
  psm?: number;
  /** Whole pages (mode 3 jobs) a worker recognises before it is retired; default 4. */
  pagesPerWorker?: number;
}

/** Whole pages a worker recognises before it is retired (see the module's note on memory). */
export const PAGES_PER_WORKER = 4;

/** The traineddata folder of the installed `@tesseract.js-data/jpn` package. */
export function jpnDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/jpn/package.json')), '4.0.0_best_int');
}

export class OcrEngine {
  readonly size: number;
  readonly psm: number;
  readonly pagesPerWorker: number;
  private readonly queue: PQueue;
  private idle: Tesseract.Worker[] = [];
  private readonly all = new Set<Promise<Tesseract.Worker>>();
  /** The promise each started worker came from (to forget it when it is retired). */
  private readonly madeOf = new Map<Tesseract.Worker, Promise<Tesseract.Worker>>();
  /** The page segmentation mode each worker is set to now. */
  private readonly modeOf = new Map<Tesseract.Worker, number>();
  /** Whole pages each worker has recognised. */
  private readonly pagesOf = new Map<Tesseract.Worker, number>();
  private closed = false;
  /** Workers started and retired (for tests and the benchmark). */
  readonly counts = { started: 0, retired: 0 };

  constructor(opts: OcrEngineOptions = {}) {
    this.size = Math.max(1, opts.workers ?? availableParallelism());
    this.psm = opts.psm ?? 3;
    this.pagesPerWorker = Math.max(1, opts.pagesPerWorker ?? PAGES_PER_WORKER);
    this.queue = new PQueue({ concurrency: this.size });
  }

  /** A worker terminated and forgotten. */
  private async retire(w: Tesseract.Worker): Promise<void> {
    this.idle = this.idle.filter((x) => x !== w);
    this.modeOf.delete(w);
    this.pagesOf.delete(w);
    const made = this.madeOf.get(w);
    if (made) this.all.delete(made);
    this.madeOf.delete(w);
    this.counts.retired++;
    await w.terminate();
  }

  /**
   * Terminate the workers that are idle now (the engine stays usable: a later page starts new ones). Called when a
   * document's OCR ends, so that their memory is not held while the rest of the document is read and stored.
   */
  async release(): Promise<void> {
    const idle = this.idle;
    await Promise.all(idle.map((w) => this.retire(w)));
  }

  private async worker(): Promise<Tesseract.Worker> {
    const free = this.idle.pop();
    if (free) return free;
    const made = (async () => {
      const { createWorker, OEM } = (await import('tesseract.js')).default;
      const w = await createWorker('jpn', OEM.LSTM_ONLY, {
        langPath: jpnDataDir(),
        cacheMethod: 'none',
        gzip: true,
      });
      await w.setParameters({
        tessedit_pageseg_mode: String(this.psm) as Tesseract.PSM,
        preserve_interword_spaces: '1',
        textord_tabfind_vertical_text: '0',
      });
      this.counts.started++;
      return w;
    })();
    this.all.add(made);
    void made.then((w) => this.madeOf.set(w, made)).catch(() => this.all.delete(made));
    return made;
  }

  /** Recognise one page image: its lines of words, top-down as tesseract orders them, and the seconds it took
   * (in the worker, not waiting in the queue). */
  recognize(img: GrayImage, opts: { psm?: number } = {}): Promise<{ lines: OcrLine[]; seconds: number }> {
    if (this.closed) return Promise.reject(new Error('the OCR engine is closed'));
    const psm = opts.psm ?? this.psm;
    return this.queue.add(async () => {
      const t0 = performance.now();
      const w = await this.worker();
      try {
        const mode = this.modeOf.get(w) ?? this.psm;
        await w.setParameters({
          user_defined_dpi: String(Math.round(img.dpi)),
          ...(mode !== psm ? { tessedit_pageseg_mode: String(psm) as Tesseract.PSM } : {}),
        });
        this.modeOf.set(w, psm);
        // a thresholded image goes at one bit a pixel (same words, a smaller heap: see toPbm)
        const file = toPbm(img) ?? toPgm(img);
        const r = await w.recognize(
          Buffer.from(file.buffer, file.byteOffset, file.byteLength),
          {},
          {
            blocks: true,
            text: false,
          },
        );
        return { lines: linesOf(r.data), seconds: (performance.now() - t0) / 1000 };
      } finally {
        const pages = (this.pagesOf.get(w) ?? 0) + (opts.psm === undefined ? 1 : 0);
        this.pagesOf.set(w, pages);
        if (pages >= this.pagesPerWorker) await this.retire(w);
        else this.idle.push(w);
      }
    });
  }

  /** Jobs waiting or running. */
  get pending(): number {
    return this.queue.size + this.queue.pending;
  }

  /** Terminate every worker (waits for running jobs). */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.clear();
    await this.queue.onIdle();
    const workers = await Promise.allSettled([...this.all]);
    await Promise.allSettled(workers.map((w) => (w.status === 'fulfilled' ? w.value.terminate() : undefined)));
  }
}

function linesOf(page: Tesseract.Page): OcrLine[] {
  const out: OcrLine[] = [];
  for (const b of page.blocks ?? [])
    for (const p of b.paragraphs)
      for (const l of p.lines) {
        const words = l.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => ({ text: w.text, confidence: w.confidence / 100, ...w.bbox }));
        if (words.length) out.push({ words, ...l.bbox });
      }
  return out;
}
