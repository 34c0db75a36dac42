/**
 * Kind rules of prose: whether a number in a sentence is a plan, a result, a target, a base, a difference or a
 * rate. Stages `kind`, `kind-said` (first applies), and the reconciling stages `period` / `base-of` /
 * `period-final` where the kind depends on the year found.
 */
import type { ValueKind } from '@shiryo/model';
import { kindOfWord, OUTLOOK_PREDICATE, YEAR_ON_YEAR_PATTERN } from '@shiryo/model';
import { kindWord } from '../../labels.js';
import { BRACKET_KIND, immediateKind } from '../../prose/words.js';
import { rule } from '../engine.js';
import type { ProseValueContext } from '../prose-context.js';

/** A comparison with last year right before a value (`前年同期比 ▲38件`, `（対前年度比：`). */
const YEAR_ON_YEAR_BEFORE = new RegExp(`(?:${YEAR_ON_YEAR_PATTERN.source})\\s*[:：]?\\s*$`, 'u');

/** `…実績（41人）の1.28倍`, `…実績20人の1.5倍以上`: the value is the base a ratio after it is measured against. */
export const RATIO_BASE_AFTER = /^\s*[)）]?\s*の\s*[0-9０-９.．]+\s*倍/u;

/** Between a ratio and the amount it sets: `1.28倍以上の53人`, `1.27倍以上に当たる31人`, `1.2倍以上となる9人`. */
export const RATIO_AMOUNT_BETWEEN = /^\s*(?:以上|以下|未満|程度)?\s*(?:の|に当たる|にあたる|となる)\s*$/u;

const MARKERS = new RegExp(`【([^】]*)】|${BRACKET_KIND.source}`, 'gu');
const hasMarker = (seg: string) => [...seg.matchAll(MARKERS)].length > 0;

/** The kind the segment's markers (`【目標値】`, `（基準値）`) or its sentence's kind word state. */
function segmentKind(seg: string): ValueKind | null {
  const markers = [...seg.matchAll(MARKERS)]
    .map((m) => m[1] ?? m[2]!)
    .filter((m) => !/時点|現在/u.test(m))
    // (a kind word alone, `（計画量）`, `【目標数値】`, reads as the header reader reads it; a phrase by its words)
    .map((m) => (/^基準/u.test(m) ? 'baseline' : (kindOfWord(m) ?? kindWord(m))))
    .filter((k): k is ValueKind => k !== null);
  // (a kind word of an earlier sentence, `…目標を上回りました。なお、令和3年度の参加率は7.1％`, says nothing of this one)
  return (
    markers[markers.length - 1] ??
    kindWord(seg.slice(seg.lastIndexOf('。') + 1).replace(/【[^】]*(?:時点|現在)[^】]*】/gu, ''))
  );
}

export const segmentMarker = rule<ProseValueContext>({
  id: 'kind.segment-marker',
  family: 'kind',
  stage: 'kind',
  priority: 10,
  summary:
    'A kind marker (`【目標値】`, `② 実績`, `（基準値）`) holds for the values after it in the same item; the last marker of the segment decides (words in sentences before it describe how a target was set).',
  // (`令和3年度実績（41人）の1.28倍以上`: the kind word of a sentence right before the base a ratio is measured against
  // is the base's own, `kind.ratio-base`; it says nothing of the target the sentence sets)
  applies: (x) => !!segmentKind(x.seg) && !(RATIO_BASE_AFTER.test(x.rest) && !hasMarker(x.seg)),
  apply(x) {
    x.I.runningKind = segmentKind(x.seg);
    x.I.runningFromSentence = !hasMarker(x.seg);
  },
  examples: [
    { text: '【目標値】令和8年度末の地域生活移行者数：5人', expect: { value_kind: 'target', value: 5 } },
    // (a kind word with a value suffix in brackets, read as the header reader reads it)
    { text: '移動支援の利用時間（計画量）：令和7年度 1,450時間', expect: { value_kind: 'plan', value: 1450 } },
  ],
});

