/**
 * A ruled frame around lists, not a grid (pdf/listgrids.ts): a budget book's 節 | 説明 page rules one frame around
 * the 節 list (`区分 | 金額`, a rule under each 節 only, its 細節 lines inside the cell) and the 説明 list (one tall
 * cell of item lines, their amounts at two offsets), under a header frame drawn apart (`節 | 説明`, `区分 | 金額`,
 * `千円`). Drawn here with pdf-lib in words of its own; read cell by cell, a 節 cell was one row with three numbers
 * and the whole 説明 one cell, its amounts lost.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDocument } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { fontAvailable, GOTHIC } from './pdf-table-maker.js';

const require = createRequire(new URL('../packages/extractor/package.json', import.meta.url));

async function budgetPage(): Promise<string> {
  const { PDFDocument, rgb } = require('pdf-lib');
  const fontkit = require('@pdf-lib/fontkit');
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(GOTHIC), { subset: true });
  const page = pdf.addPage([595.28, 841.89]);
  const H = page.getHeight();
  const black = rgb(0, 0, 0);
  const size = 9;
  const w = (s: string) => font.widthOfTextAtSize(s, size);
  // text by its top; `right` sets it flush right at x
  const at = (s: string, x: number, top: number, right = false) =>
    page.drawText(s, { x: right ? x - w(s) : x, y: H - top - size * 0.88, size, font, color: black });
  const h = (x0: number, x1: number, y: number) =>
    page.drawLine({ start: { x: x0, y: H - y }, end: { x: x1, y: H - y }, thickness: 0.5, color: black });
  const v = (x: number, y0: number, y1: number) =>
    page.drawLine({ start: { x, y: H - y0 }, end: { x, y: H - y1 }, thickness: 0.5, color: black });
  page.drawText('令和7年度 一般会計予算書 歳出', { x: 40, y: H - 50, size: 12, font, color: black });
  // header frame: 節 over 区分 | 金額, 説明 over two rows, the unit row
  const [xa, xb, xc, xd] = [40, 140, 210, 540];
  h(xa, xd, 80);
  h(xa, xc, 98);
  h(xa, xd, 116);
  h(xa, xd, 132);
  v(xa, 80, 132);
  v(xb, 98, 132);
  v(xc, 80, 132);
  v(xd, 80, 132);
  at('節', 85, 84);
  at('説 明', 360, 93);
  at('区 分', 75, 102);
  at('金 額', 160, 102);
  at('千円', xc - 4, 120, true);
  at('千円', xd - 4, 120, true);
  // body frame, drawn apart: rules under each 節 in the 節 columns only
  const top = 140;
  const bottom = 300;
  h(xa, xd, top);
  h(xa, xd, bottom);
  for (const y of [180, 250]) h(xa, xc, y);
  v(xa, top, bottom);
  v(xb, top, bottom);
  v(xc, top, bottom);
  v(xd, top, bottom);
  const sect: [string, string, number][] = [
    ['1 報酬', '1,520', 150],
    ['3 職員手当等', '630', 190],
    ['  期末手当', '415', 206],
    ['  勤勉手当', '215', 222],
    ['7 報償費', '985', 262],
  ];
  for (const [label, amount, y] of sect) {
    at(label, xa + 4, y);
    at(amount, xc - 4, y, true);
  }
  const items: [string, string, number, number][] = [
    ['001 給与費', '2,150', 150, xd - 4],
    ['   001 会計年度任用職員', '2,150', 166, xd - 60],
    ['002 地域交流事業費', '985', 198, xd - 4],
    ['   001 交流会開催事業費', '985', 214, xd - 60],
    ['      講師謝礼', '985', 230, xd - 60],
  ];
  for (const [label, amount, y, right] of items) {
    at(label, xc + 6, y);
    at(amount, right, y, true);
  }
  at('      参加見込 40人', xc + 6, 262);
  // a second block under the next 項 caption, printed without the header (a book rules it once per page): one 節
  // and its 説明, in the same columns
  at('２項 研修費 320千円', xa, 318);
  const top2 = 340;
  const bottom2 = 420;
  h(xa, xd, top2);
  h(xa, xd, bottom2);
  v(xa, top2, bottom2);
  v(xb, top2, bottom2);
  v(xc, top2, bottom2);
  v(xd, top2, bottom2);
  at('8 旅費', xa + 4, 350);
  at('320', xc - 4, 350, true);
  at('003 職員研修事業費', xc + 6, 350);
  at('320', xd - 4, 350, true);
  at('   001 派遣研修旅費', xc + 6, 366);
  at('210', xd - 60, 366, true);
  at('   002 講師招へい旅費', xc + 6, 382);
  at('110', xd - 60, 382, true);
  const path = join(mkdtempSync(join(tmpdir(), 'shiryo-lists-')), 'budget_r7_list.pdf');
  writeFileSync(path, await pdf.save({ useObjectStreams: false }));
  return path;
}

// (the label as the line writes it; the column header after it, `報酬 金額`, is left out here)
const row = (o: Observation) => [o.indicator_label.split(' ')[0], o.value_kind, o.fiscal_year, o.value, o.unit];

describe.skipIf(!fontAvailable())('a budget book page: the 節 and 説明 lists in one ruled frame', () => {
  it('reads each 節 and 細節 line as its own row, in 千円 scaled to yen, a plan of the book year', async () => {
    const n = normalizeDocument(await extractDocument(await budgetPage()));
    const rows = n.observations.map(row);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['報酬', 'plan', 2025, 1_520_000, 'yen'],
        ['職員手当等', 'plan', 2025, 630_000, 'yen'],
        ['期末手当', 'plan', 2025, 415_000, 'yen'],
        ['勤勉手当', 'plan', 2025, 215_000, 'yen'],
        ['報償費', 'plan', 2025, 985_000, 'yen'],
      ]),
    );
    // (no row of three numbers under one joined label)
    expect(n.observations.filter((o) => /職員手当等.*期末手当/u.test(o.indicator_label))).toEqual([]);
  });

  it('reads each 説明 line with its amount (the 事業 total and its 細事業 set at different offsets)', async () => {
    const n = normalizeDocument(await extractDocument(await budgetPage()));
    const said = n.observations.map((o) => [o.indicator_label.replace(/^0\d+\s*/u, ''), o.value, o.unit]);
    expect(said).toEqual(
      expect.arrayContaining([
        ['給与費', 2_150_000, 'yen'],
        ['会計年度任用職員', 2_150_000, 'yen'],
        ['地域交流事業費', 985_000, 'yen'],
        ['交流会開催事業費', 985_000, 'yen'],
        ['講師謝礼', 985_000, 'yen'],
      ]),
    );
    // a 説明 amount is never labelled by the 節 beside it
    expect(n.observations.filter((o) => o.value === 2_150_000 && /報酬/u.test(o.indicator_label))).toEqual([]);
  });

  it('reads a block printed without the header under the next caption by the header ruled over the page (its 千円)', async () => {
    const n = normalizeDocument(await extractDocument(await budgetPage()));
    const said = n.observations.map((o) => [o.indicator_label.replace(/^0\d+\s*/u, '').split(' ')[0], o.value, o.unit]);
    expect(said).toEqual(
      expect.arrayContaining([
        ['旅費', 320_000, 'yen'],
        ['職員研修事業費', 320_000, 'yen'],
        ['派遣研修旅費', 210_000, 'yen'],
        ['講師招へい旅費', 110_000, 'yen'],
      ]),
    );
    // (no amount of the block left in thousands, none labelled by the caption above it)
    expect(n.observations.filter((o) => [320, 210, 110].includes(o.value))).toEqual([]);
    expect(n.observations.filter((o) => o.value !== 320_000 && /研修費/u.test(o.indicator_label))).toEqual([]);
  });
});
