import { describe, expect, it } from 'vitest';
import { isDatedCount } from '../src/text.js';

// One predicate for "a count after its date is a value" (it was two, `datesCount` and `isDatedCount`, written on two
// branches: header rows asked either, the scrambled-word check only the second).
describe('isDatedCount', () => {
  it.each([
    '令和4年度末 248人',
    '令和5年6月末の入院患者数 286 人',
    '令和8年度末に135人以下',
    '2023年度 月5人',
    'R8年度末までに 15人以上',
    'H29年度 12か所',
    '令和 4 年度末 248 人',
    '平成30年度 2割',
    '令和6年度 1.28倍',
    '令和5年度 350円',
  ])('%s is a count with its date', (text) => {
    expect(isDatedCount(text)).toBe(true);
  });

  it.each([
    '令和6年4月1日',
    '令和5年度',
    '第1回 令和5年度',
    '令和5年度 1人当たり',
    '2023年度 1件毎',
    '定員30人以上の施設',
    'ABS12年 5人',
  ])('%s is not', (text) => {
    expect(isDatedCount(text)).toBe(false);
  });
});
