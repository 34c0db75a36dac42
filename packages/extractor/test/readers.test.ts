import { describe, expect, it } from 'vitest';
import { extractText, tableToGrid } from '../src/index.js';
import { at, cellAt, rowTexts } from './helpers.js';

describe('TSV tables', () => {
  const text = [
    '1) 居宅介護等',
    '',
    '利用実人数（人／月）\tR3年度 （見込）\tR1実績\t',
    '居宅介護\t104\t98\t',
    '重度訪問介護\t６\t4\t',
    'not a table line',
    '項 目\t第 6 期',
    '\tR 3',
    '地域生活移行者数\t▲ 4人',
  ].join('\n');
  const doc = extractText(text, 'doc.txt');

  it('splits runs at a blank or tab-less line, keeping orig and cleaning text', () => {
    expect(doc.tables.map((t) => [t.method, t.line, t.nRows, t.nCols])).toEqual([
      ['tsv', 3, 3, 3],
      ['tsv', 7, 3, 2],
    ]);
    const t = doc.tables[0]!;
    expect(rowTexts(t, 0)).toEqual(['利用実人数(人/月)', 'R3年度 (見込)', 'R1実績']);
    expect(cellAt(t, 0, 0)?.orig).toBe('利用実人数（人／月）');
    expect(rowTexts(t, 2)).toEqual(['重度訪問介護', '6', '4']);
    expect(t.quality.repairs).toContain('trimEmptyRowsCols');
  });

  it('marks header rows and stubs', () => {
    const t = doc.tables[0]!;
    expect(t.headerRows).toBe(1);
    expect(t.cells.filter((c) => c.row === 0).every((c) => c.role === 'header')).toBe(true);
    expect(cellAt(t, 1, 0)?.role).toBe('stub');
    expect(cellAt(t, 1, 1)?.role).toBe('body');
  });

  it('collapses spaced characters and keeps the source in orig', () => {
    const t = doc.tables[1]!;
    expect(rowTexts(t, 0)).toEqual(['項目', '第6期']);
    expect(at(t, 1, 1)).toBe('R3');
    expect(at(t, 2, 1)).toBe('▲4人');
    expect(cellAt(t, 0, 0)?.orig).toBe('項 目');
    expect(t.headerRows).toBe(2);
    expect(t.quality.repairs).toEqual(['collapseSpacedCharacters', 'detectHeaderRows', 'fillHeaderSpans']);
  });

  it('shares one seq counter between blocks and tables, in document order', () => {
    const order = [...doc.blocks.map((b) => [b.seq, b.text]), ...doc.tables.map((t) => [t.seq, `table ${t.index}`])]
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map((x) => x[1]);
    expect(order).toEqual(['1) 居宅介護等', 'table 0', 'not a table line', 'table 1']);
  });

  it('reads <p> markup in a cell as the cell text', () => {
    const d = extractText('成果目標\t節別\n<p>■相談支援体制の充実・強化等</p>\t<p>第6節</p>\n', 'p.txt');
    const t = d.tables[0]!;
    expect(rowTexts(t, 1)).toEqual(['■相談支援体制の充実・強化等', '第6節']);
    expect(cellAt(t, 1, 0)?.orig).toBe('<p>■相談支援体制の充実・強化等</p>');
  });

  it('drops a row drawn with dashes', () => {
    const d = extractText('基本指針の目標\t4 福祉施設から一般就労への移行等\n---------\t----------\n', 'r.txt');
    expect(d.tables[0]!.nRows).toBe(1);
    expect(d.tables[0]!.quality.repairs).toContain('dropRuleRows');
  });
});

describe('markdown pipe tables', () => {
  const doc = extractText(
    [
      '# 見込量',
      '',
      '| 区分 | R3 | R4 |',
      '|:---|---:|---:|',
      '| 居宅介護 | 104 | 106 |',
      '| a \\| b | 1 | |',
      '',
      'after',
    ].join('\n'),
    'doc.md',
  );

  it('reads the header row, body rows and escaped pipes', () => {
    expect(doc.mediaType).toBe('text/markdown');
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t).toMatchObject({ method: 'markdown', nRows: 3, nCols: 3, headerRows: 1, line: 3 });
    expect(rowTexts(t, 0)).toEqual(['区分', 'R3', 'R4']);
    expect(rowTexts(t, 1)).toEqual(['居宅介護', '104', '106']);
    expect(rowTexts(t, 2)).toEqual(['a | b', '1', '']);
    expect(doc.blocks.map((b) => [b.kind, b.text, b.level])).toEqual([
      ['heading', '見込量', 1],
      ['paragraph', 'after', undefined],
    ]);
  });
});

