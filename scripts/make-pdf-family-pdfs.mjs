#!/usr/bin/env node
// Make the small PDFs of packages/extractor/test/data/families/: one per way real producers write tables and text
// layers that the PDF reader must survive (issue 13), drawn with pdf-lib the way those producers draw them, in
// words of our own. Run by hand only, never in tests: `node scripts/make-pdf-family-pdfs.mjs`.
//
//   text-grid-year-columns.pdf  no rulings; a caption line ending in `（単位：千円）`; a two-line header whose lower
//                               line is bare years (`26 27 28 29 30`) under a spaced `年 度`; stub labels set
//                               with spaces (`営 業 収 益`, Excel's distributed alignment); `▲` apart from its
//                               number; a second table with other columns right under the first (the first ends
//                               where its alignment ends); a note line.
//   text-grid-year-rows.pdf     no rulings; fiscal years as rows with an era change (`昭和 61` … `63`, `平成 元`,
//                               `2` …); a two-line header; `（単位：人，％）` on a line of its own above; `△` apart
//                               from its number.
//   overdrawn-bold.pdf          every label and the title drawn four times over itself, a little apart (fake bold).
//   unusable-text-layer.pdf     page 1 readable; page 2 in a font whose ToUnicode maps to the wrong characters
//                               (mojibake), with readable digits from another font.
//   cjk-radicals.pdf            a ToUnicode that gives CJK radicals for some kanji (⻑ for 長, ⺠ for 民, ⽉ for 月),
//                               as Chromium's print-to-PDF does.
//   split-numbers.pdf           a slide-sized page where numbers are drawn in pieces (`1` `,462`, as PowerPoint
//                               writes them), `▲` drawn apart, and `（単位：件）` under the table.
//
// The Japanese fonts are IPAex Gothic and Mincho from Debian (`apt-get install -y fonts-ipaexfont`), embedded as
// subsets. The output is deterministic (fixed dates, fixed font names).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../packages/extractor/package.json', import.meta.url));
const { PDFDocument, PDFName, PDFRawStream, rgb, decodePDFRawStream } = require('pdf-lib');
const fontkit = require('@pdf-lib/fontkit');

const GOTHIC = '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';
const MINCHO = '/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf';
const OUT = new URL('../packages/extractor/test/data/families/', import.meta.url);
const A4 = [595.28, 841.89];
const DATE = new Date('2024-03-01T00:00:00Z');
const BLACK = rgb(0, 0, 0);

async function newDocument(title) {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(GOTHIC), { subset: true, customName: 'IPAexGothic-Subset' });
  pdf.setTitle(title);
  pdf.setProducer('shiryo scripts/make-pdf-family-pdfs.mjs (pdf-lib)');
  pdf.setCreationDate(DATE);
  pdf.setModificationDate(DATE);
  return { pdf, font };
}

/** Draw text with its top-left corner at (x, top); `align` within `width`. */
function text(page, font, s, x, top, size, align = 'left', width = 0, dx = 0) {
  const w = font.widthOfTextAtSize(s, size);
  const left = align === 'right' ? x + width - w : align === 'center' ? x + (width - w) / 2 : x;
  const baseline = page.getHeight() - top - font.heightAtSize(size, { descender: false });
  page.drawText(s, { x: left + dx, y: baseline, size, font, color: BLACK });
}

/** Excel's distributed alignment (均等割付): the glyphs spread over [x0, x1], each drawn on its own. */
function spread(page, font, s, x0, x1, top, size) {
  const chars = [...s];
  if (chars.length === 1) return text(page, font, s, x0, top, size, 'center', x1 - x0);
  const widths = chars.map((c) => font.widthOfTextAtSize(c, size));
  const gap = (x1 - x0 - widths.reduce((a, b) => a + b, 0)) / (chars.length - 1);
  let x = x0;
  chars.forEach((c, i) => {
    text(page, font, c, x, top, size);
    x += widths[i] + gap;
  });
}

/** A signed amount as Excel's `▲ #,##0` format draws it: the sign at the cell's left, the number at its right. */
function signed(page, font, v, x0, x1, top, size) {
  if (/^[▲△]/.test(v)) {
    text(page, font, v[0], x0 + 4, top, size);
    text(page, font, v.slice(1).trim(), x0, top, size, 'right', x1 - x0);
  } else text(page, font, v, x0, top, size, 'right', x1 - x0);
}

