/**
 * Evidence of the confidence model that does not depend on a document's words: two readings of one fact that
 * disagree (collisions), a path of rules the calibration never measured (novelty), a label holding a number.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import {
  assignConfidence,
  type ConfidenceModel,
  confidenceContext,
  confidenceFeatures,
  rulePairs,
} from '../src/confidence.js';

const base: Observation = {
  municipality_code: '131001',
  municipality_name: '某市',
  prefecture: null,
  plan: null,
  plan_period: null,
  section: null,
  indicator_id: null,
  indicator_label: '居宅介護',
  subgroup: null,
  measure: '利用者数',
  unit: 'person/month',
  unit_text: '人',
  period_kind: 'fy',
  fiscal_year: 2024,
  period_start: null,
  period_end: null,
  value_kind: 'plan',
  value: 10,
  value_text: '10',
  qualifier: null,
  page: 1,
  table_index: 0,
  row: 1,
  col: 1,
  confidence: 1,
  warnings: [],
  rules: ['kind.column', 'period.column'],
  reader: 'table',
};
const obs = (o: Partial<Observation>): Observation => ({ ...base, ...o });

describe('collisions: one fact read with two values', () => {
  it('marks both observations of a fact stated twice with different values', () => {
    const a = obs({ value: 10 });
    const b = obs({ value: 12, col: 2 });
    const c = obs({ value: 10, fiscal_year: 2025, col: 3 });
    const ctx = confidenceContext([a, b, c]);
    expect(confidenceFeatures(a, undefined, ctx)).toContain('collides');
    expect(confidenceFeatures(b, undefined, ctx)).toContain('collides');
    // another year is another fact
    expect(confidenceFeatures(c, undefined, ctx)).not.toContain('collides');
    // two of the table's three observations collide
    expect(confidenceFeatures(c, undefined, ctx)).toContain('table:collisions');
  });
  it('does not mark a fact restated with the same value, nor a plan and an estimate … of other facts', () => {
    const a = obs({ value: 10 });
    const b = obs({ value: 10, table_index: 1 });
    const c = obs({ value: 11, value_kind: 'actual' });
    const d = obs({ value: 12, section: '別の圏域' });
    const ctx = confidenceContext([a, b, c, d]);
    for (const o of [a, b, c, d]) expect(confidenceFeatures(o, undefined, ctx)).not.toContain('collides');
  });
  it('counts a plan and the estimate of the same year as two facts (a table may give both)', () => {
    const a = obs({ value: 10, value_kind: 'plan' });
    const b = obs({ value: 11, value_kind: 'estimate' });
    expect(confidenceContext([a, b]).collides.size).toBe(0);
  });
});

describe('novelty: rules the calibration did not measure', () => {
  const seen = {
    rules: new Set(['kind.column', 'period.column', 'label.heading']),
    pairs: new Set(['kind.column|period.column']),
  };
  it('lists the rules and their pairs sorted', () => {
    expect(rulePairs({ rules: ['period.column', 'kind.column', 'period.column'] })).toEqual({
      rules: ['kind.column', 'period.column'],
      pairs: ['kind.column|period.column'],
    });
  });
  it('flags an unmeasured rule, and measured rules never measured together', () => {
    expect(confidenceFeatures(obs({}), undefined, undefined, seen).filter((f) => f.startsWith('novel'))).toEqual([]);
    expect(confidenceFeatures(obs({ rules: ['kind.column', 'period.heading'] }), undefined, undefined, seen)).toEqual(
      expect.arrayContaining(['novel:rule', 'novel:pair']),
    );
    const pair = confidenceFeatures(obs({ rules: ['kind.column', 'label.heading'] }), undefined, undefined, seen);
    expect(pair).toContain('novel:pair');
    expect(pair).not.toContain('novel:rule');
  });
  it('lowers the confidence through the model that lists what it measured', () => {
    const model: ConfidenceModel = {
      trainedOn: 'test',
      intercept: 5,
      weights: { 'novel:pair': -4 },
      calibration: [
        [0, 0.6],
        [0.9, 0.95],
        [0.99, 0.995],
      ],
      seen: { rules: ['kind.column', 'label.heading', 'period.column'], pairs: ['kind.column|period.column'] },
    };
    const measured = obs({});
    const novel = obs({ rules: ['kind.column', 'label.heading'], col: 2, fiscal_year: 2025 });
    assignConfidence([measured, novel], new Map(), model);
    expect(measured.confidence).toBe(0.995);
    expect(novel.confidence).toBe(0.6);
  });
});

describe('a label holding a number', () => {
  it('is evidence of a cell cut in the wrong place', () => {
    expect(confidenceFeatures(obs({ indicator_label: '一般就労移行者数 1.3倍以上' }))).toContain('label:number');
    expect(confidenceFeatures(obs({ indicator_label: '第１号被保険者数' }))).toContain('label:number');
    expect(confidenceFeatures(obs({}))).not.toContain('label:number');
  });
});