/** The words after a value up to its sentence's full stop, the stop included (all of them when there is none). */
function toFullStop(rest: string): string {
  const end = rest.search(/[。．]/u);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

/** A clause that ends after a kind word (`…を目標としましたが、`, `…ことを目標とし、`): what follows is another clause. */
const CLAUSE_AFTER_KIND = /(?:目標|見込|計画)[^、。]*?(?:が|ものの|けれども|し)[、,，]/u;

/** A clause's predicate reporting what happened (`…にとどまりました。`, `…が参加しました。`, `…であった。`). */
const PAST_RESULT = /(?:ました|でした|った|であった)\s*(?:[。．]|$)/u;

/**
 * The value stands in a clause after the one that named a kind, and its own clause reports what happened: `…7割以上が
 *利用することを目標としましたが、利用者は12人、利用率は58.1％にとどまりました。`.
 */
function resultClauseAfterKind(x: ProseValueContext): boolean {
  const sentence = x.seg.slice(x.seg.lastIndexOf('。') + 1);
  const m = CLAUSE_AFTER_KIND.exec(sentence);
  if (!m) return false;
  const after = sentence.slice((m.index ?? 0) + m[0].length);
  if (kindWord(after)) return false;
  const clause = toFullStop(x.rest);
  return PAST_RESULT.test(clause) && !/目標|見込|計画/u.test(clause);
}

export const resultClauseAfterTarget = rule<ProseValueContext>({
  id: 'kind.result-clause-after-target',
  family: 'kind',
  stage: 'kind',
  priority: 11,
  summary:
    'Family "a result after the target in one sentence": a value in a clause after the one that set a target (`…を目標としましたが、`, `…を目標とし、`) whose own clause reports what happened (`…にとどまりました。`, `…が参加しました。`) is a result, not that target.',
  applies: (x) => x.I.runningKind === 'target' && resultClauseAfterKind(x),
  apply(x) {
    x.I.runningKind = null;
  },
  examples: [
    {
      text: '研修には、職員が毎年度3人以上参加することを目標とし、令和6年度は6人が参加しました。',
      expect: { value_kind: 'actual', value: 6 },
    },
  ],
});

export const sentenceWordEndsAtFullStop = rule<ProseValueContext>({
  id: 'kind.sentence-word-ends-at-full-stop',
  family: 'kind',
  stage: 'kind',
  priority: 12,
  summary:
    'Family "numbers in spoken turns of a minute": a kind word of a sentence (`…目標である48人に向けて…。`) says the kind of that sentence only; after its full stop, a value whose own sentence names no kind (`就労移行支援は、月平均利用者数が86人で`) does not inherit it (a marker, `【目標値】`, still holds to the next one).',
  applies: (x) => !!x.I.runningKind && !!x.I.runningFromSentence && /[。．]/u.test(x.seg) && !segmentKind(x.seg),
  apply(x) {
    x.I.runningKind = null;
    x.I.runningFromSentence = false;
  },
  examples: [
    {
      text: 'はじめに、一般就労への移行です。令和8年度の目標である30人に向けて取り組みます。次に、生活介護は、令和6年度の月平均利用者数が140人でした。',
      expect: { value_kind: 'actual', value: 140 },
    },
  ],
});

export const running = rule<ProseValueContext>({
  id: 'kind.running',
  family: 'kind',
  stage: 'kind',
  priority: 20,
  quiet: true,
  summary: 'The kind a marker earlier in the item stated.',
  applies: (x) => !!x.I.runningKind,
  apply(x) {
    x.kind = x.I.runningKind!;
  },
  examples: [
    { text: '【実績】令和5年度 相談件数：210件、訪問件数：88件', expect: { value_kind: 'actual', value: 88 } },
  ],
});

export const itemStart = rule<ProseValueContext>({
  id: 'kind.item-start',
  family: 'kind',
  stage: 'kind',
  priority: 21,
  summary: 'A kind word at the start of the item (`目標 令和8年度末 12人`).',
  applies: (x) => !x.I.runningKind && !!x.I.blockKind,
  apply(x) {
    x.kind = x.I.blockKind!;
  },
  examples: [
    { text: '目標について。令和8年度末の一般就労移行者数は12人', expect: { value_kind: 'target', value: 12 } },
  ],
});

export const itemState = rule<ProseValueContext>({
  id: 'kind.state',
  family: 'kind',
  stage: 'kind',
  priority: 22,
  summary: 'The kind the heading or the label line above stated (`【目標】`, `② 実績`).',
  applies: (x) => !x.I.runningKind && !x.I.blockKind && !!x.I.state.kind,
  apply(x) {
    x.kind = x.I.state.kind!;
  },
  examples: [
    { text: '【目標】\n\n就労定着支援の利用者数 令和8年度 24人', expect: { value_kind: 'target', value: 24 } },
  ],
});

export const accountBookKindProse = rule<ProseValueContext>({
  id: 'kind.account-book-prose',
  family: 'kind',
  stage: 'kind',
  priority: 24,
  summary:
    "Budget books and settlement reports: an amount on a line no kind word marks (a `１款 民生費 37,723,107千円` caption) is what the book's amounts are: a budget book's plan, a settlement report's result.",
  applies: (x) => !x.I.runningKind && !x.I.blockKind && !x.I.state.kind && !!x.I.ctx.accountKind,
  apply(x) {
    x.kind = x.I.ctx.accountKind!;
  },
  examples: [
    {
      text: '令和7年度 一般会計予算書\n\n３款 衛生費 12,345,678千円',
      expect: { value_kind: 'plan', value: 12345678000 },
    },
  ],
});

export const defaultActualProse = rule<ProseValueContext>({
  id: 'kind.default-actual-prose',
  family: 'kind',
  stage: 'kind',
  priority: 23,
  summary: 'A value in a sentence that nothing gives a kind is read as a result.',
  applies: (x) => !x.I.runningKind && !x.I.blockKind && !x.I.state.kind,
  apply(x) {
    x.kind = 'actual';
  },
  examples: [{ text: '令和5年度の日中一時支援の利用者は37人でした。', expect: { value_kind: 'actual', value: 37 } }],
});

export const boundIsTarget = rule<ProseValueContext>({
  id: 'kind.bound-is-target',
  family: 'kind',
  stage: 'kind',
  priority: 30,
  summary:
    '`年6回以上`, `72人を超えない`: a bound is a target unless the text says otherwise (a heading of a state, `主な指標の状況`, does not).',
  applies: (x) =>
    x.kind !== 'target' &&
    !!x.q.quantity.qualifier &&
    x.q.quantity.qualifier !== 'approx' &&
    (!x.I.state.kind || !!x.I.state.kindOfState) &&
    // (a kind word of the value's own sentence decides; the 目標 of the sentence before it does not)
    !kindWord(x.seg.slice(x.seg.lastIndexOf('。') + 1)),
  apply(x) {
    x.kind = 'target';
  },
  examples: [
    { text: '施設入所者数を58人以下とします。', expect: { value_kind: 'target', value: 58 } },
    {
      text: '地域移行者を2人以上とすることを目標とします。また、令和8年度末の入所者数は、52人を下回ることを目指します。',
      expect: { value_kind: 'target', value: 52 },
    },
  ],
});

export const recordWord = rule<ProseValueContext>({
  id: 'kind.record-word',
  family: 'kind',
  stage: 'kind-said',
  priority: 5,
  summary:
    'Family "a record line = year + (kind word, number)+ pairs": each number of a record line is of the kind its own word states (`計画：120` plan, `実績見込 118` estimate, `対計画比 98.3` achievement_rate, `乖離 ▲2` deviation).',
  applies: (x) => !!x.I.record?.kinds.has(x.q),
  apply(x) {
    x.kind = x.I.record!.kinds.get(x.q)!;
  },
  examples: [
    {
      text: '居宅療養管理指導（人／月）\n\nR5　計画：410人、実績見込：398人\n\nR6　計画：430人、実績見込：441人',
      expect: { value_kind: 'estimate', value: 441, fiscal_year: 2024, unit: 'person/month' },
    },
  ],
});

export const wordBefore = rule<ProseValueContext>({
  id: 'kind.word-before',
  family: 'kind',
  stage: 'kind-said',
  priority: 10,
  summary:
    'The word right before the value says what it is: `【現状値】620人`, `（達成率83％）`, `目標：年4回以上` (a comparison with last year is read by `kind.year-on-year`).',
  applies: (x) => {
    if (YEAR_ON_YEAR_BEFORE.test(x.before)) return false;
    x.said = immediateKind(x.before);
    return !!x.said;
  },
  apply(x) {
    x.kind = x.said!;
  },
  examples: [{ text: '介護予防教室の参加者数 現状値：412人', expect: { value_kind: 'baseline', value: 412 } }],
});

/** A kind word as the topic right before a value (`…に対する達成率は97.3％`, `実績値が1,204人`). */
const TOPIC_KIND = /([\p{sc=Han}]{1,8})[はが]\s*$/u;

export const topicWord = rule<ProseValueContext>({
  id: 'kind.topic-word',
  family: 'kind',
  stage: 'kind-said',
  priority: 12,
  summary:
    'A kind word that is the topic of the value (`計画値に対する達成率は97.3％`, `乖離は▲12人`) says what it is, whatever the sentence names before it (a comparison with last year is read by `kind.year-on-year`).',
  applies: (x) => {
    const word = TOPIC_KIND.exec(x.before)?.[1];
    if (!word || YEAR_ON_YEAR_BEFORE.test(word)) return false;
    x.said = kindOfWord(word);
    return !!x.said;
  },
  apply(x) {
    x.kind = x.said!;
  },
  examples: [
    {
      text: '令和5年度の訪問入浴介護の利用回数は月412回で、見込量に対する達成率は88.6％でした。',
      expect: { value_kind: 'achievement_rate', value: 88.6, unit: 'percent' },
    },
  ],
});

export const yearOnYear = rule<ProseValueContext>({
  id: 'kind.year-on-year',
  family: 'kind',
  stage: 'kind-said',
  priority: 20,
  summary:
    'A signed change (or a count) right after 前年度比 is a difference, and so is a percent the text says is a rise or a fall (`前年度比8％増`, `前年度比2割減`); a percent level after it is not.',
  applies: (x) =>
    YEAR_ON_YEAR_BEFORE.test(x.before) &&
    (x.signed ||
      x.q.quantity.unit !== 'percent' ||
      // (`前年度比1割増以上` is a bound, and a rise under a heading of targets the target: neither is a difference)
      (x.kind !== 'target' && /^\s*(?:の)?(?:増|減)(?![^、。,，\s]{0,3}(?:以上|以下|未満))/u.test(x.rest))),
  apply(x) {
    x.kind = 'deviation';
  },
  examples: [
    { text: '令和5年度の相談件数は612件（前年同期比 ▲38件）でした。', expect: { value_kind: 'deviation', value: -38 } },
    { text: '令和6年度の日中一時支援の利用日数は前年度比6％増でした。', expect: { value_kind: 'deviation', value: 6 } },
  ],
});

export const comparedWith = rule<ProseValueContext>({
  id: 'kind.compared-with',
  family: 'kind',
  stage: 'kind-said',
  priority: 30,
  summary:
    '`前年度より7か所増え`, `昨年と比べて12人減少`, `前年度末から18人増加`: a count of how much more or less is a difference, signed as a difference is (family "a decrease written in words": `12人減少` → −12, as `▲12人` is).',
  applies: (x) =>
    /(?:より|から|と比べて?|と比較して|に比べて?)\s*$/u.test(x.before) && /^\s*(?:の)?(?:増|減|多|少)/u.test(x.rest),
  apply(x) {
    x.kind = 'deviation';
    // (a sign written before the number, `▲12人減少`, already says it)
    if (/^\s*(?:の)?(?:減|少)/u.test(x.rest) && !x.signed && x.q.quantity.value > 0)
      x.q = { ...x.q, quantity: { ...x.q.quantity, value: -x.q.quantity.value } };
  },
  examples: [
    {
      text: '通いの場の数は令和5年度末で86か所となり、前年度より7か所増加した。',
      expect: { value_kind: 'deviation', value: 7 },
    },
    {
      text: '令和6年度末の要介護認定者数は4,102人で、前年度末から35人減少しました。',
      expect: { value_kind: 'deviation', value: -35 },
    },
  ],
});

/**
 * A plan's or a target's word right before `の`, `を` or `に対して` (`見込量の`, `計画値を`, `計画値に対して`): what a
 * result is measured against.
 */
const AGAINST_PLAN = /([\p{sc=Han}]{1,8})\s*(?:[のを]|に対して|に対し)\s*$/u;
const againstPlan = (before: string) => {
  const k = kindOfWord(AGAINST_PLAN.exec(before)?.[1] ?? '');
  return k === 'plan' || k === 'target';
};

/**
 * A comparison with a time before, then the topic of the count (`前年同期と比べて事業所は`, `昨年度に比べ利用者が`): a
 * short topic with no clause end between them.
 */
const COMPARED_THEN_TOPIC =
  /(?:前|昨|先)[^、。,，]{0,6}(?:より|と比べて?|に比べて?|と比較して)[、,，]?[^、。,，\s]{1,12}(?:は|が|も)\s*$/u;

export const comparedWithTopic = rule<ProseValueContext>({
  id: 'kind.compared-with-topic',
  family: 'kind',
  stage: 'kind-said',
  priority: 31,
  summary:
    'Family "numbers in spoken turns of a minute": `前年同期と比べて事業所は2か所増えております`, `昨年度に比べ利用者が5人減っています` — a count of how much more or less, after a comparison with an earlier time and the topic it counts, is a difference (signed: 減って/減少 → negative), as `前年度より7か所増え` is.',
  applies: (x) =>
    x.kind !== 'deviation' &&
    !x.q.quantity.qualifier &&
    COMPARED_THEN_TOPIC.test(x.before) &&
    /^\s*(?:増え|増加|減っ|減り|減少|多く|少な)/u.test(x.rest),
  apply(x) {
    x.kind = 'deviation';
    if (/^\s*(?:減|少)/u.test(x.rest) && !x.signed && x.q.quantity.value > 0)
      x.q = { ...x.q, quantity: { ...x.q.quantity, value: -x.q.quantity.value } };
  },
  examples: [
    {
      text: '令和7年4月1日現在、町内の放課後等デイサービス事業所は9か所で、前年度と比べて事業所は3か所増えております。',
      expect: { value_kind: 'deviation', value: 3 },
    },
    {
      text: '令和6年度の短期入所の利用者は月平均30人で、昨年度に比べ利用者が4人減っています。',
      expect: { value_kind: 'deviation', value: -4 },
    },
  ],
});

export const shareOfPlan = rule<ProseValueContext>({
  id: 'kind.share-of-plan',
  family: 'kind',
  stage: 'kind-said',
  priority: 32,
  summary:
    '`人数は見込量の94.3％`, `計画値の8割`, `実績値は、計画値に対して98.2％となりました`: a share of the plan or the target, with no bound, is how far the result reached it (an achievement rate); `目標値の6％以上` is a bound (a target), and `見込量の8割を下回った` a threshold.',
  applies: (x) =>
    x.q.quantity.unit === 'percent' &&
    !x.q.quantity.qualifier &&
    /(?:の|に対して|に対し)\s*$/u.test(x.before) &&
    againstPlan(x.before) &&
    !/^\s*を?(?:下回|上回|超)/u.test(x.rest),
  apply(x) {
    x.kind = 'achievement_rate';
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t令和6年度見込量\t令和6年度実績\t備考\n同行援護\t月40人\t月37人\t人数は見込量の92.5％\n',
      expect: { value_kind: 'achievement_rate', value: 92.5, fiscal_year: 2024 },
    },
    {
      text: '令和5年度の地域支援事業費の実績値は、計画値に対して91.4％でした。',
      expect: { value_kind: 'achievement_rate', value: 91.4, fiscal_year: 2023 },
    },
  ],
});