/** (1) Years as columns under a spaced 年度, spaced stub labels, caption with its unit, a second table below. */
async function yearColumns() {
  const { pdf, font } = await newDocument('水道事業会計 決算の推移');
  const page = pdf.addPage(A4);
  const size = 9;
  text(page, font, '３ 水道事業会計の決算', 50, 50, 12);
  text(page, font, '水道事業会計 収益的収支の推移', 50, 80, 10);
  text(page, font, '（単位：千円）', 470, 80, 9);
  const stub = [52, 140];
  const cols = [
    [150, 215],
    [222, 287],
    [294, 359],
    [366, 431],
    [438, 503],
  ];
  // Header line 1: 区分 over the stub, 決算額 centred over the five year columns, both spaced.
  spread(page, font, '区分', stub[0] + 8, stub[1] - 8, 100, size);
  spread(page, font, '決算額', 290, 360, 100, size);
  // Header line 2: a spaced 年度 and the bare years, right-aligned like the numbers below.
  spread(page, font, '年度', stub[0] + 8, stub[1] - 8, 114, size);
  for (const [i, y] of ['26', '27', '28', '29', '30'].entries())
    text(page, font, y, cols[i][0], 114, size, 'right', 65);
  const rows = [
    ['営業収益', '3,215,406', '3,198,772', '3,240,115', '3,187,290', '3,162,004'],
    ['営業費用', '2,980,112', '3,004,561', '3,011,870', '3,052,433', '3,090,127'],
    ['営業損益', '235,294', '194,211', '228,245', '134,857', '71,877'],
    ['営業外収益', '88,410', '91,205', '86,733', '90,118', '87,562'],
    ['営業外費用', '120,556', '115,903', '110,287', '106,442', '101,930'],
    ['経常損益', '203,148', '169,513', '204,691', '118,533', '▲ 57,509'],
  ];
  rows.forEach(([label, ...values], r) => {
    const top = 132 + r * 15;
    spread(page, font, label, stub[0] + 4, stub[1] - 4, top, size);
    values.forEach((v, c) => {
      signed(page, font, v, cols[c][0], cols[c][1], top, size);
    });
  });
  // A second table right below (one row gap): other columns, so the first table ends where its alignment ends.
  const t2 = 132 + rows.length * 15 + 12;
  spread(page, font, '区分', 60, 140, t2, size);
  text(page, font, '件数', 190, t2, size);
  text(page, font, '給水人口（人）', 270, t2, size);
  text(page, font, '普及率（％）', 390, t2, size);
  [
    ['上水道', '1', '248,112', '99.6'],
    ['簡易水道', '3', '1,024', '92.1'],
    ['専用水道', '12', '612', '100.0'],
  ].forEach(([label, a, b, c], r) => {
    const top = t2 + 15 + r * 15;
    spread(page, font, label, 60, 140, top, size);
    text(page, font, a, 160, top, size, 'right', 50);
    text(page, font, b, 270, top, size, 'right', 70);
    text(page, font, c, 390, top, size, 'right', 52);
  });
  text(page, font, '（注）千円未満を四捨五入しているため、合計が一致しない場合がある。', 50, t2 + 15 + 3 * 15 + 10, 8);
  return pdf.save({ useObjectStreams: false });
}

/** (2) Fiscal years as rows, era change inside the column, a two-line header, a unit line of its own. */
async function yearRows() {
  const { pdf, font } = await newDocument('国民健康保険 被保険者数の推移');
  const page = pdf.addPage(A4);
  const size = 9;
  text(page, font, '国民健康保険 被保険者数の推移', 60, 60, 11);
  text(page, font, '（単位：人，％）', 440, 78, 9);
  const x = { era: 64, year: [64, 118], a: [140, 220], b: [240, 320], c: [340, 420], d: [440, 520] };
  spread(page, font, '年度', 70, 112, 100, size);
  text(page, font, '被保険者数', x.a[0], 94, size, 'center', x.a[1] - x.a[0]);
  text(page, font, '（年度末）', x.a[0], 106, size, 'center', x.a[1] - x.a[0]);
  text(page, font, 'うち', x.b[0], 94, size, 'center', x.b[1] - x.b[0]);
  text(page, font, '退職被保険者', x.b[0], 106, size, 'center', x.b[1] - x.b[0]);
  text(page, font, '加入率', x.c[0], 100, size, 'center', x.c[1] - x.c[0]);
  text(page, font, '対前年度', x.d[0], 94, size, 'center', x.d[1] - x.d[0]);
  text(page, font, '増減率', x.d[0], 106, size, 'center', x.d[1] - x.d[0]);
  const rows = [
    ['昭和', '61', '98,412', '4,105', '31.2', '1.4'],
    ['', '62', '99,870', '4,388', '31.5', '1.5'],
    ['', '63', '100,215', '4,902', '31.4', '0.3'],
    ['平成', '元', '99,604', '5,311', '31.0', '△ 0.6'],
    ['', '2', '98,977', '5,620', '30.6', '△ 0.6'],
    ['', '3', '99,120', '5,874', '30.5', '0.1'],
    ['', '4', '100,463', '6,102', '30.7', '1.4'],
  ];
  rows.forEach(([era, year, ...values], r) => {
    const top = 124 + r * 14;
    if (era) text(page, font, era, x.era, top, size);
    text(page, font, year, x.year[0], top, size, 'right', x.year[1] - x.year[0]);
    [x.a, x.b, x.c, x.d].forEach((col, c) => {
      signed(page, font, values[c], col[0], col[1], top, size);
    });
  });
  text(page, font, '※加入率は、各年度末の住民基本台帳人口に対する割合である。', 60, 124 + rows.length * 14 + 10, 8);
  return pdf.save({ useObjectStreams: false });
}

