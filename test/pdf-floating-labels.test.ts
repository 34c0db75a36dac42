/**
 * Borderless tables whose group labels are centred over an even run of rows: the label stands on a line of its own
 * halfway between the run's two middle rows (pdf/stream.ts, floatingLabelLines), and a header of bare years with
 * 年度 (`6年度 7年度 8年度`). Drawn here (test/pdf-table-maker.ts) in words of no fixture or corpus document.
 */
import { extractDocument } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture, tableObservationLines, tableTexts } from './pipeline.js';

const grid = tableTexts;
const obs = tableObservationLines;

describe.skipIf(!fontAvailable())('labels centred over an even run of rows, on a line of their own', () => {
  const table = {
    before: ['（２）派遣事業の計画と実績（単位：件/年）'],
    headerRows: 1,
    stubCols: 2,
    rows: [
      ['事業', '区分', '令和6年度', '令和7年度', '令和8年度'],
      ['盲ろう者通訳派遣', '計画', '3', '3', '4'],
      [{ text: '手話通訳者派遣', rs: 4 }, '計画', '40', '42', '44'],
      [null, '実績', '38', '', ''],
      [null, '実績見込', '', '41', ''],
      [null, '差', '▲2', '', ''],
      [{ text: '要約筆記者派遣', rs: 2 }, '計画', '12', '13', '14'],
      [null, '実績', '15', '', ''],
      [{ text: '点訳奉仕員派遣', rs: 3 }, '計画', '30', '31', '32'],
      [null, '実績', '29', '', ''],
      [null, '実績見込', '', '33', ''],
    ],
  };

  it('gives each label the rows it is centred on, not the rows under the label before it', async () => {
    const path = await drawTablesPdf('第7期 南風原台町障害福祉計画 進捗状況', [table], 'none', 'floating.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const g = grid(doc.tables[0]!);
    expect(g.map((r) => r[0])).toEqual([
      '事業',
      '盲ろう者通訳派遣',
      '手話通訳者派遣',
      '手話通訳者派遣',
      '手話通訳者派遣',
      '手話通訳者派遣',
      '要約筆記者派遣',
      '要約筆記者派遣',
      '点訳奉仕員派遣',
      '点訳奉仕員派遣',
      '点訳奉仕員派遣',
    ]);
    expect(g[2]).toEqual(['手話通訳者派遣', '計画', '40', '42', '44']);
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('手話通訳者派遣 | 2024 | plan | 40');
    expect(rows).toContain('手話通訳者派遣 | 2024 | actual | 38');
    expect(rows).toContain('手話通訳者派遣 | 2025 | estimate | 41');
    expect(rows).toContain('要約筆記者派遣 | 2024 | plan | 12');
    expect(rows).toContain('要約筆記者派遣 | 2024 | actual | 15');
    expect(rows).toContain('点訳奉仕員派遣 | 2024 | actual | 29');
    expect(rows).toContain('点訳奉仕員派遣 | 2025 | estimate | 33');
  }, 60_000);

  it('keeps a banner over the years and reads a row of bare years with 年度 (`6年度 7年度 8年度`) as a header row', async () => {
    // (事業 and 区分 centred over both header rows stand on a line of their own between the banner and the years)
    const years = {
      ...table,
      headerRows: 2,
      widths: [90, 50, 60, 60, 60],
      rows: [
        [{ text: '事業', rs: 2 }, { text: '区分', rs: 2 }, { text: '第3期計画', cs: 3 }, null, null],
        [null, null, '6年度', '7年度', '8年度'],
        ...table.rows.slice(1),
      ],
    };
    const path = await drawTablesPdf('令和7年度 第7期 南風原台町障害福祉計画 進捗状況', [years], 'none', 'years.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.headerRows).toBe(3);
    const g = grid(t);
    expect(g[0]!.slice(0, 2)).toEqual(['', '']);
    expect(g[0]!.slice(3)).toEqual(['第3期計画', '第3期計画']);
    expect(g[2]!.slice(2)).toEqual(['6年度', '7年度', '8年度']);
    expect(g[4]).toEqual(['手話通訳者派遣', '計画', '40', '42', '44']);
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('手話通訳者派遣 | 2024 | plan | 40');
    expect(rows).toContain('要約筆記者派遣 | 2026 | plan | 14');
    expect(rows).toContain('点訳奉仕員派遣 | 2025 | estimate | 33');
  }, 60_000);

  it('finds the label column from the floating labels when no row has a label of its own', async () => {
    const only = {
      before: ['（３）地域生活支援事業（単位：人/月）'],
      headerRows: 1,
      stubCols: 2,
      rows: [
        ['', '', '令和3年度', '令和4年度', '令和5年度'],
        [{ text: '日常生活訓練支援（人/月）', rs: 4 }, '計画値', '9', '9', '10'],
        [null, '実績', '8', '―', '―'],
        [null, '実績見込', '―', '11', '―'],
        [null, '対計画比', '88.9%', '―', '―'],
      ],
    };
    const path = await drawTablesPdf('第6期 南風原台町障害福祉計画 進捗状況', [only], 'none', 'only.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const g = grid(doc.tables[0]!);
    expect(g.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['日常生活訓練支援(人/月)', '計画値', '9'],
      ['日常生活訓練支援(人/月)', '実績', '8'],
      ['日常生活訓練支援(人/月)', '実績見込', '―'],
      ['日常生活訓練支援(人/月)', '対計画比', '88.9%'],
    ]);
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('日常生活訓練支援 | 2021 | plan | 9');
    expect(rows).toContain('日常生活訓練支援 | 2021 | actual | 8');
    expect(rows).toContain('日常生活訓練支援 | 2022 | estimate | 11');
  }, 60_000);

  it('keeps one table where numbers start in columns that held only missing-value marks above', async () => {
    const marks = {
      before: ['（４）事業別の計画と実績'],
      headerRows: 1,
      stubCols: 2,
      rows: [
        ['区分', '単位', 'A事業R4', 'A事業R5', 'B事業R4', 'B事業R5'],
        ['計画', '件', '12', '13', '－', '－'],
        ['実績', '件', '11', '14', '－', '－'],
        ['計画', '人', '－', '－', '250', '260'],
        ['実績', '人', '－', '－', '248', '271'],
      ],
    };
    const path = await drawTablesPdf('第6期 南風原台町障害福祉計画 進捗状況', [marks], 'none', 'marks.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    expect(grid(doc.tables[0]!).map((r) => r.slice(2).join(' '))).toEqual([
      'A事業R4 A事業R5 B事業R4 B事業R5',
      '12 13 - -',
      '11 14 - -',
      '- - 250 260',
      '- - 248 271',
    ]);
  }, 60_000);
});
