/**
 * Canonical subgroups and measures (issue 14 item 4): one name for one breakdown and one kind of count, in export
 * columns of their own appended after the contract's earlier keys (`subgroup` and `measure` keep the words written).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '@shiryo/extractor';
import { canonicalMeasure, canonicalSubgroup, EXPORT_KEYS } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { openStore } from '@shiryo/store';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDb } from './pipeline.js';

describe('canonical subgroup', () => {
  it.each([
    ['精神障がい者の利用者数(再掲)', '精神障害者'],
    ['精神障害者の利用者数で、内数', '精神障害者'],
    ['精神障害者', '精神障害者'],
    ['うち精神障害者', '精神障害者'],
    ['精神', '精神障害者'],
    ['（再掲）身体障害者', '身体障害者'],
    ['知的障がい者', '知的障害者'],
    ['障害児', '障害児'],
    ['1級', '1級'],
    ['65歳以上', '65歳以上'],
    ['医療:精神科', '医療:精神科'],
  ])('%s → %s', (written, name) => {
    expect(canonicalSubgroup(written)).toBe(name);
  });
  it('none stays none', () => {
    expect(canonicalSubgroup(null)).toBeNull();
    expect(canonicalSubgroup('（再掲）')).toBeNull();
  });
});

describe('canonical measure', () => {
  it.each([
    ['利用者数', 'person/month', '利用者数'],
    ['利用実人数', 'person/month', '利用者数'],
    ['実利用者数', 'person/month', '利用者数'],
    [null, 'person/month', '利用者数'],
    ['延べ利用日数', 'person_day/month', '利用日数'],
    [null, 'person_day/month', '利用日数'],
    ['利用時間数', 'hour/month', '利用時間'],
    ['延べ利用件数', 'case/year', '件数'],
    ['開催回数', 'time/year', '回数'],
    ['実施回数', 'time/year', '回数'],
    ['入所者数', 'person', '入所者数'],
    ['延べ利用者数', 'person/month', '延べ利用者数'],
  ])('%s (%s) → %s', (written, unit, name) => {
    expect(canonicalMeasure(written, unit)).toBe(name);
  });
  it('no measure in a unit that implies none stays none', () => {
    expect(canonicalMeasure(null, 'person')).toBeNull();
    expect(canonicalMeasure(null, null)).toBeNull();
  });
});

describe('in the store and the export', () => {
  it('are the last keys of the export contract, and the README documents them in that order', () => {
    // (then restatement, issue 14 item 5: appended after them)
    expect(EXPORT_KEYS.slice(-4)).toEqual(['subset_of_kind', 'subgroup_canonical', 'measure_canonical', 'restatement']);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const at = (k: string) => readme.indexOf(`| \`${k}\``);
    expect(at('subset_of_kind')).toBeGreaterThan(0);
    expect(at('subgroup_canonical')).toBeGreaterThan(at('subset_of_kind'));
    expect(at('measure_canonical')).toBeGreaterThan(at('subgroup_canonical'));
    expect(at('restatement')).toBeGreaterThan(at('measure_canonical'));
  });

  it('a 再掲 row exports its group under one name, and 利用実人数 / none as 利用者数', () => {
    const text =
      'サービス\t令和5年度\n共同生活援助（人/月）\t58\nうち精神障がい者の利用者数(再掲)\t21\n\n' +
      'サービス\t令和5年度\n自立生活援助 利用実人数（人/月）\t6\n';
    const doc = extractText(text, 'gh.tsv');
    const store = openStore(tempDb());
    try {
      store.ingestDocument(doc, normalizeDocument(doc));
      let out = '';
      store.exportObservations('jsonl', (chunk) => {
        out += chunk;
      });
      const rows = out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const by = (v: number) => rows.find((r) => r.value === v)!;
      expect(Object.keys(by(21))).toEqual([...EXPORT_KEYS]);
      expect([by(21).subgroup_canonical, by(58).subgroup_canonical]).toEqual(['精神障害者', null]);
      expect([by(58).measure_canonical, by(6).measure_canonical]).toEqual(['利用者数', '利用者数']);
    } finally {
      store.close();
    }
  });
});
