/**
 * Loading pdf.js (the Node legacy build of pdfjs-dist 5.x) and opening a document with everything it may need
 * from the installed package — CMaps, standard fonts, wasm decoders, ICC profiles — so nothing is fetched at run
 * time. Failures become typed `ShiryoError`s naming the file.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ShiryoError } from '@shiryo/model';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJsModule = typeof PdfJs;
export type PdfDocument = PdfJs.PDFDocumentProxy;

let loading: Promise<PdfJsModule> | undefined;

/**
 * Built-ins the legacy build's core-js polyfills replace for the whole process on Node 20, though the native ones
 * serve pdf.js as well: `Array.prototype.push` (forced on V8 for `push` past 2^32 - 1 elements), `JSON.stringify`
 * and `JSON.parse` (forced where `JSON.rawJSON` and `JSON.parse` with source are missing). Their JavaScript
 * replacements run every push, stringify and parse of the process through extra calls (a replacer on every key of
 * a JSON.stringify): 6–8 % of the CPU samples of `shiryo tables --json` on 130 pages, spread over pdf.js and our
 * code (docs/benchmarks.md). pdf.js uses neither `rawJSON` nor parse with source.
 */
const NATIVES: ReadonlyArray<[object, string]> = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse'],
];

/** Import `load`, then put back the native built-ins it replaced (the additions it makes stay). */
async function keepingNatives<T>(load: () => Promise<T>): Promise<T> {
  const saved = NATIVES.map(([o, k]) => [o, k, Object.getOwnPropertyDescriptor(o, k)] as const);
  try {
    return await load();
  } finally {
    for (const [o, k, d] of saved)
      if (d && Object.getOwnPropertyDescriptor(o, k)?.value !== d.value) Object.defineProperty(o, k, d);
  }
}

type Canvas = typeof import('@napi-rs/canvas');
const requireHere = createRequire(import.meta.url);
/** Where pdf.js's own `require("@napi-rs/canvas")` leads (pdfjs-dist's folder), and the canvas module, once loaded. */
let canvasPath: string | undefined;
let canvasLoaded: Canvas | undefined;

/**
 * `@napi-rs/canvas`, loaded now (synchronously) if it was not, with its `ImageData` and `Path2D` made the globals
 * pdf.js draws with (in place of the stand-ins `withoutCanvasAtImport` left). Rendering calls it first; the
 * stand-ins call it too, so whatever constructs one first gets the real classes.
 */
export function canvasForRendering(): Canvas {
  if (!canvasLoaded) {
    canvasLoaded = (canvasPath ? createRequire(canvasPath) : requireHere)(canvasPath ?? '@napi-rs/canvas') as Canvas;
    const g = globalThis as Record<string, unknown>;
    for (const name of ['ImageData', 'Path2D'] as const)
      if ((g[name] as { standIn?: boolean } | undefined)?.standIn) g[name] = canvasLoaded[name];
  }
  return canvasLoaded;
}

/** A global class that loads the canvas on first use and becomes its class (`new` and `instanceof` both work). */
function standIn(name: 'ImageData' | 'Path2D'): unknown {
  const real = () => canvasForRendering()[name] as unknown as new (...a: unknown[]) => object;
  return class {
    static standIn = true;
    constructor(...args: unknown[]) {
      const Real = real();
      // biome-ignore lint/correctness/noConstructorReturn: the stand-in hands out the canvas's own object
      return new Real(...args);
    }
    static [Symbol.hasInstance](x: unknown): boolean {
      return x instanceof real();
    }
  };
}

/**
 * Import pdf.js without loading `@napi-rs/canvas` (a 33 MB native module, ~37 MB of resident memory and its
 * load time, needed only to render pages for OCR). At import, pdf.js's Node build `require`s the canvas for three
 * globals and builds a `DOMMatrix` at once. `DOMMatrix` is the canvas package's plain JavaScript class
 * (`geometry.js`, the same module the canvas itself loads, so the class is the same object); `ImageData` and
 * `Path2D` are stand-ins that load the canvas when first used; and while pdf.js is imported its `require` finds an
 * empty module in `require`'s cache, removed afterwards, so that rendering loads the real canvas. Reading the text
 * layer and the operator list never constructs either class.
 */
