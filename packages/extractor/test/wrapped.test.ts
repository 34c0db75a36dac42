import { describe, expect, it } from 'vitest';
import { joinWrappedLabels } from '../src/index.js';
import { gridTable, texts } from './helpers.js';

describe('joinWrappedLabels', () => {
  it('gives a bracketed label half on a row of its own back to the label above, and drops the row', () => {
    const t = gridTable(
      [
        ['サービス', '令和5年度', '令和6年度'],
        ['就労継続支援', '310人日分', '320人日分'],
        ['（Ａ型）', '', ''],
        ['', '16人分', '17人分'],
        ['生活介護', '420人分', '430人分'],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    const out = joinWrappedLabels(t);
    expect(texts(out)).toEqual([
      ['サービス', '令和5年度', '令和6年度'],
      ['就労継続支援（Ａ型）', '310人日分', '320人日分'],
      ['', '16人分', '17人分'],
      ['生活介護', '420人分', '430人分'],
    ]);
    expect(out.nRows).toBe(4);
    expect(out.quality.repairs).toEqual(['joinWrappedLabels']);
  });

  it('leaves a label alone on its row that heads the rows below, and a bracketed row holding values', () => {
    const t = gridTable(
      [
        ['サービス', '令和6年度'],
        ['【訪問系】', ''],
        ['居宅介護', '120人分'],
        ['（うち精神）', '30人分'],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    expect(joinWrappedLabels(t)).toBe(t);
  });
});
