/**
 * A PDF page whose text holds numbers but that gave no table, no observation and no issue is reported
 * (`PAGE_NUMBERS_UNREAD`), so a missed table never passes silently. Pages written for the test.
 */
import type { ExtractedDocument, Table } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../src/document.js';

/** A budget page as pdf.js gives its lines when no finder recognized its table (fuji_r6_budget.pdf page 5). */
const BUDGET = [
  '款 項 金 額',
  '千円',
  '1 地方特例交付金 1,459,000',
  '11 地方交付税 100,000',
  '1 地方交付税 100,000',
].concat(['12 交通安全対策特別交付金 40,000', '13 分担金及び負担金 923,407', '1 負担金 923,407']);

function pdf(pages: string[][], tables: Table[] = [], mediaType: ExtractedDocument['mediaType'] = 'application/pdf') {
  return {
    sha256: '0'.repeat(64),
    path: 'test.pdf',
    mediaType,
    bytes: 1,
    pages: pages.map((lines, i) => ({
      index: i + 1,
      width: 595,
      height: 842,
      rotation: 0,
      spans: [],
      rulings: [],
      lines,
    })),
    tables,
    blocks: [],
    meta: {},
    issues: [],
  } satisfies ExtractedDocument;
}

const unread = (d: ExtractedDocument) =>
  normalizeDocument(d)
    .issues.filter((i) => i.code === 'PAGE_NUMBERS_UNREAD')
    .map((i) => i.where);

describe('pages with numbers and nothing read from them', () => {
  it('reports the page (its 9 numbers of two digits or more), not a page of prose', () => {
    expect(unread(pdf([['はじめに', '本計画は市の福祉の方向を示すものです。'], BUDGET]))).toEqual(['page 2']);
  });

  it('says nothing when a table was found on the page, or the page has fewer than 8 numbers', () => {
    const t: Table = {
      page: 1,
      index: 0,
      seq: 0,
      method: 'stream',
      cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 1, text: '款', orig: '款', role: 'header' }],
      nRows: 1,
      nCols: 1,
      headerRows: 1,
      quality: { score: 0.9, emptyRatio: 0, repairs: [] },
    };
    expect(unread(pdf([BUDGET], [t]))).toEqual([]);
    expect(unread(pdf([BUDGET.slice(0, 5)]))).toEqual([]);
  });

  it('leaves text exports alone (their lines are their blocks)', () => {
    expect(unread(pdf([BUDGET], [], 'text/plain'))).toEqual([]);
  });
});
