import { describe, expect, it } from 'vitest';
import { deinterleaveColumns, looksInterleaved } from '../src/index.js';
import { gridTable, texts } from './helpers.js';

const lines = [
  ['施策', '現状と課題', '今後の取組'],
  ['(1)相談支援体制の充実', '基幹相談支援センターを中心に相談に応じて', '相談支援専門員の研修を年4回開催し、地域の'],
  ['・事業所数:', 'いるが、相談件数の増加に対応する人員が不', '相談支援事業所との連携を強化する。'],
  ['令和5年度 8か所', '足している。', '【目標値】'],
  ['', '', '・研修:年4回'],
  ['(2)地域移行の推進', '長期入院者の退院後の住まいの確保が課題で', 'グループホームの整備を支援し、地域移行者'],
  ['・移行者数:', 'あり、受入れ先が不足している。', '数の増加を図る。'],
];

describe('deinterleaveColumns', () => {
  it('detects columns written line by line', () => {
    expect(looksInterleaved(gridTable(lines))).toBe(true);
  });

  it('regroups the lines into one row per numbered item, joining each column', () => {
    const out = deinterleaveColumns(gridTable(lines));
    expect(texts(out)).toEqual([
      ['施策', '現状と課題', '今後の取組'],
      [
        '(1)相談支援体制の充実 ・事業所数: 令和5年度 8か所',
        '基幹相談支援センターを中心に相談に応じているが、相談件数の増加に対応する人員が不足している。',
        '相談支援専門員の研修を年4回開催し、地域の相談支援事業所との連携を強化する。 【目標値】 ・研修:年4回',
      ],
      [
        '(2)地域移行の推進 ・移行者数:',
        '長期入院者の退院後の住まいの確保が課題であり、受入れ先が不足している。',
        'グループホームの整備を支援し、地域移行者数の増加を図る。',
      ],
    ]);
    expect(out.cells.find((c) => c.row === 2 && c.col === 1)?.orig).toBe(
      '長期入院者の退院後の住まいの確保が課題で\nあり、受入れ先が不足している。',
    );
    expect(out.quality.repairs).toEqual(['deinterleaveColumns']);
  });

  it('leaves tables of short labels and numbers alone', () => {
    const t = gridTable([
      ['区分', 'R6', 'R7'],
      ['居宅介護', '160', '168'],
      ['重度訪問介護', '9', '10'],
      ['同行援護', '24', '25'],
      ['行動援護', '12', '13'],
    ]);
    expect(looksInterleaved(t)).toBe(false);
    expect(deinterleaveColumns(t)).toBe(t);
  });
});
