/**
 * Label rules of prose: what a number in a sentence counts. Stages `label` (from the words before the value),
 * `label-lead` (first applies: the words a value without a label of its own takes) and `label-fallback`.
 */
import { classBody, MANNER_WORDS, NOTE_MARKS, SECTION_MARKS, SPEAKER_MARK, wordsPattern } from '@shiryo/model';
import { isMeasureOnly, kindWord } from '../../labels.js';
import { findPeriods } from '../../period/index.js';
import {
  ACTIVITY,
  COUNT_LABEL,
  COUNT_LEAD,
  cleanLabel,
  countsFor,
  immediateKind,
  isShortCount,
  KIND_TAIL,
  lastOutsideBrackets,
  PLACE_LABEL,
  sectionCount,
  yearOnly,
} from '../../prose/words.js';
import { rule } from '../engine.js';
import { RATIO_AMOUNT_BETWEEN, RATIO_BASE_AFTER } from '../kind/prose.js';
import type { ProseValueContext } from '../prose-context.js';

export const numberedItem = rule<ProseValueContext>({
  id: 'label.numbered-item',
  family: 'label',
  stage: 'label',
  priority: 5,
  summary:
    'A numbered item (`⑥保健、医療、福祉…ごとの参加者数 8人`) is labelled from its number on: the commas inside it list parts of one name.',
  applies: (x) => x.listed,
  apply() {},
  examples: [
    {
      text: '③ 保健、医療、福祉、当事者ごとの協議の場への参加者数 14人',
      expect: { value: 14 },
    },
  ],
});