/** (3) Fake bold: the title and the labels drawn four times, each a quarter point to the right of the last. */
async function overdrawn() {
  const { pdf, font } = await newDocument('相談件数');
  const page = pdf.addPage(A4);
  const bold = (s, x, top, size, align = 'left', width = 0) => {
    for (let k = 0; k < 4; k++) text(page, font, s, x, top, size, align, width, k * 0.25);
  };
  bold('地域包括支援センターの相談件数', 60, 60, 12);
  const cols = [200, 290, 380];
  ['区分', '令和4年度', '令和5年度', '令和6年度'].forEach((s, i) => {
    if (i === 0) bold(s, 64, 90, 10);
    else bold(s, cols[i - 1], 90, 10, 'right', 70);
  });
  [
    ['総合相談', '1,204', '1,311', '1,388'],
    ['権利擁護', '86', '92', '101'],
    ['介護予防ケアマネジメント', '2,415', '2,502', '2,577'],
  ].forEach(([label, ...vs], r) => {
    const top = 110 + r * 18;
    bold(label, 64, top, 10);
    vs.forEach((v, c) => {
      text(page, font, v, cols[c], top, 10, 'right', 70);
    });
  });
  return pdf.save({ useObjectStreams: false });
}

/** Rewrite the ToUnicode CMaps of the fonts named in `fonts` (BaseFont contains the key) with `map`. */
async function rewriteToUnicode(bytes, fonts) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    const base = obj?.get?.(PDFName.of('BaseFont'))?.toString?.() ?? '';
    const key = Object.keys(fonts).find((k) => base.includes(k));
    const ref = key && obj.get(PDFName.of('ToUnicode'));
    if (!ref) continue;
    const stream = pdf.context.lookup(ref);
    const src =
      stream instanceof PDFRawStream
        ? new TextDecoder().decode(decodePDFRawStream(stream).decode())
        : stream.getContentsString();
    const out = src.replace(/<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4,8})>/g, (_, gid, hex) => {
      const ch = String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
      const to = fonts[key](ch);
      const units = [...to].flatMap((c) => {
        const s = c;
        return Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16).padStart(4, '0'));
      });
      return `<${gid}> <${units.join('').toUpperCase()}>`;
    });
    obj.set(PDFName.of('ToUnicode'), pdf.context.register(pdf.context.flateStream(out)));
  }
  pdf.setModificationDate(DATE);
  return pdf.save({ useObjectStreams: false });
}

/** (4) Page 2 in a font whose ToUnicode lies: each kanji/kana becomes a character from an unrelated block. */
async function unusable() {
  const { pdf, font } = await newDocument('介護保険料の段階');
  const mincho = await pdf.embedFont(readFileSync(MINCHO), { subset: true, customName: 'IPAexMincho-Garbled' });
  const rows = [
    ['第1段階', '23,400', '0.30'],
    ['第2段階', '39,000', '0.50'],
    ['第3段階', '54,600', '0.70'],
    ['基準額', '78,000', '1.00'],
  ];
  const p1 = pdf.addPage(A4);
  text(p1, font, '介護保険料の所得段階別の年額', 60, 60, 12);
  rows.forEach(([label, a, b], r) => {
    text(p1, font, label, 64, 90 + r * 18, 10);
    text(p1, font, a, 200, 90 + r * 18, 10, 'right', 80);
    text(p1, font, b, 300, 90 + r * 18, 10, 'right', 60);
  });
  const p2 = pdf.addPage(A4);
  text(p2, mincho, '保険料段階の判定に用いる所得の区分', 60, 60, 12);
  text(p2, mincho, '本人が住民税非課税で、前年の合計所得金額と課税年金収入額の合計が', 60, 84, 10);
  text(p2, mincho, '八十万円以下の方は、第一段階となります。', 60, 98, 10);
  [
    ['第1段階', '800,000', '以下'],
    ['第2段階', '1,200,000', '以下'],
    ['第3段階', '1,200,000', '超'],
  ].forEach(([label, a, b], r) => {
    text(p2, mincho, label.replace(/\d/g, ''), 64, 120 + r * 18, 10);
    text(p2, font, label.replace(/\D/g, ''), 88, 120 + r * 18, 10);
    text(p2, font, a, 200, 120 + r * 18, 10, 'right', 80);
    text(p2, mincho, b, 300, 120 + r * 18, 10);
  });
  const bytes = await pdf.save({ useObjectStreams: false });
  // Mojibake as a broken ToUnicode gives it: code points of unrelated scripts (Canadian syllabics, Ethiopic,
  // CJK Extension A), each glyph to its own wrong character.
  const blocks = [0x1400, 0x1200, 0x3400, 0x0b00, 0x1780];
  const garble = (ch) => {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) return ch;
    return String.fromCodePoint(blocks[cp % blocks.length] + (cp % 120) + 1);
  };
  return rewriteToUnicode(bytes, { 'IPAexMincho-Garbled': garble });
}