export const beyondPlan = rule<ProseValueContext>({
  id: 'kind.beyond-plan',
  family: 'kind',
  stage: 'kind-said',
  priority: 34,
  summary:
    '`人数は見込量を11人上回った`, `計画値を3か所下回り`: by how much a result passed or missed the plan or the target is a difference (negative when it fell short, as `差` = result − plan).',
  applies: (x) => /を\s*$/u.test(x.before) && againstPlan(x.before) && /^\s*(?:上回|下回|超え|超過)/u.test(x.rest),
  apply(x) {
    x.kind = 'deviation';
    if (/^\s*下回/u.test(x.rest) && x.q.quantity.value > 0)
      x.q = { ...x.q, quantity: { ...x.q.quantity, value: -x.q.quantity.value } };
  },
  examples: [
    {
      text: '令和6年度の短期入所の利用者数は月48人で、見込量を6人下回りました。',
      expect: { value_kind: 'deviation', value: -6 },
    },
  ],
});

export const sentenceSaysTarget = rule<ProseValueContext>({
  id: 'kind.sentence-says-target',
  family: 'kind',
  stage: 'kind-said',
  priority: 40,
  summary: '`…110か所とすることを目標に`: the sentence says the value is a target.',
  applies: (x) => /^\s*(?:と(?:すること|する)?)?(?:を|が)目標/u.test(x.rest),
  apply(x) {
    x.kind = 'target';
  },
  examples: [
    {
      text: '認知症サポーターの養成者数を累計9,000人とすることを目標とします。',
      expect: { value_kind: 'target', value: 9000 },
    },
  ],
});