describe('markdown pipe tables with more header rows than the one above the separator', () => {
  // a converter writes a table's first row above the separator; the group and kind rows follow as body rows
  const t = extractText(
    [
      '|  | 短期入所 | 短期入所 | 短期入所 | 短期入所 |',
      '| --- | --- | --- | --- | --- |',
      '|  | 令和6年度 | 令和6年度 | 令和7年度 | 令和7年度 |',
      '| 区分 | 見込 | 実績 | 見込 | 実績 |',
      '| 利用者数（人/月） | 14 | 11 | 15 | － |',
      '| 利用日数（日/月） | 90 | 77 | 95 | － |',
    ].join('\n'),
    'stay.md',
  ).tables[0]!;

  it('counts the header-like rows under the separator as header rows', () => {
    expect(t.headerRows).toBe(3);
    expect(t.cells.filter((c) => c.row === 2).map((c) => c.role)).toEqual(Array(5).fill('header'));
    expect(at(t, 3, 1)).toBe('14');
    expect(cellAt(t, 3, 0)?.role).toBe('stub');
  });

  it('keeps one header row when the row under the separator holds data', () => {
    const one = extractText(['| 区分 | R5 |', '| --- | --- |', '| 相談件数 | 31 |'].join('\n'), 'one.md').tables[0]!;
    expect(one.headerRows).toBe(1);
  });
});

