// Family "a kind word with a value suffix" (`目標量`, `目標数値`, `実績数`, `実績数値`, `計画見込`, `計画数値`): the word
// names the same kind as the word alone, and every reader of kind words must read it so. Before, the vocabulary's
// compound reader (`kindOfWord`) read them, but three word lists did not: the linear reader's header words (a line of
// `実績数 … 計画見込 …` was no header line, or its kinds were not ranked, so every value fell to one kind or the
// wrong year), the label-tail and caption-tail lists (`…の目標量`, `…の目標量と実績数値` stayed in the label), and
// the caption's plan words (`…の計画数値` read no kind). The documents are written in other words than the
// generated tables where the family was found (a 協議の場 linear row table, a 成果目標 linear cell table, a
// 居宅サービス two-level header).

import type { Observation } from '@shiryo/model';
import { kindOfWord, withValueSuffixes } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { isKindToken, kindRank } from '../packages/extractor/src/linear/tokens.js';
import { kindWord } from '../packages/normalizer/src/labels.js';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value];

describe('kind words with a value suffix', () => {
  it('reads a linear header line of such words, each year with its own kinds', () => {
    const n = normalizeLayout('linear-kind-value-forms.txt');
    expect(n.observations.filter((o) => o.indicator_label === '訪問型サービス').map(row)).toEqual([
      ['訪問型サービス', 2020, 'actual', 412],
      ['訪問型サービス', 2021, 'actual', 398],
      ['訪問型サービス', 2022, 'plan', 420],
      ['訪問型サービス', 2022, 'actual', 431],
      ['訪問型サービス', 2022, 'achievement_rate', 102.6],
      ['訪問型サービス', 2023, 'plan', 430],
      ['訪問型サービス', 2024, 'plan', 440],
    ]);
  });

  it('leaves the words out of a label taken from a caption or a prose line', () => {
    const n = normalizeLayout('kind-value-forms.md');
    expect(n.observations.map(row)).toEqual([
      ['ゲートキーパー養成講座の受講者数', 2023, 'target', 150],
      ['ゲートキーパー養成講座の受講者数', 2024, 'target', 160],
      ['ゲートキーパー養成講座の受講者数', 2025, 'target', 170],
      ['ゲートキーパー養成講座の受講者数', 2023, 'actual', 142],
      ['ゲートキーパー養成講座の受講者数', 2024, 'actual', 171],
      ['講演会の開催回数', 2025, 'target', 12],
      ['リーフレット配布部数', 2024, 'actual', 3400],
    ]);
  });

  it('reads each form as one kind in every reader', () => {
    for (const [stem, kind] of [
      ['目標', 'target'],
      ['実績', 'actual'],
      ['見込', 'plan'],
      ['見込み', 'plan'],
      ['計画見込', 'plan'],
    ] as const)
      for (const w of withValueSuffixes([stem])) {
        expect([w, kindOfWord(w)]).toEqual([w, kind]);
        expect([w, isKindToken(w)]).toEqual([w, true]);
        expect([w, kindRank(w)]).not.toEqual([w, null]);
        expect([w, kindWord(`利用者数の${w}`)]).toEqual([w, kind]);
      }
    // (the caption reader: 計画 with a value suffix is the plan's value; 計画 alone and 計画数 name plans)
    expect(kindWord('施設入所者数の計画数値')).toBe('plan');
    expect(kindWord('訪問系サービスの計画量')).toBe('plan');
    expect(kindWord('第7期障害福祉計画')).toBe(null);
    expect(kindWord('サービス等利用計画の計画数')).toBe(null);
    expect(kindWord('施設入所者数の基準数値', { baseline: true })).toBe('baseline');
  });
});

// Family "a kind word ending a caption or heading" (`…の基準値`, `…の計画`, `（計画）`, `令和7年度計画`): the word after
// の says what the table's values are, whatever kind words the name before it holds (`成果目標の基準値` names a target
// and a base: before, no kind, so the values fell to the default, a result); 計画 alone there is the plan's value,
// not a plan's name (`障害福祉計画`), which the caption reader left unread. A clause of a sentence (`…は、令和6年度の
// 計画185人`) is left to the value's own reader.
describe('a kind word ending a caption or a heading', () => {
  it('reads the values under it as that kind', () => {
    const n = normalizeLayout('kind-caption-tail.md');
    expect(n.observations.map(row)).toEqual([
      ['就労定着者数', 2022, 'baseline', 42],
      ['福祉型短期入所', 2025, 'plan', 310],
      ['福祉型短期入所', 2026, 'plan', 325],
      ['職場体験実習', 2025, 'plan', 24],
    ]);
  });

  it('reads the phrase, not a clause of a sentence', () => {
    expect(kindWord('重点目標の基準値（単位：人）', { baseline: true })).toBe('baseline');
    expect(kindWord('短期入所の計画')).toBe('plan');
    expect(kindWord('令和7年度計画')).toBe('plan');
    expect(kindWord('（計画）')).toBe('plan');
    expect(kindWord('第3期障害児福祉計画')).toBe(null);
    expect(kindWord('計画相談支援の利用者数')).toBe(null);
    expect(kindWord('相談支援は、令和6年度の計画')).toBe(null);
  });
});
