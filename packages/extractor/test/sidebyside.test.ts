import type { Table } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { extractText, findBlockHeaders, splitSideBySideTables } from '../src/index.js';
import { gridTable, texts } from './helpers.js';

const lines = [
  ['成果目標', '内容', '実績'],
  ['■地域移行', '目標の説明', '①移行者数', '人数(人)', 'R6', 'R7', 'R8', '②入所者数', '人数(人)', 'R6', 'R7', 'R8'],
  ['', '', '', '目標値', '', '', '4', '', '目標値', '', '', '60'],
  ['', '', '', '実績値', '1', '2', '', '', '実績値', '63', '61', ''],
  ['■一般就労', '目標の説明', '③就労移行者数', '人数(人)', 'R6', 'R7', 'R8', '/', '/', '/', '/', '/'],
  // written one column to the left: the blank under the label was dropped
  ['', '', '目標値', '', '', '9'],
  ['', '', '実績値', '6', '8', ''],
  ['今後も継続する。'],
];

describe('findBlockHeaders', () => {
  it('finds period runs with a measure and a label on their left, when two stand side by side', () => {
    const hs = findBlockHeaders(lines);
    expect(hs.map((h) => [h.row, h.label, h.measure, h.a, h.b])).toEqual([
      [1, 2, 3, 4, 6],
      [1, 7, 8, 9, 11],
      [4, 2, 3, 4, 6],
    ]);
    expect(findBlockHeaders(lines.filter((_, i) => i !== 1))).toEqual([]);
  });
});

describe('splitSideBySideTables', () => {
  const split = splitSideBySideTables(gridTable(lines))!;
  const block = (i: number): Table => split.blocks[i]!.table;

  it('makes one table per block, label | measure | periods over kind | values', () => {
    expect(split.blocks.map((b) => [b.row, b.table.caption])).toEqual([
      [1, '①移行者数'],
      [1, '②入所者数'],
      [4, '③就労移行者数'],
    ]);
    expect(texts(block(1))).toEqual([
      ['②入所者数', '人数(人)', 'R6', 'R7', 'R8'],
      ['', '目標値', '', '', '60'],
      ['', '実績値', '63', '61', ''],
    ]);
    expect(block(0).headerRows).toBe(1);
    expect(block(0).quality.repairs).toEqual(['splitSideBySideTables']);
  });

  it('moves rows written a column off back under the periods', () => {
    expect(texts(block(2))).toEqual([
      ['③就労移行者数', '人数(人)', 'R6', 'R7', 'R8'],
      ['', '目標値', '', '', '9'],
      ['', '実績値', '6', '8', ''],
    ]);
  });

  it('leaves the rest in the outer table, without the / filler', () => {
    const outer = texts(split.outer).map((r) => r.filter(Boolean));
    expect(outer.filter((r) => r.length > 0)).toEqual([
      ['成果目標', '内容', '実績'],
      ['■地域移行', '目標の説明'],
      ['■一般就労', '目標の説明'],
      ['今後も継続する。'],
    ]);
  });

  it('reads blocks as children of the TSV table (a line without tabs is prose after it)', () => {
    const doc = extractText(lines.map((r) => r.join('\t')).join('\n'), 'x.txt');
    expect(doc.tables.map((t) => [t.index, t.parent ?? null, t.nRows, t.nCols])).toEqual([
      [0, null, 3, 3],
      [1, 0, 3, 5],
      [2, 0, 3, 5],
      [3, 0, 3, 5],
    ]);
    expect(doc.tables[3]!.line).toBe(5);
  });

  it('names a block that lost its title after the missing number, from the band listing it', () => {
    const untitled = [
      ['成果目標', '内容', '実績'],
      [
        '■精神障害者の地域生活',
        '①地域移行支援の利用者数 3人 ②地域定着支援の利用者数 5人',
        '',
        '人数(人/月)',
        'R6',
        'R7',
        'R8',
        '②地域定着支援の利用者',
        '人数(人/月)',
        'R6',
        'R7',
        'R8',
      ],
      ['', '', '', '計画値', '', '', '3', '', '計画値', '', '', '5'],
      ['', '', '', '実績値', '1', '2', '', '', '実績値', '4', '4', ''],
    ];
    const s = splitSideBySideTables(gridTable(untitled))!;
    expect(s.blocks.map((b) => b.table.caption)).toEqual(['①地域移行支援の利用者数', '②地域定着支援の利用者']);
    // Without numbered siblings nothing is guessed.
    const unnumbered = untitled.map((r) => r.map((c) => c.replace('②地域定着支援の利用者', '地域定着支援の利用者')));
    expect(splitSideBySideTables(gridTable(unnumbered))!.blocks[0]!.table.caption).toBeUndefined();
  });

  it('finds nothing in an ordinary table with a period header', () => {
    const t = gridTable([
      ['区分', 'R6', 'R7', 'R8'],
      ['居宅介護', '1', '2', '3'],
    ]);
    expect(splitSideBySideTables(t)).toBeNull();
  });
});
