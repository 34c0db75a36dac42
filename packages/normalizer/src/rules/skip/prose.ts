/** Skip rules of prose: numbers in sentences that report nothing of their own. Stages `skip`, `skip-unlabelled`. */
import { GUIDELINE_COLON, NATIONAL_GUIDELINE, OUTLOOK_STEMS, wordsPattern } from '@shiryo/model';
import { planValueCompared, unitBase } from '../../prose/words.js';
import { rule } from '../engine.js';
import type { ProseValueContext } from '../prose-context.js';

/**
 * `22,310回の見込みです`, `1,150人と推計しています`: a count followed by an outlook (ending in kana or a stop, not a name
 * such as `計画相談支援`) reports what is expected.
 */
const OUTLOOK_AFTER = new RegExp(`^[のと](?:${wordsPattern(OUTLOOK_STEMS)})(?:\\p{sc=Hiragana}|[、。,，．]|$)`, 'u');

export const attributive = rule<ProseValueContext>({
  id: 'skip.attributive',
  family: 'skip',
  stage: 'skip',
  priority: 20,
  summary:
    '`市内3か所の委託相談事業所`: a number used attributively (followed by の/で/と/から) describes, it does not report — unless it counts what was set up (`2棟の設置`) or what is expected (`22,310回の見込みです`, `1,150人と推計しています`), is a dated value a change starts from (`…年度の82.0％から`), a case count, a part of a whole, a ratio followed by the amount it sets (`1.28倍以上の53人`), or a count joined to the next (`6床と、`), or a value a sentence sets (`30人と設定しました`, `12人と定めています`).',
  applies: (x) => {
    const { after, before, q } = x;
    return (
      /^(の|で|と|から)/u.test(after) &&
      // (`2023（令和5）年度の82.0％から…86.5％に`, `計画策定時（R5年度末）の16.8％から`: a dated value a change
      // starts from is a value of its year)
      !(/^から/u.test(after) && /(?:年度末?[)）]?|年)\s*(?:の|は|時点の)?\s*$/u.test(before)) &&
      !(/^の/u.test(after) && q.quantity.unit === 'case') &&
      // (`…実績（41人）の1.28倍以上の53人以上`: a ratio followed by the amount it sets is a target of its own)
      !(/^の\s*[0-9０-９]/u.test(after) && q.quantity.unit === 'ratio') &&
      !/^(の(?:うち|内|設置|整備|開設|確保|新設|開催|実施|\s*[0-9０-９.．]+\s*倍|(?:利用|参加|相談|申請)が)|で(?:ある|あった|あり|した|す|実施|開催|運営|[、,])|と(?:する|し|な|設定|定め|[、,]|(?:引き続き)?(?:連携|協力|契約|協定)))/u.test(
        after,
      ) &&
      !OUTLOOK_AFTER.test(after) &&
      !x.partOfWhole
    );
  },
  apply(x) {
    x.skip = 'attributive';
  },
  examples: [{ text: '市内2か所の基幹相談支援センターと連携して相談に応じています。' }],
});

export const threshold = rule<ProseValueContext>({
  id: 'skip.threshold',
  family: 'skip',
  stage: 'skip',
  priority: 30,
  summary: '`計画値の9割を下回りました`: a share of another value used as a threshold is no value of its own.',
  applies: (x) => /の\s*$/u.test(x.before) && /^\s*を?(?:下回|上回)/u.test(x.rest) && !planValueCompared(x),
  apply(x) {
    x.skip = 'threshold';
  },
  examples: [{ text: '短期入所の利用は見込量の8割を下回りました。' }],
});

/** A multiplication or division sign: what stands on either side of one is a factor of a formula. */
const FORMULA_SIGN = /[×✕＊*÷]/u;

export const formulaFactor = rule<ProseValueContext>({
  id: 'skip.formula-factor',
  family: 'skip',
  stage: 'skip',
  priority: 35,
  summary:
    "Budget books: a number right beside a multiplication or division sign is a factor of the 説明 column's formula (`調定見込額 404,000×98.9％`: an assessment base times a collection rate), not an amount the book states.",
  applies: (x) => FORMULA_SIGN.test(x.before.trimEnd().slice(-1)) || FORMULA_SIGN.test(x.after.trimStart().slice(0, 1)),
  apply(x) {
    x.skip = 'factor of a formula';
  },
  examples: [{ text: '法人市民税 法人税割\n\n調定見込額 1,240,000×99.2％' }],
});

