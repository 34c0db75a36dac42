/**
 * A table without rulings whose group labels stand over the first column of their group (a service's name over the
 * first of its year columns), drawn here (test/pdf-table-maker.ts) in words of no fixture or corpus document.
 */
import { extractDocument } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture, tableObservationLines, tableTexts } from './pipeline.js';

const grid = tableTexts;
const obs = tableObservationLines;

describe.skipIf(!fontAvailable())('group labels over the first column of their group', () => {
  const table = {
    before: ['（３）相談支援の見込量と実績（単位：人/月）'],
    headerRows: 2,
    stubCols: 1,
    rows: [
      ['', '計画相談支援', '', '', '地域移行支援', '', ''],
      ['区分', '令和6年度', '令和7年度', '令和8年度', '令和6年度', '令和7年度', '令和8年度'],
      ['見込量', '310', '322', '335', '4', '5', '5'],
      ['実績', '298', '', '', '3', '', ''],
    ],
  };

  it('spans each label over its run of columns, not the second over all the columns left free', async () => {
    const path = await drawTablesPdf('第7期 北見台町障害福祉計画 進捗状況', [table], 'none', 'group-first.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    expect(grid(doc.tables[0]!)[0]).toEqual([
      '',
      '計画相談支援',
      '計画相談支援',
      '計画相談支援',
      '地域移行支援',
      '地域移行支援',
      '地域移行支援',
    ]);
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('計画相談支援 | 2025 | plan | 322');
    expect(rows).toContain('計画相談支援 | 2026 | plan | 335');
    expect(rows).toContain('地域移行支援 | 2024 | actual | 3');
    expect(rows).toContain('地域移行支援 | 2024 | plan | 4');
    expect(rows).toHaveLength(8);
  }, 60_000);
});