describe('HTML tables', () => {
  const html = `<!DOCTYPE html><html><head><title>見込量</title></head><body>
<h2>活動指標</h2>
<p>【活動指標等の一覧】</p>
<table>
 <thead><tr><th colspan="2">区 分</th><th>令和3年度</th><th>令和4年度</th><th>令和5年度</th></tr></thead>
 <tbody>
  <tr><td rowspan="2">開催回数</td><td>見込量</td><td>12回</td><td>12回</td><td>12回</td></tr>
  <tr><td>実績値</td><td>10回</td><td>12回</td><td>-</td></tr>
  <tr><td rowspan="4">参加者数</td><td rowspan="2">保健</td><td>見込量</td><td>36人</td><td>36人</td></tr>
  <tr><td>実績値</td><td>11人</td><td>30人</td></tr>
  <tr><td rowspan="2">医療</td><td>見込量</td><td>6人</td><td>6人</td><td>6人</td></tr>
  <tr><td>実績値</td><td>9人</td><td>18人</td><td>-</td></tr>
 </tbody>
</table>
<ul><li>・ 一つ目</li><li>二つ目</li></ul>
<table><tr><th>区分</th><th>内訳</th></tr>
 <tr><td>外側</td><td>前文<table><tr><th>年度</th><th>値</th></tr><tr><td>R3</td><td>5人</td></tr></table></td></tr>
</table>
</body></html>`;
  const doc = extractText(html, 'page.html');

  it('places rowspan and colspan cells on a grid', () => {
    expect(doc.mediaType).toBe('text/html');
    expect(doc.meta.title).toBe('見込量');
    const t = doc.tables[0]!;
    expect(t.method).toBe('html');
    expect(t.headerRows).toBe(1);
    expect(cellAt(t, 0, 0)).toMatchObject({ text: '区分', colSpan: 3, role: 'header' });
    expect(cellAt(t, 1, 0)).toMatchObject({ text: '開催回数', rowSpan: 2, role: 'stub' });
    expect(at(t, 2, 0)).toBe('開催回数');
    expect(cellAt(t, 3, 0)).toMatchObject({ text: '参加者数', rowSpan: 4 });
    expect(cellAt(t, 3, 1)).toMatchObject({ text: '保健', rowSpan: 2 });
  });

  it('reconciles rows with more row labels than the header and reports the short ones', () => {
    const t = doc.tables[0]!;
    expect(t.nCols).toBe(6);
    expect(t.quality.repairs).toContain('reconcileRowWidths');
    expect(rowTexts(t, 0)).toEqual(['区分', '令和3年度', '令和4年度', '令和5年度']);
    expect(cellAt(t, 0, 3)?.text).toBe('令和3年度');
    // values start under 令和3年度 in every row
    expect([at(t, 1, 3), at(t, 3, 3), at(t, 5, 3)]).toEqual(['12回', '36人', '6人']);
    // the short 保健 rows keep their two values left-aligned; nothing is invented for 令和5年度
    expect(tableToGrid(t)[3]!.map((c) => c?.text ?? null)).toEqual([
      '参加者数',
      '保健',
      '見込量',
      '36人',
      '36人',
      null,
    ]);
    expect(doc.issues.filter((i) => i.code === 'HTML_ROW_SHORT')).toEqual([
      expect.objectContaining({ severity: 'warn', stage: 'extract', where: 'table 0 row 3' }),
      expect.objectContaining({ severity: 'warn', stage: 'extract', where: 'table 0 row 4' }),
    ]);
  });

  it('leaves rows alone that reach no further than the header, whatever their values are written as', () => {
    // blank-merged group heads over value columns, and counts written as words (`年4回`): the first cell that
    // reads as a number comes late in a row, but no row is wider than the header, so nothing moves
    const page = `<table><tbody>
<tr><th></th><th>研修の開催</th><th></th><th></th><th>参加事業所</th><th></th><th></th></tr>
<tr><th>区分</th><th>R4</th><th>R5</th><th>R6</th><th>R4</th><th>R5</th><th>R6</th></tr>
<tr><td>見込</td><td>年4回</td><td>年4回</td><td>年4回</td><td>－</td><td>－</td><td>－</td></tr>
<tr><td>実績</td><td>年3回</td><td>年5回</td><td>－</td><td>12か所</td><td>15か所</td><td>－</td></tr>
</tbody></table>`;
    const t = extractText(page, 'p.html').tables[0]!;
    expect(t.quality.repairs).not.toContain('reconcileRowWidths');
    expect(t.nCols).toBe(7);
    expect(tableToGrid(t)[2]!.map((c) => c?.text ?? null)).toEqual(['見込', '年4回', '年4回', '年4回', '-', '-', '-']);
    expect(at(t, 3, 4)).toBe('12か所');
  });

  it('reads a value written with its approximation first (約, おおむね, 延べ) as a value, not a row label', () => {
    // (family "targets written 約N": the row's first value was taken for a third row label, and every other row
    // moved a column right past its header)
    const page = `<table><tbody>
<tr><th>時点</th><th>区分</th><th>相談件数</th><th>訪問件数</th></tr>
<tr><td>令和5年度</td><td>実績</td><td>118</td><td>64</td></tr>
<tr><td>令和8年度</td><td>目標</td><td>約150</td><td>おおむね80</td></tr>
<tr><td>累計</td><td>実績</td><td>延べ 412</td><td>211</td></tr>
</tbody></table>`;
    const t = extractText(page, 'p.html').tables[0]!;
    expect(t.quality.repairs).not.toContain('reconcileRowWidths');
    expect(tableToGrid(t).map((r) => r.map((c) => c?.text ?? null))).toEqual([
      ['時点', '区分', '相談件数', '訪問件数'],
      ['令和5年度', '実績', '118', '64'],
      ['令和8年度', '目標', '約150', 'おおむね80'],
      ['累計', '実績', '延べ 412', '211'],
    ]);
  });

  it('keeps a column of words a column of labels when one of its cells is a count (年1回以上 among sentences)', () => {
    // (family "a column of words with a count among them": the row whose 県の目安 reads as a value did not start its
    // values a column earlier, and no row moves)
    const page = `<table><tbody>
<tr><th>指標</th><th>県の目安</th><th>R5実績</th><th>R6実績</th></tr>
<tr><td>相談支援専門員の研修受講者数</td><td>各圏域で確保</td><td>12人</td><td>15人</td></tr>
<tr><td>協議会の専門部会の開催</td><td>年1回以上</td><td>年4回</td><td>年6回</td></tr>
<tr><td>ピアサポーターの養成</td><td>養成研修を実施</td><td>3人</td><td>－</td></tr>
</tbody></table>`;
    const t = extractText(page, 'p.html').tables[0]!;
    expect(t.quality.repairs).not.toContain('reconcileRowWidths');
    expect(t.nCols).toBe(4);
    expect(tableToGrid(t)[2]!.map((c) => c?.text ?? null)).toEqual([
      '協議会の専門部会の開催',
      '年1回以上',
      '年4回',
      '年6回',
    ]);
  });

  it("keeps blank cells before a row's first value as missing values, not as row labels", () => {
    const page = `<table><tbody>
<tr><th>区分</th><th>R3</th><th>R4</th><th>R5</th><th>R6</th></tr>
<tr><td>見込量</td><td></td><td></td><td>60</td><td>62</td></tr>
<tr><td>実績</td><td>59</td><td>65</td><td></td><td></td></tr>
</tbody></table>`;
    const t = extractText(page, 'p.html').tables[0]!;
    expect(t.quality.repairs).not.toContain('reconcileRowWidths');
    expect(tableToGrid(t).map((r) => r.map((c) => c?.text ?? null))).toEqual([
      ['区分', 'R3', 'R4', 'R5', 'R6'],
      ['見込量', '', '', '60', '62'],
      ['実績', '59', '65', '', ''],
    ]);
  });

  it('turns nested tables into their own tables with a parent', () => {
    expect(doc.tables).toHaveLength(3);
    const outer = doc.tables[1]!;
    const inner = doc.tables[2]!;
    expect(rowTexts(outer, 1)).toEqual(['外側', '前文']);
    expect(inner.parent).toBe(1);
    expect(rowTexts(inner, 1)).toEqual(['R3', '5人']);
  });

  it('keeps headings, paragraphs and list items as blocks', () => {
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', '活動指標'],
      ['paragraph', '【活動指標等の一覧】'],
      ['bullet', '一つ目'],
      ['bullet', '二つ目'],
    ]);
    expect(doc.blocks[0]!.level).toBe(2);
    expect(doc.blocks[2]!.orig).toBe('・ 一つ目');
  });
});

