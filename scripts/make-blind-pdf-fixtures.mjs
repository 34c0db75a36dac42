#!/usr/bin/env node
// Render the blind PDF fixtures from their committed sources: fixtures/<name>/chromium.html is printed by headless
// Chromium (print-to-pdf), fixtures/<name>/writer.fodt by LibreOffice Writer (`soffice --convert-to pdf`). The
// sources were written by hand and the expectations typed before the pipeline was run (see each fixture's README);
// this script only renders, it writes nothing else.
//
// Run by hand only, never in tests (the PDFs are committed; producers stamp dates and ids into them, so the bytes
// differ from run to run and the committed PDF is the one the expectations were checked against). Debian packages:
//   sh scripts/install-render-deps.sh        # libreoffice-writer-nogui fonts-ipaexfont fonts-noto-cjk (+ ghostscript qpdf)
//   apt-get install -y chromium poppler-utils # headless Chromium; pdftotext to check the rendered text
// then `node scripts/make-blind-pdf-fixtures.mjs [name…]` (all of them without a name).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/** fixture → producer; the source is chromium.html for 'chromium', writer.fodt for 'writer'. */
const FIXTURES = {
  'pdf-chromium-borderless-two-level': 'chromium',
  'pdf-chromium-ruled-year-rows': 'chromium',
  'pdf-lo-outcome-targets-words': 'writer',
  'pdf-lo-landscape-wide-outlook': 'writer',
  'pdf-chromium-kaigo-two-column': 'chromium',
  'pdf-chromium-block-units': 'chromium',
  'pdf-lo-year-kind-row-levels': 'writer',
  'pdf-chromium-rowspan-kind-rows': 'chromium',
  'pdf-chromium-kaigo-9ki-term-kind-rows': 'chromium',
};

/** Print an HTML file with headless Chromium: no browser header/footer (a page's own @page boxes still print). */
function chromium(src, target) {
  const profile = mkdtempSync(join(tmpdir(), 'shiryo-chromium-'));
  try {
    execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${target}`,
        `file://${src}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Convert a flat ODF text document with LibreOffice Writer, in a throwaway profile and folder. */
function writer(src, target) {
  const out = mkdtempSync(join(tmpdir(), 'shiryo-lo-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', out, src],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    copyFileSync(join(out, 'writer.pdf'), target);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(FIXTURES)) {
  const producer = FIXTURES[name];
  if (!producer) throw new Error(`no fixture ${name}; known: ${Object.keys(FIXTURES).join(', ')}`);
  const dir = join(ROOT, 'fixtures', name);
  const src = join(dir, producer === 'chromium' ? 'chromium.html' : 'writer.fodt');
  if (!existsSync(src)) throw new Error(`${src} is missing`);
  (producer === 'chromium' ? chromium : writer)(src, join(dir, 'source.pdf'));
  console.log(`${name}: ${producer} → source.pdf`);
}
