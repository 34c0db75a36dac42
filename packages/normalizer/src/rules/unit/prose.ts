/** Unit rules of prose: the unit a label or a period word gives a value in a sentence. Stage `unit`. */

import { kindOfWord } from '@shiryo/model';
import { cleanLabel } from '../../prose/words.js';
import { splitLabelUnit } from '../../quantity/index.js';
import { rule } from '../engine.js';
import type { ProseValueContext } from '../prose-context.js';

export const labelUnitEvidence = rule<ProseValueContext>({
  id: 'unit.label-evidence',
  family: 'unit',
  stage: 'unit',
  priority: 5,
  quiet: true,
  summary: 'The unit the label writes in brackets, if any (a step of every value).',
  applies: () => true,
  apply(x) {
    x.lu = splitLabelUnit(x.label);
  },
  examples: [{ text: '移動支援の利用時間（時間/月）：420時間', expect: { value: 420 } }],
});

export const labelUnit = rule<ProseValueContext>({
  id: 'unit.label',
  family: 'unit',
  stage: 'unit',
  priority: 10,
  summary:
    "A unit written in the label (`利用実人数実績（人／月） R3：2人`) is the value's unit when it agrees with the value's own (or the value has none).",
  applies: (x) => {
    const lu = x.lu;
    return !!lu?.unit && (!x.unit || lu.unit === x.unit || lu.unit.startsWith(`${x.unit}/`));
  },
  apply(x) {
    const lu = x.lu!;
    x.unit = lu.unit;
    x.unitText = lu.unitText;
    x.label = cleanLabel(lu.label ?? x.label) || x.label;
  },
  examples: [{ text: '地域移行支援の利用者数（人／月） 令和5年度：3人', expect: { unit: 'person/month', value: 3 } }],
});

export const recordHead = rule<ProseValueContext>({
  id: 'unit.record-head',
  family: 'unit',
  stage: 'unit',
  priority: 15,
  summary:
    'Family "a record line = year + (kind word, number)+ pairs": the unit in the head (`◇訪問介護（単位：回／月）`) is no part of what is counted, and a rate written without `%` (`対計画比 98.3`) is in percent, not in the unit of the counts.',
  applies: (x) => !!x.I.record?.kinds.has(x.q) && (!!x.lu?.unit || x.I.record.kinds.get(x.q) === 'achievement_rate'),
  apply(x) {
    if (x.lu?.unit) x.label = cleanLabel(x.lu.label ?? x.label) || x.label;
    if (x.I.record!.kinds.get(x.q) === 'achievement_rate' && !x.q.quantity.unit) {
      x.unit = 'percent';
      x.unitText = null;
    }
  },
  examples: [
    {
      text: '■配食サービス（単位：人／月）\n令和6年度 計画 2,400 実績 2,256 対計画比 94.0',
      expect: { label: '配食サービス', value_kind: 'achievement_rate', value: 94, unit: 'percent' },
    },
  ],
});

export const perYearWord = rule<ProseValueContext>({
  id: 'unit.per-year-word',
  family: 'unit',
  stage: 'unit',
  priority: 20,
  summary:
    '`相談件数：年間 約4,200件`, `毎年度6回以上`: 年間 makes a count of cases, times or people per year; 毎年度 (each year) a count of events (cases, times).',
  applies: (x) =>
    !!x.unit &&
    !x.unit.includes('/') &&
    ((/^年間|(年間|1年間|年)$/u.test(x.label) && ['case', 'time', 'person'].includes(x.unit)) ||
      // (events each year; `市職員が毎年度5人以上参加` counts people, not events)
      (/毎年度?$/u.test(x.label) && ['case', 'time'].includes(x.unit))),
  apply(x) {
    x.unit = `${x.unit}/year`;
    x.label = cleanLabel(x.label.replace(/^年間|(1?年間|年|毎年度?)$/u, '')) || x.label;
  },
  examples: [
    { text: '基幹相談支援センターの相談件数：年間 約2,300件', expect: { unit: 'case/year', value: 2300 } },
    { text: '自立支援協議会の専門部会の開催 毎年度4回以上', expect: { unit: 'time/year', value: 4 } },
  ],
});

/** A monthly average or a month's count (`月平均`, `1か月当たり`, `月間`) at the end or start of a label. */
const PER_MONTH_WORD = '(?:月平均|1?か月平均|1月平均|月間|1?か月(?:当たり|あたり)|月(?:当たり|あたり))';
// (…or before the measure it qualifies, `通所介護の月平均の利用者数`, `1月あたりの利用者数`, or in brackets after it,
// `利用者数（月平均）`)
const PER_MONTH = new RegExp(
  `^(?:月平均|月間)|(?:は)?${PER_MONTH_WORD}$|(?:1|一)?${PER_MONTH_WORD}の(?=[^の\\s]{1,10}$)|[（(]\\s*${PER_MONTH_WORD}\\s*[)）]$`,
  'u',
);
/** The same word as the last clause of the words before the value (`利用者数は、月平均1,150人`). */
const PER_MONTH_CLAUSE = new RegExp(`[、,，]\\s*${PER_MONTH_WORD}\\s*$`, 'u');
/** What a count per month is counted in: days of a day service are person-days (docs/OBSERVATIONS.md). */
const MONTHLY: Readonly<Record<string, string>> = {
  person: 'person/month',
  time: 'time/month',
  case: 'case/month',
  hour: 'hour/month',
  day: 'person_day/month',
  person_day: 'person_day/month',
};