/** `14人が地域生活へ移行することを目標`, `20人を雇用することを目標`: the value is the subject or object of the goal's clause. */
const SUBJECT_OF_GOAL =
  /^\s*(?:以上|以下|程度)?\s*(?:が|を|の方が)[^、。,，]{1,30}?(?:すること|できること|となること)を目標/u;

export const subjectOfGoalClause = rule<ProseValueContext>({
  id: 'kind.subject-of-goal-clause',
  family: 'kind',
  stage: 'kind-said',
  priority: 41,
  summary:
    'Family "numbers in spoken turns of a minute": `令和8年度末までに14人が地域生活へ移行することを目標としております` — a value that is the subject (or object) of a clause the sentence sets as its goal (`…することを目標`, in any politeness) is a target.',
  applies: (x) => x.kind !== 'target' && SUBJECT_OF_GOAL.test(x.rest),
  apply(x) {
    x.kind = 'target';
  },
  examples: [
    {
      text: '令和8年度までに9人が一般企業へ就職することを目標にしております。',
      expect: { value_kind: 'target', value: 9 },
    },
  ],
});

/**
 * The end of a clause that has a predicate of its own (`306人（市内22事業所）で、`, `…ことから、`): the predicate at the end
 * of the sentence is not the value's (a list of values, `388人、利用回数は…`, shares it).
 */