/** (5) Chromium-like ToUnicode: 長 → ⻑ (CJK Radicals Supplement), 民 → ⺠, 月 → ⽉ (Kangxi Radicals). */
async function radicals() {
  const { pdf, font } = await newDocument('市民生活');
  const page = pdf.addPage(A4);
  text(page, font, '市民生活課 事業報告（令和6年4月〜令和7年3月）', 60, 60, 12);
  ['区分', '件数', '前年度'].forEach((s, i) => {
    text(page, font, s, [64, 230, 320][i], 90, 10);
  });
  [
    ['市民相談', '1,482', '1,390'],
    ['長寿祝金の支給', '611', '598'],
    ['民生委員の委嘱', '24', '23'],
  ].forEach(([label, a, b], r) => {
    text(page, font, label, 64, 108 + r * 18, 10);
    text(page, font, a, 200, 108 + r * 18, 10, 'right', 60);
    text(page, font, b, 290, 108 + r * 18, 10, 'right', 60);
  });
  const bytes = await pdf.save({ useObjectStreams: false });
  const map = { 長: '\u2ed1', 民: '\u2ea0', 月: '\u2f49' };
  return rewriteToUnicode(bytes, { 'IPAexGothic-Subset': (ch) => map[ch] ?? ch });
}

/** (6) PowerPoint: numbers drawn in two runs, the sign apart, the unit line under the table. */
async function splitNumbers() {
  const { pdf, font } = await newDocument('虐待の通報件数');
  const page = pdf.addPage([720, 540]);
  const size = 14;
  text(page, font, '高齢者虐待の通報・相談件数', 40, 40, 22);
  const cols = [
    [260, 360],
    [380, 480],
    [500, 600],
  ];
  ['令和4年度', '令和5年度', '増減'].forEach((s, i) => {
    text(page, font, s, cols[i][0], 100, size, 'right', 100);
  });
  const rows = [
    ['通報・相談', ['1', ',462'], ['1', ',517'], ['', '55']],
    ['虐待と判断', ['', '318'], ['', '297'], ['▲', '21']],
    ['対応件数', ['2', ',105'], ['2', ',088'], ['▲', '17']],
  ];
  rows.forEach(([label, ...vs], r) => {
    const top = 130 + r * 30;
    text(page, font, label, 50, top, size);
    vs.forEach(([head, tail], c) => {
      const [x0, x1] = cols[c];
      if (head === '▲') {
        text(page, font, tail, x0, top, size, 'right', x1 - x0);
        text(page, font, '▲', x1 - font.widthOfTextAtSize(tail, size) - 18, top, size);
      } else if (head && c === 1) {
        // One run with a blank inside it, as PowerPoint writes a number typed over a line break.
        text(page, font, `${head} ${tail}`, x0, top, size, 'right', x1 - x0);
      } else if (head) {
        // Two runs, the second a third of a font size right of where the first one ends.
        const tw = font.widthOfTextAtSize(tail, size);
        const hw = font.widthOfTextAtSize(head, size);
        text(page, font, tail, x0, top, size, 'right', x1 - x0);
        text(page, font, head, x1 - tw - hw - 0.35 * size, top, size);
      } else text(page, font, tail, x0, top, size, 'right', x1 - x0);
    });
  });
  text(page, font, '（単位：件）', 520, 130 + 3 * 30 + 4, 11);
  return pdf.save({ useObjectStreams: false });
}

mkdirSync(OUT, { recursive: true });
for (const [name, make] of [
  ['text-grid-year-columns.pdf', yearColumns],
  ['text-grid-year-rows.pdf', yearRows],
  ['overdrawn-bold.pdf', overdrawn],
  ['unusable-text-layer.pdf', unusable],
  ['cjk-radicals.pdf', radicals],
  ['split-numbers.pdf', splitNumbers],
]) {
  const bytes = await make();
  writeFileSync(new URL(name, OUT), bytes);
  console.log(`${name}  ${bytes.length} bytes`);
}
