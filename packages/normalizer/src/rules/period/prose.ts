/**
 * Period rules of prose, and the rules that reconcile kind, year and label once both are known. Stages `period`,
 * `base-of` (first applies) and `period-final`.
 */
import { fiscalYearOfIso } from '../../dates.js';
import { fyPeriod } from '../../period/index.js';
import { planValueCompared } from '../../prose/words.js';
import { rule } from '../engine.js';
import { RATIO_AMOUNT_BETWEEN, RATIO_BASE_AFTER } from '../kind/prose.js';
import type { ProseValueContext } from '../prose-context.js';

/** `約4,200件（令和4年度）`: a year in brackets right after the value (words may follow it inside the bracket). */
function trailingYear(x: ProseValueContext) {
  const { q, I } = x;
  return I.periods.find(
    (p) =>
      p.start >= q.end &&
      p.start - q.end <= 2 &&
      /^\s*[(（]\s*$/u.test(I.text.slice(q.end, p.start)) &&
      /^[^()（）0-9０-９]{0,10}[)）]/u.test(I.text.slice(p.end)),
  );
}

export const bracketAfterValue = rule<ProseValueContext>({
  id: 'period.bracket-after-value',
  family: 'period',
  stage: 'period',
  priority: 10,
  summary:
    '`約4,200件（令和4年度）`, `5人（令和4年度末までの累計）`: a year in brackets right after the value is its own.',
  applies: (x) => {
    x.trailing = trailingYear(x);
    return x.trailing?.period.fiscalYear != null;
  },
  apply(x) {
    x.period = x.trailing!.period;
  },
  examples: [{ text: '成年後見の相談件数 約320件（令和5年度）', expect: { fiscal_year: 2023, value: 320 } }],
});

export const nearestBefore = rule<ProseValueContext>({
  id: 'period.nearest-before',
  family: 'period',
  stage: 'period',
  priority: 20,
  summary:
    'The nearest year before the value in its item (not inside an earlier bullet item, before a kind marker, or tied to a noun of an earlier sentence); a span of years that ended before the plan term gives its last year.',
  applies: (x) => !x.period && !!x.nearPeriod,
  apply(x) {
    x.period = x.nearPeriod;
  },
  examples: [{ text: '令和5年度の訪問入浴の利用者は14人でした。', expect: { fiscal_year: 2023, value: 14 } }],
});

export const captionAfter = rule<ProseValueContext>({
  id: 'period.caption-after',
  family: 'period',
  stage: 'period',
  priority: 30,
  summary:
    '`・23% ・31% ・62% 令和2年6月から1年間での退院率`: a caption after the last value that dates what the values measure dates them all.',
  applies: (x) => !x.period && !!x.I.caption,
  apply(x) {
    x.period = x.I.caption;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '指標\t実績\n精神病床からの退院率\t・64% ・83% 令和4年4月から1年間での退院率\n',
      expect: { fiscal_year: 2022, value: 83 },
    },
  ],
});

export const itemStatePeriod = rule<ProseValueContext>({
  id: 'period.state',
  family: 'period',
  stage: 'period',
  priority: 40,
  summary: 'The year the label line above or the table column stated for the values under it.',
  applies: (x) => !x.period && !!x.I.state.period,
  apply(x) {
    x.period = x.I.state.period;
  },
  examples: [{ text: '令和5年度 実績\n\n・ピアサポート活動の参加者 27人', expect: { fiscal_year: 2023, value: 27 } }],
});

export const headingYear = rule<ProseValueContext>({
  id: 'period.heading-year',
  family: 'period',
  stage: 'period',
  priority: 50,
  summary:
    "`重点施策の取組状況（令和6年度）`: a heading of one year's work dates the results told under it (not targets).",
  applies: (x) => !x.period && x.kind !== 'target' && !!x.I.state.headingYear,
  apply(x) {
    x.period = x.I.state.headingYear!;
  },
  examples: [
    {
      text: '## 地域生活支援拠点の運営状況（令和5年度）\n\n### 緊急時の対応\n\n緊急時の受入れは延べ18件あった。',
      expect: { fiscal_year: 2023, value: 18 },
    },
  ],
});

