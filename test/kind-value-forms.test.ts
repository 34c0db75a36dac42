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
    const n = normalizeLayout('kind-value-forms-linear.txt');
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
