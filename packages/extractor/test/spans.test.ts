import { describe, expect, it } from 'vitest';
import { extractText, fillHeaderSpans, fillStubSpans } from '../src/index.js';
import { gridTable, spans, texts } from './helpers.js';

describe('fillHeaderSpans', () => {
  it('spans a header cell over the blank cells right of it whose lower header row has text', () => {
    const t = gridTable(
      [
        ['現在', '手帳取得者数', '', '', '', '合計'],
        ['', '身体', '療育', '精神', '小計', ''],
        ['R3年度末', '2,607', '762', '892', '4,261', '6,550'],
      ],
      { headerRows: 2, stubCols: 1 },
    );
    const out = fillHeaderSpans(t);
    expect(spans(out)).toEqual(['0,0 2x1', '0,1 1x4', '0,5 2x1']);
    expect(texts(out)[1]).toEqual(['現在', '身体', '療育', '精神', '小計', '合計']);
    expect(texts(out)[0]!.slice(1, 5)).toEqual(['手帳取得者数', '手帳取得者数', '手帳取得者数', '手帳取得者数']);
    expect(out.quality.repairs).toEqual(['fillHeaderSpans']);
  });

  it('leaves a blank header cell alone when nothing below it has text, and single header rows', () => {
    const t = gridTable(
      [
        ['区分', '第7期', '', '', '備考'],
        ['', 'R6', 'R7', '', ''],
        ['A', '1', '2', '3', ''],
      ],
      { headerRows: 2 },
    );
    expect(spans(fillHeaderSpans(t))).toEqual(['0,0 2x1', '0,1 1x2', '0,4 2x1']);
    const one = gridTable(
      [
        ['区分', 'R6', ''],
        ['A', '1', '2'],
      ],
      { headerRows: 1 },
    );
    expect(fillHeaderSpans(one)).toBe(one);
  });
});

describe('fillStubSpans', () => {
  it('spans a group label over the blank stub cells of its members, up to a total row', () => {
    const t = gridTable(
      [
        ['区分', '年齢', '人数'],
        ['障害児', '0~14歳', '35'],
        ['', '15~17歳', '13'],
        ['障害者', '18~64歳', '900'],
        ['', '65歳以上', '1,600'],
        ['', '総計', '2,548'],
      ],
      { headerRows: 1, stubCols: 2 },
    );
    const out = fillStubSpans(t);
    expect(spans(out)).toEqual(['1,0 2x1', '3,0 2x1']);
    expect(texts(out)[5]).toEqual(['', '総計', '2,548']);
    expect(out.quality.repairs).toEqual(['fillStubSpans']);
  });

  it('does not fill a blank followed only by values, nor across a new group on the left', () => {
    const t = gridTable(
      [
        ['区分', '', 'R5'],
        ['居宅介護', '', '10'],
        ['', '', '12'],
        ['手話通訳', '利用者数', '3'],
        ['要約筆記', '利用者数', '4'],
      ],
      { headerRows: 1, stubCols: 2 },
    );
    expect(fillStubSpans(t)).toBe(t);
  });

  it('makes one group of a label repeated after a page break', () => {
    const t = gridTable(
      [
        ['領域', '番号'],
        ['保健・福祉', '1-①'],
        ['', '1-②'],
        ['保健・福祉', '2-①'],
        ['生活支援', '1-①'],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    const out = fillStubSpans(t);
    expect(spans(out)).toEqual(['1,0 3x1']);
    expect(texts(out).map((r) => r[0])).toEqual(['領域', '保健・福祉', '保健・福祉', '保健・福祉', '生活支援']);
  });
});

describe('corner units', () => {
  it('stay the table unit hint when the corner cell spans both header rows, and row-label units stay in labels', () => {
    const doc = extractText(
      [
        '(件/年)\t第7期\t\t',
        '\tR6\tR7\tR8',
        '排せつ管理支援用具 (実人数)\t185\t190\t195',
        '(件数)\t1,850\t1,900\t1,950',
      ].join('\n'),
      'x.txt',
    );
    const t = doc.tables[0]!;
    expect(t.unitHint).toBe('件/年');
    expect(spans(t)).toEqual(['0,0 2x1', '0,1 1x3']);
    expect(texts(t).map((r) => r[0])).toEqual(['(件/年)', '(件/年)', '排せつ管理支援用具 (実人数)', '(件数)']);
  });
});