const CLAUSE_END = /(?:で|から|ため|ので|が|おり|あり)[、,，]/u;

/** The value's own clause, from the value to the full stop, ends in a predicate of outlook. */
function saysOutlook(x: ProseValueContext): boolean {
  // (a base in brackets after the predicate, `…を見込みます（令和5年度実績　32人）。`, is an aside: the predicate is
  // before it)
  const clause = toFullStop(x.rest).replace(/[(（][^()（）]*[)）]\s*(?=[。．]?\s*$)/u, '');
  return OUTLOOK_PREDICATE.test(clause) && !CLAUSE_END.test(clause);
}

export const sentenceSaysOutlook = rule<ProseValueContext>({
  id: 'kind.sentence-says-outlook',
  family: 'kind',
  stage: 'kind-said',
  priority: 45,
  summary:
    '`利用者数は月平均1,084人、利用回数は月平均22,310回の見込みです。`, `…1事業所の新規整備を見込みます。`: a sentence whose predicate says what is expected or planned (an outlook stem of the vocabulary, `OUTLOOK_STEMS`, and kana endings) makes its values plans.',
  applies: saysOutlook,
  apply(x) {
    x.kind = 'plan';
  },
  examples: [
    { text: '令和6年度の訪問看護の利用者数は月平均640人の見込みです。', expect: { value_kind: 'plan', value: 640 } },
    { text: '令和8年度のグループホームの定員は54人と想定しています。', expect: { value_kind: 'plan', value: 54 } },
  ],
});

