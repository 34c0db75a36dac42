import type { Table } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import {
  collapseSpacedCharacters,
  collapseSpacedText,
  detectHeaderRows,
  extractText,
  isNumericData,
  isYearLike,
  nfkc,
  scoreTable,
  sniffText,
  tableToJson,
  tableToMarkdown,
  trimEmptyRowsCols,
} from '../src/index.js';

/** A TSV table straight from the reader, before text repairs. */
function tsv(lines: string[]): Table {
  const doc = extractText(lines.join('\n'), 't.tsv');
  return doc.tables[0]!;
}

function table(rows: string[][]): Table {
  return {
    page: 1,
    index: 0,
    seq: 0,
    method: 'tsv',
    cells: rows.flatMap((row, r) =>
      row.map((text, c) => ({ row: r, col: c, rowSpan: 1, colSpan: 1, text, orig: text, role: 'body' as const })),
    ),
    nRows: rows.length,
    nCols: Math.max(...rows.map((r) => r.length)),
    headerRows: 0,
    quality: { score: 0, emptyRatio: 0, repairs: [] },
  };
}

describe('collapseSpacedCharacters', () => {
  it.each([
    ['項 目', '項目'],
    ['区 分', '区分'],
    ['取 組 内 容', '取組内容'],
    ['第 6 期', '第6期'],
    ['第 6 期障害福祉計画', '第6期障害福祉計画'],
    ['R 3', 'R3'],
    ['R3 年度末', 'R3年度末'],
    ['H29 年度末', 'H29年度末'],
    ['R3 見込', 'R3見込'],
    ['65 歳 以上', '65歳以上'],
    ['住 ま い の 確 保', '住まいの確保'],
    ['2019 年度の進捗 (2020 年 1 月時点)', '2019年度の進捗 (2020年1月時点)'],
    ['▲ 4人', '▲4人'],
  ])('joins %s', (input, output) => {
    expect(collapseSpacedText(input)).toBe(output);
  });

  it.each([
    '17人 12人',
    '1,275 <24>',
    '191 <116>',
    '4人 (5.6%)',
    '72人を 超えない',
    '計画 (P) ↓ 実施 (D)',
    'a b c',
    'PDCA cycle in a plan',
    '共有 有 1回',
    '・69% ・86% ・92%',
  ])('keeps %s', (input) => {
    expect(collapseSpacedText(input)).toBe(input);
  });

  it('does not join two digits (1 1 人 is for the normalizer to judge)', () => {
    expect(collapseSpacedText('1 1 人')).toBe('1 1 人');
  });

  it('records itself only when it changed a cell', () => {
    const changed = collapseSpacedCharacters(table([['項 目', '値']]));
    expect(changed.quality.repairs).toEqual(['collapseSpacedCharacters']);
    expect(changed.cells[0]).toMatchObject({ text: '項目', orig: '項 目' });
    const same = table([['項目', '値']]);
    expect(collapseSpacedCharacters(same)).toBe(same);
  });
});

describe('trimEmptyRowsCols', () => {
  it('drops empty rows and columns, and shrinks spans over them', () => {
    const t = table([
      ['a', '', 'b', ''],
      ['', '', '', ''],
      ['c', '', 'd', ''],
    ]);
    t.cells[0] = { ...t.cells[0]!, colSpan: 2 };
    t.cells.splice(1, 1);
    const out = trimEmptyRowsCols(t);
    expect([out.nRows, out.nCols]).toEqual([2, 3]);
    expect(out.cells.filter((c) => c.text).map((c) => [c.text, c.row, c.col, c.colSpan])).toEqual([
      ['a', 0, 0, 2],
      ['b', 0, 2, 1],
      ['c', 1, 0, 1],
      ['d', 1, 2, 1],
    ]);
    expect(out.quality.repairs).toEqual(['trimEmptyRowsCols']);
    const full = table([['a']]);
    expect(trimEmptyRowsCols(full)).toBe(full);
  });
});

