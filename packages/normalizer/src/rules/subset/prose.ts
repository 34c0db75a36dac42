/** Subset rules of prose: values in a bracket after a value break it down. Stage `breakdown` (first applies). */
import { cleanLabel, immediateKind } from '../../prose/words.js';
import { rule } from '../engine.js';
import type { ProseValueContext } from '../prose-context.js';

const openedBracket = (x: ProseValueContext) =>
  x.I.prevValue ? /^\s*[(（]([^()（）]*)$/u.exec(x.I.text.slice(x.I.prevValue.end, x.q.start)) : null;

export const bracketBreakdown = rule<ProseValueContext>({
  id: 'subset.bracket-breakdown',
  family: 'subset',
  stage: 'breakdown',
  priority: 10,
  summary:
    '`17人（移行13人・A型2人）`, `参加者：8名(4事業所)`: values in a bracket opened right after a value break that value down (the word before each names the part), with its kind and year; a year, a ratio or kind words in the bracket (`（目標20件、達成率75％）`, `（令和3年度実績の1.28倍）`) are not a breakdown.',
  applies: (x) => {
    const prev = x.I.prevValue;
    const opened = openedBracket(x);
    return (
      !!prev &&
      !!opened &&
      !x.I.periods.some((p) => p.start >= prev.end && p.start < x.q.start) &&
      !/前年/u.test(opened[1]!) &&
      !immediateKind(opened[1]!) &&
      x.q.quantity.unit !== 'ratio'
    );
  },
  apply(x) {
    const prev = x.I.prevValue!;
    const opened = openedBracket(x)!;
    const part = cleanLabel(opened[1]!.split(/[、,，・]/u).pop() ?? '').replace(/^(?:うち|内)\s*/u, '');
    x.breakdown = { label: prev.label, subgroup: part || null, period: prev.period, kind: prev.kind };
  },
  examples: [
    {
      text: '令和5年度の相談支援の利用者は42人（市内事業所30人・市外事業所12人）でした。',
      expect: { value: 12, subgroup: '市外事業所' },
    },
  ],
});

export const PROSE_SUBSET_RULES = [bracketBreakdown];
