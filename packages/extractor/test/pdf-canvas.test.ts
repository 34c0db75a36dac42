/**
 * pdf.js is loaded without `@napi-rs/canvas` (its native module, ~37 MB of resident memory): reading a text layer
 * never loads it; rendering a page for OCR does, and then pdf.js draws with the canvas's own classes. Run in a
 * fresh process on the built package (`pnpm build`), since a process loads the canvas once.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

const script = `
import { createRequire } from 'node:module';
import { extractDocument, loadPdfJs, renderPageGray } from '@shiryo/extractor';
const require = createRequire(import.meta.url);
const loaded = () => Object.keys(require.cache).filter((k) => /@napi-rs[+/]canvas/.test(k) && !k.endsWith('geometry.js')).length > 0;
const out = {};
const doc = await extractDocument(process.argv[1]);
out.tables = doc.tables.length;
out.afterText = loaded();
out.standIn = globalThis.Path2D.standIn === true && globalThis.ImageData.standIn === true;
const pdfjs = await loadPdfJs();
const pdf = await pdfjs.getDocument({ data: new Uint8Array(require('node:fs').readFileSync(process.argv[1])), verbosity: 0 }).promise;
const img = await renderPageGray(await pdf.getPage(1), 72);
out.afterRender = loaded();
const canvas = require(require.resolve('@napi-rs/canvas', { paths: [require.resolve('pdfjs-dist/package.json')] }));
out.realGlobals = globalThis.Path2D === canvas.Path2D && globalThis.ImageData === canvas.ImageData && globalThis.DOMMatrix === canvas.DOMMatrix;
out.size = [img.width, img.height];
out.inked = img.data.some((v) => v < 128);
console.log(JSON.stringify(out));
`;

describe('pdf.js without the canvas until a page is rendered', () => {
  it('reads a text-layer PDF without loading @napi-rs/canvas, and renders with its real classes', () => {
    const pdf = fileURLToPath(new URL('../../../fixtures/pdf-lo-kaigo-html-report/source.pdf', import.meta.url));
    const out = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script, pdf], {
        cwd: `${root}packages/extractor`,
        encoding: 'utf8',
      }),
    );
    expect(out.tables).toBeGreaterThan(0);
    expect(out.afterText).toBe(false);
    expect(out.standIn).toBe(true);
    expect(out.afterRender).toBe(true);
    expect(out.realGlobals).toBe(true);
    // an A4 page (595.28 × 841.89 pt) at 72 dpi, rounded up, with text on it
    expect(out.size).toEqual([596, 842]);
    expect(out.inked).toBe(true);
  }, 60_000);
});