export const perMonthWord = rule<ProseValueContext>({
  id: 'unit.per-month-word',
  family: 'unit',
  stage: 'unit',
  priority: 25,
  summary:
    '`利用者数は月平均1,084人`, `利用日数は月平均2,950日`: a monthly average counts per month (人 → person/month, 回 → time/month, 日 of a service → person_day/month).',
  applies: (x) => (PER_MONTH.test(x.label) || PER_MONTH_CLAUSE.test(x.unsliced)) && !!x.unit && !!MONTHLY[x.unit],
  apply(x) {
    x.unit = MONTHLY[x.unit!]!;
    x.label = cleanLabel(x.label.replace(PER_MONTH, '')) || x.label;
  },
  examples: [
    { text: '令和5年度の短期入所の利用日数は月平均410日でした。', expect: { unit: 'person_day/month', value: 410 } },
    { text: '令和5年度の生活介護の1か月あたりの利用者数は96人でした。', expect: { unit: 'person/month', value: 96 } },
  ],
});

/** A per-month word anywhere in the words before the value, after its sentence's topic. */
const PER_MONTH_ANYWHERE = new RegExp(PER_MONTH_WORD, 'u');

export const perMonthInListing = rule<ProseValueContext>({
  id: 'unit.per-month-in-listing',
  family: 'unit',
  stage: 'unit',
  priority: 26,
  summary:
    'Family "values listed after a topic": `…の利用者数は、令和6年度に月当たり120人、令和7年度に130人…` — a per-month word said once in the listing counts every value after it per month (label.topic-of-listed-values names them).',
  applies: (x) =>
    x.fired.includes('label.topic-of-listed-values') &&
    PER_MONTH_ANYWHERE.test(x.sentenceBefore) &&
    !!x.unit &&
    !!MONTHLY[x.unit],
  apply(x) {
    x.unit = MONTHLY[x.unit!]!;
  },
  examples: [
    {
      text: '共同生活援助の利用者数は、1か月当たり令和6年度に88人、令和7年度に94人を見込みます。',
      expect: { unit: 'person/month', value: 94 },
    },
  ],
});

/** A plan's word right before the value (`計画値の92人`, `見込量330人`, `計画値25人に対する`). */
const PLAN_WORD_BEFORE = /([\p{sc=Han}]{1,6})\s*の?\s*$/u;
const planWordBefore = (before: string) => {
  const k = kindOfWord(PLAN_WORD_BEFORE.exec(before)?.[1] ?? '');
  return k === 'plan' || k === 'target';
};
/** A count per month said earlier in the sentence, before a comma (`月平均利用者数が86人で、`, `月平均18人で、`). */
const MONTHLY_RESULT_BEFORE = new RegExp(
  `${PER_MONTH_WORD}[^。．]*?[0-9０-９]+\\s*[人日回件][^。．]*[、,，][^。．]*$`,
  'u',
);

export const planBesideMonthlyResult = rule<ProseValueContext>({
  id: 'unit.plan-beside-monthly-result',
  family: 'unit',
  stage: 'unit',
  priority: 27,
  summary:
    'Family "numbers in spoken turns of a minute": `月平均利用者数が86人で、計画値の92人を下回りました` — the plan a monthly result is set against in the same sentence is monthly too (人 → person/month), though its per-month word is said once.',
  applies: (x) =>
    !!x.unit && !!MONTHLY[x.unit] && planWordBefore(x.before) && MONTHLY_RESULT_BEFORE.test(x.sentenceBefore),
  apply(x) {
    x.unit = MONTHLY[x.unit!]!;
  },
  examples: [
    {
      text: '令和6年度の生活介護の利用者数は月平均310人で、見込量の330人を下回りました。',
      expect: { unit: 'person/month', value: 330 },
    },
  ],
});

export const hoursInAYear = rule<ProseValueContext>({
  id: 'unit.hours-in-a-year',
  family: 'unit',
  stage: 'period-final',
  priority: 110,
  summary:
    '`令和4年度は延べ1,234時間の利用があった`: hours totalled over a fiscal year are hours per year (the contract has no bare hour).',
  applies: (x) => x.unit === 'hour' && x.period?.fiscalYear != null && x.period.kind !== 'date',
  apply(x) {
    x.unit = 'hour/year';
  },
  examples: [
    { text: '令和5年度の移動支援の利用時間は延べ3,410時間となった。', expect: { unit: 'hour/year', value: 3410 } },
  ],
});

export const leadLineUnit = rule<ProseValueContext>({
  id: 'unit.lead-line',
  family: 'unit',
  stage: 'unit',
  priority: 110,
  summary:
    'Family "item/value lines" (`利用者数（人/月）` / `計画：210` / `実績：188`): a value with no unit and no label of its own takes the unit the label line above it writes in brackets (and that line, without its unit, as its lead).',
  applies: (x) => !x.unit && !x.label && !!x.I.state.leadUnit && x.I.item.table_index === null,
  apply(x) {
    const lu = x.I.state.leadUnit!;
    x.unit = lu.unit;
    x.unitText = lu.unitText;
    if (x.lead === x.I.state.lead) x.lead = lu.lead;
    if (x.context === x.I.state.lead) x.context = lu.lead;
  },
  examples: [
    {
      text: '3 訪問指導\n\n訪問指導\n延べ訪問回数（回/年）\n計画：520\n実績：498',
      expect: { value: 498, value_kind: 'actual', unit: 'time/year', label: '訪問指導 延べ訪問回数' },
    },
    {
      text: '短期集中予防サービス\n利用者数（人/月）\n見込：35\n実績：31',
      expect: { value: 31, unit: 'person/month', label: '短期集中予防サービス 利用者数' },
    },
  ],
});

export const PROSE_UNIT_RULES = [
  labelUnitEvidence,
  labelUnit,
  recordHead,
  perYearWord,
  perMonthWord,
  perMonthInListing,
  planBesideMonthlyResult,
  leadLineUnit,
  hoursInAYear,
];