export const bareNumber = rule<ProseValueContext>({
  id: 'skip.bare-number',
  family: 'skip',
  stage: 'skip',
  priority: 50,
  summary:
    'A number in a sentence with neither a unit nor a `label：` before it reports nothing — unless it is a number of a record line, whose kind word names it (`令和6年度　計画値　24,860　実績値　24,487`: family "a record line = year + (kind word, number)+ pairs").',
  applies: (x) => !x.q.quantity.unit && !/[：:]\s*$/.test(x.before) && !x.I.record?.kinds.has(x.q),
  apply(x) {
    x.skip = 'no unit and no label';
  },
  examples: [{ text: '介護保険運営協議会\n\n日時 令和6年5月20日\n\n場所 市役所 第2庁舎3階 会議室1・2\n\n議事' }],
});

export const identifierNumber = rule<ProseValueContext>({
  id: 'skip.identifier',
  family: 'skip',
  stage: 'skip',
  priority: 55,
  summary:
    'A code, not a quantity: a number with no unit written with leading zeros (`ページID：0045817`, `整理番号 00123`), or after an identifier word (`ID`, `番号`, `コード`, `No.`) — family "a web page copied as text" (the page id above the body).',
  applies: (x) =>
    !x.q.quantity.unit &&
    (/^[0０]+[0-9０-９]{2,}$/u.test(x.I.text.slice(x.q.start, x.q.end).trim()) ||
      /(?:ID|ＩＤ|番号|コード|No\.?|Ｎｏ．?)\s*[:：]?\s*$/iu.test(x.before)),
  apply(x) {
    x.skip = 'an identifier';
  },
  examples: [{ text: '地域包括支援センターのご案内\n\n記事番号：0031542\n\n相談窓口は5か所です。' }],
});

export const insideQuotedName = rule<ProseValueContext>({
  id: 'skip.inside-quoted-name',
  family: 'skip',
  stage: 'skip',
  priority: 60,
  summary: '`「家族教室(月1回)」の周知`: a number inside a quoted name is part of the name.',
  applies: (x) => (x.before.match(/「/gu)?.length ?? 0) > (x.before.match(/」/gu)?.length ?? 0),
  apply(x) {
    x.skip = 'inside a quoted name';
  },
  examples: [{ text: '「ふれあいサロン(月2回)」の参加者を募集しました。' }],
});

/** The counters a proportion `N○に1○` is written with (both numbers count the same thing). */
const ONE_IN_COUNTER = '(?:人|世帯|件|か所|ヶ所|箇所|校|社|戸|台)';
const ONE_IN_FIRST = new RegExp(`^${ONE_IN_COUNTER}?\\s*に\\s*[0-9０-９]+\\s*${ONE_IN_COUNTER}`, 'u');
const ONE_IN_SECOND = new RegExp(`[0-9０-９]\\s*${ONE_IN_COUNTER}\\s*に\\s*$`, 'u');

export const oneInN = rule<ProseValueContext>({
  id: 'skip.one-in-n',
  family: 'skip',
  stage: 'skip',
  priority: 72,
  summary:
    '`市民のおよそ3人に1人が65歳以上`, `5世帯に1世帯`: a proportion written as one in N — neither number counts anyone (the share it states is a rate, which the sentence gives beside it when it has one).',
  applies: (x) => ONE_IN_FIRST.test(x.after) || ONE_IN_SECOND.test(x.before),
  apply(x) {
    x.skip = 'a proportion, one in N';
  },
  examples: [{ text: '町の高齢化率は28.1%で、町民の約4人に1人が高齢者です。' }],
});

export const interval = rule<ProseValueContext>({
  id: 'skip.interval',
  family: 'skip',
  stage: 'skip',
  priority: 70,
  summary: '`(2か月に1回)` is an interval, and `各月1回～2か月に1回` a range of them: neither is a count per period.',
  applies: (x) =>
    /[0-9０-９]\s*(?:か月|ヶ月|カ月|ヵ月|ケ月|年|週)に\s*$/u.test(x.before) || /^\s*[～〜~]/u.test(x.rest),
  apply(x) {
    x.skip = 'interval';
  },
  examples: [{ text: '連絡会は3か月に1回開いています。' }],
});

