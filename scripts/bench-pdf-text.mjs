#!/usr/bin/env node
// PDF text layer: pages/s of `shiryo tables X.pdf --json` against `pdftotext -layout` (poppler-utils) and bare
// pdf.js `getTextContent` (scripts/bench/pdfjs-text.mjs), each a whole process, on a generated PDF and real PDFs
// in ../shared/real-pdfs (read in place). The three commands run in turn (alternating) --runs times per file; each
// figure is a median, wall and CPU (user + system of the child, from /usr/bin/time), and each ratio is to
// pdftotext in the same run. Needs `pnpm build`, poppler-utils and /usr/bin/time.
//
//   node scripts/bench-pdf-text.mjs [--runs 3] [--quick] [--pages 130] [--real DIR] [FILE …]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixturePagesPdf } from './bench/pdf-pages.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values: a, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    pages: { type: 'string', default: '130' },
    real: { type: 'string', default: join(root, '..', 'shared', 'real-pdfs') },
  },
});
const runs = Number(a.runs);
// Real PDFs with a text layer, small to large (the scans are OCR's business: bench-ocr.mjs).
const REAL_QUICK = ['kobe_kenikibetu.pdf', 'niigata_rfp_part1.pdf', 'kobe_02_H29_2_youkou_data.pdf'];
const REAL_FULL = [...REAL_QUICK, 'osaka_covid_20210407.pdf', 'fuji_r6_budget.pdf'];

for (const tool of ['pdftotext', '/usr/bin/time']) {
  if (spawnSync(tool, ['-v']).error) {
    console.error(`${tool} is not installed (sh scripts/install-render-deps.sh installs poppler-utils and time)`);
    process.exit(1);
  }
}
const dir = mkdtempSync(join(tmpdir(), 'shiryo-bench-text-'));
const generated = join(dir, `generated-${a.pages}.pdf`);
writeFileSync(generated, await fixturePagesPdf(Number(a.quick ? Math.min(40, Number(a.pages)) : a.pages)));
const files = positionals.length
  ? positionals
  : [generated, ...(a.quick ? REAL_QUICK : REAL_FULL).map((f) => join(a.real, f)).filter((f) => existsSync(f))];

const node = process.execPath;
const TOOLS = {
  pdftotext: (f) => ['pdftotext', ['-layout', f, join(dir, 'out.txt')]],
  'pdf.js getTextContent': (f) => [node, [join(root, 'scripts/bench/pdfjs-text.mjs'), f]],
  'shiryo tables --json': (f) => [
    node,
    [join(root, 'packages/cli/bin/shiryo.mjs'), 'tables', f, '--json', '--ocr', 'never'],
  ],
};

/** One whole-process run: wall s, CPU s, peak RSS MB. */
function once([cmd, args]) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
  return { wall: last[0], cpu: last[1] + last[2], rss: last[3] / 1024 };
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const pagesOf = (f) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [f], { encoding: 'utf8' }).stdout)?.[1]);

console.log(`runs: ${runs} per tool per file, alternating; medians; ratio = tool / pdftotext of the same run`);
console.log('| file | pages | tool | wall s | CPU s | pages/s (wall) | peak RSS MB | wall ratio | CPU ratio |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|');
try {
  for (const f of files) {
    const pages = pagesOf(f);
    const m = Object.fromEntries(Object.keys(TOOLS).map((k) => [k, []]));
    for (let i = 0; i < runs; i++) for (const [k, t] of Object.entries(TOOLS)) m[k].push(once(t(f)));
    const ratios = (k, key) => median(m[k].map((x, i) => x[key] / Math.max(0.01, m.pdftotext[i][key])));
    for (const k of Object.keys(TOOLS)) {
      const wall = median(m[k].map((x) => x.wall));
      console.log(
        `| ${basename(f)} | ${pages} | ${k} | ${wall.toFixed(2)} | ${median(m[k].map((x) => x.cpu)).toFixed(2)} | ${(pages / wall).toFixed(1)} | ${median(m[k].map((x) => x.rss)).toFixed(0)} | ${ratios(k, 'wall').toFixed(1)}× | ${ratios(k, 'cpu').toFixed(1)}× |`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
