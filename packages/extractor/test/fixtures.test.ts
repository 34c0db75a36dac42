/**
 * The five fixture documents, extracted whole. Counts and cells below were checked by hand against
 * fixtures/<name>/source.txt.
 */
import { join } from 'node:path';
import { type ExtractedDocument, ExtractedDocument as ExtractedDocumentSchema } from '@shiryo/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, tableToGrid } from '../src/index.js';
import { at, cellAt, rowTexts, tableAfter } from './helpers.js';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;
const source = (name: string) => join(FIXTURES, name, 'source.txt');

const docs = new Map<string, ExtractedDocument>();
beforeAll(async () => {
  for (const name of [
    'akishima-6ki-goal-sheets',
    'higashimatsuyama-r3-results',
    'iga-7ki-outcome-targets',
    'inzai-6ki-outcome-review',
    'shiroi-chiiki-houkatsu-progress',
  ]) {
    docs.set(name, await extractDocument(source(name)));
  }
});
const doc = (name: string) => docs.get(name)!;

describe('every fixture', () => {
  it('gives a document the zod contract accepts, with consistent seq and index', () => {
    for (const [name, d] of docs) {
      const parsed = ExtractedDocumentSchema.safeParse(d);
      expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
      expect(d.encoding).toBe('UTF8');
      expect(d.mediaType).toBe('text/plain');
      expect(d.tables.map((t) => t.index)).toEqual(d.tables.map((_, i) => i));
      const seqs = [...d.tables.map((t) => t.seq), ...d.blocks.map((b) => b.seq)].sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, i) => i));
      for (const t of d.tables) {
        // no two cells claim one grid position
        const covered = t.cells.reduce((n, c) => n + c.rowSpan * c.colSpan, 0);
        const grid = tableToGrid(t).flat().filter(Boolean).length;
        expect(covered, `${name} table ${t.index}`).toBe(grid);
      }
    }
  });

  it('finds the tables each fixture holds', () => {
    expect(Object.fromEntries([...docs].map(([n, d]) => [n, d.tables.length]))).toEqual({
      'akishima-6ki-goal-sheets': 44,
      'higashimatsuyama-r3-results': 72,
      'iga-7ki-outcome-targets': 2,
      'inzai-6ki-outcome-review': 15,
      'shiroi-chiiki-houkatsu-progress': 2,
    });
  });
});