export const bracketWord = rule<ProseValueContext>({
  id: 'label.bracket-word',
  family: 'label',
  stage: 'label',
  priority: 10,
  summary: '`2回目：研修を実施（参加者9名）`: a value inside a bracket is labelled by the words in front of it there.',
  applies: (x) => {
    const w = /[(（]\s*([^()（）0-9０-９\s]{2,12})\s*$/u.exec(x.label)?.[1];
    return !!w && !kindWord(w);
  },
  apply(x) {
    x.label = /[(（]\s*([^()（）0-9０-９\s]{2,12})\s*$/u.exec(x.label)![1]!;
  },
  examples: [
    {
      text: 'Ｙ市障害福祉計画 進捗\n\n・令和5年度 手話講習会を開催（受講者17名）',
      expect: { label: '受講者', value: 17 },
    },
  ],
});

export const afterTopic = rule<ProseValueContext>({
  id: 'label.after-topic',
  family: 'label',
  stage: 'label',
  priority: 20,
  summary: "`利用先は、①市内施設：26人`: the topic before は is not part of each item's label.",
  applies: (x) => !!x.I.topic && x.label.startsWith(x.I.topic),
  apply(x) {
    x.label = x.label.slice(x.I.topic!.length).replace(/^は[、,]?/u, '');
  },
  examples: [{ text: '退所者の行き先は、・グループホーム：3人 ・自宅：2人', expect: { value: 3 } }],
});

/** What follows a speaker mark is said (a sentence with kana in it, `就労定着支援の…利用者数は月平均`), not a name. */
const afterSpeakerMark = (label: string): string | null => {
  const m = SPEAKER_MARK.exec(label);
  if (!m) return null;
  const rest = label.slice(m[0].length);
  return rest.length >= 6 && /\p{sc=Hiragana}/u.test(rest) ? rest : null;
};

export const speakerMark = rule<ProseValueContext>({
  id: 'label.speaker-mark',
  family: 'label',
  stage: 'label',
  priority: 22,
  summary:
    'Family "numbers in spoken turns of a minute": the speaker mark opening a turn (`○事務局（障がい福祉課長）`, `○会長`, `○Ａ委員`; `SPEAKER_MARK` of the vocabulary) names who speaks, not what is counted: the label starts after it.',
  applies: (x) => afterSpeakerMark(x.label) !== null,
  apply(x) {
    x.label = afterSpeakerMark(x.label)!;
  },
  examples: [
    {
      text: '○事務局（高齢福祉課 田中係長）　認知症カフェの令和5年度の開催回数は48回でした。',
      expect: { value: 48, label: '認知症カフェ' },
    },
  ],
});

export const clean = rule<ProseValueContext>({
  id: 'label.clean',
  family: 'label',
  stage: 'label',
  priority: 25,
  quiet: true,
  summary:
    'The label without bracketed kind words, list marks, tags, trailing particles and the words that tie a year to it (a step of every value).',
  applies: () => true,
  apply(x) {
    x.label = cleanLabel(x.label);
    x.unsliced = x.label;
  },
  examples: [{ text: '【目標値】地域生活移行者数：5人', expect: { value: 5 } }],
});

/**
 * A sentence end, a comma, a heavy mark that opens a clause (`●`, `○`, `■`…) or a note mark. Not the light item marks
 * (`・`, `•`): they list items inside one clause (`保健・医療`, `… •年6回以上協議` whose label is the row's item).
 */
const SEPARATORS = ['。', '、', '●', '○', ...SECTION_MARKS, NOTE_MARKS];
const CLAUSE_SPLIT = new RegExp(`[${classBody(SEPARATORS.join(''))}]`, 'u');

/** What ends a sentence or an item (every separator but the comma). */
const HEAVY_SEPARATORS = SEPARATORS.filter((m) => m !== '、');
/** A clause that names its topic: `施設整備に係る自己資金について、…` (the topic, before について). */
const ABOUT_CLAUSE = /^(.+?)について$/u;

/**
 * The topic a clause of the value's sentence names before the value's own clause (`自己資金について、…の２割以上`):
 * the first such clause after the sentence's start; null when there is none or it is a bare word.
 */
function clauseTopic(label: string): string | null {
  const at = lastOutsideBrackets(label, SEPARATORS);
  // (only across commas: the value's clause opening a sentence or item of its own has no topic clause before it)
  if (at < 0 || label[at] !== '、') return null;
  const sentence = label.slice(lastOutsideBrackets(label.slice(0, at), HEAVY_SEPARATORS) + 1, at);
  for (const part of sentence.split(CLAUSE_SPLIT)) {
    const m = ABOUT_CLAUSE.exec(part.trim());
    if (!m) continue;
    const topic = cleanLabel(m[1]!);
    return topic.length >= 2 ? topic : null;
  }
  return null;
}

export const clauseTopicLabel = rule<ProseValueContext>({
  id: 'label.clause-topic',
  family: 'label',
  stage: 'label',
  priority: 29,
  summary:
    'Family "a topic named before the value\'s clause": in `開設当初の運営資金に係る自己資金について、…施設の年間事業費の１２分の２以上`, what the value is of is the topic before について (a clause of the same sentence), and the words of the value\'s own clause name its base: the label is the topic, then those words.',
  applies: (x) => {
    const at = lastOutsideBrackets(x.label, SEPARATORS);
    return !x.listed && at >= 0 && x.label.length - at > 2 && clauseTopic(x.label) !== null;
  },
  apply(x) {
    const tail = cleanLabel(x.label.slice(lastOutsideBrackets(x.label, SEPARATORS) + 1));
    x.label = `${clauseTopic(x.label)!} ${tail}`;
  },
  examples: [
    {
      text: '運転資金の積立てについて、毎年度の事業収入の１割以上を確保している。',
      expect: { value: 10, label: '運転資金の積立て 毎年度の事業収入' },
    },
  ],
});

export const afterLastSeparator = rule<ProseValueContext>({
  id: 'label.after-last-separator',
  family: 'label',
  stage: 'label',
  priority: 30,
  summary:
    'The label starts after the last sentence break, comma or bullet mark outside brackets (`…の開催 ●在宅医療フォーラムの実施`); `地域活動（通いの場、ボランティア等）に…` is one name.',
  applies: (x) => {
    const at = lastOutsideBrackets(x.label, SEPARATORS);
    return !x.listed && at >= 0 && x.label.length - at > 2;
  },
  apply(x) {
    x.label = cleanLabel(x.label.slice(lastOutsideBrackets(x.label, SEPARATORS) + 1));
  },
  examples: [{ text: '相談体制を強化し、基幹相談支援センターの相談件数は412件でした。', expect: { value: 412 } }],
});

export const noneAfterSentenceEnd = rule<ProseValueContext>({
  id: 'label.none-after-sentence-end',
  family: 'label',
  stage: 'label',
  priority: 31,
  summary: 'A value right after a finished sentence (`…として中止。 3回実施`) has no label of its own.',
  applies: (x) => {
    const at = lastOutsideBrackets(x.label, SEPARATORS);
    return !x.listed && !(at >= 0 && x.label.length - at > 2) && /。$/u.test(x.label);
  },
  apply(x) {
    x.label = '';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '事業\t実施状況\n手話奉仕員養成講座\t予定どおり実施した。 4回実施\n',
      expect: { value: 4 },
    },
  ],
});

/** `…移行者数は、令和3年度実績（`: the clause before the last comma ends in は or を (what the sentence sets). */
const TOPIC_CLAUSE = /([^、。,，]{2,}?)[はを]\s*[、,，][^、。,，]*$/u;

/**
 * The clause of what the sentence sets (TOPIC_CLAUSE), read over the commas left empty where a year was taken out
 * (`…利用者数は、令和8年度末において、令和3年度末の利用者数（` → `…利用者数は、 、 利用者数`).
 */
function topicClause(unsliced: string): string | null {
  const m = TOPIC_CLAUSE.exec(unsliced.replace(/[、,，](?:\s*[、,，])+/gu, '、'));
  return m ? cleanLabel(m[1]!.replace(/^(?:そのうち|うち|また|なお)/u, '')) : null;
}

/** A manner word (MANNER_WORDS) ending a label, with the particle or space before it. */
const MANNER_TAIL = new RegExp(`(?:^|(?<=[\\sはがをに、,]))\\s*(?:${wordsPattern(MANNER_WORDS)})\\s*$`, 'u');

export const mannerWordTail = rule<ProseValueContext>({
  id: 'label.manner-word-tail',
  family: 'label',
  stage: 'label',
  // (after label.clause-before-manner: `来場者は延べ` is a subject with its manner word, not a short last clause)
  priority: 42,
  summary:
    'Family "label fragments from prose": a word right before a value that says how it is counted or held (`延べ`, `合計`, `少なくとも`, `毎年度`, `引き続き`: MANNER_WORDS) is no part of what it counts (`参加者は延べ48人` → `参加者`); when nothing else is left, the clause the sentence sets (`協議の場を、…引き続き年2回`) names it.',
  // (`開催 毎年度4回`: a per-year word before a count of events is left to unit.per-year-word, which reads the year)
  applies: (x) => MANNER_TAIL.test(x.label) && !(/毎年度?$/u.test(x.label) && ['case', 'time'].includes(x.unit ?? '')),
  apply(x) {
    const rest = cleanLabel(x.label.replace(MANNER_TAIL, ''));
    if ([...rest].length >= 2) {
      x.label = rest;
      return;
    }
    const topic = rest ? null : topicClause(x.unsliced);
    if (topic) x.label = topic;
    // (`令和4年度は延べ420時間`: only a particle was left when the year went; a manner word alone, `延べ`, `計`, is
    // left to the lead rules as it was)
    else if (!rest && x.label.replace(MANNER_TAIL, '').trim()) x.label = '';
    else return false;
  },
  examples: [
    {
      text: '## 3 認知症カフェ\n\n令和5年度は市内4か所で開き、来場者は延べ215人でした。',
      expect: { label: '来場者', value: 215 },
    },
    {
      text: '## 4 地域ケア会議\n\n個別ケースを検討する会議を、令和8年度まで引き続き年6回以上開きます。',
      expect: { label: '個別ケースを検討する会議', value: 6 },
    },
  ],
});

export const topicOfBase = rule<ProseValueContext>({
  id: 'label.topic-of-base',
  family: 'label',
  stage: 'label',
  priority: 35,
  summary:
    'Family "outcome targets in sentences": `就労移行支援事業からの移行者数は、令和3年度実績（28人）の1.31倍…`: the base a ratio is measured against, with no words of its own after the comma (a year and a kind word), counts what the clause before the comma names.',
  applies: (x) => {
    // (also the ratio itself, `…移行者数は、令和元年度実績の1.38倍となった`, when it has no words of its own)
    const ratioOfYear = x.q.quantity.unit === 'ratio' && /の\s*$/u.test(x.sentenceBefore);
    if (x.listed || !(RATIO_BASE_AFTER.test(x.rest) || ratioOfYear)) return false;
    const topic = topicClause(x.unsliced);
    if (!topic) return false;
    // (the base's own words only restate the topic: `移行実績`, `利用者数` in `…の利用者数は、…の利用者数（8人）`)
    const own = cleanLabel(x.label.replace(KIND_TAIL, ''));
    return own.length < 2 || (!ratioOfYear && cleanLabel(x.label).length >= 2 && topic.includes(own));
  },
  apply(x) {
    x.label = topicClause(x.unsliced)!;
  },
  examples: [
    {
      text: '【目標】\n地域移行支援の利用者数は、令和4年度実績（6人）の1.5倍とします。',
      expect: { label: '地域移行支援の利用者数', value: 6 },
    },
    {
      // the base's own words restate the topic (and a comma left empty by its year)
      text: '## 5 相談支援\n\n計画相談支援の利用者数は、令和8年度末において、令和4年度末の利用者数（150人）の1.2倍とします。',
      expect: { label: '計画相談支援の利用者数', value: 150, value_kind: 'baseline' },
    },
  ],
});

/** A sentence that opens with what it counts as its topic (`児童発達支援の利用者数は、…`): a count, not a time. */
const LISTING_TOPIC =
  /^\s*(?:また|なお|さらに)?[、,，]?\s*([^、。,，]{2,40}?(?:数|率|割合|人員|量|時間))(?:は|については)[、,，]/u;
/** What is left of a label once per-period words and the sentence's kana are taken out: no name of its own when short. */
const namesNothing = (label: string) =>
  cleanLabel(label)
    .replace(/(?:1?か月|月)(?:当たり|あたり)|月平均|年間|毎年度|毎月|見込(?=[みむん])/gu, '')
    .replace(/[\p{sc=Hiragana}\s()（）・、,，]/gu, '').length < 2;

export const topicOfListedValues = rule<ProseValueContext>({
  id: 'label.topic-of-listed-values',
  family: 'label',
  stage: 'label',
  priority: 36,
  summary:
    'Family "values listed after a topic": `児童発達支援の利用者数は、令和6年度に月当たり120人、令和7年度に130人…を見込みます` — each value of a sentence that opens with the count it lists as its topic (`…の利用者数は、`), and has no name of its own after its comma (a year, `月当たり`, `を見込みます`), counts that topic.',
  applies: (x) => {
    if (x.listed) return false;
    const m = LISTING_TOPIC.exec(x.sentenceBefore);
    const topic = m?.[1];
    // (the first value's label still holds the topic: what follows it must name nothing)
    if (!topic || !namesNothing(x.label.includes(m[0].trim()) ? x.label.replace(m[0].trim(), '') : x.label))
      return false;
    // (a topic of a year and a measure, `令和8年度の利用者数は`, names what the heading names: not this family)
    return !/年度|年\s*\d+\s*月|[0-9０-９]+年/u.test(topic) && !isMeasureOnly(cleanLabel(topic));
  },
  apply(x) {
    x.label = cleanLabel(LISTING_TOPIC.exec(x.sentenceBefore)![1]!);
  },
  examples: [
    {
      text: '就労移行支援の利用者数は、令和6年度に38人、令和7年度に41人、令和8年度に45人を見込みます。',
      expect: { label: '就労移行支援の利用者数', value: 41 },
    },
  ],
});

export const ratioChain = rule<ProseValueContext>({
  id: 'label.ratio-chain',
  family: 'label',
  stage: 'label',
  priority: 36,
  summary:
    'Family "outcome targets in sentences": in `…実績（28人）の1.31倍以上の37人以上`, the ratio after its base and the amount after its ratio count what the base counts.',
  applies: (x) => {
    const prev = x.I.qs[x.qi - 1];
    // (the words between are particles only: the value has no label of its own)
    if (!prev || x.I.prevValue?.end !== prev.end || !x.I.prevValue.label) return false;
    const between = x.I.text.slice(prev.end, x.q.start);
    return (
      (x.I.prevValue.kind === 'baseline' && x.q.quantity.unit === 'ratio' && /^\s*[)）]?\s*の\s*$/u.test(between)) ||
      (prev.quantity.unit === 'ratio' && RATIO_AMOUNT_BETWEEN.test(between))
    );
  },
  apply(x) {
    x.label = x.I.prevValue!.label;
  },
  examples: [
    {
      text: '【目標】\n地域移行支援の利用者数は、令和4年度実績（6人）の1.5倍の9人とします。',
      expect: { label: '地域移行支援の利用者数', value: 9 },
    },
    {
      text: '## 2 自立生活援助\n\n自立生活援助の利用者数は、令和4年度実績（4人）の1.5倍以上となる6人以上とします。',
      expect: { label: '自立生活援助の利用者数', value: 6, value_kind: 'target' },
    },
  ],
});

