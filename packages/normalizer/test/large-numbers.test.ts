/**
 * Large numbers (万/億/千 after digits, kanji numerals) through the whole normalizer: in table cells, under a
 * money unit line, in sentences, and refused with an issue when they cannot be read whole (docs/OBSERVATIONS.md,
 * "Large numbers"). Tables and sentences written for these tests; every value worked out by hand.
 */
import type { Block, ExtractedDocument, Observation, Table, TableCell } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../src/document.js';

function table(rows: string[][], index = 0, seq = 1): Table {
  const cells: TableCell[] = [];
  for (const [i, r] of rows.entries())
    for (const [j, text] of r.entries())
      cells.push({ row: i, col: j, rowSpan: 1, colSpan: 1, text, orig: text, role: 'body' });
  return {
    page: 1,
    index,
    seq,
    method: 'tsv',
    cells,
    nRows: rows.length,
    nCols: Math.max(...rows.map((r) => r.length)),
    headerRows: 0,
    quality: { score: 0.9, emptyRatio: 0, repairs: [] },
  };
}

function block(text: string, seq: number, kind: Block['kind'] = 'heading'): Block {
  return { kind, text, orig: text, page: 1, seq };
}

function doc(blocks: Block[], tables: Table[]): ExtractedDocument {
  return {
    sha256: '0'.repeat(64),
    path: 'test.txt',
    mediaType: 'text/plain',
    bytes: 1,
    pages: [{ index: 1, width: 0, height: 0, rotation: 0, spans: [], rulings: [], lines: blocks.map((b) => b.text) }],
    tables,
    blocks,
    meta: {},
    issues: [],
  };
}

const cell = (o: Observation) => [o.fiscal_year, o.value, o.unit, o.qualifier, o.value_text, o.row, o.col];

describe('large numbers in table cells', () => {
  const r = normalizeDocument(
    doc(
      [block('鶴見市 第7期障害福祉計画 進捗', 0), block('(1) 地域生活支援事業の実績', 1)],
      [
        table(
          [
            ['', 'R4年度 (実績)', 'R5年度 (実績)'],
            ['事業費(円)', '18億5,000万円', '1億2千万円'],
            ['利用者数(人)', '3万5千人', '約1.2万人'],
            ['延べ利用件数(件)', '1万～2万件', '18億5,000'],
            ['実人数', '12万3456人以上', '千二百人'],
          ],
          0,
          2,
        ),
      ],
    ),
  );

  it('reads each cell as one number and keeps the cell as written', () => {
    expect(r.observations.filter((o) => o.table_index === 0).map(cell)).toEqual([
      [2022, 1_850_000_000, 'yen', null, '18億5,000万円', 1, 1],
      [2023, 120_000_000, 'yen', null, '1億2千万円', 1, 2],
      [2022, 35_000, 'person', null, '3万5千人', 2, 1],
      [2023, 12_000, 'person', 'approx', '約1.2万人', 2, 2],
      [2022, 10_000, 'case/year', 'gte', '1万～2万件', 3, 1],
      [2022, 20_000, 'case/year', 'lte', '1万～2万件', 3, 1],
      [2022, 123_456, 'person', 'gte', '12万3456人以上', 4, 1],
      [2023, 1_200, 'person', null, '千二百人', 4, 2],
    ]);
  });

  it('stores nothing for a cell cut short, and says where it is', () => {
    expect(r.observations.some((o) => o.row === 3 && o.col === 2)).toBe(false);
    expect(r.issues.filter((i) => i.code === 'NUMBER_REFUSED')).toEqual([
      {
        code: 'NUMBER_REFUSED',
        severity: 'warn',
        stage: 'normalize',
        message:
          'number not read (no value kept): 18億5,000 — digits after 億 with no 万: ambiguous (a 万 or 万円 cut off?)',
        where: 'table 0 r3c2',
      },
    ]);
  });
});

describe('money units over a table', () => {
  const values = (unitLine: string) =>
    normalizeDocument(
      doc(
        [block('(1) 給付費の推移', 1), block(unitLine, 2, 'paragraph')],
        [
          table(
            [
              ['', 'R4年度 (実績)', 'R5年度 (実績)'],
              ['給付費', '1,200', '▲350'],
            ],
            0,
            3,
          ),
        ],
      ),
    ).observations.map((o) => [o.indicator_label, o.fiscal_year, o.value, o.unit, o.value_text]);

  it('（単位：千円） multiplies by a thousand, as before', () => {
    expect(values('（単位：千円）')).toEqual([
      ['給付費', 2022, 1_200_000, 'yen', '1,200'],
      ['給付費', 2023, -350_000, 'yen', '▲350'],
    ]);
  });

  it('（単位：百万円） multiplies by a million, and the unit line is no value of its own', () => {
    expect(values('（単位：百万円）')).toEqual([
      ['給付費', 2022, 1_200_000_000, 'yen', '1,200'],
      ['給付費', 2023, -350_000_000, 'yen', '▲350'],
    ]);
  });

  it('a row label in 億円 multiplies by 10^8', () => {
    const r = normalizeDocument(
      doc(
        [block('(1) 給付費の推移', 1)],
        [
          table(
            [
              ['', 'R4年度 (実績)', 'R5年度 (実績)'],
              ['給付費（億円）', '1.5', '2'],
            ],
            0,
            2,
          ),
        ],
      ),
    );
    expect(r.observations.map((o) => [o.indicator_label, o.value, o.unit])).toEqual([
      ['給付費', 150_000_000, 'yen'],
      ['給付費', 200_000_000, 'yen'],
    ]);
  });
});

describe('large numbers in sentences', () => {
  const r = normalizeDocument(
    doc(
      [
        block('鶴見市 第7期障害福祉計画 進捗', 0),
        block('(1) 地域生活支援事業', 1),
        block('令和5年度の事業費は18億5,000万円で、利用者は約1.2万人であった。', 2, 'paragraph'),
        block('予算18億5,000（見込）', 3, 'paragraph'),
      ],
      [],
    ),
  );

  it('reads each number whole with its written text', () => {
    expect(r.observations.map((o) => [o.fiscal_year, o.value, o.unit, o.qualifier, o.value_text])).toEqual([
      [2023, 1_850_000_000, 'yen', null, '18億5,000万円'],
      [2023, 12_000, 'person', 'approx', '約1.2万人'],
    ]);
  });

  it('refuses a number cut short with an issue', () => {
    expect(r.issues.filter((i) => i.code === 'NUMBER_REFUSED').map((i) => [i.where, i.message])).toEqual([
      [
        'block 3',
        'number not read (no value kept): 18億5,000 — digits after 億 with no 万: ambiguous (a 万 or 万円 cut off?)',
      ],
    ]);
  });
});