describe('higashimatsuyama (TSV tables between prose)', () => {
  it('reads the 居宅介護等 table', () => {
    const t = tableAfter(doc('higashimatsuyama-r3-results'), '1) 居宅介護等');
    expect(t).toMatchObject({ method: 'tsv', nRows: 7, nCols: 7, headerRows: 1, line: 457 });
    expect(t.cells.filter((c) => c.row === 0).map((c) => c.orig)).toEqual([
      '利用実人数（人／月）',
      'R3年度 （見込）',
      'R4年度 （見込）',
      'R5年度 （見込）',
      'R1実績',
      'R2実績',
      'R3実績',
    ]);
    expect(rowTexts(t, 0)).toEqual([
      '利用実人数(人/月)',
      'R3年度 (見込)',
      'R4年度 (見込)',
      'R5年度 (見込)',
      'R1実績',
      'R2実績',
      'R3実績',
    ]);
    expect(rowTexts(t, 1)).toEqual(['居宅介護', '104', '106', '109', '98', '106', '113']);
    expect(rowTexts(t, 6)).toEqual(['合計', '149', '153', '159', '138', '143', '148']);
    expect(cellAt(t, 1, 0)?.role).toBe('stub');
  });

  it('keeps subset values and joins spaced era years', () => {
    const d = doc('higashimatsuyama-r3-results');
    const living = tableAfter(d, '1) 生活介護');
    expect(rowTexts(living, 1)).toEqual([
      '利用実人数(人/月)',
      '191 <116>',
      '196 <120>',
      '201 <124>',
      '180 <99>',
      '181 <112>',
      '184 <117>',
    ]);
    const dayCare = tableAfter(d, '5) 日中一時支援事業');
    expect(at(dayCare, 2, 1)).toBe('1,275 <24>');
    const people = tableAfter(d, '(1) 障害のある人の状況');
    expect(people.headerRows).toBe(2);
    expect(at(people, 2, 0)).toBe('H29年度末');
    expect(cellAt(people, 2, 0)?.orig).toBe('H29 年度末');
    expect(rowTexts(people, 6)).toEqual([
      'R3年度末',
      '2,607',
      '762',
      '892',
      '4,261',
      '1,497',
      '792',
      '6,550',
      '90,391',
      '41,764',
    ]);
    expect(people.unitHint).toBe('人・世帯');
    expect(tableAfter(d, '3) 日常生活用具給付等事業').unitHint).toBe('件/年');
    const r3 = tableAfter(d, '2) ペアレントメンターの利用者数');
    expect(rowTexts(r3, 0)).toEqual(['', 'R3見込', 'R4見込', 'R5見込', 'R3実績']);
  });

  it('spans the group label written only on the first row of 意思疎通支援事業, and joins 延べ利用件 数', () => {
    const t = tableAfter(doc('higashimatsuyama-r3-results'), '2) 意思疎通支援事業');
    expect(rowTexts(t, 1)).toEqual(['手話通訳', '利用実人数 (人/月)', '36', '36', '37', '36', '34', '37']);
    expect(cellAt(t, 1, 0)).toMatchObject({ rowSpan: 2, role: 'stub' });
    expect(tableToGrid(t)[2]!.map((c) => c?.text)).toEqual([
      '手話通訳',
      '延べ利用件数(件/年)',
      '792',
      '792',
      '814',
      '771',
      '545',
      '736',
    ]);
    expect(cellAt(t, 2, 1)).toMatchObject({ role: 'stub', orig: '延べ利用件 数(件／年)' });
    expect(at(t, 3, 0)).toBe('要約筆記');
  });

  it('spans 手帳取得者数 over its four columns and joins the words split across header lines', () => {
    const t = tableAfter(doc('higashimatsuyama-r3-results'), '(1) 障害のある人の状況');
    expect(cellAt(t, 0, 1)).toMatchObject({ text: '手帳取得者数', colSpan: 4, rowSpan: 1 });
    expect(cellAt(t, 0, 0)).toMatchObject({ text: '現在', rowSpan: 2 });
    expect(tableToGrid(t)[1]!.map((c) => c?.text)).toEqual([
      '現在',
      '身体障害者手帳',
      '療育手帳 (知的)',
      '精神障害者保健福祉手帳',
      '小計',
      '自立支援医療 (精神通院)',
      '指定難病等医療',
      '合計',
      '(参考) 人口',
      '(参考) 世帯数',
    ]);
    expect(t.quality.repairs).toEqual(expect.arrayContaining(['joinSplitHeaderWords', 'fillHeaderSpans']));
  });

  it('keeps the scrambled vertical text of the schedule as written and reports the table', () => {
    const d = doc('higashimatsuyama-r3-results');
    const t = d.tables[1]!;
    expect(at(t, 1, 2)).toMatch(/^て社第 計1回 画実 績報 告等 につ い て 福 害 者/);
    expect(t.quality.score).toBeLessThan(0.5);
    expect(d.issues.filter((i) => i.where?.startsWith('table 1')).map((i) => i.code)).toEqual([
      'TABLE_UNRECOVERED',
      'TEXT_ORDER_UNKNOWN',
      'TEXT_ORDER_UNKNOWN',
      'TEXT_ORDER_UNKNOWN',
      'TEXT_ORDER_UNKNOWN',
    ]);
  });

  it('reads prose around the tables as headings, bullets and paragraphs', () => {
    const d = doc('higashimatsuyama-r3-results');
    expect(d.blocks.find((b) => b.text === '目標1 施設入所者の地域生活への移行')).toMatchObject({
      kind: 'heading',
      level: 2,
    });
    expect(d.blocks.find((b) => b.text.startsWith('① 市内共同生活援助事業所'))).toMatchObject({
      kind: 'bullet',
      text: '① 市内共同生活援助事業所(グループホーム)定員数 R1年度末:217人 R2年度末:234人 R3年度末:255人',
    });
  });
});

