#!/usr/bin/env node
// make-scanned-twins.mjs — scanned twins of PDF fixtures, for the OCR path (run by hand; output is reproducible).
//
//   node scripts/make-scanned-twins.mjs
//
// Each twin is a fixture page as a scanner gives it: rendered at 300 dpi in gray (pdf.js + @napi-rs/canvas, the
// renderer shiryo's OCR uses), turned a little (0.35°), speckled (seeded noise: the same bytes every run), saved
// as a JPEG (quality 75: block artefacts) and wrapped as an image-only A4 PDF with pdf-lib — no text layer at all.
// The twin shares its text-layer twin's expected observations (fixtures/<name>/expected/observations.jsonl).
// Written to packages/extractor/test/data/scanned/<name>.pdf (not under fixtures/: `shiryo ingest fixtures`
// would OCR them on every run of the CLI test).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../packages/extractor/package.json', import.meta.url));
const { PDFDocument } = require('pdf-lib');
const { createCanvas } = require('@napi-rs/canvas');
const pdfjs = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));

// The committed twin (one page: the OCR test reads it) and the bench set (every page of these PDF fixtures, scored
// by scripts/score-scanned.mjs against the text-layer fixture's expectations; written to .tmp/scanned/, not
// committed: `node scripts/make-scanned-twins.mjs --bench` makes them again, byte for byte).
const COMMITTED = [{ name: 'pdf-ruled-services', pages: [1], angle: 0.35, seed: 7 }];
export const BENCH = [
  { name: 'pdf-ruled-services', angle: 0.35, seed: 7 },
  { name: 'pdf-stream-services', angle: -0.4, seed: 11 },
  { name: 'pdf-lo-ruled-comparison', angle: 0.3, seed: 13 },
  { name: 'pdf-lo-year-kind-row-levels', angle: -0.25, seed: 17 },
  { name: 'pdf-chromium-ruled-year-rows', angle: 0.45, seed: 19 },
  { name: 'pdf-lo-ruled-plan-actual', angle: -0.3, seed: 23 },
  { name: 'pdf-chromium-borderless-two-level', angle: 0.2, seed: 29 },
  // one at 150 dpi (a low-resolution scan)
  { name: 'pdf-lo-outcome-targets-words', angle: 0.3, seed: 31, dpi: 150 },
];
const bench = process.argv.includes('--bench');
const TWINS = bench ? BENCH : COMMITTED;
const OUT = bench
  ? new URL('../.tmp/scanned/', import.meta.url)
  : new URL('../packages/extractor/test/data/scanned/', import.meta.url);

/** mulberry32: a small seeded generator, so the speckles are the same every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

mkdirSync(OUT, { recursive: true });
for (const twin of TWINS) {
  const src = new URL(`../fixtures/${twin.name}/source.pdf`, import.meta.url);
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(src)), verbosity: 0 }).promise;
  const dpi = twin.dpi ?? 300;
  const rand = rng(twin.seed);
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setProducer('shiryo scripts/make-scanned-twins.mjs');
  out.setCreator('shiryo scripts/make-scanned-twins.mjs');
  out.setCreationDate(new Date('2024-03-01T00:00:00Z'));
  out.setModificationDate(new Date('2024-03-01T00:00:00Z'));
  // The document's title metadata goes over (some fixtures name their city only there, as a municipality's own
  // PDFs do; a scan combined in Acrobat keeps one too): the twin tests OCR, not the absence of metadata.
  const { info } = await doc.getMetadata();
  if (bench && info?.Title) out.setTitle(info.Title);
  const pages = twin.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
  let kib = 0;
  for (const n of pages) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const vp = page.getViewport({ scale: dpi / 72 });
    const w = Math.ceil(vp.width);
    const h = Math.ceil(vp.height);
    const flat = createCanvas(w, h);
    const fctx = flat.getContext('2d');
    fctx.fillStyle = '#fff';
    fctx.fillRect(0, 0, w, h);
    await page.render({ canvas: flat, canvasContext: fctx, viewport: vp }).promise;
    // Turned about the page centre, on a paper that is not quite white.
    const scan = createCanvas(w, h);
    const ctx = scan.getContext('2d');
    ctx.fillStyle = '#f4f4f4';
    ctx.fillRect(0, 0, w, h);
    ctx.translate(w / 2, h / 2);
    ctx.rotate((twin.angle * Math.PI) / 180);
    ctx.translate(-w / 2, -h / 2);
    ctx.globalCompositeOperation = 'multiply';
    ctx.drawImage(flat, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = 'source-over';
    // Gray, with sensor noise (±5 levels) and dust: dark specks of 1–3 px (as many per square inch at any dpi).
    const img = ctx.getImageData(0, 0, w, h);
    const d = img.data;
    for (let i = 0; i < d.length; i += 4) {
      const g = (d[i] * 299 + d[i + 1] * 587 + d[i + 2] * 114) / 1000 + (rand() - 0.5) * 10;
      d[i] = d[i + 1] = d[i + 2] = Math.max(0, Math.min(255, Math.round(g)));
    }
    for (let k = 0; k < 1500; k++) {
      const x = Math.floor(rand() * w);
      const y = Math.floor(rand() * h);
      const r = 1 + Math.floor(rand() * 3);
      for (let dy = 0; dy < r; dy++)
        for (let dx = 0; dx < r; dx++) {
          const i = ((y + dy) * w + x + dx) * 4;
          if (i < d.length) d[i] = d[i + 1] = d[i + 2] = 60;
        }
    }
    ctx.putImageData(img, 0, 0);
    const jpeg = await scan.encode('jpeg', 75);
    kib += jpeg.length / 1024;
    const image = await out.embedJpg(jpeg);
    const p = out.addPage([base.width, base.height]);
    p.drawImage(image, { x: 0, y: 0, width: base.width, height: base.height });
  }
  await doc.destroy();
  const bytes = await out.save({ useObjectStreams: false });
  writeFileSync(new URL(`${twin.name}.pdf`, OUT), bytes);
  console.log(
    `${twin.name}.pdf: ${pages.length} page(s) at ${dpi} dpi, ${kib.toFixed(0)} KiB JPEG, ${bytes.length} bytes`,
  );
}
