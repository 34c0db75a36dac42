/**
 * A row name ending in a kind word whose value takes another kind from its column: the word names what the row is
 * about, not the value's kind, and stays in the label (real-kobe-youkou-h29: `運営実績` over a 配点 column read as
 * `運営`; here a tender's 審査項目 `受託実績`, `地域貢献実績`). Where the row's kind word is the value's kind
 * (`相談件数実績` under years), it is read off the label as before.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('審査項目 named …実績 over a 配点 column', () => {
  const n = normalizeLayout('scoring-sheet-track-record.md');
  const of = (v: number) => n.observations.find((o) => o.value === v);

  it('keeps 実績 in the label of a point the column makes a plan', () => {
    // (the row's 審査の視点 follows its name in the label, as before)
    expect(of(25)?.indicator_label).toMatch(/^受託実績 /u);
    expect(of(15)?.indicator_label).toMatch(/^地域貢献実績 /u);
    expect(of(40)?.indicator_label).toMatch(/^提案内容 /u);
    for (const v of [25, 15, 40]) expect(of(v)?.value_kind).toBe('plan');
  });

  it('still reads 実績 as the kind where it is the value’s kind', () => {
    expect(of(342)).toMatchObject({ indicator_label: '相談件数', value_kind: 'actual', fiscal_year: 2023 });
  });
});