describe('akishima (HTML tables inside TSV cells, then their flattened copy)', () => {
  const inner = () => doc('akishima-6ki-goal-sheets').tables.filter((t) => t.method === 'html');

  it('reads every embedded table once, as an html table under its TSV sheet', () => {
    const d = doc('akishima-6ki-goal-sheets');
    expect(inner()).toHaveLength(17);
    for (const t of inner()) expect(d.tables[t.parent!]!.method).toBe('tsv');
    expect(inner().map((t) => t.caption)).toEqual([
      '①地域移行生活者の増加',
      '②施設入所者の削減数',
      '【実績値】',
      '【活動指標等の一覧】',
      '【令和5年度末までの目標】',
      '【活動指標等の一覧】',
      '【令和5年度末までの目標】',
      '【活動内容】',
      '①就労移行支援事業所等を通じて、令和5年度に一般就労に移行する者の数',
      '②就労定着支援事業の利用者数',
      '【実績値】',
      '【令和5年度末までの目標】',
      '【活動指標等の一覧】',
      '①児童発達支援センターの設置及び保育所等訪問支援の体制整備',
      '②重症心身障害児の支援体制の整備',
      '③医療的ケア児支援のための関係機関等の協議の場の設置',
      '【活動内容】',
    ]);
  });

  it('drops the flattened duplicate and keeps the sheet around it', () => {
    const d = doc('akishima-6ki-goal-sheets');
    const sheet = d.tables[11]!;
    expect(sheet).toMatchObject({ method: 'tsv', line: 91, nRows: 6, nCols: 4 });
    expect(sheet.quality.repairs).toContain('dropFlattenedDuplicate');
    expect(rowTexts(sheet, 0)).toEqual(['成果目標', '', '1 施設入所者の地域生活への移行', '']);
    expect(rowTexts(sheet, 1)).toEqual([
      '計画 (P) ↓ 実施 (D)',
      '目標値',
      '【令和5年度末までの目標】 ①地域移行生活者の増加 ②施設入所者の削減数 【実績値】',
      '',
    ]);
    expect(cellAt(sheet, 1, 2)?.orig).toMatch(
      /^<p>【令和5年度末までの目標】<\/p> <p>①地域移行生活者の増加<\/p> <table border="1">/,
    );
    expect(rowTexts(sheet, 2)).toEqual(['主な活動指標 (内容)', '【活動指標等の一覧】', '', '']);
    expect(cellAt(sheet, 2, 0)?.orig).toBe('主な 活動指標 (内容)');
    expect(rowTexts(sheet, 3)).toEqual(['区分', '評価 (C)', '協議会等意見', '改善 (A)']);
    expect(at(sheet, 5, 0)).toBe('令和3年度');
    // none of the copied lines survive
    const texts = sheet.cells.map((c) => c.text);
    expect(texts).not.toContain('地域生活移行者数');
    expect(texts).not.toContain('就労移行支援の利用者数');
    expect(d.tables.filter((t) => t.parent === 11).map((t) => t.index)).toEqual([12, 13, 14, 15]);
  });

  it('puts the cell text before each inner table as caption blocks', () => {
    const d = doc('akishima-6ki-goal-sheets');
    const t14 = d.tables[14]!;
    const before = d.blocks.filter((b) => b.seq > d.tables[11]!.seq && b.seq < t14.seq).map((b) => [b.kind, b.text]);
    expect(before).toEqual([
      ['caption', '【令和5年度末までの目標】'],
      ['caption', '①地域移行生活者の増加'],
      ['caption', '②施設入所者の削減数'],
      ['caption', '【実績値】'],
    ]);
  });

  it('reads the inner tables cell by cell', () => {
    const d = doc('akishima-6ki-goal-sheets');
    const goal = d.tables[12]!;
    expect(goal).toMatchObject({ method: 'html', headerRows: 1, nRows: 2, line: 92 });
    expect(cellAt(goal, 0, 2)).toMatchObject({ text: '目標値設定の考え方', colSpan: 3, role: 'header' });
    expect(rowTexts(goal, 1).slice(0, 2)).toEqual(['地域生活移行者数', '4人 (5.6%)']);
    expect(rowTexts(d.tables[13]!, 1).slice(0, 2)).toEqual(['削減見込者数', '72人を 超えない']);
    const actual = d.tables[14]!;
    expect(rowTexts(actual, 0)).toEqual(['区分', '令和3年度', '令和4年度', '令和5年度']);
    expect(rowTexts(actual, 2)).toEqual(['②施設入所者数', '74人', '74人', '—']);
    const activity = d.tables[15]!;
    expect(activity).toMatchObject({ nRows: 9, nCols: 5 });
    expect(cellAt(activity, 1, 0)).toMatchObject({ text: '就労移行支援の利用者数', rowSpan: 2 });
    expect(rowTexts(activity, 2)).toEqual(['実績値', '30人', '23人', '—']);
    expect(at(activity, 8, 0)).toBe('施設入所支援の利用者数 ※施設入所者数の削減');
  });

  it('reconciles the malformed rowspan of 協議の場への参加者数 and reports the short rows', () => {
    const d = doc('akishima-6ki-goal-sheets');
    const t = d.tables[19]!;
    expect(t.caption).toBe('【活動指標等の一覧】');
    expect(t.nCols).toBe(6);
    expect(cellAt(t, 0, 0)).toMatchObject({ text: '区分', colSpan: 3 });
    expect(tableToGrid(t)[3]!.map((c) => c?.text ?? null)).toEqual([
      '協議の場への参加者数',
      '保健',
      '見込量',
      '36人',
      '36人',
      null,
    ]);
    expect(tableToGrid(t)[4]!.map((c) => c?.text ?? null)).toEqual([
      '協議の場への参加者数',
      '保健',
      '実績値',
      '11人',
      '30人',
      null,
    ]);
    expect(tableToGrid(t)[5]!.map((c) => c?.text ?? null)).toEqual([
      '協議の場への参加者数',
      '医療:精神科',
      '見込量',
      '6人',
      '6人',
      '6人',
    ]);
    expect(rowTexts(t, 1)).toEqual([
      '保健、医療及び福祉関係者による協議の場の開催回数',
      '見込量',
      '12回',
      '12回',
      '12回',
    ]);
    expect(at(t, 1, 3)).toBe('12回');
    const short = d.issues.filter((i) => i.code === 'HTML_ROW_SHORT');
    expect(short.map((i) => i.where)).toEqual(['table 19 row 3', 'table 19 row 4', 'table 29 row 4', 'table 29 row 5']);
    expect(short.every((i) => i.severity === 'warn')).toBe(true);
    expect(short[0]!.message).toContain('協議の場への参加者数 / 保健 / 見込量');
  });

  it('repairs the spaced headers of the plain TSV sheets and fills their spans', () => {
    const t = doc('akishima-6ki-goal-sheets').tables[0]!;
    expect(t.headerRows).toBe(2);
    expect(rowTexts(t, 0)).toEqual(['項目', '基準値', '区分', '第6期', '比較']);
    expect(cellAt(t, 0, 3)).toMatchObject({ colSpan: 3, rowSpan: 1 });
    expect(cellAt(t, 0, 0)).toMatchObject({ colSpan: 1, rowSpan: 2 });
    expect(rowTexts(t, 1)).toEqual(['R3', 'R4', 'R5']);
    expect(cellAt(t, 2, 0)).toMatchObject({ text: '地域生活移行者数', rowSpan: 2 });
    expect(rowTexts(t, 3)).toEqual(['', '実績値', '0人', '0人', '—', '▲4人']);
    expect(cellAt(t, 3, 6)?.orig).toBe('▲ 4人');
  });
});

