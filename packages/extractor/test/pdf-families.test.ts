/**
 * The ways real producers write tables and text layers (issue 13), each in a small PDF of our own drawn the same way
 * (scripts/make-pdf-family-pdfs.mjs, run by hand; the PDFs are committed in test/data/families/). Every grid below
 * was checked by hand against `pdftotext -layout` and the rendered page.
 */
import { join } from 'node:path';
import type { ExtractedDocument, Table } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PDF_SETTINGS,
  extractDocument,
  foldRadicals,
  joinSplitNumbers,
  spansToLines,
  streamTables,
  unitOfText,
} from '../src/index.js';
import { pdfSpan, spans, texts } from './helpers.js';

const DIR = new URL('./data/families/', import.meta.url).pathname;
const read = (name: string) => extractDocument(join(DIR, name));
const blockTexts = (doc: ExtractedDocument, page = 1) => doc.blocks.filter((b) => b.page === page).map((b) => b.text);
const only = (doc: ExtractedDocument, i = 0): Table => {
  const t = doc.tables[i];
  if (!t) throw new Error(`no table ${i}`);
  return t;
};

describe('text-aligned grid: years as columns (Excel through PrimoPDF, no rulings)', () => {
  it('reads spaced stub labels, a bare-year header under a spaced 年度, ▲ with its number, the caption unit', async () => {
    const doc = await read('text-grid-year-columns.pdf');
    expect(doc.tables).toHaveLength(2);
    const t = only(doc);
    expect(t.method).toBe('stream');
    expect(t.headerRows).toBe(2);
    expect(t.unitHint).toBe('千円');
    expect(t.caption).toBe('水道事業会計 収益的収支の推移');
    // 決算額 is centred over the five year columns: it spans them.
    expect(spans(t)).toEqual(['0,1 1x5']);
    expect(texts(t)).toEqual([
      ['区分', '決算額', '決算額', '決算額', '決算額', '決算額'],
      ['年度', '26', '27', '28', '29', '30'],
      ['営業収益', '3,215,406', '3,198,772', '3,240,115', '3,187,290', '3,162,004'],
      ['営業費用', '2,980,112', '3,004,561', '3,011,870', '3,052,433', '3,090,127'],
      ['営業損益', '235,294', '194,211', '228,245', '134,857', '71,877'],
      ['営業外収益', '88,410', '91,205', '86,733', '90,118', '87,562'],
      ['営業外費用', '120,556', '115,903', '110,287', '106,442', '101,930'],
      ['経常損益', '203,148', '169,513', '204,691', '118,533', '▲57,509'],
    ]);
    // The caption line stays text too: the blocks before a table name it.
    expect(blockTexts(doc)).toContain('水道事業会計 収益的収支の推移 (単位:千円)');
  });

  it('ends the table where the alignment of its numbers ends: the table right under it is a table of its own', async () => {
    const doc = await read('text-grid-year-columns.pdf');
    const t = only(doc, 1);
    expect(t.headerRows).toBe(1);
    expect(t.unitHint).toBeUndefined();
    expect(texts(t)).toEqual([
      ['区分', '件数', '給水人口(人)', '普及率(%)'],
      ['上水道', '1', '248,112', '99.6'],
      ['簡易水道', '3', '1,024', '92.1'],
      ['専用水道', '12', '612', '100.0'],
    ]);
    expect(blockTexts(doc).at(-1)).toBe('(注)千円未満を四捨五入しているため、合計が一致しない場合がある。');
  });
});

describe('text-aligned grid: fiscal years as rows with an era change', () => {
  it('gives the year column its era (昭和61, 平成元), joins a header set on three lines, keeps △ with its number', async () => {
    const doc = await read('text-grid-year-rows.pdf');
    expect(doc.tables).toHaveLength(1);
    const t = only(doc);
    expect(t.unitHint).toBe('人,%');
    expect(t.caption).toBe('国民健康保険 被保険者数の推移');
    expect(t.headerRows).toBe(1);
    expect(texts(t)).toEqual([
      ['年度', '被保険者数 (年度末)', 'うち退職被保険者', '加入率', '対前年度増減率'],
      ['昭和61', '98,412', '4,105', '31.2', '1.4'],
      ['62', '99,870', '4,388', '31.5', '1.5'],
      ['63', '100,215', '4,902', '31.4', '0.3'],
      ['平成元', '99,604', '5,311', '31.0', '△0.6'],
      ['2', '98,977', '5,620', '30.6', '△0.6'],
      ['3', '99,120', '5,874', '30.5', '0.1'],
      ['4', '100,463', '6,102', '30.7', '1.4'],
    ]);
  });
});

