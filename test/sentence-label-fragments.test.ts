/**
 * test/layouts/sentence-label-fragments.txt (a 障がい者施策推進協議会 report written for this test, in other words than
 * the 介護保険 probes the families were found with): family "label fragments from prose" — what a value in a
 * sentence counts is a name, never the sentence itself:
 * - a decimal after the topic's は (`対計画比は94.7％`) is no list number, so the topic does not run to it;
 * - a comparison's connective (`見込量3,600日に対し実績3,410日`) and a rate's kind word (`対計画比`) name nothing:
 *   the value counts what the sentence's topic names;
 * - a measure alone after a topic clause (`生活介護は、月平均利用者数が212人`) counts what the topic names, and the
 *   meeting's title line (`第1回…協議会`) is no lead for it;
 * - particles left where a year went (`…連絡会は令和6年度に定例会を6回`, `令和6年度は登録者86人`) leave the label.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('sentence-label-fragments.txt');
const label = (v: number) => n.observations.find((o) => o.value === v)?.indicator_label;

describe('labels of values in sentences', () => {
  it('labels a plan, a result and a rate compared in one sentence by the sentence topic', () => {
    expect(label(3600)).toBe('短期入所の延べ利用日数');
    expect(label(3410)).toBe('短期入所の延べ利用日数');
    expect(label(94.7)).toBe('短期入所の延べ利用日数');
    expect(n.observations.find((o) => o.value === 94.7)?.value_kind).toBe('achievement_rate');
  });

  it('names a measure after a topic clause by the topic, not by the title line', () => {
    expect(label(212)).toBe('生活介護 利用者数');
  });

  it('drops particles left where a year went', () => {
    expect(label(6)).toBe('相談支援事業所連絡会 定例会');
    expect(label(86)).toBe('登録者');
  });
});
