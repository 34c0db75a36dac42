#!/usr/bin/env node
// Benchmark the PDF path: build long PDFs from the committed LibreOffice fixtures (their pages copied with pdf-lib,
// so every page has a ruled or borderless table, columns, running headers), then ingest each one into a fresh
// SQLite file and print time per page and peak RSS. Usage: pnpm bench:pdf [pages=300 …]. Needs `pnpm build`.
// Several sizes (default 30 and 300) show whether memory grows with the page count (pages are read one at a time
// and cleaned up; what grows is the document's own spans, tables and observations).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePagesPdf } from './bench/pdf-pages.mjs';
import { measureIngest } from './bench-measure.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'shiryo-bench-pdf-'));

console.log('| pages | MB | seconds | ms/page | peak RSS MB | exit |');
console.log('|---|---|---|---|---|---|');
try {
  for (const pages of sizes.length ? sizes : [30, 300]) {
    const file = join(dir, `report-${pages}.pdf`);
    const bytes = await fixturePagesPdf(pages);
    writeFileSync(file, bytes);
    const { code, secs, peak } = await measureIngest(file, join(dir, `bench-${pages}.sqlite`));
    console.log(
      `| ${pages} | ${(bytes.length / 1e6).toFixed(1)} | ${secs.toFixed(2)} | ${((secs * 1000) / pages).toFixed(1)} | ${(peak / 1e6).toFixed(0)} | ${code} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