describe('detectHeaderRows', () => {
  it('takes leading label rows and year rows as header, first column as stub', () => {
    const t = detectHeaderRows(
      table([
        ['項目', '基準値', '第6期', '', ''],
        ['', '', 'R3', 'R4', 'R5'],
        ['地域生活移行者数', '72人', '—', '—', '4人'],
      ]),
    );
    expect(t.headerRows).toBe(2);
    expect(t.cells.filter((c) => c.role === 'header')).toHaveLength(10);
    expect(t.cells.find((c) => c.row === 2 && c.col === 0)?.role).toBe('stub');
    expect(t.cells.find((c) => c.row === 2 && c.col === 1)?.role).toBe('body');
  });

  it('reads a count after its date (`令和4年度末 180人`) as a value: its row is a body row', () => {
    const t = detectHeaderRows(
      table([
        ['目標項目', '基準', '目標（令和8年度）'],
        ['(1) 地域生活への移行者数', '令和 4 年度末の入所者数 180 人', '令和 8 年度末までに 11 人以上'],
        ['(2) 施設入所者数', '令和 4 年度末 180 人', '令和 8 年度末時点で 171 人以下'],
        ['(3) 協議の場の開催回数', '令和 4 年度 年 3 回', '年 4 回以上'],
        ['(4) 就労定着率が8割以上の事業所の割合', '令和 4 年度 2 割', '3 割以上'],
      ]),
    );
    expect(t.headerRows).toBe(1);
    // (a date alone, or a rate's base `1人当たり` or an ordinal `第2回` after a date, is still a label)
    const labels = detectHeaderRows(
      table([
        ['区分', '令和5年度末', '令和5年度 1人当たり給付費', '令和6年度 第2回調査'],
        ['居宅介護', '12', '31,200', '14'],
      ]),
    );
    expect(labels.headerRows).toBe(1);
  });

  it('counts age and grade labels as labels, not data', () => {
    const t = detectHeaderRows(
      table([
        ['現在', '総数', '1級', '18歳 未満'],
        ['H29年度末', '2,621', '877', '59'],
      ]),
    );
    expect(t.headerRows).toBe(1);
  });

  it('takes only the first row of a table without numbers, and none of prose rows', () => {
    expect(
      detectHeaderRows(
        table([
          ['目標値', '取組内容'],
          ['設置', '開設している。'],
        ]),
      ).headerRows,
    ).toBe(1);
    expect(
      detectHeaderRows(
        table([
          ['これは文です。', '説明'],
          ['a', 'b'],
        ]),
      ).headerRows,
    ).toBe(0);
  });

  it('marks ※ rows as notes', () => {
    const t = detectHeaderRows(
      table([
        ['区分', 'R3'],
        ['居宅介護', '104'],
        ['※<>内は内数', ''],
      ]),
    );
    expect(t.cells.find((c) => c.row === 2 && c.col === 0)?.role).toBe('note');
  });
});

describe('scoreTable', () => {
  it('scores a full, consistent table above a sparse, mixed one', () => {
    const good = scoreTable(
      detectHeaderRows(
        table([
          ['区分', 'R3', 'R4'],
          ['a', '1', '2'],
          ['b', '3', '4'],
        ]),
      ),
    );
    const bad = scoreTable(
      detectHeaderRows(
        table([
          ['x', '', ''],
          ['', '1', 'text'],
          ['', 'y', ''],
        ]),
      ),
    );
    expect(good.quality).toMatchObject({ emptyRatio: 0, score: 1 });
    expect(bad.quality.emptyRatio).toBeCloseTo(5 / 9, 3);
    expect(bad.quality.score).toBeLessThan(good.quality.score - 0.3);
    expect(bad.quality.repairs).not.toContain('scoreTable');
  });
});

describe('text helpers', () => {
  it('keeps circled numbers through NFKC', () => {
    expect(nfkc('①地域移行者数 ４人（５．６％）')).toBe('①地域移行者数 4人(5.6%)');
  });

  it('tells data from period labels', () => {
    expect(['2,590', '▲ 4人', '4人 (5.6%)', '191 <116>', '70%', '16,000円'].every(isNumericData)).toBe(true);
    expect(['R3', '令和3年度', '2019', '1か所以上の設置', '18歳未満', '①', '項目'].some(isNumericData)).toBe(false);
    expect(['R3年度 (見込)', 'H29 年度末', '令和元年度', '2018-2020年度', '第6期', '6月'].every(isYearLike)).toBe(true);
  });

  it('sniffs media types from extension and content', () => {
    expect(sniffText('a.txt', 'a\tb\n')).toBe('text/plain');
    expect(sniffText('a', 'a\tb\nc\td\n')).toBe('text/tab-separated-values');
    expect(sniffText('a', '| a | b |\n|---|---|\n| 1 | 2 |\n')).toBe('text/markdown');
    expect(sniffText('a.txt', '  <!DOCTYPE html><html><body></body></html>')).toBe('text/html');
    expect(sniffText('a', '<table><tr><td>1</td></tr></table>')).toBe('text/html');
    expect(sniffText('a.txt', '計画\t<p>x</p> <table><tr><td>1</td></tr></table>\n')).toBe('text/plain');
    expect(sniffText('notes', 'just words\n')).toBe('text/plain');
  });
});

describe('rendering', () => {
  const t = tsv(['項 目\t第 6 期\t\t', '\tR 3\tR 4\t', '地域生活移行者数\t—\t4人\t']);

  it('tableToMarkdown folds header rows into one, a spanning label over each column it spans', () => {
    expect(tableToMarkdown(t)).toBe(
      ['| 項目 | 第6期 / R3 | 第6期 / R4 |', '| --- | --- | --- |', '| 地域生活移行者数 | — | 4人 |'].join('\n'),
    );
  });

  it('tableToJson gives a plain grid with merged cells repeated and their spans', () => {
    const doc = extractText(
      '<table><tr><th colspan="2">区分</th></tr><tr><td>a</td><td>1人</td></tr></table>',
      'x.html',
    );
    const json = tableToJson(doc.tables[0]!);
    expect(json).toMatchObject({
      method: 'html',
      headerRows: 1,
      rows: [
        ['区分', '区分'],
        ['a', '1人'],
      ],
    });
    expect(json.spans).toEqual([{ row: 0, col: 0, rowSpan: 1, colSpan: 2 }]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('collapseSpacedText keeps a list number apart from a title starting with a unit character', () => {
  it.each([
    ['2 日中活動系サービス', '2 日中活動系サービス'],
    ['1 か所', '1か所'],
    ['定員 65 歳以上', '定員 65歳以上'],
  ])('%s → %s', (input, output) => {
    expect(collapseSpacedText(input)).toBe(output);
  });
});
