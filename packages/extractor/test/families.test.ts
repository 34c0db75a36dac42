/**
 * One small document per breakage family, written for shiryo in other words and numbers than the five seed
 * fixtures (fixtures/family-*). Each test pins the recovered shape and cells.
 */
import { join } from 'node:path';
import type { ExtractedDocument } from '@shiryo/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../src/index.js';
import { spans, texts } from './helpers.js';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;
const docs = new Map<string, ExtractedDocument>();
const NAMES = [
  'split-header-words',
  'flattened-spans',
  'side-by-side',
  'interleaved-columns',
  'vertical-text',
  'shifted-row',
];
beforeAll(async () => {
  for (const n of NAMES) docs.set(n, await extractDocument(join(FIXTURES, `family-${n}`, 'source.txt')));
});
const doc = (n: string) => docs.get(n)!;

describe('family-split-header-words', () => {
  it('joins words split across header lines and stub cells, keeps the unit in the label', () => {
    const [stats, services] = doc('split-header-words').tables;
    expect(texts(stats!)[1]).toEqual([
      '年度',
      '身体障害者手帳',
      '療育手帳 (知的)',
      '精神障害者保健福祉手帳',
      '小計',
      '自立支援医療(精神通院)',
      '難病医療費助成',
    ]);
    expect(stats!.unitHint).toBe('人');
    expect(texts(services!).map((r) => r.slice(0, 2))).toEqual([
      ['サービス', '区分'],
      ['手話通訳者派遣', '延べ利用件数(件/年)'],
      ['要約筆記者派遣', '延べ利用件数(件/年)'],
    ]);
    expect(services!.cells.find((c) => c.row === 1 && c.col === 0)?.orig).toBe('手話通訳 者派遣');
    expect(services!.quality.repairs).toContain('joinSplitHeaderWords');
  });
});

describe('family-flattened-spans', () => {
  it('spans 第7期 over its years, the service over its rows, and drops the repeated page header', () => {
    const [visits, day] = doc('flattened-spans').tables;
    expect(visits).toMatchObject({ nRows: 10, nCols: 5, headerRows: 2 });
    expect(spans(visits!)).toEqual(['0,0 2x1', '0,1 2x1', '0,2 1x3', '2,0 2x1', '4,0 2x1', '6,0 2x1', '8,0 2x1']);
    expect(texts(visits!).map((r) => r[0])).not.toContain('');
    expect(texts(visits!)[8]).toEqual(['行動援護', '見込量', '12', '13', '14']);
    expect(visits!.quality.repairs).toEqual(
      expect.arrayContaining(['dropRepeatedHeaderRows', 'fillHeaderSpans', 'fillStubSpans']),
    );
    expect(spans(day!)).toEqual(['0,0 2x1', '0,1 1x3', '0,4 1x3']);
  });
});

describe('family-side-by-side', () => {
  it('splits five sub-tables out of the grid, each under the outer table', () => {
    const d = doc('side-by-side');
    expect(d.tables.map((t) => [t.parent ?? null, t.caption ?? null, t.nRows, t.nCols])).toEqual([
      [null, null, 4, 3],
      [0, '①地域生活移行者数', 3, 5],
      [0, '②施設入所者数', 3, 5],
      [0, '③一般就労移行者数', 3, 5],
      [0, '④就労定着支援事業の利用者数', 3, 5],
      [0, '⑤訪問等による専門的な指導・助言', 3, 5],
    ]);
    // written one column to the left in the source, moved back under the years
    expect(texts(d.tables[4]!)).toEqual([
      ['④就労定着支援事業の利用者数', '人数(人)', '令和6年度', '令和7年度', '令和8年度'],
      ['', '目標値', '', '', '6'],
      ['', '実績値', '3', '', ''],
    ]);
    expect(d.tables.flatMap((t) => t.cells.map((c) => c.text))).not.toContain('/');
  });
});

describe('family-interleaved-columns', () => {
  it('regroups the lines into one row per numbered item', () => {
    const [t] = doc('interleaved-columns').tables;
    expect([t!.nRows, t!.nCols]).toEqual([3, 3]);
    expect(texts(t!)[2]).toEqual([
      '(2)地域移行の推進 ・地域移行者数: 令和5年度 2人',
      '長期入院者の退院後の住まいの確保が課題であり、受入れ先が不足している。 【令和5年度実績】 グループホーム定員:96人',
      'グループホームの整備を支援し、地域移行者数の増加を図る。 【目標値】 ・地域移行者数:令和8年度 5人',
    ]);
    expect(t!.quality.repairs[0]).toBe('deinterleaveColumns');
  });
});

describe('family-vertical-text', () => {
  it('joins vertical labels, continues a table over the page break, keeps text it cannot order', () => {
    const d = doc('vertical-text');
    const [progress, services] = d.tables;
    expect(d.tables).toHaveLength(2);
    expect(texts(progress!).map((r) => r[0])).toEqual([
      '分野',
      ...Array(4).fill('介護予防'),
      ...Array(3).fill('認知症の人への支援'),
      '生活支援',
      '生活支援',
      'の 住ま い 確保 ・ 暮らし',
    ]);
    expect(progress!.quality.repairs).toEqual(expect.arrayContaining(['joinContinuedTables', 'joinVerticalText']));
    expect(d.issues.map((i) => [i.code, i.where])).toEqual([['TEXT_ORDER_UNKNOWN', 'table 0 r10c0']]);
    expect(texts(services!).map((r) => r.slice(0, 2))).toEqual([
      ['サービス', '区分'],
      ['短期入所', '利用者数(人/月)'],
      ['短期入所', '利用日数(日/月)'],
      ['日中一時支援', '利用者数(人/月)'],
      ['日中一時支援', '利用日数(日/月)'],
    ]);
  });
});

describe('family-shifted-row', () => {
  it('moves the rows whose number sits in the 基本目標 column back under 番号', () => {
    const [t] = doc('shifted-row').tables;
    expect(texts(t!)[3]).toEqual(['1 活動の場の確保', '1-③', '訪問入浴サービス事業', '利用回数(回/年)', '288', '301']);
    expect(texts(t!)[5]).toEqual([
      '2 移動と外出の支援',
      '2-②',
      '自動車運転免許取得費助成',
      '助成件数(件/年)',
      '3',
      '5',
    ]);
    expect(texts(t!).map((r) => r[1])).toEqual(['番号', '1-①', '1-②', '1-③', '2-①', '2-②', '2-③', '3-①', '3-②']);
    expect(t!.quality.repairs).toEqual(expect.arrayContaining(['fixShiftedRow', 'fillStubSpans']));
  });
});
