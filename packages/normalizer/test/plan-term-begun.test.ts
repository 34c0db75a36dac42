/**
 * A bare `第N期計画` in a document that names no plan is the term of the plan its words are about — among the plans
 * whose N-th term has begun by the years the document writes (issue 12: a `第9期計画` of a 介護保険 table read as
 * 障害福祉計画's 2030–2032, so the later years' defaulted results were doubted against the wrong period).
 */
import { describe, expect, it } from 'vitest';
import { detectPlan } from '../src/context.js';

describe('detectPlan: a bare term read as a plan that has begun', () => {
  it('takes 介護保険事業計画 for a ninth term in a 令和6年度 document whose words lean to 障害', () => {
    const text = [
      '障害のある方の高齢化と障害福祉サービスの状況',
      '65歳以上の障害者が利用する介護保険サービス',
      '第9期計画 令和6年度 令和7年度',
    ].join('\n');
    expect(detectPlan(text)).toEqual({ plan: '第9期介護保険事業計画', start: 2024, end: 2026 });
  });
  it('keeps the plan of the words when its term has begun', () => {
    const text = ['障害福祉サービスの利用状況', '第7期計画 令和6年度 令和7年度'].join('\n');
    expect(detectPlan(text)).toEqual({ plan: '第7期障害福祉計画', start: 2024, end: 2026 });
    // (the next term, announced a year ahead, has begun by then)
    expect(detectPlan(['障害者の地域生活', '第8期計画の策定に向けて 2026年度'].join('\n'))).toEqual({
      plan: '第8期障害福祉計画',
      start: 2027,
      end: 2029,
    });
  });
  it('keeps the plan of the words when no year is written, or when neither term has begun', () => {
    expect(detectPlan('障害福祉サービス 第9期計画の見込量')).toEqual({
      plan: '第9期障害福祉計画',
      start: 2030,
      end: 2032,
    });
    expect(detectPlan(['障害福祉サービス', '第12期計画 令和6年度'].join('\n'))).toEqual({
      plan: '第12期障害福祉計画',
      start: 2039,
      end: 2041,
    });
  });
});
