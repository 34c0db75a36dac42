#!/usr/bin/env node
// bench-ocr.mjs — OCR figures, not tests: rendering (pdf.js + @napi-rs/canvas vs poppler's pdftoppm, 300 dpi gray)
// and recognition (shiryo's OCR path vs Debian's native `tesseract -l jpn --psm 3` when installed), seconds per page
// and character accuracy against the text layer of the same page (whitespace ignored; 1 − edit distance / length).
//
//   pnpm build && node scripts/bench-ocr.mjs [--runs N]
//
// Pages: fixtures/pdf-ruled-services (a clean render of a text-layer page) and its scanned twin
// (packages/extractor/test/data/scanned/, turned 0.35°, noise, JPEG), both scored against the fixture's text layer.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../packages/extractor/package.json', import.meta.url));
const pdfjs = await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const ex = await import('../packages/extractor/dist/index.js');

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const root = new URL('..', import.meta.url).pathname;
const PAGES = [
  { name: 'clean render', file: join(root, 'fixtures/pdf-ruled-services/source.pdf') },
  { name: 'scanned twin', file: join(root, 'packages/extractor/test/data/scanned/pdf-ruled-services.pdf') },
];
const truthFile = join(root, 'fixtures/pdf-ruled-services/source.pdf');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function editDistance(a, b) {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[B.length];
}
const squash = (s) => s.normalize('NFKC').replace(/\s+/g, '');
const accuracy = (got, truth) => Math.max(0, 1 - editDistance(squash(got), squash(truth)) / squash(truth).length);

async function open(file) {
  return pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
}

// The truth: the text layer of the fixture page, line by line as shiryo reads it.
const truthDoc = await ex.extractDocument(truthFile);
const truth = truthDoc.pages[0].lines.join('\n');

console.log(`# OCR bench (${runs} runs each, medians; node ${process.version})\n`);
console.log('## Rendering one A4 page at 300 dpi, gray\n');
const tmp = mkdtempSync(join(tmpdir(), 'shiryo-ocr-'));
try {
  for (const p of PAGES) {
    const pdfjsT = [];
    const popplerT = [];
    for (let i = 0; i < runs; i++) {
      const doc = await open(p.file);
      const page = await doc.getPage(1);
      let t = performance.now();
      await ex.renderPageGray(page, 300);
      pdfjsT.push((performance.now() - t) / 1000);
      await doc.destroy();
      if (has('pdftoppm')) {
        t = performance.now();
        execFileSync('pdftoppm', ['-r', '300', '-gray', '-f', '1', '-l', '1', '-singlefile', p.file, join(tmp, 'p')]);
        popplerT.push((performance.now() - t) / 1000);
      }
    }
    console.log(
      `${p.name}: pdf.js + @napi-rs/canvas ${median(pdfjsT).toFixed(2)} s (document open) · pdftoppm ${popplerT.length ? `${median(popplerT).toFixed(2)} s (process, PGM file)` : 'not installed'}`,
    );
  }

  console.log('\n## Recognition (character accuracy against the text layer)\n');
  for (const p of PAGES) {
    const times = [];
    let text = '';
    for (let i = 0; i < runs; i++) {
      const engine = new ex.OcrEngine({ workers: 1 });
      try {
        const t = performance.now();
        const doc = await ex.extractDocument(p.file, { ocr: 'always', ocrEngine: engine });
        times.push((performance.now() - t) / 1000);
        text = doc.pages[0].lines.join('\n');
      } finally {
        await engine.close();
      }
    }
    console.log(
      `${p.name}: shiryo (tesseract.js 7, jpn best_int, psm 3) ${median(times).toFixed(1)} s/page, accuracy ${accuracy(text, truth).toFixed(3)}`,
    );
    if (has('tesseract')) {
      const ntimes = [];
      let ntext = '';
      for (let i = 0; i < runs; i++) {
        const doc = await open(p.file);
        let img = await ex.renderPageGray(await doc.getPage(1), 300);
        // The image shiryo recognises: deskewed as ocr/page.ts does, thresholded.
        const skew = ex.skewOf(img);
        if (Math.abs(skew) >= 0.05 && Math.abs(skew) <= 5) img = ex.rotateGray(img, skew);
        await doc.destroy();
        const pgm = join(tmp, 'page.pgm');
        writeFileSync(pgm, ex.toPgm(ex.binarize(img)));
        const t = performance.now();
        ntext = execFileSync('tesseract', [pgm, '-', '-l', 'jpn', '--psm', '3', '--dpi', '300'], {
          encoding: 'utf8',
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        });
        ntimes.push((performance.now() - t) / 1000);
      }
      console.log(
        `${p.name}: native tesseract (Debian jpn, psm 3, the same deskewed thresholded image) ${median(ntimes).toFixed(1)} s/page, accuracy ${accuracy(ntext, truth).toFixed(3)}`,
      );
    } else console.log(`${p.name}: native tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-jpn)`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
