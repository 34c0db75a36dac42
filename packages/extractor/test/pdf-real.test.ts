/**
 * Real municipal PDFs, read in place from ../shared/real-pdfs (see SOURCES.md there; never copied into the
 * repository): one table per producer the reader was taught to handle, asserted cell by cell. Every grid was
 * checked by hand against `pdftotext -layout` and the rendered page. Skipped when the folder is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedDocument, Table } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/index.js';
import { rowTexts, texts } from './helpers.js';

const REAL = new URL('../../../../shared/real-pdfs/', import.meta.url).pathname;
const present = existsSync(REAL);
const title = present ? 'real PDFs' : 'real PDFs (skipped: ../shared/real-pdfs is absent)';
const read = (name: string, pages?: number[]) => extractDocument(join(REAL, name), pages ? { pages } : {});

/** The table whose first row is `head` (joined with |). */
function tableWithHead(doc: ExtractedDocument, head: string): Table {
  const t = doc.tables.find((x) => texts(x)[0]?.join('|') === head);
  if (!t) throw new Error(`no table with head ${head}: ${doc.tables.map((x) => texts(x)[0]?.join('|')).join(' / ')}`);
  return t;
}

describe.skipIf(!present)(title, () => {
  it('DocuWorks budget book: the small 千円 over the first amounts is the table unit, not part of the cells', async () => {
    const doc = await read('fuji_r6_budget.pdf', [154]);
    const t = tableWithHead(doc, '目|本年度予算額|前年度予算額|比較');
    expect(t.method).toBe('lattice');
    expect(t.unitHint).toBe('千円');
    expect(t.headerRows).toBe(1);
    expect(texts(t)).toEqual([
      ['目', '本年度予算額', '前年度予算額', '比較'],
      ['1 滞納処分費', '1,030', '1,030', '0'],
      ['2 弁償金', '65', '79', '△14'],
      ['3 違約金及び延納利息', '1', '1', '0'],
      ['4 障害者福祉費納付金', '196,527', '192,845', '3,682'],
      ['5 環境対策費納付金', '8,057', '8,086', '△29'],
      ['6 雑入', '2,955,223', '2,206,437', '748,786'],
    ]);
  }, 60_000);

  it('DocuWorks budget book: labels set with spaces over one or two lines read as words; unit and title', async () => {
    const doc = await read('fuji_r6_budget.pdf', [12]);
    const t = tableWithHead(doc, '起債の目的|限度額|起債の方法|利率|償還の方法');
    expect(t.unitHint).toBe('千円');
    expect(t.caption).toBe('第3表 地方債');
    const grid = texts(t);
    expect(grid.map((r) => r.slice(0, 2))).toEqual([
      ['起債の目的', '限度額'],
      ['財産管理事業', '17,700'],
      ['庁舎改修事業', '38,900'],
      ['ワークプレイス改善事業', '50,900'],
      ['庁内ネットワーク更新事業', '42,300'],
      ['市民交流施設改修事業', '10,700'],
      ['まちづくりセンター改修事業', '233,200'],
      ['社会福祉センター改修事業', '23,000'],
      ['保育園施設等改修事業', '26,100'],
      ['私立保育園等整備費補助事業', '61,100'],
      ['ふじやま学園改修事業', '6,400'],
      ['救急医療センター改修事業', '28,000'],
      ['看護専門学校改修事業', '3,700'],
      ['クリーンセンターききょう改修事業', '128,000'],
      ['中野台下水処理施設改修事業', '6,200'],
      ['富士・愛鷹山麓地域環境保全事業', '315,000'],
      ['勤労者総合福祉センター解体事業', '104,700'],
      ['農道等整備事業', '63,000'],
      ['林道等整備事業', '66,000'],
      ['産業交流展示場改修事業', '13,300'],
      ['急傾斜地整備事業', '15,000'],
      ['道路整備事業', '957,600'],
      ['河川整備事業', '269,500'],
    ]);
    expect(grid[1]!.slice(2)).toEqual([
      '証書借入又は証券発行',
      '5.0%以内 (ただし、利率見直し方式で借り入れる資金について、利率の見直しを行った後においては、当該見直し後の利率)',
      '借入先の融資条件に従う。ただし、市財政の都合により据置期間中でも繰上償還をなし又は償還期限を短縮し若しくは低利に借換えすることができる。',
    ]);
    for (const row of grid.slice(2)) expect(row.slice(2)).toEqual(['同上', '同上', '同上']);
  }, 60_000);

  it('Excel 2016: a cell text drawn two dozen times over itself reads once', async () => {
    const doc = await read('tokyo_sokuhou_20210401.pdf');
    const t = tableWithHead(doc, '検査実施件数 3月29日※1');
    expect(texts(t)).toEqual([['検査実施件数 3月29日※1'], ['10,760 ※2']]);
    expect(doc.pages[0]!.spans.filter((s) => s.text === '※2')).toHaveLength(2);
  });

  it('pdfFactory: a column of one-glyph values (男/女 row under row) is no vertical word', async () => {
    const doc = await read('osaka_covid_20210407.pdf', [2]);
    const t = tableWithHead(doc, '重症|重症|重症|重症');
    expect(t.headerRows).toBe(2);
    expect(texts(t)).toEqual([
      ['重症', '重症', '重症', '重症'],
      ['', '年代', '性別', '基礎疾患'],
      ['1', '80', '女', ''],
      ['2', '50', '男', ''],
      ['3', '80', '男', ''],
      ['4', '50', '女', '〇'],
      ['5', '40', '男', ''],
      ['6', '50', '男', ''],
      ['7', '50', '男', '〇'],
      ['8', '50', '女', ''],
      ['9', '80', '女', ''],
      ['10', '60', '女', ''],
      ['11', '40', '男', ''],
      ['12', '70', '男', ''],
      ['13', '70', '男', ''],
      ['14', '40', '女', ''],
      ['15', '60', '男', ''],
      ['16', '80', '女', '〇'],
      ['17', '60', '男', '〇'],
      ['18', '80', '男', ''],
      ['19', '70', '女', '〇'],
      ['20', '30', '男', ''],
    ]);
    const units = tableWithHead(doc, '|検査件数');
    expect(texts(units)).toEqual([
      ['', '検査件数'],
      ['総数', '10,242件'],
      ['PCR', '7,946件'],
      ['抗原検査', '2,946件'],
    ]);
  });

  it('pdfFactory: CJK radicals in the text layer read as kanji (河内⻑野市 → 河内長野市)', async () => {
    const doc = await read('osaka_covid_20210407.pdf', [2]);
    const t = tableWithHead(doc, '市町村|発生者数|累計|市町村|発生者数|累計');
    const note = '※上記には集団発生による陽性者を含む。';
    expect(texts(t)).toEqual([
      ['市町村', '発生者数', '累計', '市町村', '発生者数', '累計'],
      ['大阪市', '365', '24,836', '羽曳野市', '12', '436'],
      ['堺市', '73', '3,621', '門真市', '7', '825'],
      ['岸和田市', '17', '916', '摂津市', '2', '409'],
      ['豊中市', '47', '1,996', '高石市', '3', '384'],
      ['池田市', '4', '534', '藤井寺市', '5', '264'],
      ['吹田市', '23', '1,685', '東大阪市', '58', '3,699'],
      ['泉大津市', '6', '380', '泉南市', '1', '254'],
      ['高槻市', '18', '1,463', '四條畷市', '8', '277'],
      ['貝塚市', '7', '366', '交野市', '7', '291'],
      ['守口市', '9', '1,008', '大阪狭山市', '2', '245'],
      ['枚方市', '27', '1,906', '阪南市', '1', '204'],
      ['茨木市', '22', '1,294', '島本町', '1', '87'],
      ['八尾市', '34', '1,584', '豊能町', '2', '70'],
      ['泉佐野市', '2', '363', '能勢町', '0', '47'],
      ['富田林市', '7', '501', '忠岡町', '1', '89'],
      ['寝屋川市', '9', '1,389', '熊取町', '2', '175'],
      ['河内長野市', '3', '357', '田尻町', '1', '26'],
      ['松原市', '15', '676', '岬町', '0', '49'],
      ['大東市', '15', '797', '太子町', '0', '29'],
      ['和泉市', '13', '816', '河南町', '1', '50'],
      ['箕面市', '13', '551', '千早赤阪村', '0', '6'],
      ['柏原市', '10', '338', '大阪府外', '24', '1,316'],
      [note, note, note, '(うちオンライン診療)', '(5)', '(63)'],
      [note, note, note, '調査中', '1', '17'],
      [note, note, note, '合計', '878', '56,626'],
    ]);
    expect(t.cells.find((c) => c.text === '河内長野市')?.orig).toBe('河内\u2ed1野市');
  });

  it('PrimoPDF (an Excel sheet printed whole): one table per title row, labels beside a margin column, units in headers', async () => {
    const doc = await read('kobe_soukatsuhyou20.pdf', [1]);
    const first = doc.tables.filter((t) => t.page === 1).map((t) => rowTexts(t, 0).join(' | '));
    expect(first).toEqual([
      '農家世帯数及び農家人口(H19年8月1日)〈P10、11〉',
      '都市計画区域(H20年4月末)〈P61〉 | 経営耕地面積(H20年1月1日)〈P3、4〉',
      '耕地の利用状況(H19年)〈P9〉',
      '気象(神戸)〈P70〉 | 市内総生産額(H17年度)〈P16〉',
      '市内農業産出額(H18年度)〈P17、18〉 (単位百万円)',
      '農産物の生産規模(H19年度)〈P19、20〉',
      '(野菜)〈P21~22〉',
      '(うち施設野菜)〈P23、24〉',
    ]);
    const t = doc.tables[0]!;
    expect(t.nRows).toBe(6);
    expect(Array.from({ length: t.nRows }, (_, r) => rowTexts(t, r))).toEqual([
      ['農家世帯数及び農家人口(H19年8月1日)〈P10、11〉'],
      [
        '',
        '総世帯数 (戸)',
        '農家世帯数 (戸)',
        '専業農家 (戸)',
        '第I種兼業 (戸)',
        '第II種兼業 (戸)',
        '農家世帯割合 (%)',
        '総人口 (人)',
        '農家人口 (人)',
        '農家人口の割合 (%)',
      ],
      ['北区', '84,855', '2,359', '232', '308', '1,819', '2.8', '226,351', '9,344', '4.1'],
      ['西区', '90,835', '3,620', '922', '640', '2,058', '4.0', '247,968', '15,101', '6.1'],
      ['垂水区他須磨区', '482,846', '234', '3', '14', '217', '0.0', '1,056,017', '903', '0.1'],
      ['全市', '658,536', '6,213', '1,157', '962', '4,094', '0.9', '1,530,336', '25,348', '1.7'],
    ]);
    // Each label cell and each value cell is one cell of the row (no label cell swallowing the rows under it).
    expect(t.cells.filter((c) => c.rowSpan > 1)).toEqual([]);
  });

  it('PrimoPDF: a page whose text layer is mojibake is marked for OCR and gives no table; the readable page does', async () => {
    const doc = await read('kobe_H27soukatsuhyou.pdf');
    expect(doc.issues.map((i) => `${i.code} ${i.where}`)).toEqual(['PAGE_TEXT_UNUSABLE page 1']);
    expect(doc.pages.map((p) => !!p.needsOcr)).toEqual([true, false]);
    expect(doc.pages[0]!.lines).toEqual([]);
    expect(doc.tables.every((t) => t.page === 2)).toBe(true);
    expect(doc.blocks.every((b) => b.page === 2)).toBe(true);
    expect(doc.tables.length).toBeGreaterThan(0);
  });
});
