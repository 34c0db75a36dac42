import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/record-lines.txt (鶴岡市, written for this test): the family "a record line = year + (kind word,
// number)+ pairs" that the 焼津市 blind fixture showed, in other words — other kind words (見込量, 実績見込, 対計画比,
// 乖離), other separators (slashes, commas and colons, `=`), units after the numbers, record lines joined into one
// bullet, written one to a paragraph under the line that names them, or on the same line as the name.
const n = normalizeLayout('record-lines.txt');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('record lines: a year, then kind words each followed by its number', () => {
  it('reads every number by its own kind word, under the head that names the service and its unit', () => {
    expect(n.observations.map(row)).toEqual([
      // `R5年度：見込量 412 / 実績見込 398 / 対計画比 96.6 / 乖離 ▲14` under `●訪問入浴介護（単位：回／月）`
      ['訪問入浴介護', 2023, 'plan', 412, 'time/month'],
      ['訪問入浴介護', 2023, 'estimate', 398, 'time/month'],
      // a rate written without `%` is in percent, not in 回/月
      ['訪問入浴介護', 2023, 'achievement_rate', 96.6, 'percent'],
      ['訪問入浴介護', 2023, 'deviation', -14, 'time/month'],
      ['訪問入浴介護', 2024, 'plan', 430, 'time/month'],
      ['訪問入浴介護', 2024, 'estimate', 447, 'time/month'],
      ['訪問入浴介護', 2024, 'achievement_rate', 104, 'percent'],
      // a difference written with no sign and two digits is a value, not a section number
      ['訪問入浴介護', 2024, 'deviation', 17, 'time/month'],
      // one record per paragraph, the name on the line above: `令和5年度、計画：96人、実績：91人、差：▲5人`
      ['小規模多機能型居宅介護', 2023, 'plan', 96, 'person/month'],
      ['小規模多機能型居宅介護', 2023, 'actual', 91, 'person/month'],
      ['小規模多機能型居宅介護', 2023, 'deviation', -5, 'person/month'],
      ['小規模多機能型居宅介護', 2024, 'plan', 104, 'person/month'],
      ['小規模多機能型居宅介護', 2024, 'actual', 99, 'person/month'],
      ['小規模多機能型居宅介護', 2024, 'deviation', -5, 'person/month'],
      // the name and one record on one line, `=` between word and number; no unit is written for the counts
      ['夜間対応型訪問介護', 2025, 'plan', 38, null],
      ['夜間対応型訪問介護', 2025, 'actual', 41, null],
      ['夜間対応型訪問介護', 2025, 'achievement_rate', 107.9, 'percent'],
      ['夜間対応型訪問介護', 2025, 'deviation', 3, null],
    ]);
  });

  it('traces each number to the record rules', () => {
    for (const o of n.observations) expect(o.rules).toContain('kind.record-word');
    expect(n.observations[2]!.rules).toContain('unit.record-head');
  });
});

describe('not record lines', () => {
  it('leaves a sentence with a year and one kind word to the prose rules', async () => {
    const { normalizeDocument } = await import('@shiryo/normalizer');
    const { extractText } = await import('@shiryo/extractor');
    const doc = extractText('令和6年度の実績は、相談件数 214件、うち訪問 38件でした。\n', 'x.txt');
    const obs = normalizeDocument(doc).observations;
    expect(obs.map((o) => o.value)).toEqual([214, 38]);
    for (const o of obs) expect(o.rules).not.toContain('kind.record-word');
  });
});
