import { describe, expect, it } from 'vitest';
import { dropRepeatedHeaderRows, extractText } from '../src/index.js';
import { gridTable, texts } from './helpers.js';

describe('dropRepeatedHeaderRows', () => {
  it('drops body rows that repeat the header block, compared without spaces', () => {
    const t = gridTable(
      [
        ['サービス', '第7期', ''],
        ['', 'R6', 'R7'],
        ['居宅介護', '160', '168'],
        ['サービス', '第 7 期', ''],
        ['', 'R 6', 'R 7'],
        ['同行援護', '24', '25'],
      ],
      { headerRows: 2, stubCols: 1 },
    );
    const out = dropRepeatedHeaderRows(t);
    expect(texts(out).map((r) => r[0])).toEqual(['サービス', '', '居宅介護', '同行援護']);
    expect(out.nRows).toBe(4);
    expect(out.quality.repairs).toEqual(['dropRepeatedHeaderRows']);
  });

  it('keeps a body row that only looks like part of the header', () => {
    const t = gridTable(
      [
        ['区分', 'R6', 'R7'],
        ['区分', '評価', '意見'],
      ],
      { headerRows: 1 },
    );
    expect(dropRepeatedHeaderRows(t)).toBe(t);
  });
});

describe('joinContinuedTables', () => {
  const page = (rows: string[]) => ['番号\t取組\t2024年度', ...rows].join('\n');

  it('joins a table continued after a page break with its header repeated', () => {
    const doc = extractText(`${page(['1-①\t教室の開催\t12回'])}\n\n${page(['1-②\t相談会\t4回'])}\n`, 'x.txt');
    expect(doc.tables).toHaveLength(1);
    expect(texts(doc.tables[0]!)).toEqual([
      ['番号', '取組', '2024年度'],
      ['1-①', '教室の開催', '12回'],
      ['1-②', '相談会', '4回'],
    ]);
    expect(doc.tables[0]!.quality.repairs).toContain('joinContinuedTables');
  });

  it('keeps tables apart when text stands between them or their headers differ', () => {
    const between = extractText(`${page(['1-①\t教室\t12回'])}\n\n(2)\n\n${page(['1-②\t相談会\t4回'])}\n`, 'x.txt');
    expect(between.tables).toHaveLength(2);
    const other = page(['1-②\t相談会\t4回']).replace('2024年度', '2025年度');
    expect(extractText(`${page(['1-①\t教室\t12回'])}\n\n${other}\n`, 'x.txt').tables).toHaveLength(2);
  });
});
