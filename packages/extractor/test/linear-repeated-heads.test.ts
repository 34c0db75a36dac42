import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';
import { texts } from './helpers.js';

const layout = (name: string) => new URL(`../../../test/layouts/${name}`, import.meta.url).pathname;

describe('readRepeatedHeads: rows that repeat the header words inside themselves', () => {
  const path = layout('linear-repeated-heads.txt');
  const doc = extractText(readFileSync(path, 'utf8'), path);

  it('recovers (period, kind, measure) columns, a unit word going with its value, a wrapped row continued', () => {
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.method).toBe('linearized');
    expect(t.quality.repairs[0]).toBe('readRepeatedHeads');
    expect(t.headerRows).toBe(3);
    const y = ['平成30年度', '令和元年度'];
    expect(texts(t)).toEqual([
      ['', y[0], y[0], y[0], y[0], y[1], y[1], y[1], y[1]],
      ['', '計画', '計画', '実績', '実績', '計画', '計画', '実績', '実績'],
      ['', '利用者数', '', '利用者数', '', '利用者数', '', '利用者数', ''],
      ['居宅介護支援', '5,120人', '', '4,980人', '', '5,260人', '', '5,087人', ''],
      // the second line of the row (opening with a unit word) continues it
      [
        '訪問介護',
        '1,234人',
        '5,678時間/月',
        '1,200人',
        '5,500時間/月',
        '1,260人',
        '5,800時間/月',
        '1,241人',
        '5,690時間/月',
      ],
      [
        '通所介護',
        '2,150人',
        '21,360回/月',
        '2,044人',
        '20,118回/月',
        '2,210人',
        '21,940回/月',
        '2,130人',
        '20,875回/月',
      ],
    ]);
    // the period spans its four columns, the kind its two
    expect(t.cells.filter((c) => c.row === 0 && c.text).map((c) => [c.col, c.colSpan])).toEqual([
      [1, 4],
      [5, 4],
    ]);
    expect(t.cells.filter((c) => c.row === 1 && c.text).map((c) => c.colSpan)).toEqual([2, 2, 2, 2]);
    // two of the three rows have every column
    expect(t.quality.score).toBeCloseTo(0.5 + 0.5 * (2 / 3), 3);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'note', 'paragraph']);
  });

  it('reads the bare-year example of one row, and leaves a sentence that names years and kinds alone', () => {
    const row = '居宅介護 30年度 計画 利用者数 1,234人 時間/月 5,678 実績 利用者数 1,200人 時間/月 5,500';
    const t = extractText(row, 'one.txt').tables[0]!;
    expect(texts(t)).toEqual([
      ['', '30年度', '30年度', '30年度', '30年度'],
      ['', '計画', '計画', '実績', '実績'],
      ['', '利用者数', '', '利用者数', ''],
      ['居宅介護', '1,234人', '5,678時間/月', '1,200人', '5,500時間/月'],
    ]);
    const prose = [
      '令和5年度 計画 12人 実績 10人',
      '居宅介護は令和5年度の計画では12人、実績では10人でした。',
      '計画相談支援 令和5年度 実績 40人',
    ];
    expect(extractText(prose.join('\n'), 'prose.txt').tables).toEqual([]);
  });
});
