// A PDF of `pages` pages made from the committed LibreOffice fixtures (their pages copied with pdf-lib, so every
// page has a ruled or borderless table, columns, running headers). Shared by bench-pdf.mjs and bench-pdf-text.mjs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('../../packages/extractor/package.json', import.meta.url));
const { PDFDocument } = require('pdf-lib');
const root = new URL('../..', import.meta.url).pathname;

/**
 * The fixtures' pages in turn. One copyPages call per source, so the copies share their fonts as the pages of one
 * real report do (a call per copy would embed the fonts hundreds of times).
 */
export async function fixturePagesPdf(pages) {
  const sources = ['pdf-lo-ruled-plan-actual', 'pdf-lo-columns-borderless'].map((n) =>
    readFileSync(join(root, 'fixtures', n, 'source.pdf')),
  );
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
