import { describe, expect, it } from 'vitest';
import { isScrambledText, joinSplitHeaderWords, joinSplitWords } from '../src/index.js';
import { gridTable, texts } from './helpers.js';

describe('joinSplitWords', () => {
  it.each([
    ['精神障 害者保 健福祉 手帳', '精神障害者保健福祉手帳'],
    ['身体 障害者 手帳', '身体障害者手帳'],
    ['延べ利用件 数(件/年)', '延べ利用件数(件/年)'],
    ['療育 手帳 (知的)', '療育手帳 (知的)'],
    ['聴覚・ 平衡', '聴覚・平衡'],
    ['自立支援 医療(精神 通院)', '自立支援医療(精神通院)'],
    ['18歳 未満', '18歳未満'],
    ['サービス 支給決定者', 'サービス支給決定者'],
  ])('joins %s', (input, output) => {
    expect(joinSplitWords(input)).toBe(output);
  });

  it.each([
    '・65歳以上 ・65歳未満',
    '【目標値】 地域生活移行者数 (B)',
    '利用実人数 (人/月)',
    '身体 知的 精神',
    '計画 実績',
    '【参考】 ケア・サポートいわはな 延べ利用時間(時間/年)',
    '人本 家族の 選択 ・ 本',
  ])('keeps %s', (input) => {
    expect(joinSplitWords(input)).toBe(input);
  });
});

describe('isScrambledText', () => {
  it('tells scrambled vertical text from a label wrapped at a fixed width', () => {
    expect(isScrambledText('人本 家族の 選択 ・ 本')).toBe(true);
    expect(isScrambledText('ケ福害計第 ー祉福画2 ト計祉実回 調画計績 査策画報 に定・告 つに第及')).toBe(true);
    expect(isScrambledText('精神障 害者保 健福祉 手帳')).toBe(false);
    expect(isScrambledText('住 ま い の 確 保')).toBe(false);
    expect(isScrambledText('身体 障害者 手帳')).toBe(false);
    expect(isScrambledText('R3年度 R4年度 R5年度 R6年度')).toBe(false);
    // a count after its date, spaced among kanji by the producer, is a value
    expect(isScrambledText('令和 4 年度末 180 人')).toBe(false);
    expect(isScrambledText('令和 5 年 4 月 1 日 2 か所')).toBe(false);
  });
});

describe('joinSplitHeaderWords', () => {
  it('joins header and stub cells only, and records itself only when it changed something', () => {
    const t = gridTable(
      [
        ['現在', '身体 障害者 手帳', '精神障 害者保 健福祉 手帳'],
        ['延べ利用 件数', '1 2', '施設 入所'],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    const out = joinSplitHeaderWords(t);
    expect(texts(out)).toEqual([
      ['現在', '身体障害者手帳', '精神障害者保健福祉手帳'],
      ['延べ利用件数', '1 2', '施設 入所'],
    ]);
    expect(out.cells.find((c) => c.row === 0 && c.col === 1)?.orig).toBe('身体 障害者 手帳');
    expect(out.quality.repairs).toEqual(['joinSplitHeaderWords']);
    expect(joinSplitHeaderWords(out)).toBe(out);
  });
});
