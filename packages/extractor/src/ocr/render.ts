/**
 * Rendering a PDF page to a grayscale image for OCR — the one place the renderer is chosen.
 *
 * pdf.js (already holding the open document) draws onto an `@napi-rs/canvas` canvas, which is then read back and
 * turned to gray. Measured against poppler's `pdftoppm -r 300 -gray` (`node scripts/bench-ocr.mjs`, 2026-12-06,
 * loaded 2-core machine): pdftoppm is faster at rendering — 0.37 s vs 1.35 s for a text page, 1.0 s vs 4.9 s for a
 * 300 dpi JPEG scan (pdf.js decodes JPEG in JavaScript) — but rendering is 10–25% of a page's OCR (recognition
 * 11–15 s a page in one worker). pdf.js is kept: nothing outside npm to install (the README's first line is all a
 * fresh clone needs to read scans), no child process or temporary files, the document parsed once. Switching to
 * pdftoppm is this one file (and `poppler-utils` in .ci/run).
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { canvasForRendering } from '../pdf/load.js';
import type { GrayImage } from './image.js';

export const OCR_RENDERER = 'pdf.js + @napi-rs/canvas';

/** Pages larger than this many pixels are rendered at a lower resolution (an A0 poster at 300 dpi is 140 Mpx). */
const MAX_PIXELS = 40_000_000;

/** Rows read back from the canvas at a time: an RGBA copy of the whole page would be 35 MB at 300 dpi. */
const STRIP = 256;

/**
 * Render one page at `dpi` (lowered for huge pages) to 8-bit gray, white under the page. The canvas is read back a
 * strip at a time and shrunk as soon as the gray copy is made: its 35 MB surface (and pdf.js's scratch canvases,
 * freed when the collector runs) otherwise stays resident until garbage collection, which does not see native
 * memory (measured on a 300 dpi scan: rendering took the process from 66 to 297 MB, shrinking the canvas gives
 * ~130 MB back at once).
 */
export async function renderPageGray(page: PDFPageProxy, dpi: number): Promise<GrayImage> {
  const { createCanvas } = canvasForRendering();
  const base = page.getViewport({ scale: 1 });
  let scale = dpi / 72;
  const px = base.width * base.height * scale * scale;
  if (px > MAX_PIXELS) scale *= Math.sqrt(MAX_PIXELS / px);
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  try {
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    await page.render({ canvas, canvasContext: ctx, viewport } as unknown as Parameters<PDFPageProxy['render']>[0])
      .promise;
    const data = new Uint8Array(width * height);
    for (let y0 = 0; y0 < height; y0 += STRIP) {
      const rgba = ctx.getImageData(0, y0, width, Math.min(STRIP, height - y0)).data;
      for (let i = 0, j = y0 * width; i < rgba.length; i += 4, j++)
        data[j] = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114 + 500) / 1000;
    }
    return { width, height, data, dpi: scale * 72 };
  } finally {
    canvas.width = 1;
    canvas.height = 1;
  }
}

/**
 * The image turned by `-degrees` about its centre (a scan's skew undone), white where nothing was. Drawn by the
 * canvas (its bilinear filter: OCR of a real scan is sensitive to a ±1 change in a few thousand pixels, so the
 * pixels stay the canvas's), but with the gray bytes moved in and out a strip at a time and both canvases shrunk
 * at once: the whole-page RGBA copies took +204 MB resident at 300 dpi, and it now takes ~20 MB.
 */
export function rotateGray(img: GrayImage, degrees: number): GrayImage {
  const { createCanvas } = canvasForRendering();
  const { width, height } = img;
  const src = createCanvas(width, height);
  const dst = createCanvas(width, height);
  try {
    const sctx = src.getContext('2d');
    for (let y0 = 0; y0 < height; y0 += STRIP) {
      const h = Math.min(STRIP, height - y0);
      const id = sctx.createImageData(width, h);
      for (let j = y0 * width, i = 0; i < id.data.length; j++, i += 4) {
        id.data[i] = id.data[i + 1] = id.data[i + 2] = img.data[j]!;
        id.data[i + 3] = 255;
      }
      sctx.putImageData(id, 0, y0);
    }
    const ctx = dst.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.translate(width / 2, height / 2);
    ctx.rotate((-degrees * Math.PI) / 180);
    ctx.translate(-width / 2, -height / 2);
    ctx.drawImage(src, 0, 0);
    const data = new Uint8Array(width * height);
    for (let y0 = 0; y0 < height; y0 += STRIP) {
      const rgba = ctx.getImageData(0, y0, width, Math.min(STRIP, height - y0)).data;
      for (let j = y0 * width, i = 0; i < rgba.length; j++, i += 4) data[j] = rgba[i]!;
    }
    return { ...img, data };
  } finally {
    for (const c of [src, dst]) {
      c.width = 1;
      c.height = 1;
    }
  }
}
