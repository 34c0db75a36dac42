/**
 * A worker thread that extracts documents for `ingest` (isolate.ts): one request at a time, `{ id, path, ocr }` in,
 * `{ id, progress }` lines while it OCRs, then `{ id, doc }` or `{ id, error: { code, file, reason } }` out;
 * `{ ready: true }` once its modules are loaded. It can be terminated mid-document (its OCR workers with it). One OCR
 * engine per worker, started on the first page that needs it and shared by the worker's documents.
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument, OcrEngine, type OcrMode } from '@shiryo/extractor';
import { toShiryoError } from '@shiryo/model';

const port = parentPort;
if (!port) throw new Error('extract-worker runs as a worker thread');

port.postMessage({ ready: true });
let engine: OcrEngine | undefined;
port.on('message', async (msg: { id: number; path: string; ocr: OcrMode }) => {
  try {
    if (msg.ocr !== 'never') engine ??= new OcrEngine();
    const doc = await extractDocument(msg.path, {
      ocr: msg.ocr,
      ...(engine ? { ocrEngine: engine } : {}),
      onProgress: (line: string) => port.postMessage({ id: msg.id, progress: line }),
    });
    port.postMessage({ id: msg.id, doc });
  } catch (e) {
    const se = toShiryoError(e, msg.path);
    port.postMessage({ id: msg.id, error: { code: se.code, file: se.file, reason: se.reason } });
  }
});
