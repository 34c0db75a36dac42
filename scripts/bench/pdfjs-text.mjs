#!/usr/bin/env node
// The reference "bare pdf.js": open a PDF as shiryo does (same data dirs) and call getTextContent on every page,
// nothing else. Usage: node scripts/bench/pdfjs-text.mjs FILE [--ops] (--ops: the operator list of every page too).
import { readFileSync } from 'node:fs';
import { loadPdfJs, pdfJsDataDirs } from '../../packages/extractor/dist/pdf/load.js';

const file = process.argv[2];
if (process.argv.includes('--no-ds')) globalThis.DecompressionStream = undefined;
const pdfjs = await loadPdfJs();
const doc = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(file)),
  ...pdfJsDataDirs(),
  cMapPacked: true,
  disableFontFace: true,
  isEvalSupported: false,
  useSystemFonts: false,
  isOffscreenCanvasSupported: false,
  verbosity: 0,
}).promise;
let items = 0;
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  items += (await page.getTextContent()).items.length;
  if (process.argv.includes('--ops')) await page.getOperatorList();
  page.cleanup();
}
await doc.destroy();
process.stdout.write(`${doc.numPages} pages, ${items} items\n`);