/** The value's fiscal year comes before the plan term the document states (`令和5年度` in a 第9期 plan, 2024–2026). */
function datedBeforePlanTerm(x: ProseValueContext): boolean {
  return x.I.planStart != null && x.period?.fiscalYear != null && x.period.fiscalYear < x.I.planStart;
}

export const outlookBeforePlanIsEstimate = rule<ProseValueContext>({
  id: 'kind.outlook-before-plan-is-estimate',
  family: 'kind',
  stage: 'period-final',
  priority: 15,
  summary:
    '`令和5年度の利用者数は月平均1,084人の見込みです。` in a 第9期 plan (2024–2026): what a sentence expects of a year before the plan term is a result estimated before it is final (`estimate`, as `実績見込`), not a plan.',
  applies: (x) =>
    x.kind === 'plan' &&
    datedBeforePlanTerm(x) &&
    // (the year is of the value's own clause: not of a clause before it, `令和5年度末の定員は306人で、…第9期計画期間中に
    // 定員18人分の整備を計画します`, nor of a sentence before it)
    x.between !== null &&
    !CLAUSE_END.test(x.between) &&
    !/[。．]/u.test(x.between) &&
    saysOutlook(x),
  apply(x) {
    x.kind = 'estimate';
  },
  examples: [
    {
      text: '第9期介護保険事業計画\n\n令和5年度の訪問看護の利用者数は月平均612人の見込みです。',
      expect: { value_kind: 'estimate', fiscal_year: 2023, value: 612 },
    },
  ],
});