export const clauseBeforeManner = rule<ProseValueContext>({
  id: 'label.clause-before-manner',
  family: 'label',
  stage: 'label',
  priority: 40,
  summary:
    '`介護教室の開催に至り、地域で3回実施`: a last clause of one short word says where or how; the clause before it names what was counted (also a clause that only says how it is done, without an object).',
  applies: (x) => {
    const howOnly = /(?:ながら|つつ|あわせて|併せて)\s*(?:実施|開催)$/u.test(x.label) && !/を/u.test(x.label);
    if (!x.label || x.label === x.unsliced || !([...x.label].length <= 3 || howOnly) || COUNT_LABEL.test(x.label))
      return false;
    const clauses = x.unsliced.split(CLAUSE_SPLIT).map((c) => cleanLabel(c));
    const previous = clauses[clauses.length - 2];
    return !!previous && [...previous].length >= 4;
  },
  apply(x) {
    const clauses = x.unsliced.split(CLAUSE_SPLIT).map((c) => cleanLabel(c));
    x.label = clauses[clauses.length - 2]!;
  },
  examples: [{ text: '認知症カフェの運営を支援し、各地区で12回開催', expect: { value: 12 } }],
});

const REACHED = /^\s*が([^、。！!？?]{4,40}?)に至(?:った|る|り)/u;

export const reached = rule<ProseValueContext>({
  id: 'label.reached',
  family: 'label',
  stage: 'label',
  priority: 50,
  summary:
    '`…への移行を進め、4名が病院から地域生活への移行に至った`: after a clause of what was done, the count is of what the words after it say the people reached.',
  applies: (x) => REACHED.test(x.rest) && (!x.label || /を[^、。を]{1,6}$/u.test(x.label)),
  apply(x) {
    x.label = cleanLabel(REACHED.exec(x.rest)![1]!);
  },
  examples: [{ text: '退院支援を行い、3名が精神科病院から地域生活への移行に至った。', expect: { value: 3 } }],
});

const MOVED_TO = /^\s*(?:以上|以下)?が([\p{sc=Han}\p{sc=Katakana}ー・]{2,20})(?:へ|に)(移行|就職|入所|退所|退院|転居)/u;
const MOVED = /^\s*が?(移行|就職|入所|退所|退院|転居)/u;
const DESTINATION = /([\p{sc=Han}\p{sc=Katakana}ー・]{2,20})(?:へ|に)$/u;

export const movedTo = rule<ProseValueContext>({
  id: 'label.moved-to',
  family: 'label',
  stage: 'label',
  priority: 60,
  summary:
    '`一般就労へ8人が移行し`, `…（58人）の6％以上が地域生活へ移行`: people counted as they move somewhere are those who moved there.',
  applies: (x) => {
    const moved = MOVED.exec(x.rest)?.[1];
    return (!!moved && DESTINATION.test(x.label)) || MOVED_TO.test(x.rest);
  },
  apply(x) {
    const moved = MOVED.exec(x.rest)?.[1];
    const destination = moved ? DESTINATION.exec(x.label)?.[1] : undefined;
    if (moved && destination) x.label = `${destination}への${moved}者`;
    else {
      const m = MOVED_TO.exec(x.rest)!;
      x.label = `${m[1]}への${m[2]}者`;
    }
  },
  examples: [{ text: '令和5年度は就労移行支援事業所から一般就労へ6人が移行しました。', expect: { value: 6 } }],
});

const TOOK = /^\s*が([^、。を]{2,40}?)を(受講|修了|利用)/u;

export const tookCourse = rule<ProseValueContext>({
  id: 'label.took-course',
  family: 'label',
  stage: 'label',
  priority: 70,
  summary:
    '`職員1名が相談支援従事者研修を受講しており`: people counted as they take a course or use a service are its takers or users.',
  applies: (x) => TOOK.test(x.rest) && (!x.label || [...x.label].length <= 4),
  apply(x) {
    const m = TOOK.exec(x.rest)!;
    x.label = `${cleanLabel(m[1]!)}の${m[2]}者`;
  },
  examples: [{ text: 'また、職員2名が強度行動障害支援者養成研修を受講した。', expect: { value: 2 } }],
});