export const roundingNote = rule<ProseValueContext>({
  id: 'skip.rounding-note',
  family: 'skip',
  stage: 'skip',
  priority: 80,
  summary: '`※小数点第2位を四捨五入しているため、合計が100％にならない`: how figures were rounded.',
  applies: (x) => /四捨五入|端数|小数点/u.test(x.sentence),
  apply(x) {
    x.skip = 'rounding note';
  },
  examples: [{ text: '※割合は端数を処理しているため、合計が100％にならない場合があります。' }],
});

export const numberInRateName = rule<ProseValueContext>({
  id: 'skip.number-in-rate-name',
  family: 'skip',
  stage: 'skip',
  priority: 90,
  summary: '`週1回以上運動している高齢者の割合 41.2％`: a number in the words that define a rate is part of its name.',
  applies: (x) => {
    const next = x.I.qs[x.qi + 1];
    return (
      !!next &&
      /^[^、。0-9０-９]{0,16}(?:している|した|する|できる)[^、。0-9０-９]{0,16}(?:割合|率)\s*$/u.test(
        x.I.text.slice(x.q.end, next.start),
      )
    );
  },
  apply(x) {
    x.skip = 'part of a rate name';
  },
  examples: [{ text: '週1回以上運動している高齢者の割合 41.2％' }],
});

export const noteRestates = rule<ProseValueContext>({
  id: 'skip.note-restates',
  family: 'skip',
  stage: 'skip',
  priority: 100,
  summary:
    '`…会議を実施（年2回） ※来年度から年2回を1回とする`: a `※` note that restates a value written before it (the same number and unit) is no second observation.',
  applies: (x) => {
    const noteAt = x.before.lastIndexOf('※');
    return (
      noteAt > 0 &&
      x.I.qs.some(
        (o) =>
          o.end <= noteAt &&
          o.quantity.value === x.q.quantity.value &&
          unitBase(o.quantity.unit) === unitBase(x.q.quantity.unit),
      )
    );
  },
  apply(x) {
    x.skip = 'a note restating a value';
  },
  examples: [{ text: '・事例検討会を実施（年4回） ※次年度も年4回を予定している。' }],
});

export const noteDefinition = rule<ProseValueContext>({
  id: 'skip.note-definition',
  family: 'skip',
  stage: 'skip',
  priority: 105,
  summary:
    'Numbers in `※` notes that say how a figure is counted (`※1か月当たりの量です`, `※実利用者数は、年度内に1回以上利用した人の数です`, `1人1月当たりの平均利用日数`) define the count, they are no observations.',
  applies: (x) =>
    /※/u.test(x.sentenceBefore + x.before.slice(-60)) &&
    (/^(?:\s*[0-9０-９]*[^\s、。0-9０-９]{0,2}){0,2}(?:当たり|あたり)/u.test(x.rest) ||
      /^[^、。0-9０-９]{0,4}(?:以上|以下|未満)?(?:を|に)?[^、。0-9０-９]{0,6}(?:した|している|する|された)(?:人|者|方|件|もの)/u.test(
        x.rest,
      )),
  apply(x) {
    x.skip = 'a note defining the count';
  },
  examples: [{ text: '※利用者数は、年度内に１回以上サービスを利用した人の数です。' }],
});

/** The national guideline as the topic of a sentence: `国の基本指針では`, `基本指針において`, `国の指針によれば`. */
const GUIDELINE_TOPIC = new RegExp(
  `(?:${NATIONAL_GUIDELINE.source})[^、。]{0,6}?(?:では|において|によると|によれば)`,
  'u',
);
/** The city speaking for itself after it: `本市では`, `当町においても`, `市としては`. */
const OWN_TOPIC = /(?:本|当)(?:市|町|村|区)|(?:市|町|村|区)(?:では|としては|においては)/u;