describe('text layers that lie', () => {
  it('reads a word drawn four times over itself (fake bold) once', async () => {
    const doc = await read('overdrawn-bold.pdf');
    expect(blockTexts(doc)).toEqual(['地域包括支援センターの相談件数']);
    expect(texts(only(doc))).toEqual([
      ['区分', '令和4年度', '令和5年度', '令和6年度'],
      ['総合相談', '1,204', '1,311', '1,388'],
      ['権利擁護', '86', '92', '101'],
      ['介護予防ケアマネジメント', '2,415', '2,502', '2,577'],
    ]);
  });

  it('marks a page whose font has no usable ToUnicode (mojibake) and reads nothing of it as text', async () => {
    const doc = await read('unusable-text-layer.pdf');
    expect(doc.issues).toEqual([
      expect.objectContaining({ code: 'PAGE_TEXT_UNUSABLE', severity: 'warn', stage: 'read', where: 'page 2' }),
    ]);
    expect(doc.pages.map((p) => !!p.needsOcr)).toEqual([false, true]);
    expect(doc.pages[1]!.lines).toEqual([]);
    expect(doc.tables.map((t) => t.page)).toEqual([1]);
    expect(doc.blocks.map((b) => b.page)).toEqual([1]);
    expect(texts(only(doc))).toEqual([
      ['第1段階', '23,400', '0.30'],
      ['第2段階', '39,000', '0.50'],
      ['第3段階', '54,600', '0.70'],
      ['基準額', '78,000', '1.00'],
    ]);
  });

  it('maps CJK radicals in the text layer to their kanji: ⻑ → 長, ⺠ → 民 (and ⽉ → 月 by NFKC)', async () => {
    const doc = await read('cjk-radicals.pdf');
    expect(blockTexts(doc)).toEqual(['市民生活課 事業報告(令和6年4月〜令和7年3月)']);
    expect(texts(only(doc))).toEqual([
      ['区分', '件数', '前年度'],
      ['市民相談', '1,482', '1,390'],
      ['長寿祝金の支給', '611', '598'],
      ['民生委員の委嘱', '24', '23'],
    ]);
    // The raw text keeps what the layer said.
    expect(only(doc).cells.find((c) => c.text === '長寿祝金の支給')?.orig).toBe('\u2ed1寿祝金の支給');
    // Paragraphs too (Chromium's print-to-PDF writes ⺠ for 民 in running text).
    const chromium = await extractDocument(
      new URL('../../../fixtures/pdf-chromium-ruled-year-rows/source.pdf', import.meta.url).pathname,
    );
    const para = chromium.blocks.find((b) => b.text.includes('高齢化率は30.3%'));
    expect(para?.text).toContain('市民のおよそ3人に1人');
    expect(para?.orig).toContain('市\u2ea0のおよそ');
  });

  it('joins a number PowerPoint split into runs (`1 ,462`), keeps ▲ with its number, takes the unit line below', async () => {
    const doc = await read('split-numbers.pdf');
    const t = only(doc);
    expect(t.unitHint).toBe('件');
    expect(texts(t)).toEqual([
      ['', '令和4年度', '令和5年度', '増減'],
      ['通報・相談', '1,462', '1,517', '55'],
      ['虐待と判断', '318', '297', '▲21'],
      ['対応件数', '2,105', '2,088', '▲17'],
    ]);
  });
});

describe('stream details', () => {
  it('reads budget divisions (`1款`, `2項`) as labels, not as a column of numbers', () => {
    const lines = spansToLines([
      pdfSpan('1款', 48, 100, 65),
      pdfSpan('市税', 73, 100, 89),
      pdfSpan('49,286,300千円', 338, 100, 386),
      pdfSpan('2項', 60, 114, 76),
      pdfSpan('固定資産税', 84, 114, 125),
      pdfSpan('23,861,300千円', 338, 114, 386),
      pdfSpan('3項', 60, 128, 76),
      pdfSpan('軽自動車税', 84, 128, 125),
      pdfSpan('896,700千円', 350, 128, 386),
    ]);
    const [found] = streamTables(lines, DEFAULT_PDF_SETTINGS.stream);
    expect(texts(found!.table)).toEqual([
      ['1款市税', '49,286,300千円'],
      ['2項固定資産税', '23,861,300千円'],
      ['3項軽自動車税', '896,700千円'],
    ]);
  });
});

describe('the small helpers', () => {
  it('folds the CJK Radicals Supplement and leaves everything else', () => {
    expect(foldRadicals('河内\u2ed1野市 \u2ea0生 \u2ec4区 \u2ef2山 \u2e8c')).toBe('河内長野市 民生 西区 亀山 \u2e8c');
    expect(foldRadicals('長野市')).toBe('長野市');
  });

  it('joins a split number and nothing else', () => {
    expect(joinSplitNumbers('1 ,462')).toBe('1,462');
    expect(joinSplitNumbers('12 .5%')).toBe('12.5%');
    expect(joinSplitNumbers('1 ,4620')).toBe('1 ,4620');
    expect(joinSplitNumbers('17人 12人')).toBe('17人 12人');
    expect(joinSplitNumbers('3 , 4')).toBe('3 , 4');
  });

  it('reads unit lines, and not every bracket', () => {
    expect(unitOfText('（単位：千円）')).toBe('千円');
    expect(unitOfText('（単位：千円，％）')).toBe('千円,%');
    expect(unitOfText('(単位 百万円)')).toBe('百万円');
    expect(unitOfText('単位：人')).toBe('人');
    expect(unitOfText('（人/月）')).toBe('人/月');
    expect(unitOfText('(件・回)')).toBe('件・回');
    expect(unitOfText('（見込）')).toBeNull();
    expect(unitOfText('（注）')).toBeNull();
    expect(unitOfText('（2）')).toBeNull();
  });
});
