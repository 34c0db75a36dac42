#!/usr/bin/env node
// `pnpm bench`: every measurement, one after another, each printing its markdown table(s) (copy them into
// docs/benchmarks.md with the machine, date and command). Needs `pnpm build`; pdftotext and /usr/bin/time for the
// PDF text layer, native tesseract (optional) for OCR.
//
//   pnpm bench            full: about 10 minutes on an idle 2-core machine (the national database at 3 M rows)
//   pnpm bench --quick    a smaller run of each (a couple of minutes idle): to check that they all work
//   pnpm bench --only store,national   only these (store, pdf-text, pdf-memory, text, national, ocr)
//
// Figures are medians of several runs; a figure with a reference (pdftotext, bare pdf.js, a bare INSERT) is a
// ratio measured in the same run, alternating, because these machines are shared and their seconds are noisy.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const { values: a } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const q = a.quick;
const root = new URL('..', import.meta.url).pathname;
const script = (name) => join(root, 'scripts', name);
const STEPS = [
  [
    'store',
    'Store: rows/s in one transaction, re-ingest of an unchanged document',
    ['bench-store.mjs', '--rows', q ? '50000' : '200000', '--runs', '3'],
  ],
  [
    'pdf-text',
    'PDF text layer: shiryo tables vs pdftotext -layout vs bare pdf.js',
    ['bench-pdf-text.mjs', '--runs', q ? '1' : '3', ...(q ? ['--quick'] : [])],
  ],
  [
    'pdf-memory',
    'PDF ingest: time per page and peak RSS by page count',
    ['--expose-gc', script('bench-pdf.mjs'), ...(q ? ['10', '40'] : ['30', '300'])],
  ],
  ['text', 'Text exports, 1 job', ['bench-ingest.mjs', q ? '2' : '39', '1']],
  ['text', 'Text exports, 2 jobs', ['bench-ingest.mjs', q ? '2' : '39', '2']],
  [
    'national',
    'National scale: build and researcher queries',
    ['bench-national.mjs', '--cities', q ? '20' : '348', '--runs', q ? '5' : '20', '--explain'],
  ],
  ['ocr', 'OCR: shiryo vs native tesseract', ['bench-ocr.mjs', '--runs', '1']],
];
const only = a.only ? new Set(a.only.split(',')) : null;
const t0 = performance.now();
const failed = [];
for (const [key, title, args] of STEPS) {
  if (only && !only.has(key)) continue;
  const argv = args[0].startsWith('--') ? args : [script(args[0]), ...args.slice(1)];
  console.log(`\n# ${title}\n\n\`node ${argv.map((x) => x.replace(root, '')).join(' ')}\`\n`);
  const s0 = performance.now();
  const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
  console.log(`\n(${((performance.now() - s0) / 1000).toFixed(0)} s${r.status === 0 ? '' : `, exit ${r.status}`})`);
  if (r.status !== 0) failed.push(title);
}
console.log(
  `\nall: ${((performance.now() - t0) / 1000).toFixed(0)} s${failed.length ? `; failed: ${failed.join('; ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
