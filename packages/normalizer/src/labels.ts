import type { ValueKind } from '@shiryo/model';
import {
  BULLET_MARKS,
  budgetKindOfWord,
  CAPTION_KIND_TAIL_WORDS,
  CAPTION_TAIL_WORDS,
  CARE_LEVEL_SOURCE,
  COMPARISON_GROUP_PATTERN,
  classBody,
  GENERIC_HEADER_WORDS,
  KANA_ORDINALS,
  KIND_COMPOUND_AT_END,
  KIND_COMPOUND_AT_START,
  KIND_COMPOUND_SOURCE,
  KIND_STEM_ACTIVITY_NOUNS,
  KIND_STEMS_NAMING_THINGS,
  KIND_WORD_STEMS,
  kindOfWord,
  NOTE_MARKS,
  PER_BASIS,
  REPORTING_BODY_WORDS,
  TARGET_READINGS,
  TOTAL_WORDS,
  VALUE_FORMS_NAMING_THINGS,
  withValueSuffixes,
  wordsPattern,
} from '@shiryo/model';

const TARGET_WORD = new RegExp(wordsPattern(TARGET_READINGS), 'u');
const ACTIVITY_NOUNS = new RegExp(wordsPattern(KIND_STEM_ACTIVITY_NOUNS), 'gu');
/** A phrase's plan words: the plan stems but bare 計画, which names plans (`障害福祉計画`), not their values. */
const PLAN_WORD = new RegExp(
  wordsPattern([
    ...KIND_WORD_STEMS.plan.filter((w) => w !== '計画'),
    // (計画 with a value suffix names the plan's value, `計画値`, `計画量`, `計画数値`; `計画数` counts plans)
    ...withValueSuffixes(['計画']).filter((w) => w !== '計画'),
  ]),
  'u',
);
/** A base's value (`基準値`, `基準数値`), for captions. */
/**
 * 計画 alone where it can only be the kind of what follows or precedes, not a plan's name (`障害福祉計画`, `計画相談支援`,
 * `計画期間`): a caption's tail after の (`訪問系サービスの計画`), a word in brackets (`（計画）`), or after a year
 * (`令和6年度計画`), with nothing after it but the end, a bracket, a blank or a word joining another kind (`と実績`).
 */
