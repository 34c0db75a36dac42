#!/usr/bin/env node
// Make the PDF fixtures with pdf-lib: fixtures/pdf-ruled-services/source.pdf (a ruled table with a two-level
// header and a merged corner cell) and fixtures/pdf-stream-services/source.pdf (the same kind of table without
// any lines). Run by hand only, never in tests: `node scripts/make-pdf-fixtures.mjs`.
//
// The Japanese font is IPAex Gothic from Debian (`apt-get install -y fonts-ipaexfont`), embedded as a subset.
// pdf-lib and @pdf-lib/fontkit are devDependencies of @shiryo/extractor. The output is deterministic (fixed
// dates, no random ids), so running the script again gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../packages/extractor/package.json', import.meta.url));
const { PDFDocument, rgb } = require('pdf-lib');
const fontkit = require('@pdf-lib/fontkit');

const FONT = process.env.SHIRYO_FIXTURE_FONT ?? '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';
const ROOT = new URL('..', import.meta.url);
const A4 = [595.28, 841.89];
const DATE = new Date('2024-03-01T00:00:00Z');

/** A new document with the Japanese font embedded as a subset. */
async function newDocument(title) {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  // A fixed name keeps the bytes reproducible (pdf-lib otherwise adds a random suffix).
  const font = await pdf.embedFont(readFileSync(FONT), { subset: true, customName: 'IPAexGothic-Subset' });
  pdf.setTitle(title);
  pdf.setProducer('shiryo scripts/make-pdf-fixtures.mjs (pdf-lib)');
  pdf.setCreationDate(DATE);
  pdf.setModificationDate(DATE);
  return { pdf, font };
}

/** Draw text with its top-left corner at (x, top) in top-left page coordinates. */
function text(page, font, s, x, top, size, align = 'left', width = 0) {
  const w = font.widthOfTextAtSize(s, size);
  const left = align === 'right' ? x + width - w : align === 'center' ? x + (width - w) / 2 : x;
  const baseline = page.getHeight() - top - font.heightAtSize(size, { descender: false });
  page.drawText(s, { x: left, y: baseline, size, font, color: rgb(0, 0, 0) });
}

/** A vertical label: one glyph under the other (how most Japanese PDFs set a 縦書き tab). */
function verticalText(page, font, s, x, top, size) {
  [...s].forEach((ch, i) => {
    text(page, font, ch, x, top + i * size * 1.1, size, 'center', size);
  });
}

const HEADER = [
  ['令和6年度', '令和7年度', '令和5年度'],
  ['(見込)', '(見込)', '実績'],
];

/** Page furniture shared by both fixtures: title, heading, bullet above; a note below (returns the table top). */
function prose(page, font, city) {
  text(page, font, `${city} 第7期障害福祉計画・第3期障害児福祉計画`, 60, 60, 16);
  text(page, font, '(1) 訪問系・日中活動系サービスの見込量', 60, 100, 13);
  text(page, font, '・見込量は月平均の実利用者数です。', 72, 126, 10.5);
  return 150;
}