export const each = rule<ProseValueContext>({
  id: 'label.each',
  family: 'label',
  stage: 'label',
  priority: 75,
  summary:
    '`保育所等訪問支援事業及び重症心身障害児の支援について各1か所`: 各 gives the count to each item named (one observation per item).',
  applies: (x) => /各\s*$/u.test(x.before),
  apply(x) {
    x.eachItems = x.label
      .replace(/\s*各$/u, '')
      .replace(/(?:について|に関して|とも|では|には)$/u, '')
      .split(/及び|および|並びに|、/u)
      .map((s) => cleanLabel(s))
      .filter((s) => [...s].length >= 2);
    return x.eachItems.length >= 2;
  },
  examples: [
    { text: '児童発達支援センター及び医療型短期入所事業所について各1か所の確保を目指す。', expect: { value: 1 } },
  ],
});

export const causeSubject = rule<ProseValueContext>({
  id: 'label.cause-subject',
  family: 'label',
  stage: 'label',
  priority: 80,
  summary:
    "`…連携会議は、感染拡大により2回中止`: words right before a count that end in a cause (により, のため) say why; the sentence's subject (`Xは、`) is what the count is of.",
  applies: (x) =>
    /(?:により|によって|の影響で|のため)\s*$/u.test(x.seg) && !!/^\s*([^、。]{2,40}?)は[、,]/u.exec(x.sentenceBefore),
  apply(x) {
    x.label = cleanLabel(/^\s*([^、。]{2,40}?)は[、,]/u.exec(x.sentenceBefore)![1]!);
  },
  examples: [{ text: '地域ケア会議は、台風の影響で1回延期となった。', expect: { value: 1 } }],
});

/** The topic a sentence opens with (`「配食見守り事業」は、`), without its quotes. */
const SENTENCE_TOPIC = /^\s*[「『]?([^、。「」『』]{2,30}?)[」』]?\s*は[、,]/u;

export const measureOfTopic = rule<ProseValueContext>({
  id: 'label.measure-of-topic',
  family: 'label',
  stage: 'label',
  priority: 85,
  summary:
    'Family "label fragments from prose": `「配食見守り事業」は、利用人数が延べ32人`: a label that is only a measure counts what its sentence\'s topic (`Xは、`) names, not what the value before it in the item did.',
  applies: (x) => {
    const topic = SENTENCE_TOPIC.exec(x.sentenceBefore)?.[1];
    return !!topic && isMeasureOnly(x.label) && !findPeriods(topic).length && !topic.includes(x.label);
  },
  apply(x) {
    x.label = `${cleanLabel(SENTENCE_TOPIC.exec(x.sentenceBefore)![1]!)} ${x.label}`;
  },
  examples: [
    {
      text: '## 1 見守り\n\n●見守りネットは、協力者が 120 か所となった。「配食見守り事業」は、利用人数が延べ 45 人となった。',
      expect: { label: '配食見守り事業 利用人数', value: 45 },
    },
  ],
});

export const bulletSubject = rule<ProseValueContext>({
  id: 'label.bullet-subject',
  family: 'label',
  stage: 'label',
  priority: 90,
  summary: '`・家族介護教室　開催 年10回、参加者 延べ134人`: who took part, in a bullet that named its subject first.',
  applies: (x) =>
    !!x.I.item.bullet &&
    !!x.I.blockLead &&
    /^(?:参加者|参加人数|参加者数|利用者|受講者|延べ)/u.test(x.label) &&
    !x.label.includes(x.I.blockLead),
  apply(x) {
    x.label = `${x.I.blockLead} ${x.label}`;
  },
  examples: [{ text: '・介護者のつどい 開催回数 年6回、参加者 延べ58人', expect: { value: 58 } }],
});

const SETTING = /^\s*([^、。]{2,24}?)(?:では|においては)[、,]/u;

export const setting = rule<ProseValueContext>({
  id: 'label.setting',
  family: 'label',
  stage: 'label',
  priority: 100,
  summary: "`自立支援型地域ケア会議では、…見直した事例は31件`: the sentence's setting frames what it counts.",
  applies: (x) => {
    const s = SETTING.exec(x.sentenceBefore)?.[1];
    return (
      !!s &&
      !findPeriods(s).length &&
      !/^(?:本市|当市|市|本町|全体|今後|現在)$/u.test(s) &&
      !!x.label &&
      !x.label.includes(s)
    );
  },
  apply(x) {
    x.label = `${SETTING.exec(x.sentenceBefore)![1]} ${x.label}`;
  },
  examples: [{ text: '個別避難計画の作成では、計画を作成した人数は27人となった。', expect: { value: 27 } }],
});

export const totalAfterColon = rule<ProseValueContext>({
  id: 'label.total-after-colon',
  family: 'label',
  stage: 'label',
  priority: 110,
  summary: '`参加人数：計40名`: 計 after the colon says the value is a total; it is not part of the label.',
  applies: (x) => /\s*[：:]\s*(?:計|合計)$/u.test(x.label),
  apply(x) {
    x.label = x.label.replace(/\s*[：:]\s*(?:計|合計)$/u, '');
  },
  examples: [{ text: '研修会参加人数：計36名', expect: { value: 36 } }],
});

export const quotedName = rule<ProseValueContext>({
  id: 'label.quoted-name',
  family: 'label',
  stage: 'label',
  priority: 120,
  summary:
    '`「介護者交流会」開催回数：4回 参加人数：計52名`: a name in quotes before the first value names what each bare count after it in the sentence is a count of.',
  applies: (x) => {
    const n = x.I.quotedName;
    return (
      !!n &&
      !!x.label &&
      !x.label.includes(n) &&
      COUNT_LABEL.test(x.label) &&
      [...x.label].length <= 6 &&
      !/。/u.test(x.before.slice(x.before.lastIndexOf(n)))
    );
  },
  apply(x) {
    x.label = `${x.I.quotedName} ${x.label}`;
  },
  examples: [{ text: '「オレンジカフェ」開催回数：10回 参加人数：計85名', expect: { value: 85 } }],
});

