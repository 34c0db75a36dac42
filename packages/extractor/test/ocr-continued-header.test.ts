/**
 * Family "a page header repeated over a continuation, read differently by OCR": a ruled table running over a page
 * break repeats its header rows on the next page, and OCR reads the copy with a glyph or two of its own
 * (`2022（令和4）年度` / `2022（信和4）年度`, `乖離` as `飛離` / `乗離`), so the copy no longer equals the header and the
 * continuation stayed a table apart — its first rows without their label (the label's cell ends on the page
 * before). Measured on the scanned twin of pdf-lo-ruled-plan-actual (P 0.962 -> 0.995). Written here in other
 * words: a two-page 介護サービス table. Between OCR'd tables, header cells a glyph in three apart (at least one) count
 * as the same when the same cells are filled and half of them are equal; a text layer's header must be equal.
 */
import type { Table } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { continuesTable, extractText } from '../src/index.js';

const table = (text: string, ocr: boolean): Table => {
  const [t] = extractText(text, 't.tsv').tables;
  if (ocr) for (const c of t!.cells) c.confidence = 0.8;
  return t!;
};
const FIRST = 'サービス\t令和5年度見込\t令和6年度計画\t増減\n訪問介護\t1,200\t1,260\t60\n通所介護\t840\t870\t30\n';
const NEXT = (head: string) => `${head}\n短期入所\t310\t325\t15\n福祉用具貸与\t1,020\t1,100\t80\n`;

describe('a continuation whose repeated header OCR read differently', () => {
  it('continues the table when both are OCR-read and the header differs by a glyph a cell', () => {
    const next = NEXT('サービス\t信和5年度見込\t令和6年度計画\t増減');
    expect(continuesTable(table(FIRST, true), table(next, true))).toBe(true);
    expect(continuesTable(table(FIRST, true), table(NEXT('サービス\t令和5年度見込\t令和6年度計画\t増滅'), true))).toBe(
      true,
    );
  });

  it('does not from a text layer, where the header must repeat exactly', () => {
    const next = NEXT('サービス\t信和5年度見込\t令和6年度計画\t増減');
    expect(continuesTable(table(FIRST, false), table(next, false))).toBe(false);
  });

  it('does not when most header cells differ, or a cell by more than a glyph in three', () => {
    const other = NEXT('サービス\t信和5年度見込\t令和6年度計両\t増滅');
    expect(continuesTable(table(FIRST, true), table(other, true))).toBe(false);
    const far = NEXT('サービス\t令和5年度見込\t令和6年度計画\t構成比');
    expect(continuesTable(table(FIRST, true), table(far, true))).toBe(false);
  });
});