const PLAN_ALONE = /(?:の|^|年度|[(（【])計画(?=$|[)）】]|\s|と|及び|・|、|[(（])/u;
/** A compound kind word after の at the end of a phrase (`…の基準値`, `…の実績見込`). */
const KIND_AFTER_NO = new RegExp(`の(${KIND_COMPOUND_SOURCE})$`, 'u');
/** The marks of a sentence's clauses: a text with one is prose, not a caption. */
const CLAUSE_MARKS = /[、。，,]|[はがを](?!\p{sc=Han})/u;
const BASELINE_WORD = new RegExp(wordsPattern(withValueSuffixes(['基準']).filter((w) => w !== '基準')), 'u');
const LEADING_MARKS_AND_NOTES = new RegExp(`^\\s*(?:[-${classBody(BULLET_MARKS + NOTE_MARKS)}]+\\s*)+`, 'u');
const LEADING_MARKS = new RegExp(`^\\s*(?:[-${classBody(BULLET_MARKS)}]+\\s*)+`, 'u');
/**
 * Classifying header and stub texts: is a piece a measure (利用実人数), a subgroup (身体, 保健, 65歳以上),
 * a generic header word (項目, 区分, 内訳) or an indicator label? Pure string rules, no document knowledge.
 */

const GENERIC = new Set<string>(GENERIC_HEADER_WORDS);

/** Words that say what kind of count a number is. Ordered longest-first where they overlap. */
const MEASURE_WORDS = [
  '延べ利用件数',
  '延べ利用時間数',
  '延べ利用時間',
  '延べ利用日数',
  '延べ利用者数',
  '利用実人数',
  '実利用者数',
  '利用者数',
  '利用人数',
  '利用児童数',
  '入所者数',
  '利用日数',
  '利用時間数',
  '利用時間',
  '利用件数',
  '利用量',
  '利用回数',
  '実人数',
  '件数',
  '人数',
  '日数',
  '時間数',
  '実施回数',
  '開催回数',
  '回数',
  '参加者数',
  '参加人数',
  '受講者数',
  '配置人数',
  '事業者数',
  '事業所数',
  '設置箇所数',
  '実施箇所数',
  '箇所数',
  'か所数',
  '定員数',
  '平均工賃',
  '指導・助言件数',
  '支援件数',
  '移行率',
  '利用率',
  '割合',
  '構成比',
  '構成割合',
  '所持者数',
  '受給者数',
  '給付費',
  '給付額',
  '費用額',
];

const SUBGROUP_RE = new RegExp(
  `^(身体|知的|精神|障害児|障がい児|難病|発達|高次脳|保健|医療|福祉|介護|当事者|家族|家族等|医療[：:・]?精神科|医療[：:・]?精神科以外|[0-9０-９]+歳(以上|未満)|[0-9０-９]+[～~][0-9０-９]+歳|[0-9０-９]+歳以上|[0-9０-９]+級|[A-CＡ-Ｃ]型|[A-CＡ-ＣＡ-Ｃ①-⑳]|${wordsPattern(TOTAL_WORDS)}|男性?|女性?|市内|市外|県内|県外|[東西南北中]部|中央|[^\\s]{1,6}(?:地区|圏域)|${CARE_LEVEL_SOURCE})$`,
  'u',
);

export function compact(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** Strip list markers and numbering that head a label: `1)`, `(1)`, `①`, `一　`, `・`, `■`, `【…】` marks stay. */
/**
 * A katakana ordinal before a label (`ア 施設サービス`, `（イ）居住系サービス`, `ウ．排泄管理支援用具`): a blank, a
 * bracket or a stop sets it apart, and a word of two characters or more follows (`ケ ア プ ラ ン`, spaced-out
 * letters, is a word).
 */
const KANA_ORDINAL = new RegExp(
  `^\\s*(?:[(（][${KANA_ORDINALS}][)）]\\s*|[${KANA_ORDINALS}](?:[.．、)）]\\s*|\\s+))(?=[^\\s()（）]{2})`,
  'u',
);

export function stripKanaOrdinal(s: string): string {
  return s.replace(KANA_ORDINAL, '');
}

export function stripNumbering(s: string): string {
  return (
    s
      .replace(/^\s*[①-⑳]\s*/u, '')
      .normalize('NFKC')
      .replace(LEADING_MARKS_AND_NOTES, '')
      .replace(/^\s*(?:\(\d+\)|\d+\)|\d+[.．]\s|[①-⑳]|第\d+節|目標\d+|\d+\s+(?=\S))\s*/u, '')
      // (`二　訪問系サービス`: a section numbered in kanji, as a vertically typeset chapter numbers them)
      .replace(/^\s*[一二三四五六七八九十]{1,3}(?:\s+|[、．.]\s*)(?=[^\s\d一二三四五六七八九十])/u, '')
      .replace(LEADING_MARKS, '')
      .trim()
  );
}

/** A text made of generic header words only (`項目内容`, `区分区分`, `サービス種別`). */
const GENERIC_ONLY = new RegExp(`^(?:${wordsPattern(GENERIC_HEADER_WORDS)})+$`, 'u');

export function isGeneric(label: string): boolean {
  const c = compact(label).replace(/[()（）【】]/g, '');
  if (c === '' || GENERIC.has(c) || GENERIC_ONLY.test(c)) return true;
  // a caption's tail after generic words or nothing (`年度別の状況`, `利用状況`, `推移`): a banner naming nothing
  const rest = c.replace(GENERIC_TAIL, '');
  return rest !== c && (rest === '' || GENERIC.has(rest) || GENERIC_ONLY.test(rest));
}

const CAPTION_KIND = `(?:${wordsPattern(CAPTION_KIND_TAIL_WORDS)})`;
const CAPTION_TAIL = new RegExp(
  `^(.+?)の(?:${wordsPattern(CAPTION_TAIL_WORDS)}|${CAPTION_KIND}(?:(?:と|及び|・|、)${CAPTION_KIND})*)$`,
  'u',
);
const GENERIC_TAIL = new RegExp(`の?(?:${wordsPattern(CAPTION_TAIL_WORDS)})$`, 'u');

/**
 * The name a caption gives (`給付費の推移` → `給付費`, `相談件数の内訳` → `相談件数`, `認定者数の計画値と実績値` →
 * `認定者数`); the caption otherwise.
 */
export function captionName(caption: string): string {
  const m = CAPTION_TAIL.exec(caption.trim());
  return m ? m[1]!.trim() : caption;
}

/** The measure word a label is, or ends with; null when it is not measure-like. */
export function measureOf(label: string): string | null {
  const c = compact(label).replace(/[()（）]/g, '');
  for (const w of MEASURE_WORDS) if (c === w || c.endsWith(w)) return w;
  return null;
}

/** A basis alone (`人口1人当たり`, `1床当り`): how an amount is measured, not what it is of. */
export function isPerBasis(label: string): boolean {
  return PER_BASIS.test(compact(label).replace(/[()（）]/g, ''));
}

/** True when a label is nothing but a measure word (so the indicator must come from elsewhere). */
export function isMeasureOnly(label: string): boolean {
  const c = compact(label).replace(/[()（）]/g, '');
  // (a basis alone, `人口1人当たり` of `人口1人当たり決算額`)
  if (isPerBasis(c)) return true;
  const m = measureOf(c);
  // (`延べ利用者数`, `実人数`, `年間件数` are measures with a prefix; `施設入所者数`, `訪問件数`, `相談件数` name what
  // they count)
  return (
    m !== null &&
    (c === m || (c.length <= m.length + 2 && /^(?:延べ|延|のべ|実|年間|月間|合計|総|平均|1日|一日)/u.test(c)))
  );
}

export function isSubgroup(label: string): boolean {
  if (/^[①-⑳]$/u.test(label.trim())) return true;
  const c = compact(label).replace(/^[・･]/, '');
  return SUBGROUP_RE.test(c) || isComparisonGroup(c);
}

/** A group the reporting body is compared with (`類似団体平均`, `類似団体内最大値`, `全国平均`). */
export function isComparisonGroup(label: string): boolean {
  return COMPARISON_GROUP_PATTERN.test(compact(label).replace(/[()（）]/gu, ''));
}

/**
 * A header that is a difference of two lettered columns (`(A)-(B)`, `A－B`): the letters, else null. The columns
 * it names are those whose header carries the letter as a tag (`増減率(%)(A)`).
 */
export function letterDifference(text: string): [string, string] | null {
  const m = /^[(（]?([A-Z])[)）]?[-－−ー―][(（]?([A-Z])[)）]?$/u.exec(compact(text));
  return m ? [m[1]!, m[2]!] : null;
}

/** The reporting body itself (`当該団体`) heading a column beside comparison groups: whose figure, not what of. */
export function isReportingBody(label: string): boolean {
  return (REPORTING_BODY_WORDS as readonly string[]).includes(compact(label).replace(/[()（）]/gu, ''));
}

/** Split a stub like `・65歳以上 ・65歳未満` or `・入院後3ヶ月時点 ・入院後6ヶ月時点` into its items. */
export function bulletItems(text: string): { head: string; items: string[] } {
  // (a mark between two words with no blank, `保健・医療`, joins one name: only a mark at the start or after a blank
  // starts an item)
  const parts = text
    .normalize('NFKC')
    .split(/(?:^|\s+)[・•]\s*/u)
    .map((p) => p.trim());
  if (parts.length < 2) return { head: text.trim(), items: [] };
  const [head, ...items] = parts;
  return { head: head ?? '', items: items.filter((x) => x.length > 0) };
}

/**
 * Drop a trailing formula or letter tag (`入所者数 (A)`, `(E = A - B - C + D)`, `削減見込 (A - E)`) and a `※` note
 * after the label (`施設入所支援の利用者数 ※施設入所者数の削減`: the note says which goal the row serves), or a
 * numbered note mark glued to its end (`…事業）※1`).
 */
export function stripTags(label: string): string {
  return (
    label
      .replace(/(\S{2,})\s+※.*$/u, '$1')
      // (a numbered note mark glued to the label's end, `相談支援事業（…）※1`, refers to a note; it names nothing)
      .replace(/(\S{2,}?)※\s*(?:[0-9０-９]+|[①-⑳])$/u, '$1')
      .replace(/\s*[(（]\s*[A-Z]\s*(?:[=＝+\-－][^)）]*)?[)）]\s*/g, ' ')
      .replace(/【[^】]*】/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A heading that names no indicator, only the kind of table (`第6期障害福祉計画サービス必要見込量と実績`). */
export function isGenericHeading(text: string): boolean {
  const c = compact(text);
  return (
    /見込量と実績|必要見込量|目標と実績|計画目標$|計画目標と|^第\d+期.*計画$|^目標値?$|^実績値?$|評価等について|要旨$/.test(
      c,
    ) || c.length === 0
  );
}

export { isGuidelineText, KIND_MARKER, NATIONAL_GUIDELINE } from '@shiryo/model';

/**
 * The one kind a phrase states — a caption, a heading, a label line, the words of a sentence before a value — or
 * null when it states none or several: 目標 (and its OCR readings 月標/日標) → target; 実績, or a state
 * (`【令和6年度の状況】`, `現状`) → actual; 見込, 推計, 計画値 → plan; 基準値 → baseline. `目標値に対する実績`: the words after
 * に対する are what is reported. `目標1` (a numbered goal) names no kind.
 *
 * `baseline` is asked for by captions only: in a sentence, `基準値` names the one value after it (the kind rules read
 * it right before that value), while a caption's kind holds for the whole table.
 */
/** A result written as expected, not final: `実績見込`, `実績（見込み）`, `見込実績` (compact text). */
const EXPECTED_RESULT = /実績[(（]?見込み?(?:値|量)?[)）]?|見込み?実績/u;

export function kindWord(text: string, opts: { baseline?: boolean } = {}): ValueKind | null {
  const against = /に対(?:する|しての)(.*)$/u.exec(compact(text))?.[1];
  if (against && kindWord(against, opts)) return kindWord(against, opts);
  // (`成果目標の基準値（単位：人）`, `訪問系サービスの計画値`: a kind word after の ends the phrase and says what its values
  // are, whatever kind words the name before it holds)
  // (a caption or heading, short and not a clause of a sentence, `…は、令和6年度の計画`, whose kind word the value's own
  // reader takes)
  const phrase = compact(text).length <= 80 && !CLAUSE_MARKS.test(compact(text));
  const tail = phrase ? KIND_AFTER_NO.exec(compact(text).replace(/[(（][^()（）]*[)）]$/u, ''))?.[1] : undefined;
  const tailKind = tail && !VALUE_FORMS_NAMING_THINGS.includes(tail) ? kindOfWord(tail) : null;
  if (
    tailKind &&
    tailKind !== 'deviation' &&
    tailKind !== 'achievement_rate' &&
    (tailKind !== 'baseline' || opts.baseline)
  )
    return tailKind;
  // (`目標1`, a numbered goal, and `目標設定`, an activity, name no kind)
  const c = compact(text)
    .replace(/目標\d+/g, '')
    .replace(ACTIVITY_NOUNS, '');
  const hits = new Set<ValueKind>();
  // (a result not yet final, `実績見込`, `実績（見込）`, `見込実績`: one kind, an estimate, not 実績 and 見込 both)
  const expected = EXPECTED_RESULT.test(c);
  if (expected) hits.add('estimate');
  const rest = expected ? c.replace(new RegExp(EXPECTED_RESULT.source, 'gu'), '') : c;
  if (TARGET_WORD.test(rest)) hits.add('target');
  if (/実績/.test(rest) || (/(?:状況|現状)】?$/.test(rest) && !/目標|見込|計画/.test(c))) hits.add('actual');
  if (PLAN_WORD.test(rest) || (phrase && PLAN_ALONE.test(rest))) hits.add('plan');
  if (opts.baseline && BASELINE_WORD.test(rest)) hits.add('baseline');
  return hits.size === 1 ? [...hits][0]! : null;
}

/** A bracketed formula after a kind word (`差(実績ー見込量)`): how the value is made, not what it is. */
const KIND_FORMULA = new RegExp(`(${KIND_COMPOUND_SOURCE})[(（][^()（）]*[-−ー－÷×/／+＋][^()（）]*[)）]$`, 'u');

/** What a label says it counts, when that is all it says (`利用者数`, `(延べ利用日数)`, `利用者数の`). */
const measureRest = (rest: string) => {
  const r = rest.replace(/^[(（]|[)）]$|の$/gu, '');
  return r === '' || isMeasureOnly(r);
};

/**
 * A header or stub text whose kind word is fused with what it counts (`利用者数実績`, `実績（利用者数）`,
 * `延べ利用日数見込`, `サービス見込量`): the kind its compound kind word states (`kindOfWord`, read by stems) and
 * the text without it. A kind word ends a label whatever comes before it (`…の実績`), except a stem that also ends
 * names of things (`整備計画`, `人口推計`, `格差`), which counts only after a measure; one at the start counts only
 * before a measure (`計画相談支援` names a service). Null when the text holds no such word, or only one (the exact
 * readers take it).
 */
export function splitKindWord(text: string): { kind: ValueKind; rest: string } | null {
  const c = compact(text).replace(KIND_FORMULA, '$1');
  const end = KIND_COMPOUND_AT_END.exec(c);
  if (end && end.index > 0) {
    const word = end[0];
    const rest = c.slice(0, end.index);
    const kind = kindOfWord(word);
    const weak = (KIND_STEMS_NAMING_THINGS as readonly string[]).includes(word);
    // (`目標と実績`, `見込量及び実績`: a banner naming two kinds states neither)
    const pair = /(?:と|及び|および|並びに|[・、,/])$/u.test(rest);
    if (kind && !pair && (!weak || measureRest(rest))) return { kind, rest: rest.replace(/の$/u, '') };
  }
  // (a budget or settlement column word after what it is of: `当該団体決算額`, `人口1人当たり決算額`, `一般会計予算額`)
  for (let i = 1; i < c.length - 1; i++) {
    const kind = budgetKindOfWord(c.slice(i));
    if (kind && !/[のと及・、,/]$/u.test(c.slice(0, i))) return { kind, rest: c.slice(0, i) };
  }
  const start = KIND_COMPOUND_AT_START.exec(c);
  if (start && start[0].length < c.length) {
    const rest = c.slice(start[0].length);
    const kind = kindOfWord(start[0]);
    if (kind && measureRest(rest)) return { kind, rest: rest.replace(/^[(（]([^()（）]*)[)）]$/u, '$1') };
  }
  return null;
}