export const signedChangeFrom = rule<ProseValueContext>({
  id: 'kind.signed-change-from',
  family: 'kind',
  stage: 'period',
  priority: 70,
  summary:
    '`前年同期（192人）から▲24人`, `前年度末と比べて▲2人`: a signed change from a value, or compared with one, is a difference.',
  applies: (x) => /(?:から|と比べて?|に比べて?|と比較して)\s*[、,]?\s*$/u.test(x.before) && x.signed,
  apply(x) {
    x.kind = 'deviation';
  },
  examples: [
    { text: '利用者数は前年同期（150人）から▲12人となった。', expect: { value_kind: 'deviation', value: -12 } },
    {
      text: '令和5年度末のグループホーム入居者は84人で、前年度末に比べて△3人でした。',
      expect: { value_kind: 'deviation', value: -3, fiscal_year: 2023 },
    },
  ],
});

export const bracketBaseAfterTarget = rule<ProseValueContext>({
  id: 'kind.bracket-base-after-target',
  family: 'kind',
  stage: 'period-final',
  priority: 20,
  summary:
    'Family "成果目標 prose with its base in brackets after the target" (`年4回以上開催します（令和5年度の開催回数　2回）`, `…とします（令和4年度末の利用者数　3人）`): a value in brackets opened after a target, dated before the plan term, is the base the target was set from (`baseline`), not a result.',
  applies: (x) =>
    x.I.prevKind === 'target' &&
    x.kind !== 'baseline' &&
    !x.q.quantity.qualifier &&
    // (a ratio in the brackets, `（令和3年度実績17人の1.41倍）`, measures the target against its base: the target's)
    x.q.quantity.unit !== 'ratio' &&
    // (a bracket opened since the target and still open at the value)
    /[（(][^（）()]*$/u.test(x.seg) &&
    !/[。．]/u.test(x.seg) &&
    datedBeforePlanTerm(x),
  apply(x) {
    x.kind = 'baseline';
  },
  examples: [
    {
      text: '第7期障がい福祉計画（計画期間：令和6年度～令和8年度）\n\n相談支援専門員の合同研修会を年6回以上開催します（令和4年度の開催回数　3回）。',
      expect: { value_kind: 'baseline', fiscal_year: 2022, value: 3 },
    },
  ],
});

export const commitmentByDeadline = rule<ProseValueContext>({
  id: 'kind.commitment-by-deadline',
  family: 'kind',
  stage: 'kind-said',
  priority: 42,
  summary:
    'Family "成果目標 prose with its base in brackets after the target": `令和8年度末までに町内に1か所設置します` — a count the sentence commits to set up or secure by a deadline (`までに`) is a target, with or without 以上.',
  applies: (x) =>
    x.kind !== 'target' &&
    /までに/u.test(x.sentenceBefore) &&
    /^\s*(?:を|の)?\s*(?:設置|確保|整備|開設|配置|創設)(?:します|する(?:こと)?を?目|を目指)/u.test(x.rest),
  apply(x) {
    x.kind = 'target';
  },
  examples: [
    {
      text: '基幹相談支援センターを令和8年度末までに市内に1か所設置します。',
      expect: { value_kind: 'target', fiscal_year: 2026, value: 1 },
    },
  ],
});

/** A clause's predicate stating what a value was or is (`…3人でした。`, `…98人となり、`, `…1,234件で、`). */
const FACT_PREDICATE =
  /^\s*[)）]?\s*(?:でした|です|でありました|であり|であった|である|で[、,，]|となって(?:い|お)|とな(?:り|った|りました)|に(?:とどま|留ま|達し)|(?:と|で)(?:前年度|前年)?(?:から|より)?[^、。]{0,12}(?:増加|減少)し)/u;

