import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';
import { at, rowTexts } from './helpers.js';

const T = '\t';
const html =
  '<p>【目標】</p> <table><thead><tr><th>区分</th><th>目標値</th></tr></thead>' +
  '<tbody><tr><td rowspan="2">移行者数</td><td>4人</td></tr><tr><td>5人</td></tr></tbody></table>' +
  ' <p>【実績値】</p> <table><tr><th>区分</th><th>令和3年度</th></tr><tr><td>移行者数</td><td>0人</td></tr></table>';
const lines = [
  `成果目標${T}${T}1 施設入所者の地域生活への移行`,
  // the HTML cell, then the converter's flattened copy of both tables in the same row, then a real cell
  `計画${T}${html}${T}${T}区分${T}目標値${T}移行者数${T}4人${T}5人${T}区分${T}令和3年度${T}移行者数${T}0人${T}${T}備考あり`,
  // the flattened copy again as lines (the rowspan shifts the second row right)
  `区分${T}目標値${T}${T}`,
  `移行者数${T}4人`,
  `${T}5人`,
  `区 分${T}令和3年度`,
  `移行者数${T}0人`,
  // real content after the copy
  `区分${T}評価 (C)`,
  `令和3年度${T}移行者数は目標に届かなかった。`,
];
const doc = extractText(lines.join('\n'), 'sheet.txt');

describe('HTML tables inside a TSV cell', () => {
  it('gives the outer table the cell text and the inner tables their own entries', () => {
    expect(doc.tables.map((t) => [t.index, t.method, t.parent ?? null, t.caption ?? null, t.line])).toEqual([
      [0, 'tsv', null, null, 1],
      [1, 'html', 0, '【目標】', 2],
      [2, 'html', 0, '【実績値】', 2],
    ]);
    const outer = doc.tables[0]!;
    expect(at(outer, 1, 1)).toBe('【目標】 【実績値】');
    expect(rowTexts(doc.tables[1]!, 1)).toEqual(['移行者数', '4人']);
    expect(rowTexts(doc.tables[1]!, 2)).toEqual(['5人']);
    expect(rowTexts(doc.tables[2]!, 1)).toEqual(['移行者数', '0人']);
  });

  it('drops the flattened duplicate in the row and in the following lines, and keeps the rest', () => {
    const outer = doc.tables[0]!;
    expect(outer.quality.repairs).toContain('dropFlattenedDuplicate');
    expect(outer.nRows).toBe(4);
    expect(outer.nCols).toBe(4);
    expect(rowTexts(outer, 0)).toEqual(['成果目標', '', '1 施設入所者の地域生活への移行']);
    // the copied cells are gone; the real cell after them keeps its own column
    expect(rowTexts(outer, 1)).toEqual(['計画', '【目標】 【実績値】', '', '備考あり']);
    expect(rowTexts(outer, 2)).toEqual(['区分', '評価 (C)']);
    expect(rowTexts(outer, 3)).toEqual(['令和3年度', '移行者数は目標に届かなかった。']);
  });

  it('puts the captions as blocks just before their tables', () => {
    const seq = [
      ...doc.blocks.map((b) => ({ seq: b.seq, what: `${b.kind}:${b.text}` })),
      ...doc.tables.map((t) => ({ seq: t.seq, what: `table ${t.index}` })),
    ]
      .sort((a, b) => a.seq - b.seq)
      .map((x) => x.what);
    expect(seq).toEqual(['table 0', 'caption:【目標】', 'table 1', 'caption:【実績値】', 'table 2']);
  });

  it('leaves a following line that only resembles the inner table', () => {
    const d = extractText([`計画${T}${html}`, `区分${T}目標値${T}追加`].join('\n'), 'x.txt');
    expect(d.tables[0]!.nRows).toBe(2);
    expect(rowTexts(d.tables[0]!, 1)).toEqual(['区分', '目標値', '追加']);
    expect(d.tables[0]!.quality.repairs).not.toContain('dropFlattenedDuplicate');
  });
});

describe('a TSV line whose only content is an HTML table and its flattened copy', () => {
  // no caption before the table: the outer cell is empty once the table is read and its copy dropped
  const inner =
    '<table border="1"> <tbody> <tr><td>区分</td> <td>R4</td> <td>R5</td></tr> ' +
    '<tr><td>相談件数</td> <td>31件</td> <td>－</td></tr> <tr><td>訪問件数</td> <td>7件</td> <td>9件</td></tr> </tbody> </table>';
  const text = [
    '2 相談支援の状況',
    '',
    `${T}${inner}${T}${T}区分${T}R4${T}R5`,
    `${T}相談件数${T}31件${T}－`,
    `${T}訪問件数${T}7件${T}9件`,
  ].join('\n');
  const d = extractText(text, 'copy.txt');

  it('keeps the inner table though the outer one is empty', () => {
    expect(d.tables.map((t) => t.method)).toEqual(['html']);
    const t = d.tables[0]!;
    expect(rowTexts(t, 1)).toEqual(['相談件数', '31件', '-']);
    expect(rowTexts(t, 2)).toEqual(['訪問件数', '7件', '9件']);
  });
});
