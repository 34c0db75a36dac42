import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';
import { texts } from './helpers.js';

const layout = (name: string) => new URL(`../../../test/layouts/${name}`, import.meta.url).pathname;

describe('readCellLines: one cell per line (web-page copy of an HTML table)', () => {
  const path = layout('linear-cell-lines.txt');
  const doc = extractText(readFileSync(path, 'utf8'), path);

  it('finds N from the repeating shape and recovers the service table, cell by cell', () => {
    expect(doc.tables).toHaveLength(2);
    const t = doc.tables[0]!;
    expect(t.method).toBe('linearized');
    expect(t.quality.repairs[0]).toBe('readCellLines');
    expect(t.headerRows).toBe(1);
    expect(texts(t)).toEqual([
      ['サービス名', '単位', '令和6年度', '令和7年度', '令和8年度'],
      // a label line before a row's own label heads a group
      ['訪問系サービス', '', '', '', ''],
      ['居宅介護', '時間/月', '4,210', '4,380', '4,560'],
      // a unit line with no label: the label above goes on
      ['居宅介護', '人/月', '245', '255', '265'],
      ['同行援護', '人/月', '38', '40', '―'],
      // a bracketed line after the label continues it
      ['就労継続支援(B型)', '人日/月', '10,800', '11,448', '12,096'],
      // two values for three columns: not placed, reported
      ['短期入所', '人/月', '', '', ''],
      ['療養介護', '人/月', '21', '21', '22'],
    ]);
    const misfit = doc.issues.filter((i) => i.code === 'LINEAR_ROW_MISFIT');
    expect(misfit.map((i) => [i.where, i.message.includes('102 107')])).toEqual([['table 0 row 6', true]]);
    // 5 of the 6 value runs have three values
    expect(t.quality.score).toBeCloseTo(5 / 6, 3);
  });

  it('reads periods over kinds: each year spans its plan and result columns', () => {
    const t = doc.tables[1]!;
    expect(t.headerRows).toBe(2);
    expect(texts(t)).toEqual([
      ['事業名', '令和4年度', '令和4年度', '令和5年度', '令和5年度'],
      ['事業名', '計画', '実績', '計画', '実績'],
      ['移動支援事業', '150件', '142件', '158件', '151件'],
      ['日中一時支援事業', '96人', '101人', '100人', '107人'],
      ['意思疎通支援事業', '264件', '281件', '280件', '300件'],
    ]);
    expect(t.cells.filter((c) => c.row === 0 && c.colSpan === 2).map((c) => c.text)).toEqual([
      '令和4年度',
      '令和5年度',
    ]);
  });

  it('leaves the title, the sentence, the note and a list of one value a line as blocks', () => {
    expect(doc.blocks.map((b) => b.text)).toEqual([
      '松江市 第7期障害福祉計画 サービス見込量(ホームページ掲載用)',
      '障害福祉サービスの見込量',
      '令和6年度から令和8年度までの各サービスの見込量は、次の表のとおりです。',
      '※短期入所の令和8年度は、空床型の整備状況を踏まえて見込みます。',
      '地域生活支援事業の実績',
      '会議の開催状況第1回 7月19日出席委員 12人第2回 11月16日出席委員 14人',
    ]);
  });

  it('reads a header the source wrapped inside its cells as rows as wide as the table', () => {
    const text = ['区分', '令和6年度', '令和7年度', '令和5年度', '(人/月)', '(見込)', '(見込)', '実績'];
    const rows = ['居宅介護', '388', '402', '371', '生活介護', '932', '951', '910', '短期入所', '154', '160', '147'];
    const t = extractText([...text, '', ...rows.flatMap((r) => [r, ''])].join('\n'), 'raw.txt').tables[0]!;
    expect(texts(t)).toEqual([
      ['区分', '令和6年度', '令和7年度', '令和5年度'],
      ['(人/月)', '(見込)', '(見込)', '実績'],
      ['居宅介護', '388', '402', '371'],
      ['生活介護', '932', '951', '910'],
      ['短期入所', '154', '160', '147'],
    ]);
  });

  it('places a head that stood over both header rows beside the heads that share the lower row', () => {
    const head = [
      '区分',
      'サービス名',
      '単位',
      '第6期',
      '見込量',
      '伸び率',
      'R3実績',
      'R4実績',
      'R5見込',
      'R6',
      'R7',
      'R8',
    ];
    const rows = [
      ['居宅介護', '人分', '228', '236', '245', '255', '265', '276', '112.7%'],
      ['生活介護', '人分', '412', '420', '431', '440', '450', '460', '106.7%'],
      ['共同生活援助', '人分', '186', '203', '221', '240', '260', '280', '126.7%'],
    ];
    const t = extractText(['表1 実績と見込量', ...head, ...rows.flat()].join('\n'), 'wide.txt').tables[0]!;
    // (three stub heads over two stub columns: all in the first, which spans both header rows)
    expect(texts(t).slice(0, 2)).toEqual([
      ['区分サービス名単位', '', '第6期', '第6期', '第6期', '見込量', '見込量', '見込量', '伸び率'],
      ['区分サービス名単位', '', 'R3実績', 'R4実績', 'R5見込', 'R6', 'R7', 'R8', '伸び率'],
    ]);
    // the caption above the header stays prose
    expect(extractText(['表1 実績と見込量', ...head, ...rows.flat()].join('\n'), 'wide.txt').blocks[0]!.text).toBe(
      '表1 実績と見込量',
    );
  });

  it('takes no table from a column of numbers cut from its labels, or from lists of one value a line', () => {
    const labelless = ['人/月', '312', '298', '▲14', '時間/月', '5,120', '4,870', '▲250', '人/月', '14', '12', '▲2'];
    expect(extractText(labelless.join('\n'), 'col.txt').tables).toEqual([]);
    const list = ['出席者数', '12人', '欠席者数', '2人', '傍聴者数', '5人', '資料数', '4件'];
    expect(extractText(list.join('\n'), 'list.txt').tables).toEqual([]);
  });
});