describe('blocks from text', () => {
  const doc = extractText(
    [
      '第6期障害福祉計画・第2期障害児福祉計画',
      '',
      '1 開会',
      '',
      '目標1 施設入所者の地域生活への移行',
      '',
      '(1) 地域移行者数',
      '',
      '1) 居宅介護等',
      '',
      '- ① 目標 令和3年度から令和5年度までの合計 5人',
      '- ・比企地域の相談機関との連携',
      '続きの行',
      '',
      '○難聴児支援のための体制の確保',
      '',
      '※<>内の数字は施設入所している人を除いたものです。',
      '',
      '当事者から要望があり、',
      '移行を進めた。',
    ].join('\n'),
    'b.txt',
  );

  it('classifies headings (with levels), bullets, notes and paragraphs', () => {
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.text, b.line])).toEqual([
      ['heading', 1, '第6期障害福祉計画・第2期障害児福祉計画', 1],
      ['heading', 2, '1 開会', 3],
      ['heading', 2, '目標1 施設入所者の地域生活への移行', 5],
      ['heading', 3, '(1) 地域移行者数', 7],
      ['heading', 4, '1) 居宅介護等', 9],
      ['bullet', null, '① 目標 令和3年度から令和5年度までの合計 5人', 11],
      ['bullet', null, '比企地域の相談機関との連携続きの行', 12],
      ['bullet', null, '難聴児支援のための体制の確保', 15],
      ['note', null, '※<>内の数字は施設入所している人を除いたものです。', 17],
      ['paragraph', null, '当事者から要望があり、移行を進めた。', 19],
    ]);
    expect(doc.blocks[6]!.orig).toBe('- ・比企地域の相談機関との連携\n続きの行');
    expect(doc.tables).toHaveLength(0);
    expect(doc.pages).toEqual([
      expect.objectContaining({ index: 1, width: 0, height: 0, spans: [], rulings: [], lines: expect.any(Array) }),
    ]);
    expect(doc.pages[0]!.lines).toHaveLength(20);
  });
});
