/**
 * test/layouts/minute-spoken-turns.txt (written for this test, in other words than 釧路市's minute of the
 * shogai-7ki-kaigiroku-qa fixture: another city, a 介護保険 committee, other services): family "numbers in spoken
 * turns of a minute" — the numbers are said by the secretariat in です・ます, after a speaker mark (`○事務局（…）`).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('minute-spoken-turns.txt');
const find = (value: number) => n.observations.find((o) => o.value === value);

describe('numbers in the spoken turns of a minute', () => {
  it('reads a count that is the subject of the goal (`…1,200人が参加することを目標にしております`) as a target', () => {
    expect(find(1200)).toMatchObject({ value_kind: 'target', fiscal_year: 2026, unit: 'person' });
  });

  it('does not carry the target word of one sentence (`目標である900人`) into the next sentence', () => {
    expect(find(900)).toMatchObject({ value_kind: 'target', fiscal_year: 2024 });
    expect(find(64)).toMatchObject({ value_kind: 'actual', fiscal_year: 2024, unit: 'person/month' });
  });

  it('reads `昨年度と比べて事業所は1か所減っております` as a difference of −1', () => {
    expect(find(11)).toMatchObject({ value_kind: 'actual', fiscal_year: 2024, unit: 'facility' });
    expect(n.observations.filter((o) => o.value_kind === 'deviation').map((o) => [o.value, o.unit])).toEqual([
      [-1, 'facility'],
    ]);
  });

  it('starts a label after the speaker mark, and not with what an earlier turn spoke of', () => {
    for (const o of n.observations) expect(o.indicator_label).not.toMatch(/事務局|委員|会長|主査|課長|ただいま/u);
    expect(find(1200)?.indicator_label).toContain('通いの場');
    expect(find(11)?.indicator_label).toBe('市内の小規模多機能型居宅介護事業所');
    expect(find(210)).toMatchObject({ value_kind: 'actual', fiscal_year: 2024, unit: 'person/month' });
    expect(find(210)?.indicator_label).toContain('訪問看護');
    expect(find(210)?.indicator_label).not.toContain('待機者');
  });

  it("reads `15事業所となっております` as a count of establishments, its label without the topic's は", () => {
    expect(find(15)).toMatchObject({
      value_kind: 'actual',
      unit: 'facility',
      indicator_label: '見守り協定を結んだ事業所',
    });
  });

  it('counts the plan beside a monthly result per month (`月平均利用者数が64人で、見込量の70人に届きませんでした`)', () => {
    expect(find(70)).toMatchObject({ value_kind: 'plan', fiscal_year: 2024, unit: 'person/month' });
  });
});