const RELATIVE = /(前年度末?|前年同期|前年同日|前年)\s*[:：]?\s*[(（]?\s*$/u;

export const previousYearWord = rule<ProseValueContext>({
  id: 'period.previous-year-word',
  family: 'period',
  stage: 'period',
  priority: 60,
  summary: '`（前年度末 104か所）`, `前年同期（192人）`: the year before the one the sentence is about.',
  applies: (x) => {
    if (!RELATIVE.test(x.I.text.slice(Math.max(0, x.q.start - 8), x.q.start))) return false;
    return currentYear(x) != null;
  },
  apply(x) {
    const m = RELATIVE.exec(x.I.text.slice(Math.max(0, x.q.start - 8), x.q.start))!;
    x.period = fyPeriod(currentYear(x)! - 1, m[1]!);
  },
  examples: [
    {
      text: '令和5年度末の通いの場は112か所（前年度末 104か所）となりました。',
      expect: { fiscal_year: 2022, value: 104 },
    },
  ],
});

function currentYear(x: ProseValueContext): number | null {
  const reference = [...x.I.periods].reverse().find((p) => p.end <= x.q.start && p.period.fiscalYear != null);
  return reference?.period.fiscalYear ?? x.period?.fiscalYear ?? x.I.ctx.reportYear?.fiscalYear ?? null;
}

// ---------------------------------------------------------------------------------------------
// `base-of`: a value tied to the year before it (first applies)

export const yearBracketIsBase = rule<ProseValueContext>({
  id: 'kind.year-bracket-is-base',
  family: 'kind',
  stage: 'base-of',
  priority: 10,
  summary:
    "`令和4年度末時点（45人）`, `令和元年度末時点の施設入所者数(72人)のうち…`, and before the plan term `令和4年度末の施設入所者数（58人）`: the number in brackets right after a year is that year's base value.",
  applies: (x) => {
    const { between, lastPeriod, I } = x;
    if (between === null) return false;
    const point = /^\s*(?:(?:時点|現在)(?:の[^、。()（）]{1,20})?)?\s*[(（]\s*$/u.test(between);
    const early =
      !!I.planStart &&
      (lastPeriod?.period.fiscalYear ?? I.planStart) < I.planStart &&
      /^\s*(?:末)?の[^、。()（）]{1,20}[(（]\s*$/u.test(between);
    return point || early;
  },
  apply(x) {
    x.kind = 'baseline';
    x.I.baseYears.add(x.lastPeriod!.start);
  },
  examples: [
    {
      text: '令和4年度末時点の施設入所者数（64人）の6％以上が地域生活へ移行することを目指します。',
      expect: { value_kind: 'baseline', fiscal_year: 2022, value: 64 },
    },
  ],
});

export const ratioBase = rule<ProseValueContext>({
  id: 'kind.ratio-base',
  family: 'kind',
  stage: 'base-of',
  priority: 20,
  summary:
    "`令和3年度実績20人の1.28倍`, `令和3年度実績（41人）の1.28倍以上`: the value a ratio is measured against is that year's base (and that year dates nothing else of the sentence).",
  applies: (x) => x.between !== null && !!x.lastPeriod && RATIO_BASE_AFTER.test(x.rest),
  apply(x) {
    x.kind = 'baseline';
    x.period = x.lastPeriod!.period;
    x.I.baseYears.add(x.lastPeriod!.start);
  },
  examples: [
    {
      text: '・一般就労移行者数：24人（令和3年度実績18人の1.33倍以上）',
      expect: { value_kind: 'baseline', fiscal_year: 2021, value: 18 },
    },
    {
      text: '【目標】\n令和8年度までに、自立訓練の利用者数を令和4年度実績（12人）の1.5倍とします。',
      expect: { value_kind: 'baseline', fiscal_year: 2022, value: 12 },
    },
  ],
});

export const changeFromBase = rule<ProseValueContext>({
  id: 'period.change-from-base',
  family: 'period',
  stage: 'base-of',
  priority: 30,
  summary:
    "`令和4年度末時点（45人）から5％以上削減`: a target counted from a base falls on the sentence's target year (an earlier year of the segment, the item's year, or the plan's end).",
  // (the base phrase right before the value: not a place a move starts from, `令和6年度に施設から地域生活へ移った人は2人`)
  applies: (x) =>
    x.between !== null &&
    /^(?!に(?!比べ))[^、。へはが]*?(?:から|と比べ|に比べ|と比較|比)/u.test(x.between) &&
    x.kind === 'target',
  apply(x) {
    const earlier = x.segPeriods.filter((p) => p !== x.lastPeriod && p.period.fiscalYear !== null).pop();
    x.period = earlier?.period ?? (x.I.state.period?.fiscalYear != null ? x.I.state.period : null) ?? x.I.ctx.planEnd;
  },
  examples: [
    {
      text: '令和8年度末までに、令和4年度末時点の施設入所者数から5％以上削減することを目標とします。',
      expect: { value_kind: 'target', fiscal_year: 2026, value: 5 },
    },
  ],
});

/** Between the year a ratio is measured against and the ratio: `令和3年度実績（41人）の`, `令和元年度実績の`. */
const AGAINST_YEAR_BETWEEN =
  /^\s*(?:[(（][^)）]*[)）])?\s*(?:の\s*)?(?:実績値?|見込み?)?\s*(?:[(（]?\s*[0-9０-９,，.．]+\s*(?:人|件|回|か所|%|％)?\s*[)）]?)?\s*の\s*$/u;

/** A sentence's predicate that reports (`…1.38倍となった。`, `…1.35倍で、…上回っている。`), after the value. */
const REPORTED = /(?:ました|でした|った|であった|ている|ています)\s*(?:[。．]|$)/u;

/**
 * The year a ratio's reported subject is dated by (`令和4年度の一般就労移行者数は、令和元年度実績の1.38倍`): a year of
 * the sentence before the year the ratio is measured against; else the year of the result the item read last.
 */
function reportedRatioYear(x: ProseValueContext) {
  const { I, q } = x;
  const sentenceStart = q.start - x.sentenceBefore.length;
  if (!x.lastPeriod || I.labelsRead.some((v) => v.end > sentenceStart)) return null;
  const own = I.periods.filter(
    (p) => p.start >= sentenceStart && p.end <= x.lastPeriod!.start && p.period.fiscalYear !== null,
  );
  if (own.length) return own[own.length - 1]!.period;
  return I.prevKind === 'actual' ? I.prevPeriod : null;
}

export const ratioOfReportedResult = rule<ProseValueContext>({
  id: 'period.ratio-of-reported-result',
  family: 'period',
  stage: 'base-of',
  priority: 39,
  summary:
    'Family "a ratio in a result sentence": `令和4年度の一般就労移行者数は、令和元年度実績の1.38倍となった`: a ratio with no bound, measured against a year, in a sentence that reports and sets no target, is a result of the year its subject is dated by (else of the result read before it), not a target.',
  applies: (x) =>
    x.q.quantity.unit === 'ratio' &&
    !x.q.quantity.qualifier &&
    x.between !== null &&
    AGAINST_YEAR_BETWEEN.test(x.between) &&
    !/目標|見込|計画/u.test(x.sentenceBefore) &&
    REPORTED.test(x.sentence) &&
    !!reportedRatioYear(x),
  apply(x) {
    x.kind = 'actual';
    x.period = reportedRatioYear(x);
  },
  examples: [
    {
      text: '## 2 地域定着\n\n令和5年度の地域定着支援の利用者数は、令和2年度実績の1.6倍となりました。',
      expect: { value: 1.6, unit: 'ratio', value_kind: 'actual', fiscal_year: 2023 },
    },
  ],
});

export const ratioAgainstYear = rule<ProseValueContext>({
  id: 'period.ratio-against-year',
  family: 'period',
  stage: 'base-of',
  priority: 40,
  summary:
    "`15人（令和3年度実績の1.28倍）`: a ratio measured against a year restates the value before it and shares its kind; the year is not the target's.",
  applies: (x) =>
    (x.between !== null && x.q.quantity.unit === 'ratio' && AGAINST_YEAR_BETWEEN.test(x.between)) ||
    // (right after the base it is measured against, `…（8人）の1.25倍`, whatever year the base had)
    (x.q.quantity.unit === 'ratio' &&
      x.I.prevKind === 'baseline' &&
      x.qi > 0 &&
      x.I.prevValue?.end === x.I.qs[x.qi - 1]!.end &&
      /^\s*[)）]?\s*の\s*$/u.test(x.I.text.slice(x.I.prevValue.end, x.q.start))),
  apply(x) {
    const { I } = x;
    if (I.prevKind && I.prevKind !== 'baseline') x.kind = I.prevKind;
    // (measured against a base: a bound, `1.27倍以上`, is a target whatever the heading reports)
    else if (x.kind === 'baseline' || x.kind === 'actual')
      x.kind =
        I.prevKind === 'baseline' && (x.q.quantity.qualifier === 'gte' || x.q.quantity.qualifier === 'gt')
          ? 'target'
          : (I.state.kind ?? 'target');
    x.period =
      x.kind !== 'target'
        ? I.prevKind && I.prevKind !== 'baseline'
          ? I.prevPeriod
          : null
        : I.state.period?.fiscalYear === null && I.state.period.end
          ? fyPeriod(fiscalYearOfIso(I.state.period.end), I.state.period.text)
          : (I.prevPeriod ?? I.ctx.planEnd);
  },
  examples: [
    {
      text: '第7期障害福祉計画\n\n【目標値】一般就労移行者数 16人（令和3年度実績の1.28倍）',
      expect: { unit: 'ratio', value: 1.28, value_kind: 'target' },
    },
  ],
});

export const amountOfRatio = rule<ProseValueContext>({
  id: 'kind.amount-of-ratio',
  family: 'kind',
  stage: 'base-of',
  priority: 45,
  summary:
    'Family "outcome targets in sentences": `令和3年度実績（41人）の1.28倍以上の53人以上`, `…の1.27倍以上に当たる31人`: the count right after a ratio (`…倍以上の`, `に当たる`) is the amount that ratio sets, of its kind and year (not of the base year before it).',
  applies: (x) => {
    const prev = x.I.qs[x.qi - 1];
    return (
      !!prev &&
      prev.quantity.unit === 'ratio' &&
      x.I.prevValue?.end === prev.end &&
      x.I.prevKind !== 'baseline' &&
      RATIO_AMOUNT_BETWEEN.test(x.I.text.slice(prev.end, x.q.start))
    );
  },
  apply(x) {
    x.kind = x.I.prevValue!.kind;
    x.period = x.I.prevValue!.period;
  },
  examples: [
    {
      text: '第7期障害福祉計画\n\n【目標】\n就労移行支援の利用者数は、令和3年度実績（20人）の1.3倍の26人とします。',
      expect: { value_kind: 'target', fiscal_year: 2026, value: 26, unit: 'person' },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// `period-final`

export const pointBeforePlanIsBase = rule<ProseValueContext>({
  id: 'kind.point-before-plan-is-base',
  family: 'kind',
  stage: 'period-final',
  priority: 10,
  summary:
    '`【2019年度末時点 施設入所者数】 36人` beside the targets: a count at a point in time before the plan term is the base the targets start from.',
  applies: (x) => {
    const { I, lastPeriod, period, near, nearPeriod, kind } = x;
    const planStart = I.planStart;
    return (
      !!planStart &&
      !!lastPeriod &&
      (period === lastPeriod.period || (lastPeriod === near && period === nearPeriod)) &&
      (period?.fiscalYear ?? planStart) < planStart &&
      // the point holds for the count right after it, not for a part of it further on (`…(72人)のうち、4人が…移行`)
      !I.qs.some((o) => o.start >= lastPeriod.end && o.end <= x.q.start) &&
      /^\s*(?:の\s*[0-9０-９]+\s*(?:年間|か年)\s*)?(?:時点|現在|において)/u.test(I.text.slice(lastPeriod.end)) &&
      (kind === 'target' ||
        (kind === 'actual' &&
          !I.runningKind &&
          !I.blockKind &&
          !I.state.kind &&
          /目標/u.test(`${I.text} ${I.item.header ?? ''}`)))
    );
  },
  apply(x) {
    x.kind = 'baseline';
  },
  examples: [
    {
      text: '第7期障害福祉計画の目標\n\n令和4年度末時点において入所者は58人',
      expect: { value_kind: 'baseline', fiscal_year: 2022, value: 58 },
    },
  ],
});

export const planValueBesideResult = rule<ProseValueContext>({
  id: 'kind.plan-value-beside-result',
  family: 'kind',
  stage: 'period-final',
  priority: 5,
  summary:
    '`認定率は令和6年9月末で18.6％となり、計画値の18.9％を下回っています`: the plan value a result is compared with, right after it in the same form, is the plan of what the result counts, for its year.',
  applies: (x) => planValueCompared(x),
  apply(x) {
    const prev = x.I.prevValue!;
    x.kind = 'plan';
    x.label = prev.label;
    x.period = prev.period;
  },
  examples: [
    {
      text: '令和5年度の通いの場への参加率は7.2％で、見込みの8.0％を下回りました。',
      expect: { value_kind: 'plan', value: 8, fiscal_year: 2023, unit: 'percent' },
    },
  ],
});

export const targetRangeEndProse = rule<ProseValueContext>({
  id: 'period.target-range-end-prose',
  family: 'period',
  stage: 'period-final',
  priority: 20,
  summary: 'A target over a range or a plan term (`第7期…計画`, `令和6年度～令和8年度`) falls on its last year.',
  applies: (x) => !!x.period && x.period.fiscalYear === null && x.kind === 'target' && !!x.period.end,
  apply(x) {
    x.period = fyPeriod(fiscalYearOfIso(x.period!.end), x.period!.text);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '国の成果目標\t第7期障害福祉計画\n①地域生活への移行\t入所者の意向を聞き取り、移行を進める。 • 地域移行者数:3人\n',
      expect: { value_kind: 'target', fiscal_year: 2026, value: 3 },
    },
  ],
});

export const targetPlanEndProse = rule<ProseValueContext>({
  id: 'period.target-plan-end-prose',
  family: 'period',
  stage: 'period-final',
  priority: 30,
  summary:
    "A target without a year of its own falls on the last year of the plan (the heading's, else the document's).",
  applies: (x) => !x.period && x.kind === 'target',
  apply(x) {
    x.period = x.I.ctx.planEnd;
    return !!x.period;
  },
  examples: [
    {
      text: '第7期障害福祉計画\n\n【目標】地域移行支援の利用者数 4人',
      expect: { value_kind: 'target', fiscal_year: 2026, value: 4 },
    },
  ],
});

export const targetBesideResult = rule<ProseValueContext>({
  id: 'period.target-beside-result',
  family: 'period',
  stage: 'period-final',
  priority: 40,
  summary:
    "`目標：年4回以上／実績：年4回`, `15件（目標20件、達成率75％）`: a target set beside a result is of the result's year.",
  applies: (x) =>
    x.kind === 'target' &&
    (/^[^。]{0,4}[／/、,]\s*実績/u.test(x.rest) || (x.I.prevKind === 'actual' && /[(（][^()（）]*$/u.test(x.before))) &&
    !x.nearPeriod &&
    !x.trailing,
  apply(x) {
    const { I } = x;
    x.period =
      (I.prevKind === 'actual' ? I.prevPeriod : null) ??
      I.state.period ??
      I.caption ??
      I.state.headingYear ??
      I.ctx.reportYear ??
      x.period;
  },
  examples: [
    {
      text: '令和5年度 実績\n\n・研修会 目標：年3回以上／実績：年3回',
      expect: { value_kind: 'target', fiscal_year: 2023, value: 3 },
    },
  ],
});

export const comparisonPrevious = rule<ProseValueContext>({
  id: 'period.comparison-previous',
  family: 'period',
  stage: 'period-final',
  priority: 50,
  summary: "A difference or a rate with no year of its own is of the value before it (or of the report's year).",
  applies: (x) => !x.period && (x.kind === 'deviation' || x.kind === 'achievement_rate'),
  apply(x) {
    x.period = x.I.prevPeriod ?? x.I.ctx.reportYear;
    return !!x.period;
  },
  examples: [
    {
      text: '# 令和5年度の実績\n\n## 要介護認定\n\n要介護認定者数は2,130人（前年度比＋42人）でした。',
      expect: { value_kind: 'deviation', fiscal_year: 2023, value: 42 },
    },
  ],
});

/** `平成30年度末と比べて`, `前年度から`: the year a change is counted from, right before the change. */
const COMPARED_WITH =
  /^\s*(?:末|時点|現在)?\s*(?:の[^、。]{0,12}?)?(?:と比べて?|に比べて?|と比較して|から|より)\s*[、,]?\s*$/u;

export const changeSinceYear = rule<ProseValueContext>({
  id: 'period.change-since-year',
  family: 'period',
  stage: 'period-final',
  priority: 45,
  summary:
    '`令和5年9月末の認定者数は10,566人で、平成30年度末と比べて1,004人増加`: a change counted from a year is of the value it changes to (the year before it), not of the year it is counted from.',
  applies: (x) =>
    x.kind === 'deviation' &&
    !!x.lastPeriod &&
    x.period === x.lastPeriod.period &&
    x.between !== null &&
    COMPARED_WITH.test(x.between) &&
    !!x.I.prevValue?.period &&
    x.I.prevValue.period.fiscalYear !== x.period.fiscalYear,
  apply(x) {
    x.period = x.I.prevValue!.period;
  },
  examples: [
    {
      text: '令和5年度末の利用者数は214人で、令和2年度末と比べて38人増加しました。',
      expect: { value_kind: 'deviation', fiscal_year: 2023, value: 38 },
    },
  ],
});

export const arrowBaseTarget = rule<ProseValueContext>({
  id: 'kind.arrow-base-target',
  family: 'kind',
  stage: 'period-final',
  priority: 60,
  summary:
    "`78.2％（令和4年度調査）→ 80％以上`, `R5：42.6％ → R8：45.0％`: a pair whose right side is bounded or lies years ahead is a base and its target; a target with no year of its own falls on the plan's last year.",
  applies: (x) => !!x.arrow?.target,
  apply(x) {
    const a = x.arrow!;
    x.kind = a.role === 'from' ? 'baseline' : 'target';
    if (a.role === 'to' && !a.dated) x.period = x.I.ctx.planEnd;
  },
  examples: [
    {
      text: '第9期介護保険事業計画\n\n・主観的健康感が高い高齢者の割合 78.2％ → 80％以上',
      expect: { value_kind: 'target', value: 80 },
    },
  ],
});

export const arrowYears = rule<ProseValueContext>({
  id: 'period.arrow-years',
  family: 'period',
  stage: 'period-final',
  priority: 62,
  summary: "`3人→4人` under `（令和5年度末→令和6年度末）`: two results, each of its side's year.",
  applies: (x) => !!x.arrow && !x.arrow.target && !!x.arrow.years && !x.arrow.dated,
  apply(x) {
    x.period = x.arrow!.years![x.arrow!.role === 'from' ? 0 : 1];
  },
  examples: [
    {
      text: '医療的ケア児コーディネーターの配置人数（令和4年度末→令和5年度末）3人→4人',
      expect: { fiscal_year: 2023, value: 4 },
    },
  ],
});

export const changeCountsPrevious = rule<ProseValueContext>({
  id: 'label.change-counts-previous',
  family: 'label',
  stage: 'period-final',
  priority: 70,
  summary: '`…合計は9,402人で、前年同日と比べて129人増加`: a change told after a value counts what that value does.',
  applies: (x) =>
    x.kind === 'deviation' &&
    !!x.I.prevValue &&
    /(?:と比べて?|と比較して|に比べて?|より|前年度?比|前年同[日期月]?(?:と比べて?)?)$/u.test(
      x.label.replace(/\s+/gu, ''),
    ),
  apply(x) {
    x.label = x.I.prevValue!.label;
  },
  examples: [
    {
      text: '令和5年度末の要介護認定者数は6,120人で、前年度と比べて142人増加しました。',
      expect: { value_kind: 'deviation', value: 142 },
    },
  ],
});

export const partOfWhole = rule<ProseValueContext>({
  id: 'label.part-of-whole',
  family: 'label',
  stage: 'period-final',
  priority: 80,
  summary: '`412人のうち98人`: a part is not the whole it is counted out of.',
  applies: (x) => x.partOfWhole && !!x.I.prevValue && x.label === x.I.prevValue.label,
  apply(x) {
    x.label = `${x.label}のうち`;
  },
  examples: [{ text: '訪問型サービスの利用者数は412人のうち98人', expect: { value: 98 } }],
});

export const arrowRightSide = rule<ProseValueContext>({
  id: 'label.arrow-right-side',
  family: 'label',
  stage: 'period-final',
  priority: 90,
  summary: 'The right side of an arrow counts what the left side does.',
  applies: (x) => x.arrow?.role === 'to' && !!x.I.prevValue && x.I.arrows.get(x.I.qs[x.qi - 1]!)?.role === 'from',
  apply(x) {
    x.label = x.I.prevValue!.label;
  },
  examples: [
    {
      text: '第9期介護保険事業計画\n\n・認知症カフェの設置数 8か所 → 12か所以上',
      expect: { value: 12 },
    },
  ],
});

export const reportYearProse = rule<ProseValueContext>({
  id: 'period.report-year-prose',
  family: 'period',
  stage: 'period-final',
  priority: 100,
  summary:
    'A result with no year of its own falls on the year a results report covers (`令和4年度実績について`, `…の実施状況（令和6年度）`); so does the plan value a result of that year is set against (`計画：60回` / `実績：57回`, family "a web page of one year\'s results").',
  applies: (x) =>
    !x.period && (x.kind === 'actual' || x.kind === 'plan' || x.kind === 'estimate') && !!x.I.ctx.reportYear,
  apply(x) {
    x.period = x.I.ctx.reportYear;
  },
  examples: [
    {
      text: '# 令和4年度実績について\n\n## 意思疎通支援事業\n\n手話通訳者の派遣件数は132件でした。',
      expect: { value_kind: 'actual', fiscal_year: 2022, value: 132 },
    },
    {
      text: '介護予防事業の実施状況（2025年度）\n\n2 認知症カフェ\n\n開設数\n計画：14か所\n実績：12か所',
      expect: { value_kind: 'plan', fiscal_year: 2025, value: 14 },
    },
  ],
});

export const PROSE_PERIOD_RULES = [
  bracketAfterValue,
  nearestBefore,
  captionAfter,
  itemStatePeriod,
  headingYear,
  previousYearWord,
  yearBracketIsBase,
  ratioBase,
  changeFromBase,
  ratioOfReportedResult,
  ratioAgainstYear,
  amountOfRatio,
  pointBeforePlanIsBase,
  planValueBesideResult,
  targetRangeEndProse,
  targetPlanEndProse,
  targetBesideResult,
  comparisonPrevious,
  changeSinceYear,
  arrowBaseTarget,
  arrowYears,
  changeCountsPrevious,
  partOfWhole,
  arrowRightSide,
  reportYearProse,
];
