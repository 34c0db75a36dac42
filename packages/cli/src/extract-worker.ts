/**
 * A worker thread that extracts documents for `ingest` (isolate.ts): one request at a time, `{ id, path }` in,
 * `{ id, doc }` or `{ id, error: { code, file, reason } }` out; `{ ready: true }` once its modules are loaded. It can
 * be terminated mid-document.
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument } from '@shiryo/extractor';
import { toShiryoError } from '@shiryo/model';

const port = parentPort;
if (!port) throw new Error('extract-worker runs as a worker thread');

port.postMessage({ ready: true });
port.on('message', async (msg: { id: number; path: string }) => {
  try {
    const doc = await extractDocument(msg.path);
    port.postMessage({ id: msg.id, doc });
  } catch (e) {
    const se = toShiryoError(e, msg.path);
    port.postMessage({ id: msg.id, error: { code: se.code, file: se.file, reason: se.reason } });
  }
});