async function withoutCanvasAtImport<T>(load: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  let path: string;
  try {
    path = createRequire(requireHere.resolve('pdfjs-dist/package.json')).resolve('@napi-rs/canvas');
  } catch {
    return load();
  }
  canvasPath = path;
  const cache = requireHere.cache;
  if (cache[path] || g.DOMMatrix || g.ImageData || g.Path2D) return load();
  g.DOMMatrix = (requireHere(join(dirname(path), 'geometry.js')) as { DOMMatrix: unknown }).DOMMatrix;
  g.ImageData = standIn('ImageData');
  g.Path2D = standIn('Path2D');
  const stub = { id: path, filename: path, loaded: true, exports: {} } as unknown as NodeJS.Module;
  cache[path] = stub;
  try {
    return await load();
  } finally {
    if (cache[path] === stub) delete cache[path];
  }
}

/**
 * pdf.js, imported on first use (a text-only run never pays for it), with its worker module: in Node pdf.js runs
 * the worker's code in this thread (`globalThis.pdfjsWorker`, which importing it sets), and importing it here
 * rather than at the first `getDocument` lets the native built-ins be restored after both.
 */
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
export function loadPdfJs(): Promise<PdfJsModule> {
  loading ??= keepingNatives(() =>
    withoutCanvasAtImport(async () => {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      await import(WORKER_MODULE);
      return pdfjs;
    }),
  );
  return loading;
}

/** Folders of the installed pdfjs-dist, each with a trailing slash as pdf.js expects. */
export function pdfJsDataDirs(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string; iccUrl: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const dir = (name: string) => `${join(root, name)}/`;
  return {
    cMapUrl: dir('cmaps'),
    standardFontDataUrl: dir('standard_fonts'),
    wasmUrl: dir('wasm'),
    iccUrl: dir('iccs'),
  };
}

const hasPdfHeader = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
/** `%%EOF` near the end: a PDF cut short (an interrupted download) has none. */
export const hasEofMarker = (bytes: Uint8Array) =>
  new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 16384))).includes('%%EOF');

/** A pdf.js failure while opening → the ShiryoError it means. */
export function openFailure(e: unknown, path: string, bytes: Uint8Array): ShiryoError {
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') {
    const wrong = (e as { code?: number }).code === 2;
    return new ShiryoError(
      'PDF_ENCRYPTED',
      path,
      wrong ? 'encrypted: the password given is wrong' : 'encrypted: a password is needed to open it',
      { cause: e },
    );
  }
  if (!hasPdfHeader(bytes)) {
    return new ShiryoError('UNSUPPORTED_MEDIA', path, 'named .pdf but is not a PDF (no %PDF- header)', { cause: e });
  }
  const truncated = hasEofMarker(bytes) ? '' : '; it looks truncated (no %%EOF at the end)';
  return new ShiryoError('PDF_CORRUPT', path, `pdf.js cannot read it: ${message}${truncated}`, { cause: e });
}

/** Open a PDF from bytes (the caller's buffer is left alone). The caller destroys the document. */
export async function openPdf(bytes: Uint8Array, path: string): Promise<{ pdfjs: PdfJsModule; doc: PdfDocument }> {
  if (!hasPdfHeader(bytes)) {
    throw new ShiryoError('UNSUPPORTED_MEDIA', path, 'named .pdf but is not a PDF (no %PDF- header)');
  }
  const pdfjs = await loadPdfJs();
  // A copy, and a plain Uint8Array (pdf.js refuses a Buffer and detaches what it is given).
  const data = new Uint8Array(bytes);
  let task: PdfJs.PDFDocumentLoadingTask | undefined;
  try {
    task = pdfjs.getDocument({
      data,
      ...pdfJsDataDirs(),
      cMapPacked: true,
      disableFontFace: true,
      isEvalSupported: false,
      useSystemFonts: false,
      isOffscreenCanvasSupported: false,
      verbosity: 0,
    });
    return { pdfjs, doc: await task.promise };
  } catch (e) {
    await task?.destroy().catch(() => undefined);
    throw openFailure(e, path, bytes);
  }
}