export const nationalGuideline = rule<ProseValueContext>({
  id: 'skip.national-guideline',
  family: 'skip',
  stage: 'skip',
  priority: 107,
  summary:
    "Family \"the national guideline's numbers in prose\": in a sentence whose topic is the national guideline (`国の基本指針では、…平均生活日数を325.3日以上とすることを基本としています`) the numbers are the country's targets, not the city's (as a table's national guideline column is) — unless the city speaks for itself after it (`…とされていますが、本市では…`).",
  applies: (x) => {
    const m = GUIDELINE_TOPIC.exec(x.sentenceBefore);
    return !!m && !OWN_TOPIC.test(x.sentenceBefore.slice(m.index + m[0].length));
  },
  apply(x) {
    x.skip = "the national guideline's number";
  },
  examples: [{ text: '国の指針では、地域移行者数を令和8年度末の施設入所者数の6％以上とすることとしています。' }],
});

/**
 * Whether the text before a value ends inside the guideline's aside: after `国の指針：` (or `県の目標:`…) that a
 * bracket opened and has not closed, or with no bracket, anywhere after it in the sentence.
 */
export function insideGuidelineAside(before: string): boolean {
  let last: RegExpExecArray | null = null;
  for (const m of before.matchAll(GUIDELINE_COLON)) last = m as RegExpExecArray;
  if (!last) return false;
  if (!last[1]) return true;
  let depth = 1;
  for (const ch of before.slice(last.index + last[0].length)) {
    if ('(（【［['.includes(ch)) depth++;
    else if (')）】］]'.includes(ch) && --depth === 0) return false;
  }
  return true;
}

export const guidelineAside = rule<ProseValueContext>({
  id: 'skip.guideline-aside',
  family: 'skip',
  stage: 'skip',
  priority: 106,
  summary:
    'Family "a guideline set above the city": numbers after the guideline named before a colon (`…5人とします。（国の指針：令和8年度末までに…6%以上）`, a note `※国の指針：…5%以上削減`) are its wording, up to the bracket that closes the aside (or the end of the sentence).',
  applies: (x) => insideGuidelineAside(x.sentenceBefore),
  apply(x) {
    x.skip = "the guideline's number";
  },
  examples: [{ text: '相談支援の拠点を1か所整備します。（県の目標：各圏域に2か所以上）' }],
});

/** A grade and its mark in a legend: `A：`, `Ｂ:` after a blank or at the start. */
const GRADE_MARK = /(?:^|[\s　、])[A-EＡ-Ｅ][:：]/gu;

export const gradeLegend = rule<ProseValueContext>({
  id: 'skip.grade-legend',
  family: 'skip',
  stage: 'skip',
  priority: 108,
  summary:
    'Family "the legend of a grade column": `評価の基準　A：達成率100％以上　B：80％以上100％未満　C：80％未満` gives the bounds each grade letter stands for; they are no values of the plan. A bound (以上, 未満, 以下, 超) in a sentence that marks two grades or more, after a grade mark.',
  applies: (x) =>
    (x.sentence.match(GRADE_MARK)?.length ?? 0) >= 2 &&
    /[A-EＡ-Ｅ][:：][^:：。]*$/u.test(x.sentenceBefore) &&
    (x.q.quantity.qualifier === 'gte' ||
      x.q.quantity.qualifier === 'lt' ||
      x.q.quantity.qualifier === 'lte' ||
      x.q.quantity.qualifier === 'gt'),
  apply(x) {
    x.skip = 'a bound of a grade legend';
  },
  examples: [{ text: '判定区分 Ａ：実績が計画の90%以上 Ｂ：60%以上90%未満 Ｃ：60%未満' }],
});

export const noLabelProse = rule<ProseValueContext>({
  id: 'skip.no-label-prose',
  family: 'skip',
  stage: 'skip-unlabelled',
  priority: 10,
  summary: 'A value in a sentence for which no label can be found (no words, lead, heading or row) is not kept.',
  applies: (x) => !x.label,
  apply(x) {
    x.skip = 'nothing names the value';
  },
  examples: [{ text: 'ありがとうございました。 12人' }],
});

export const PROSE_SKIP_RULES = [
  attributive,
  threshold,
  formulaFactor,
  bareNumber,
  identifierNumber,
  insideQuotedName,
  interval,
  oneInN,
  roundingNote,
  numberInRateName,
  noteRestates,
  noteDefinition,
  nationalGuideline,
  guidelineAside,
  gradeLegend,
  noLabelProse,
];
