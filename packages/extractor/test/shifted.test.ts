import { describe, expect, it } from 'vitest';
import { fixShiftedRow } from '../src/index.js';
import { gridTable, texts } from './helpers.js';

describe('fixShiftedRow', () => {
  const rows = [
    ['基本目標', '番号', '取組', '指標', 'R5実績', 'R6実績'],
    ['1 地域生活の支援', '1-①', '日中一時支援の実施', '利用者数(人/年)', '41', '44'],
    ['', '1-②', '移動支援の実施', '利用時間(時間/年)', '3,820', '4,015'],
    ['1-③', '短期入所の確保', '利用日数(日/月)', '310', '326', ''],
    ['2 相談支援', '2-①', '基幹相談支援センター', '相談件数(件/年)', '1,204', '1,310'],
  ];

  it('moves a row whose id sits left of the id column back under it', () => {
    const out = fixShiftedRow(gridTable(rows));
    expect(texts(out)[3]).toEqual(['', '1-③', '短期入所の確保', '利用日数(日/月)', '310', '326']);
    expect(texts(out)[2]).toEqual(rows[2]);
    expect(out.quality.repairs).toEqual(['fixShiftedRow']);
  });

  it('refuses a move that would push text off the grid, and tables without an id column', () => {
    const full = rows.map((r, i) => (i === 3 ? [...r.slice(0, 5), '999'] : r));
    const t = gridTable(full);
    expect(fixShiftedRow(t)).toBe(t);
    const noIds = gridTable(rows.map((r) => [r[0]!, r[2]!, r[4]!]));
    expect(fixShiftedRow(noIds)).toBe(noIds);
  });
});
