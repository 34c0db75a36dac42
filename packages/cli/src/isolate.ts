/**
 * Extraction in worker threads that can be killed: a document that takes longer than the timeout, or needs more
 * memory than the ceiling, ends its worker and fails alone (TIMEOUT, TOO_LARGE) while the batch goes on.
 * Workers are reused between documents (loading the readers costs ~0.5 s) and replaced when one is ended.
 */
import { Worker } from 'node:worker_threads';
import type { OcrMode } from '@shiryo/extractor';
import type { ExtractedDocument } from '@shiryo/model';
import { ShiryoError } from '@shiryo/model';

export interface IsolateOptions {
  /** Milliseconds one document may take to extract. */
  timeoutMs: number;
  /** Old-generation heap ceiling of a worker in MB; none when undefined. */
  maxMemoryMb?: number;
  /** Which PDF pages are OCR'd (each worker keeps one OCR engine for all its documents). */
  ocr?: OcrMode;
  /** Progress lines of a document's OCR (per page). */
  onProgress?: (line: string) => void;
}

interface Reply {
  id: number;
  progress?: string;
  doc?: ExtractedDocument;
  error?: { code: ShiryoError['code']; file: string; reason: string };
}

const WORKER = new URL('./extract-worker.js', import.meta.url);

export class Extractors {
  private idle: Worker[] = [];
  private all = new Set<Worker>();
  private next = 0;

  /** Set by `retire`: a worker that finishes its document is ended instead of kept. */
  private retiring = false;

  constructor(private readonly opts: IsolateOptions) {}

  /**
   * No more documents will come: end the idle workers now and each busy one when its document is done, so that
   * their memory (pdf.js, a page's objects: ~70 MB a worker) is given back before the caller goes on (normalizing
   * loads kuromoji's dictionary, ~100 MB). A later `extract` would start a worker again.
   */
  async retire(): Promise<void> {
    this.retiring = true;
    const idle = this.idle;
    this.idle = [];
    for (const w of idle) this.all.delete(w);
    await Promise.all(idle.map((w) => w.terminate()));
  }

  /** A new worker, once its modules are loaded (the timeout counts extraction only, not start-up). */
  private spawn(): Promise<Worker> {
    const w = new Worker(WORKER, {
      ...(this.opts.maxMemoryMb ? { resourceLimits: { maxOldGenerationSizeMb: this.opts.maxMemoryMb } } : {}),
    });
    this.all.add(w);
    return new Promise((resolve, reject) => {
      const fail = (e: unknown) => {
        this.all.delete(w);
        const oom = (e as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        reject(
          new ShiryoError(
            'INTERNAL',
            '',
            oom
              ? `the extraction worker did not start: the memory ceiling of ${this.opts.maxMemoryMb} MB is too small to load the readers`
              : `the extraction worker did not start: ${String(e)}`,
          ),
        );
      };
      w.once('message', () => {
        w.off('error', fail);
        w.off('exit', fail);
        resolve(w);
      });
      w.once('error', fail);
      w.once('exit', fail);
    });
  }

  /** Extract one file in a worker; every failure is a ShiryoError naming the file. */
  async extract(path: string): Promise<ExtractedDocument> {
    let w: Worker;
    try {
      w = this.idle.pop() ?? (await this.spawn());
    } catch (e) {
      throw new ShiryoError('INTERNAL', path, e instanceof ShiryoError ? e.reason : String(e));
    }
    const id = ++this.next;
    return new Promise<ExtractedDocument>((resolve, reject) => {
      let settled = false;
      const done = (keep: boolean) => {
        settled = true;
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (keep && !this.retiring) this.idle.push(w);
        else {
          this.all.delete(w);
          void w.terminate();
        }
      };
      const onMessage = (r: Reply) => {
        if (r.id !== id || settled) return;
        if (r.progress !== undefined) {
          this.opts.onProgress?.(r.progress);
          return;
        }
        done(true);
        if (r.doc) resolve(r.doc);
        else reject(new ShiryoError(r.error!.code, r.error!.file, r.error!.reason));
      };
      const onError = (e: Error & { code?: string }) => {
        if (settled) return;
        done(false);
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ShiryoError(
                'TOO_LARGE',
                path,
                `extracting it needed more than the memory ceiling of ${this.opts.maxMemoryMb} MB`,
              )
            : new ShiryoError('INTERNAL', path, `the extraction worker failed: ${e.message}`),
        );
      };
      const onExit = (code: number) => {
        if (settled) return;
        done(false);
        reject(new ShiryoError('INTERNAL', path, `the extraction worker exited (code ${code})`));
      };
      const timer = setTimeout(() => {
        if (settled) return;
        done(false);
        reject(
          new ShiryoError('TIMEOUT', path, `extraction took longer than ${this.opts.timeoutMs / 1000} s: stopped`),
        );
      }, this.opts.timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ id, path, ocr: this.opts.ocr ?? 'never' });
    });
  }

  /** End every worker. */
  async close(): Promise<void> {
    const all = [...this.all];
    this.all.clear();
    this.idle = [];
    await Promise.all(all.map((w) => w.terminate()));
  }
}