/** (a) A ruled table: outer frame as a rectangle, inner lines as lines, one inner line as a thin filled bar. */
async function ruled() {
  const { pdf, font } = await newDocument('川越市 第7期障害福祉計画 サービス見込量');
  const page = pdf.addPage(A4);
  const top = prose(page, font, '川越市');
  const H = page.getHeight();
  const xs = [60, 205, 315, 425, 535];
  const rows = [
    ['居宅介護', '412', '428', '397'],
    ['生活介護', '1,046', '1,071', '1,018'],
  ];
  const rowH = 24;
  const ys = Array.from({ length: 5 }, (_, i) => top + i * rowH);
  const bottom = ys.at(-1);
  const black = rgb(0, 0, 0);
  // Frame: a stroked rectangle (drawn by pdf-lib with a translate+scale transform).
  page.drawRectangle({
    x: xs[0],
    y: H - bottom,
    width: xs.at(-1) - xs[0],
    height: bottom - top,
    borderColor: black,
    borderWidth: 0.75,
  });
  // Vertical inner lines: full height.
  for (const x of xs.slice(1, -1)) {
    page.drawLine({ start: { x, y: H - top }, end: { x, y: H - bottom }, thickness: 0.5, color: black });
  }
  // Between the two header rows: no line through the corner cell (区分 / (人/月) is one merged cell).
  page.drawLine({ start: { x: xs[1], y: H - ys[1] }, end: { x: xs[4], y: H - ys[1] }, thickness: 0.5, color: black });
  // Under the header: a thin filled bar, as spreadsheet exports draw their rules.
  page.drawRectangle({ x: xs[0], y: H - ys[2] - 0.5, width: xs[4] - xs[0], height: 1, color: black });
  page.drawLine({ start: { x: xs[0], y: H - ys[3] }, end: { x: xs[4], y: H - ys[3] }, thickness: 0.5, color: black });

  const size = 10.5;
  const pad = 6;
  const mid = (r) => ys[r] + (rowH - size) / 2;
  text(page, font, '区分', xs[0], ys[0] + 10, size, 'center', xs[1] - xs[0]);
  text(page, font, '(人/月)', xs[0], ys[1] + 4, size, 'center', xs[1] - xs[0]);
  HEADER.forEach((labels, r) => {
    labels.forEach((s, c) => {
      text(page, font, s, xs[c + 1], mid(r), size, 'center', xs[c + 2] - xs[c + 1]);
    });
  });
  rows.forEach(([label, ...values], i) => {
    text(page, font, label, xs[0] + pad, mid(i + 2), size);
    values.forEach((v, c) => {
      text(page, font, v, xs[c + 1], mid(i + 2), size, 'right', xs[c + 2] - xs[c + 1] - pad);
    });
  });
  text(page, font, '※令和5年度は見込みを含む実績です。', 60, bottom + 10, 9);
  verticalText(page, font, '資料1', 555, 60, 10.5);
  return pdf.save({ useObjectStreams: false });
}

/** (b) The same kind of table without any lines, four services, and a wrapped paragraph below it. */
async function stream() {
  const { pdf, font } = await newDocument('所沢市 第7期障害福祉計画 サービス見込量');
  const page = pdf.addPage(A4);
  const top = prose(page, font, '所沢市');
  const xs = [60, 205, 315, 425, 535];
  const rows = [
    ['居宅介護', '388', '402', '371'],
    ['重度訪問介護', '27', '29', '25'],
    ['生活介護', '932', '951', '910'],
    ['短期入所', '154', '160', '147'],
  ];
  const size = 10.5;
  const rowH = 20;
  const pad = 6;
  text(page, font, '区分', xs[0] + pad, top, size);
  text(page, font, '(人/月)', xs[0] + pad, top + rowH, size);
  HEADER.forEach((labels, r) => {
    labels.forEach((s, c) => {
      text(page, font, s, xs[c + 1], top + r * rowH, size, 'right', xs[c + 2] - xs[c + 1] - pad);
    });
  });
  const body = top + 2 * rowH + 6;
  rows.forEach(([label, ...values], i) => {
    text(page, font, label, xs[0] + pad, body + i * rowH, size);
    values.forEach((v, c) => {
      text(page, font, v, xs[c + 1], body + i * rowH, size, 'right', xs[c + 2] - xs[c + 1] - pad);
    });
  });
  const after = body + rows.length * rowH + 16;
  text(
    page,
    font,
    '訪問系サービスは、障害のある人が地域で暮らし続けるための基盤となるサービスであり、',
    60,
    after,
    10.5,
  );
  text(page, font, 'ヘルパーの確保とあわせて提供体制の充実を図ります。', 60, after + 16, 10.5);
  return pdf.save({ useObjectStreams: false });
}

for (const [dir, make] of [
  ['fixtures/pdf-ruled-services', ruled],
  ['fixtures/pdf-stream-services', stream],
]) {
  const bytes = await make();
  const out = new URL(`${dir}/source.pdf`, ROOT);
  writeFileSync(out, bytes);
  console.log(`${dir}/source.pdf  ${bytes.length} bytes`);
}
