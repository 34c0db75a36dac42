/**
 * test/layouts/kanji-listing-prose.txt (written for this test, in other words than the 越前市 blind fixture
 * shogaiji-3ki-prose-kanji-numerals): two families of a plan chapter typeset vertically and copied as text.
 * - "kanji numerals in plan prose": sections numbered `一　…`, `二　…` are headings (extractor blocks.ts) whose number
 *   is no part of a label (labels.ts stripNumbering); `一箇所以上` is one place (a lone 一 before a count of places is
 *   no misread dash: quantity/parse.ts); `千二百時間`, `百九十五人` are read whole.
 * - "values listed after a topic" (label.topic-of-listed-values, unit.per-month-in-listing): `居宅介護の利用時間は、
 *   月当たり、令和六年度千二百時間、令和七年度…` — every value of the listing counts the topic, per month when the
 *   listing says so once; a base in brackets after it (`（令和五年度実績　三十二人）`) is a result of its year
 *   (prose/words.ts immediateKind: the kind word after a year) counted as the topic is.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('kanji-listing-prose.txt');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];
const rows = n.observations.map(row);

describe('kanji numerals in plan prose', () => {
  it('reads 一箇所以上 as one place, a target of the year it names', () => {
    expect(rows).toContainEqual(['地域生活支援拠点等', 2026, 'target', 1, 'facility', 'gte']);
  });

  it('leaves the kanji section numbers out of every label', () => {
    expect(n.observations.filter((o) => /^[一二三]\s/u.test(o.indicator_label))).toEqual([]);
  });
});

describe('values listed after a topic', () => {
  it('gives every listed value the topic as its label, per month when the listing says so', () => {
    expect(rows).toContainEqual(['居宅介護の利用時間', 2024, 'plan', 1200, 'hour/month', null]);
    expect(rows).toContainEqual(['居宅介護の利用時間', 2026, 'plan', 1300, 'hour/month', null]);
    expect(rows).toContainEqual(['就労継続支援(B型)の利用者数', 2024, 'plan', 180, 'person', null]);
    expect(rows).toContainEqual(['就労継続支援(B型)の利用者数', 2025, 'plan', 195, 'person', null]);
  });

  it('reads a base in brackets after the listing as a result of the year it names, counted as the topic counts', () => {
    expect(rows).toContainEqual(['共同生活援助の利用者数', 2026, 'plan', 40, 'person/month', null]);
    expect(rows).toContainEqual(['共同生活援助の利用者数', 2023, 'actual', 32, 'person/month', null]);
  });
});
