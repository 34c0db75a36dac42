import { describe, expect, it } from 'vitest';
import { extractText, scoreTable, UNRECOVERED_SCORE, unrecoveredReasons } from '../src/index.js';
import { gridTable } from './helpers.js';

describe('tables the repairs could not recover', () => {
  it('score low and are reported as TABLE_UNRECOVERED, with the scrambled cells as TEXT_ORDER_UNKNOWN', () => {
    const text = [
      '時期\t6月\t7月\t8月',
      '部会\tて社第 計1回 画実 績報 告等 につ い て\t\t',
      '委員会\t\tケ福害計第 ー祉福画2 ト計祉実回 調画計績 査策画報 に定\t',
    ].join('\n');
    const doc = extractText(text, 'x.txt');
    const t = doc.tables[0]!;
    expect(unrecoveredReasons(t)).toEqual(['scrambled vertical text']);
    expect(t.quality.score).toBeLessThan(UNRECOVERED_SCORE);
    expect(doc.issues.map((i) => [i.code, i.severity, i.where])).toEqual([
      ['TABLE_UNRECOVERED', 'warn', 'table 0'],
      ['TEXT_ORDER_UNKNOWN', 'warn', 'table 0 r1c1'],
      ['TEXT_ORDER_UNKNOWN', 'warn', 'table 0 r2c2'],
    ]);
    // kept as written: no cell was invented or reordered
    expect(t.cells.find((c) => c.row === 1 && c.col === 1)?.text).toBe('て社第 計1回 画実 績報 告等 につ い て');
  });

  it('side-by-side blocks left on one grid count as not recovered', () => {
    const t = gridTable(
      [
        ['①移行者数', '人数', 'R6', 'R7', '②入所者数', '人数', 'R6', 'R7'],
        ['', '目標値', '', '4', '', '目標値', '', '60'],
      ],
      { headerRows: 1 },
    );
    expect(unrecoveredReasons(t)).toEqual(['side-by-side blocks not split']);
    expect(scoreTable(t).quality.score).toBeLessThan(UNRECOVERED_SCORE);
  });

  it('a clean table has no reasons and is not reported', () => {
    const doc = extractText('区分\tR6\tR7\n居宅介護\t160\t168\n', 'x.txt');
    expect(unrecoveredReasons(doc.tables[0]!)).toEqual([]);
    expect(doc.issues).toEqual([]);
  });
});