describe('iga, inzai, shiroi', () => {
  it('iga: the interleaved lines regrouped into one row per 成果目標', () => {
    const [a, b] = doc('iga-7ki-outcome-targets').tables;
    expect([a!.nRows, a!.nCols, b!.nRows, b!.nCols]).toEqual([4, 3, 2, 3]);
    expect(rowTexts(a!, 0)).toEqual([
      '国の成果目標概要',
      '第7期伊賀市障がい福祉計画',
      '第6期伊賀市障がい福祉計画取組状況',
    ]);
    expect(a!.quality.repairs[0]).toBe('deinterleaveColumns');
    expect(at(a!, 2, 1)).toBe(
      '伊賀圏域体制で保健・医療・福祉関係者による精神障がい者に対応した協議の継続・連携を図り、安心して自分らしい暮らしができるよう、支援体制の強化を図る。 •年6回以上協議',
    );
    expect(at(a!, 3, 0)).toMatch(/^③-1 福祉施設から一般就労への移行等 • 一般就労への移行者数: R3年度の1\. 28倍以上/);
    expect(at(a!, 3, 2)).toContain('【目標値】 • 一般就労移行者数: 1 1 人');
    expect(cellAt(a!, 3, 2)?.orig).toContain('• 一般就労移行者数: 1 1 人');
    expect(at(b!, 1, 0)).toMatch(/^⑦障がい児支援の提供体制の整備等/);
    expect(at(b!, 1, 2)).toMatch(/• 医療的ケア児支援のためのコーディネーター 1人配置$/);
  });

  it('inzai: side-by-side blocks split into sub-tables under their band, <p> cells read as text', () => {
    const d = doc('inzai-6ki-outcome-review');
    expect(d.tables.map((t) => t.parent ?? null)).toEqual([null, 0, 0, 0, 0, 0, 0, 0, 0, null, 9, 9, 9, 9, null]);
    const [outer, first] = d.tables;
    expect(rowTexts(outer!, 0)).toEqual([
      '成果目標',
      '節別',
      '成果目標の概要',
      '実績',
      '実績',
      '課題と今後の実施について',
    ]);
    expect(first).toMatchObject({ caption: '施設入所者の地域生活への移行', headerRows: 1, nRows: 4, nCols: 5 });
    expect(tableToGrid(first!).map((r) => r.map((c) => c?.text))).toEqual([
      ['施設入所者の地域生活への移行', '利用者数(実人)', '2021年度', '2022年度', '2023年度'],
      ['', '計画値', '', '', '4'],
      ['', '実績値', '0', '2', ''],
      ['', '乖離値', '', '', '0.0%'],
    ]);
    // the 第4節 rows stand one column left of their header in the source: moved back under the years
    const second = d.tables[12]!;
    expect(second.caption).toBe('②就労定着支援事業の新規利用者');
    expect(tableToGrid(second).map((r) => r.map((c) => c?.text).slice(1))).toEqual([
      ['利用者数(実人)', '2021年度', '2022年度', '2023年度'],
      ['計画値', '', '', '12'],
      ['実績値', '6', '9', ''],
      ['乖離値', '', '', '0.0%'],
    ]);
    // a block without a title of its own among ②…⑦ is item ①, named by the band's list of items
    expect(d.tables[2]).toMatchObject({ caption: '①精神障害者の地域移行支援利用者数', nCols: 4 });
    const c = d.tables[14]!;
    expect(rowTexts(c, 0)).toEqual([
      '成果目標',
      '節別',
      '成果目標の概要',
      '実績',
      '実績',
      '実績',
      '課題と今後の実施について',
    ]);
    expect(cellAt(c, 1, 0)).toMatchObject({
      text: '■相談支援体制の充実・強化等',
      orig: '<p>■相談支援体制の充実・強化等</p>',
    });
    expect(at(c, 1, 1)).toBe('第6節');
  });

  it('shiroi: pages joined, shifted rows moved, vertical group labels spanned', () => {
    const tables = doc('shiroi-chiiki-houkatsu-progress').tables;
    expect(tables.map((t) => [t.line, t.headerRows, t.nRows])).toEqual([
      [3, 2, 9],
      [13, 2, 46],
    ]);
    const [first, t] = tables;
    // the first page says 2020年度の実績, the next ones 2020 年度の計画案: not the same table
    expect(at(first!, 0, 7)).toBe('2020年度の実績');
    expect(cellAt(t!, 0, 3)).toMatchObject({ text: '年度の進捗目標', colSpan: 3 });
    expect(t!.quality.repairs).toEqual(
      expect.arrayContaining(['fixShiftedRow', 'joinContinuedTables', 'joinVerticalText', 'fillStubSpans']),
    );
    const grid = tableToGrid(t!);
    const row = (id: string) => grid.findIndex((r) => r[1]?.text === id && r[0]?.text !== '');
    // 4-④ stood in the 領域 column: moved under 番号, in the 本人の選択 group
    expect(grid[25]!.map((c) => c?.text).slice(0, 2)).toEqual(['本人の選択・本人家族の心構え', '4-④']);
    expect(at(t!, 25, 3)).toBe('原稿検討');
    // the scrambled piece of the group label on the next page is that label
    expect(cellAt(t!, 17, 0)).toMatchObject({ text: '本人の選択・本人家族の心構え', rowSpan: 10 });
    expect(grid[26]!.map((c) => c?.text).slice(0, 2)).toEqual(['本人の選択・本人家族の心構え', '4-⑤']);
    expect(cellAt(t!, 27, 0)).toMatchObject({ text: '住まいの確保', orig: '住 ま い の 確 保', rowSpan: 2 });
    expect(cellAt(t!, 6, 0)).toMatchObject({ text: '保健・福祉', rowSpan: 11 });
    expect(row('1-⑥')).toBe(2);
  });
});