export const placeOfQuotedEvent = rule<ProseValueContext>({
  id: 'label.place-of-quoted-event',
  family: 'label',
  stage: 'label',
  priority: 130,
  summary:
    '`Aセンター（月2回）、B会館（月1回）で「お楽しみ処」を開催`: a count in brackets after a place counts what the sentence names in quotes, held there.',
  applies: (x) => {
    if (!x.label || !PLACE_LABEL.test(x.label) || !/[(（]\s*$/u.test(x.before)) return false;
    const named = [...x.sentence.matchAll(/「([^」]{2,30})」/gu)].map((m) => m[1]!);
    return named.length === 1 && !x.label.includes(named[0]!);
  },
  apply(x) {
    const named = [...x.sentence.matchAll(/「([^」]{2,30})」/gu)].map((m) => m[1]!);
    x.label = `${named[0]} ${x.label}`;
  },
  examples: [{ text: '中央福祉センター（月3回）で「いきいき体操」を定期開催した。', expect: { value: 3 } }],
});

/** `一般就労へ移行する者の数`: a verbal noun done by the persons counted, with where they go. */
const DOER = /(?:([\p{sc=Han}\p{sc=Katakana}ー]{2,})[へに])?(\p{sc=Han}{2,4})(?:する|した)者(の数)?$/u;

export const doerNoun = rule<ProseValueContext>({
  id: 'label.doer-noun',
  family: 'label',
  stage: 'label',
  priority: 138,
  summary:
    'Family "outcome targets in sentences": the persons who do an act, said as a clause (`一般就労へ移行する者の数`, `退院した者`), are counted by the noun of the act (`一般就労への移行者数`, `退院者`), as the plans\' tables name them.',
  applies: (x) => DOER.test(x.label),
  apply(x) {
    x.label = x.label.replace(
      DOER,
      (_m, to: string | undefined, act: string, count: string | undefined) =>
        `${to ? `${to}への` : ''}${act}者${count ? '数' : ''}`,
    );
  },
  examples: [
    {
      text: '## 1 地域移行\n\n令和8年度末までに入所施設から地域生活へ移行する者の数を、12人以上とします。',
      expect: { label: '入所施設から地域生活への移行者数', value: 12 },
    },
  ],
});

export const kindTail = rule<ProseValueContext>({
  id: 'label.kind-tail',
  family: 'label',
  stage: 'label',
  priority: 140,
  summary:
    'Kind words ending the label (`フレイル予防教室 目標 /実績/達成率`, `…の抑制 現状値`) say what the value is, not what it counts.',
  applies: (x) => KIND_TAIL.test(x.label) || PLAN_TAIL.test(x.label),
  apply(x) {
    x.beforeTail = x.label;
    x.label = x.label.replace(PLAN_TAIL, '');
    for (let i = 0; i < 4 && KIND_TAIL.test(x.label); i++)
      x.label = x.label.replace(KIND_TAIL, '').replace(/[のはがを]$/u, '');
  },
  examples: [
    { text: '・介護予防教室の参加者数 実績：312人', expect: { value: 312 } },
    // family "item/value lines": the item is only the kind (`計画：`), or the kind after a colon
    { text: '家族介護者交流会の開催回数\n計画：12回\n実績：11回', expect: { value: 12, value_kind: 'plan' } },
    { text: '認知症カフェの設置数：計画 9か所／実績 8か所', expect: { value: 9, value_kind: 'plan' } },
    // the kind word with a value suffix after の (`…の目標数値`, `…の実績数`), as `…の目標値`
    {
      text: '・令和8年度末のグループホーム利用者数の目標数値：46人',
      expect: { label: 'グループホーム利用者数', value: 46, value_kind: 'target' },
    },
  ],
});

/**
 * 計画 as the whole item (`計画：18,000件`) or after a colon (`…の開催回数：計画 45回`): the kind of the value, not a
 * word of what it counts (a 計画 glued to a name, `…整備計画`, stays: KIND_TAIL leaves 計画 out for that).
 */
const PLAN_TAIL = /(?:^|[/／:：])\s*計画値?\s*[/／:：]?\s*$/u;

export const recordHead = rule<ProseValueContext>({
  id: 'label.record-head',
  family: 'label',
  stage: 'label',
  priority: 145,
  summary:
    'Family "a record line = year + (kind word, number)+ pairs" (`◇通所介護（単位：回／月） 令和6年度　計画値　19,020　実績値　18,396`): every number of the lines counts what the words before the first year name, else the line above; the years and kind words between the numbers name nothing.',
  applies: (x) => !!x.I.record?.kinds.has(x.q),
  apply(x) {
    const head = cleanLabel(x.I.record!.head);
    const label = head || x.I.state.lead || '';
    if (label === x.label) return false;
    x.label = label;
  },
  examples: [
    {
      text: '●ショートステイ（日／月）\n2025年度 見込量 1,480 実績 1,512 乖離 32',
      expect: {
        label: 'ショートステイ',
        value_kind: 'deviation',
        value: 32,
        unit: 'person_day/month',
        fiscal_year: 2025,
      },
    },
  ],
});

export const bulletWhichValue = rule<ProseValueContext>({
  id: 'label.bullet-which-value',
  family: 'label',
  stage: 'label',
  priority: 150,
  summary:
    '`・現状値：16.8％`, `・実績：43.1％`: a bullet that only says which value it is gives the value to what the section named last.',
  applies: (x) =>
    !x.label && !!x.I.item.bullet && !!x.I.state.lastLabel && (!!x.beforeTail || !!immediateKind(x.before)),
  apply(x) {
    x.label = x.I.state.lastLabel!;
  },
  examples: [
    {
      text: '【成果指標】\n・通いの場への参加率 現状値：8.2％\n・目標値：10.0％',
      expect: { value: 10 },
    },
  ],
});

/** A comparison's connective left as a label (`に対し`, `計画値に対する`, `と比べて`). */
const COMPARISON_CONNECTIVE = /^(?:(?:計画値?|見込量?|目標値?)?に)?(?:対し(?:て)?|対する|比べ(?:て)?)$/u;

export const tidy = rule<ProseValueContext>({
  id: 'label.tidy',
  family: 'label',
  stage: 'label',
  priority: 160,
  quiet: true,
  summary:
    '`このうち` ties a count to the one before; a clause describing a year it lost (`…である H30年度末の`) and particles left alone when the years between them went say nothing of what is counted.',
  applies: () => true,
  apply(x) {
    x.label = x.label
      .replace(/^(?:この|その)?うち[、,]?\s*/u, '')
      .replace(/^[^、。]{2,30}(?:である|となる)\s+(?=\S{2,})/u, '')
      .replace(/(?:\s+(?:から|に|まで|には|では|は|が|の))+\s*$/u, '')
      // (a topic whose date went between it and the value, `…事業所は、令和6年度末で7事業所`, ends in は and a comma)
      .replace(/(?<=\S{2})(?:は|が)[、,，]\s*$/u, '')
      // (…and a topic whose date went between it and the value without a comma, `施設入所者数は令和5年度末で98人`)
      .replace(/(?<=\p{sc=Han}{2})は$/u, '')
      // (…and a particle left leading where the year before it went, `令和4年度は利用者48人` → `は利用者`; not the kana
      // of a word, `はつらつ体操教室`)
      .replace(/^(?:は|には|では)\s*(?=[\p{sc=Han}\p{sc=Katakana}]\S)/u, '')
      // (particles left alone inside the label where a year went, `地域ケア会議は令和5年度に個別会議を` →
      // `地域ケア会議は に個別会議`: the topic, then what it held)
      .replace(/(?<=[\p{sc=Han}\p{sc=Katakana}ー]{2})は\s+(?:(?:に|で|には|では|から|まで)\s*)?(?=\S)/gu, ' ')
      .replace(/(?<=\S)\s+(?:に|で|には|では|から|まで)\s+(?=\S)/gu, ' ')
      // (a topic glued to the measure it has, `通所介護は月平均の利用者数`: the program, then what is counted of it)
      .replace(
        /^([^はがを、。\s]{2,20}?(?<=[\p{sc=Han}\p{sc=Katakana}ー]))は(?=[^はがを、。]{2,}(?:数|率|量|額|時間|日数)$)/u,
        '$1 ',
      );
    // (the connective of a comparison, `計画値24,000回に対し実績値22,150回`, `計画値に対する達成率`, names nothing
    // counted: what the sentence's topic clause names is, `…事業費の実績値は、計画値に対して91.4％`)
    if (COMPARISON_CONNECTIVE.test(x.label)) {
      const topic = topicClause(x.unsliced);
      x.label = topic ? cleanLabel(topic.replace(KIND_TAIL, '')) : '';
    }
  },
  examples: [
    { text: 'このうち75歳以上の後期高齢者は8,214人です。', expect: { value: 8214 } },
    {
      text: '認知症サポーター数は令和5年度末で1,240人となりました。',
      expect: { label: '認知症サポーター数', value: 1240 },
    },
  ],
});

/** `（この|その）うち、Xは`: a clause opening on a part (X) of what was counted before it. */
const PART_CLAUSE =
  /(?:^|[。、,，]\s*)(?:この|その)?うち[、,，]?\s*([^、。,，]{2,40}?)(?:は|が)(?![^、。,，]*のうち)/gu;

/** The part a value's clause opens with, where that clause starts in the text, and the count it is a part of. */
function partOfCountBefore(x: ProseValueContext): { part: string; whole: string } | null {
  const m = [...x.sentenceBefore.matchAll(PART_CLAUSE)].pop();
  if (!m) return null;
  const part = cleanLabel(m[1]!);
  if ([...part].length < 2 || findPeriods(part).length) return null;
  const at = x.q.start - x.sentenceBefore.length + (m.index ?? 0);
  const before = x.I.labelsRead.filter((v) => v.end <= at);
  const whole = before.length ? before[before.length - 1]!.label : x.I.labelsRead.length ? null : x.I.state.lastLabel;
  if (!whole || !/(?:数|者)$/u.test(whole) || whole.includes(part) || part.includes(whole)) return null;
  return { part, whole };
}

export const partOfCount = rule<ProseValueContext>({
  id: 'label.part-of-count-before',
  family: 'label',
  stage: 'label',
  priority: 165,
  summary:
    'Family "outcome targets in sentences": `…一般就労移行者数は28人で、うち就労移行支援事業を通じた者は21人`: a clause opening on `（この）うち X は` counts a part of what the value before it counted: that count is the indicator, X (as written) the subgroup; also for the base, ratio and amount of a target set for the part.',
  applies: (x) => !!partOfCountBefore(x),
  apply(x) {
    const { part, whole } = partOfCountBefore(x)!;
    x.label = whole;
    x.subgroup = part;
  },
  examples: [
    {
      text: '## 4 一般就労\n\n令和5年度の一般就労移行者数は35人で、うち就労継続支援A型を利用した者は9人でした。',
      expect: { label: '一般就労移行者数', subgroup: '就労継続支援A型を利用した者', value: 9 },
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// `label-lead`: exactly one of these applies (an if/else chain), after the unit stage

/** The words a value without a label of its own takes, found before the chain runs. */
export const leadOfValue = rule<ProseValueContext>({
  id: 'label.lead-evidence',
  family: 'label',
  stage: 'unit',
  priority: 100,
  quiet: true,
  summary:
    'What a sentence says was held or set up (`…連絡会を実施`) names the counts after it, until the next numbered item or target marker; else the line above, the bullet, or the sentence topic does (a step of every value).',
  applies: () => true,
  apply(x) {
    const { I, q } = x;
    const { text, state } = I;
    const listBefore = Math.max(
      ...[...text.slice(0, q.start).matchAll(/[①-⑳]|【[^】]*目標[^】]*】/gu)].map((m) => m.index ?? -1),
      -1,
    );
    x.activity =
      [...text.slice(0, q.start).matchAll(ACTIVITY)].filter((m) => (m.index ?? -1) > listBefore).pop()?.[1] ?? null;
    x.context = x.activity ?? state.lead;
    // (a label of a sentence before names nothing of a value whose own sentence's topic clause names it:
    // `就労移行支援は、…86人で…。計画相談支援は、計画値月420人`)
    const leadEnded =
      I.blockLeadAt != null && /[。．]/u.test(text.slice(I.blockLeadAt, q.start)) && namingTopic(x) !== null;
    x.itemLead = (leadEnded ? null : I.blockLead) ?? I.carried;
    // The topic holds for its own sentence.
    const topicEnd = I.topic ? text.indexOf('。') : -1;
    x.sentTopic = I.topic && (topicEnd < 0 || q.start < topicEnd) ? I.topic : null;
    x.lead = x.sentTopic ?? x.itemLead ?? x.context;
    x.leadUnit = I.blockLead ? I.blockUnit : null;
    x.headingCount = !x.itemLead && x.label && PLACE_LABEL.test(x.label) ? sectionCount(I.item.section) : null;
  },
  examples: [{ text: '相談支援事業所連絡会を実施。\n(令和5年度) 3回実施', expect: { value: 3 } }],
});

/** Words a value would take from before its turn (a lead, the last label read) that its own turn never says. */
// (a label composed of words of the turn, `訪問リハビリテーション 利用者数`, is of the turn)
const fromAnotherTurn = (x: ProseValueContext, words: string | null | undefined) =>
  !!words &&
  afterSpeakerMark(x.I.text) !== null &&
  !words
    .split(/\s+/u)
    .filter(Boolean)
    .every((w) => x.I.text.includes(w));

export const turnStartsAfresh = rule<ProseValueContext>({
  id: 'label.turn-starts-afresh',
  family: 'label',
  stage: 'unit',
  priority: 101,
  summary:
    'Family "numbers in spoken turns of a minute": a turn opened by a speaker mark (`○事務局（障がい福祉課長）`) is said by another person than the turns before it: what they spoke of (a member\'s `待機者`, the chair\'s opening) is no lead, no item lead and no last label for its values; only a topic of its own sentence is.',
  applies: (x) =>
    (x.lead !== x.sentTopic && fromAnotherTurn(x, x.lead)) ||
    fromAnotherTurn(x, x.itemLead) ||
    fromAnotherTurn(x, x.I.state.lastLabel),
  apply(x) {
    if (x.lead !== x.sentTopic && fromAnotherTurn(x, x.lead)) x.lead = x.sentTopic;
    if (fromAnotherTurn(x, x.itemLead)) x.itemLead = null;
    if (fromAnotherTurn(x, x.I.state.lastLabel)) x.I.state.lastLabel = null;
  },
  examples: [
    {
      text: '○Ｂ委員　訪問入浴の待機者が5人ほどいると聞きます。\n\n○事務局（介護保険課長）　令和6年3月末現在、町内の訪問入浴介護事業所は2か所です。',
      expect: { value: 2, unit: 'facility', label: '町内の訪問入浴介護事業所' },
    },
  ],
});

export const recordNamed = rule<ProseValueContext>({
  id: 'label.record-named',
  family: 'label',
  stage: 'label-lead',
  priority: 5,
  quiet: true,
  summary:
    'Family "a record line = year + (kind word, number)+ pairs": a number of a record line named by its head is not read under a lead (the value before it, the line above).',
  applies: (x) => !!x.I.record?.kinds.has(x.q) && !!x.label,
  apply() {},
  examples: [
    {
      text: '・介護予防教室（人）\n・令和6年度 目標 300 実績 276',
      expect: { label: '介護予防教室', value_kind: 'actual', value: 276, unit: 'person', fiscal_year: 2024 },
    },
  ],
});

export const cellPartOfRowAbove = rule<ProseValueContext>({
  id: 'label.cell-part-of-row-above',
  family: 'label',
  stage: 'unit',
  priority: 105,
  summary:
    '`　うち就労移行支援事業 | 令和8年度中に23人以上` under `(7) 福祉施設から一般就労への移行者数`: the values written in words in a row that is a part of the row above count the indicator above, for the part the row names (as `label.part-of-row-above` reads its numbers).',
  applies: (x) => !!x.I.item.rowPartOf && x.context === x.I.state.lead,
  apply(x) {
    const { indicator, part } = x.I.item.rowPartOf!;
    if (x.lead === x.context) x.lead = indicator;
    x.context = indicator;
    x.subgroup = part;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t目標値\n(2) 一般就労移行者数\t令和8年度中に20人以上\n　うち就労継続支援B型\t令和8年度中に5人以上\n',
      expect: { label: '一般就労移行者数', subgroup: '就労継続支援B型', value: 5 },
    },
  ],
});

export const valuePerItem = rule<ProseValueContext>({
  id: 'label.value-per-item',
  family: 'label',
  stage: 'label-lead',
  priority: 10,
  summary:
    "`・65% ・48%` in a row labelled `…定着率 ・6か月時点 ・1年時点`: one value per item of the row's list, in order.",
  applies: (x) => !x.label && x.I.valuePerItem && x.lead === x.I.state.lead,
  apply(x) {
    x.label = `${x.I.rowItemsOfLead[0]} ${x.I.rowItemsOfLead[x.qi + 1]}`;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t実績\n就労定着率 ・就職後6か月時点 ・就職後1年時点\t・82% ・71% 令和4年4月から1年間での定着率\n',
      expect: { value: 71 },
    },
  ],
});

export const yearBulletRepeatsLast = rule<ProseValueContext>({
  id: 'label.year-bullet-repeats-last',
  family: 'label',
  stage: 'label-lead',
  priority: 20,
  summary:
    '`【目標】・認知症サポーター養成講座 受講者数 年間1,200人以上 【実績】・令和3年度 818人`: a bullet of a year and a value counts what the bullets before it under the same heading named.',
  applies: (x) =>
    !x.label && !!x.I.item.bullet && x.lead === x.I.state.lead && !!x.I.state.lastLabel && yearOnly.test(x.I.text),
  apply(x) {
    x.label = x.I.state.lastLabel!;
  },
  examples: [
    {
      text: '# ゲートキーパー養成\n\n【目標】\n\n・養成講座の受講者数 年間200人以上\n\n【実績】\n\n・令和5年度 164人\n\n・令和6年度 181人',
      expect: { value: 164, fiscal_year: 2023 },
    },
  ],
});

export const leadForBareValue = rule<ProseValueContext>({
  id: 'label.lead-for-bare-value',
  family: 'label',
  stage: 'label-lead',
  priority: 30,
  summary:
    "A value with no label (or one character, or only 計) takes the lead: the sentence topic, the bullet's own label, or the line above; with the lead's unit when it is the rate of the value's.",
  applies: (x) => !x.label || x.label.length < 2 || /^(計|合計)$/.test(x.label),
  apply(x) {
    x.label = x.label && x.lead ? `${x.lead} ${x.label}` : (x.lead ?? '');
    if (x.leadUnit && x.unit && x.leadUnit.unit.startsWith(`${x.unit}/`)) {
      x.unit = x.leadUnit.unit;
      x.unitText = x.leadUnit.unitText;
    }
  },
  examples: [{ text: 'ピアサポーター養成研修の修了者数\n\n令和5年度 9人', expect: { value: 9 } }],
});

/** The words before a value end in the subject it is said of (`協議の場は年3回`, `市職員が毎年度5人`). */
const SUBJECT_BEFORE_VALUE = new RegExp(
  `[^\\sのはが][はが][、,]?\\s*(?:${wordsPattern(MANNER_WORDS)})?\\s*(?:年|月)?$`,
  'u',
);
const subjectOfValue = (x: ProseValueContext) =>
  [...cleanLabel(x.label.replace(MANNER_TAIL, ''))].length >= 3 && SUBJECT_BEFORE_VALUE.test(x.seg);

export const leadBeforeShortLabel = rule<ProseValueContext>({
  id: 'label.lead-before-short',
  family: 'label',
  stage: 'label-lead',
  priority: 40,
  summary:
    'A short label that names no count (`開催`, `延べ`) is read under its lead; so is any label in a sentence with a topic. (Not the subject of the value, `協議の場は年3回`, `市職員が毎年度5人`: it names what is counted.)',
  applies: (x) =>
    !!x.sentTopic || (!!x.lead && x.label.length <= 6 && !/数|率|者|所/.test(x.label) && !subjectOfValue(x)),
  apply(x) {
    x.label = `${x.lead} ${x.label}`;
  },
  examples: [{ text: '家族介護教室\n\n開催 年8回', expect: { value: 8 } }],
});

/** The sentence's topic clause (`計画相談支援は、`), when it names a thing: not a number, a measure alone or a kind word. */
function namingTopic(x: ProseValueContext): string | null {
  const t = topicClause(x.unsliced);
  return t && [...t].length >= 2 && !/[0-9０-９]/u.test(t) && !isMeasureOnly(t) && !kindWord(t) ? t : null;
}

export const topicOfMeasure = rule<ProseValueContext>({
  id: 'label.topic-of-measure',
  family: 'label',
  stage: 'label-lead',
  priority: 44,
  summary:
    'Family "a topic clause before the measure\'s clause" (`通所介護は、月平均利用者数が1,205人`, `短期入所は、延べ利用日数が…`): a label that is only a measure counts what the sentence\'s topic clause (before は/を and a comma) names.',
  applies: (x) => {
    if (!isMeasureOnly(x.label)) return false;
    const t = namingTopic(x);
    return !!t && !t.includes(x.label);
  },
  apply(x) {
    x.label = `${namingTopic(x)} ${x.label}`;
    // (it names the values after it in the item, as a label of its own does: `…64人で、見込量の70人に`)
    x.I.blockLead = x.label;
    x.I.blockLeadAt = x.q.end;
  },
  examples: [
    {
      text: '令和5年度の短期入所は、延べ利用日数が2,310日でした。',
      expect: { label: '短期入所 延べ利用日数', value: 2310 },
    },
  ],
});

export const measureUnderLead = rule<ProseValueContext>({
  id: 'label.measure-under-lead',
  family: 'label',
  stage: 'label-lead',
  priority: 45,
  summary:
    '`（1）訪問介護 … 利用者数は月平均1,084人`: a label that is only a measure (利用者数, 利用回数, 延べ利用日数) counts what the lead names — the heading, the line above, the bullet.',
  applies: (x) =>
    !!x.lead &&
    isMeasureOnly(x.label) &&
    !x.lead.includes(x.label) &&
    // (a lead that is itself a count, `事業所数`, or words of a sentence, `…を目標としました`, `…見込量と`, names
    // no service)
    [...x.lead].length <= 30 &&
    !COUNT_LEAD.test(x.lead) &&
    !/[。]|ました|ます|(?:と|に対する|の|は|を|が|に)$/u.test(x.lead),
  apply(x) {
    x.label = `${x.lead} ${x.label}`;
  },
  examples: [
    {
      text: '## 2 移動支援\n\n令和5年度の利用者数は108人、延べ利用時間は4,120時間でした。',
      expect: { label: '移動支援 利用者数', value: 108 },
    },
  ],
});

/** The words of a count before what it counts by (`施設入所者数` → `施設入所`; three characters or more, not a bare action such as 支援), found in the heading. */
function leadHoldsStem(lead: string, label: string): boolean {
  const stem = label.replace(/(?:件数|回数|者数|人数|数|率)$/u, '');
  return [...stem].length >= 3 && lead.includes(stem);
}

export const countItemUnderName = rule<ProseValueContext>({
  id: 'label.count-item-under-name',
  family: 'label',
  stage: 'label-lead',
  priority: 47,
  summary:
    'Family "item/value lines" (`認知症初期集中支援チーム` / `支援件数（計画）：40件`): a line whose item is a short count (`支援件数`, `参加率（…）`, `設置数`) counts for what the line or heading above names (a program, not a count).',
  applies: (x) => {
    const { I } = x;
    const label = x.label.replace(/[(（][^()（）]*[)）]/gu, '').trim();
    // (a line of its own, not a bullet: `・相談件数：約4,200件` under `相談支援の実施状況` names its count in full)
    return (
      I.item.table_index === null &&
      !I.item.bullet &&
      x.qi === 0 &&
      /^[^:：。、]{1,30}[:：]/u.test(I.text) &&
      !!x.lead &&
      x.lead === I.state.lead &&
      isShortCount(label) &&
      [...x.lead].length <= 30 &&
      countsFor(x.lead, label) &&
      // (a count whose own words the heading already holds, `施設入所者数` under `1 施設入所者の地域生活への移行`,
      // names its subject itself: the heading is its topic, not a program it counts for)
      !leadHoldsStem(x.lead, label) &&
      !/[。、]|ました|ます/u.test(x.lead)
    );
  },
  apply(x) {
    x.label = `${x.lead} ${x.label}`;
  },
  examples: [
    {
      text: '## 2 家族介護支援事業\n\n介護者のつどい\n開催件数（計画）：24件\n開催件数（実績）：22件',
      expect: { value: 22, label: '介護者のつどい 開催件数' },
    },
  ],
});

export const countBreakdownByPlace = rule<ProseValueContext>({
  id: 'label.count-breakdown-by-place',
  family: 'label',
  stage: 'label-lead',
  priority: 50,
  summary:
    '`• 一般就労移行者数:9人 • 就労移行支援事業所:1人`: a label that names a place or a type, not a count, after one that names a count breaks that count down.',
  applies: (x) => !!x.itemLead && COUNT_LEAD.test(x.itemLead) && PLACE_LABEL.test(x.label),
  apply(x) {
    x.label = `${x.itemLead} ${x.label.replace(/^(?:内訳|うち)(?:は|[:：])?\s*/u, '')}`;
  },
  examples: [
    {
      text: '• 一般就労移行者数:11人 • 就労移行支援事業所:7人 • 就労継続支援B型:4人',
      expect: { value: 7 },
    },
  ],
});

export const headingCount = rule<ProseValueContext>({
  id: 'label.heading-count',
  family: 'label',
  stage: 'label-lead',
  priority: 60,
  summary:
    '`(1) 福祉施設からの一般就労者 > ① 目標 … 就労移行支援事業12人`: a place or type label under a heading that names a count breaks that count down.',
  applies: (x) => !!x.headingCount,
  apply(x) {
    x.label = `${x.headingCount} ${x.label}`;
  },
  examples: [
    {
      text: '(1) 福祉施設からの一般就労移行者数\n\n令和8年度末までに就労移行支援事業所から15人',
      expect: { value: 15 },
    },
  ],
});

export const ownLabel = rule<ProseValueContext>({
  id: 'label.own',
  family: 'label',
  stage: 'label-lead',
  priority: 70,
  quiet: true,
  summary:
    "A label of its own names the values after it in the item; in a table cell the row's label heads it, unless it is long, topical (`…について`), a numbered name, or the row's words are a sentence.",
  applies: () => true,
  apply(x) {
    const { I } = x;
    I.blockLead = x.label;
    I.blockLeadAt = x.q.end;
    I.blockUnit = x.lu?.unit && x.unit === x.lu.unit ? { unit: x.unit, unitText: x.unitText } : null;
    const topical =
      /(?:について|に関して)$/u.test(x.label) ||
      (!!x.activity && PLACE_LABEL.test(x.label) && [...x.label].length >= 8);
    if (topical) x.label = x.label.replace(/(?:について|に関して)$/u, '');
    if (
      I.item.alwaysLead &&
      x.context &&
      !topical &&
      !(x.listed && x.label.length >= 8) &&
      [...x.label].length < 25 &&
      !([...x.label].length >= 12 && /。/u.test(x.context))
    )
      x.label = `${x.context} ${x.label}`;
  },
  examples: [{ text: 'グループホームの定員数は48人です。', expect: { value: 48 } }],
});

export const rowItemForAct = rule<ProseValueContext>({
  id: 'label.row-item-for-act',
  family: 'label',
  stage: 'label-fallback',
  priority: 10,
  summary:
    "`•年6回以上協議` with nothing before it: the row's item that names the same act (`協議の場の設置`) says what.",
  applies: (x) => !x.label && !!x.I.item.rowItems,
  apply(x) {
    const word = /^[\p{sc=Han}\p{sc=Katakana}ー]{2,}/u.exec(x.rest)?.[0];
    const named = word ? x.I.item.rowItems!.filter((s) => s.includes(word)) : [];
    if (named.length !== 1) return false;
    x.label = cleanLabel(named[0]!.replace(/\s*[(（][^)）]*[)）]\s*$/u, ''));
  },
  examples: [
    {
      name: 'example.tsv',
      text: '国の成果目標\t市の取組\n• 保健・医療・福祉関係者による協議の場の設置\t関係者と話し合う。 •年4回以上協議\n',
      expect: { value: 4 },
    },
  ],
});

export const PROSE_LABEL_RULES = [
  numberedItem,
  bracketWord,
  afterTopic,
  speakerMark,
  clean,
  clauseTopicLabel,
  afterLastSeparator,
  noneAfterSentenceEnd,
  topicOfBase,
  topicOfListedValues,
  ratioChain,
  clauseBeforeManner,
  mannerWordTail,
  reached,
  movedTo,
  tookCourse,
  each,
  causeSubject,
  measureOfTopic,
  bulletSubject,
  setting,
  totalAfterColon,
  quotedName,
  placeOfQuotedEvent,
  doerNoun,
  kindTail,
  recordHead,
  bulletWhichValue,
  tidy,
  partOfCount,
  leadOfValue,
  turnStartsAfresh,
  cellPartOfRowAbove,
  recordNamed,
  valuePerItem,
  yearBulletRepeatsLast,
  leadForBareValue,
  leadBeforeShortLabel,
  topicOfMeasure,
  measureUnderLead,
  countItemUnderName,
  countBreakdownByPlace,
  headingCount,
  ownLabel,
  rowItemForAct,
];
