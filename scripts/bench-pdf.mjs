#!/usr/bin/env node
// Benchmark the PDF path: build long PDFs from the committed LibreOffice fixtures (their pages copied with pdf-lib,
// so every page has a ruled or borderless table, columns, running headers), then ingest each one into a fresh
// SQLite file and print time per page and peak RSS. Usage: pnpm bench:pdf [pages=300 …]. Needs `pnpm build`.
// Several sizes (default 30 and 300) show whether memory grows with the page count (pages are read one at a time
// and cleaned up; what grows is the document's own spans, tables and observations).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureIngest } from './bench-measure.mjs';

const require = createRequire(new URL('../packages/extractor/package.json', import.meta.url));
const { PDFDocument } = require('pdf-lib');
const root = new URL('..', import.meta.url).pathname;
const sources = ['pdf-lo-ruled-plan-actual', 'pdf-lo-columns-borderless'].map((n) =>
  readFileSync(join(root, 'fixtures', n, 'source.pdf')),
);
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'shiryo-bench-pdf-'));

/**
 * A PDF of `pages` pages taking the fixtures' pages in turn. One copyPages call per source, so the copies share
 * their fonts as the pages of one real report do (a call per copy would embed the fonts hundreds of times).
 */
async function build(pages) {
  const out = await PDFDocument.create({ updateMetadata: false });
  const docs = await Promise.all(sources.map((b) => PDFDocument.load(b)));
  const want = docs.map(() => []);
  for (let i = 0, d = 0; i < pages; d = (d + 1) % docs.length) {
    for (const k of docs[d].getPageIndices()) if (i++ < pages) want[d].push(k);
  }
  const copied = await Promise.all(docs.map((doc, d) => out.copyPages(doc, want[d])));
  const next = copied.map(() => 0);
  for (let i = 0, d = 0; i < pages; d = (d + 1) % docs.length) {
    for (let k = 0; k < docs[d].getPageCount() && i < pages && next[d] < copied[d].length; k++, i++) {
      out.addPage(copied[d][next[d]++]);
    }
  }
  return out.save();
}

console.log('| pages | MB | seconds | ms/page | peak RSS MB | exit |');
console.log('|---|---|---|---|---|---|');
try {
  for (const pages of sizes.length ? sizes : [30, 300]) {
    const file = join(dir, `report-${pages}.pdf`);
    const bytes = await build(pages);
    writeFileSync(file, bytes);
    const { code, secs, peak } = await measureIngest(file, join(dir, `bench-${pages}.sqlite`));
    console.log(
      `| ${pages} | ${(bytes.length / 1e6).toFixed(1)} | ${secs.toFixed(2)} | ${((secs * 1000) / pages).toFixed(1)} | ${(peak / 1e6).toFixed(0)} | ${code} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