/** Words by which a sentence sets, expects or plans a value rather than reporting it. */
const SETTING_WORDS = /目標|目指|めざ|見込|計画|予定|推計|想定|設定|見通し/u;

export const factUnderTargetHeading = rule<ProseValueContext>({
  id: 'kind.fact-under-target-heading',
  family: 'kind',
  stage: 'period-final',
  priority: 18,
  summary:
    'Family "results reported under a targets heading" (`1 成果目標` over `令和5年度の地域移行者数は3人でした。`, `…は令和5年度末で98人となり、`): a value the heading alone made a target, whose own sentence names no target, plan or outlook and whose clause states what it was or is (`でした`, `です`, `となり`, `で、`), dated no later than the year of the document (or before the plan term), is a result.',
  applies: (x) => {
    if (x.kind !== 'target' || x.I.state.kind !== 'target' || x.I.runningKind || x.I.blockKind || x.said) return false;
    if (x.q.quantity.qualifier) return false;
    const fy = x.period?.fiscalYear;
    if (fy == null) return false;
    const docYear = x.I.ctx.documentYear?.fiscalYear ?? null;
    const past = (docYear != null && fy <= docYear) || (x.I.planStart != null && fy < x.I.planStart);
    if (!past) return false;
    const clause = toFullStop(x.rest);
    return (
      FACT_PREDICATE.test(x.rest) &&
      !SETTING_WORDS.test(x.sentenceBefore) &&
      !SETTING_WORDS.test(clause.split(/[、,，]/u)[0] ?? '')
    );
  },
  apply(x) {
    x.kind = 'actual';
  },
  examples: [
    {
      text: '令和6年度 第1回 協議会\n\n1 成果目標\n\n令和5年度のグループホーム入居者数は42人でした。',
      expect: { value_kind: 'actual', fiscal_year: 2023, value: 42 },
    },
  ],
});

export const PROSE_KIND_RULES = [
  segmentMarker,
  resultClauseAfterTarget,
  sentenceWordEndsAtFullStop,
  running,
  itemStart,
  itemState,
  defaultActualProse,
  accountBookKindProse,
  boundIsTarget,
  recordWord,
  wordBefore,
  topicWord,
  yearOnYear,
  comparedWith,
  comparedWithTopic,
  shareOfPlan,
  beyondPlan,
  sentenceSaysTarget,
  subjectOfGoalClause,
  sentenceSaysOutlook,
  outlookBeforePlanIsEstimate,
  signedChangeFrom,
  bracketBaseAfterTarget,
  commitmentByDeadline,
  factUnderTargetHeading,
];
