import { describe, expect, it } from 'vitest';
import { detectHeaderRows, joinStrayQualifiers } from '../src/index.js';
import { gridTable, texts } from './helpers.js';

describe('joinStrayQualifiers', () => {
  it('gives a bound cut into a cell of its own back to its number, and moves the row back under its header', () => {
    const t = gridTable(
      [
        ['項目', '目標値', 'R3実績', 'R4実績', ''],
        ['移行者数', '6人', '以上', '5人', '7人'],
        ['定着者数', '4人以上', '3人', '4人', ''],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    const out = joinStrayQualifiers(t);
    expect(texts(out).slice(1)).toEqual([
      ['移行者数', '6人以上', '5人', '7人', ''],
      ['定着者数', '4人以上', '3人', '4人', ''],
    ]);
    expect(out.quality.repairs).toEqual(['joinStrayQualifiers']);
  });

  it('leaves a row that fits its header', () => {
    const t = gridTable(
      [
        ['項目', '目標値', '区分'],
        ['移行者数', '6人', '以上'],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    expect(joinStrayQualifiers(t)).toBe(t);
  });
});

describe('detectHeaderRows', () => {
  it('reads `年4回` and `年 6 回` as values, not as a second header row', () => {
    const t = gridTable([
      ['項目', 'R3実績', 'R4実績'],
      ['協議の場の開催回数', '年4回', '年 6 回'],
      ['参加者数', '9人', '10人'],
    ]);
    expect(detectHeaderRows(t).headerRows).toBe(1);
  });
});
