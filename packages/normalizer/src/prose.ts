/**
 * Numbers in prose and bullets: `R1年度末：217人`, `① 目標 令和5年度末 79人`, `入院後1年時点：62%`,
 * `事業所数：3か所`, `・年6回以上協議`. A number becomes an observation only when it has a unit or follows a
 * `label：`, is not part of a date, an ordinal (`第3回`) or a list number, and a label can be found for it.
 */
import type { FiscalPeriod, Observation, Quantity, ValueKind } from '@shiryo/model';
import { type DocumentContext, planTermOf } from './context.js';
import { fiscalYearOfIso } from './dates.js';
import { compact, KIND_MARKER, stripNumbering, stripTags } from './labels.js';
import { makeObservation } from './observe.js';
import { findPeriods, fyPeriod, valueKindOf } from './period/index.js';
import { findQuantities, splitLabelUnit } from './quantity/index.js';
import type { RuleTrace } from './rules/engine.js';

function findPeriodSpans(text: string) {
  return (
    findPeriods(text)
      // `2025年問題`: a year glued to a noun names the noun, it does not date a value.
      .filter(
        (p) =>
          !(
            p.kind === 'year' &&
            /^[\p{sc=Han}]/u.test(text.slice(p.offset + p.length)) &&
            !/^[度末月中時以内前後間頃]/u.test(text.slice(p.offset + p.length))
          ),
      )
      .map((p) => ({
        start: p.offset,
        end: p.offset + p.length,
        text: text.slice(p.offset, p.offset + p.length),
        period: p as FiscalPeriod,
      }))
  );
}

type PeriodSpan = ReturnType<typeof findPeriodSpans>[number];

function findQuantitySpans(text: string) {
  return findQuantities(text).map((q) => ({ start: q.offset, end: q.offset + q.length, quantity: q }));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface ProseItem {
  text: string;
  page: number;
  section: string | null;
  /** Table cells: the row's label always heads the label found in the cell. */
  alwaysLead?: boolean;
  /** A bullet block (`• 令和3年度(6人)の1.5倍` under `• 利用者数: 9人` restates the bullet before it). */
  bullet?: boolean;
  /** Table cells: the items the row names elsewhere (the national guideline's bullets), for a value with no label. */
  rowItems?: string[];
  /** Table cells: the column's header (`目標値設定の考え方`), which says what the sentences in it are about. */
  header?: string;
  /** Where it came from, for provenance: a table cell or a block. */
  table_index: number | null;
  row: number | null;
  col: number | null;
}

/** State carried from one block to the next: a label line announces the values under it. */
export interface ProseState {
  lead: string | null;
  kind: ValueKind | null;
  period: FiscalPeriod | null;
  /** The label of the last value of the bullet just read: a bullet after it without a label restates it. */
  itemLabel?: string | null;
  /** The plan term the current heading names (`第7期計画の成果目標` in a report on the 第6期 results). */
  plan?: { plan: string; start: number; end: number } | null;
  /** The label of the last value read in paragraphs and bullets under the current heading. */
  lastLabel?: string | null;
  /** The one year the headings above name (`重点施策の取組状況（令和6年度）`): the year of results, not of targets. */
  headingYear?: FiscalPeriod | null;
}

export function newProseState(): ProseState {
  return { lead: null, kind: null, period: null, itemLabel: null };
}

/** Every kind marker of a text (matchAll copies the expression, so one instance serves every call). */
const KIND_MARKERS = new RegExp(KIND_MARKER.source, 'gu');

/** Kind words ending a label (`… 目標 /実績/達成率`, `…の抑制 現状値`): they say what a value is, not what it counts. */
const KIND_TAIL =
  /[\s/／:：、,]*(?:目標値?|実績値?|達成率|進捗率|現状値|基準値|前年度?比|見込量?|計画策定時|策定時)[\s/／:：]*$/u;

/** A unit's counted thing without its period (`time/year` → `time`). */
const unitBase = (u: string | null | undefined) => (u ?? '').split('/')[0];

/** A bullet that is a year and a value (`・令和3年度 818人`). */
const yearOnly = /^\s*[・•]?\s*(?:令和|平成|R|H|\d{4})\s*(?:\d{1,2}|元)?\s*年度?[末中]?\s*[:：]?\s*[0-9０-９]/u;

/** Where each bullet item starts: a bullet mark at the start or after a blank (`… • 移行者数:5人 • 削減数:2人`). */
function bulletStarts(text: string): number[] {
  return [...text.matchAll(/(?:^|\s)[•・●○◆■◇□]/gu)].map((m) => (m.index ?? 0) + m[0].length - 1);
}

export function kindWord(text: string): ValueKind | null {
  // `目標値に対する実績`: the words after に対する are what is reported.
  const against = /に対(?:する|しての)(.*)$/u.exec(compact(text))?.[1];
  if (against && kindWord(against)) return kindWord(against);
  const c = compact(text).replace(/目標\d+/g, '');
  const hits: ValueKind[] = [];
  if (/目標|月標|日標/.test(c)) hits.push('target');
  // `【令和6年度の状況】`, `現状`: how things stand is a result
  if (/実績|(?:状況|現状)】?$/.test(c) && !/目標|見込|計画/.test(c.replace(/実績/g, ''))) hits.push('actual');
  else if (/実績/.test(c)) hits.push('actual');
  if (/見込/.test(c)) hits.push('plan');
  return hits.length === 1 ? hits[0]! : null;
}

interface ArrowSide {
  role: 'from' | 'to';
  /** The pair goes from a base to a target. */
  target: boolean;
  /** The years a `Y1→Y2` caption gives the two sides. */
  years: [FiscalPeriod, FiscalPeriod] | null;
  /** This side has a year of its own. */
  dated: boolean;
}

/**
 * Values joined by an arrow (`3人→4人`, `78.2％（令和4年度調査）→ 80％以上`, `R5：42.6％ → R8：45.0％`): a pair whose
 * right side is bounded (以上, 以下) or lies years ahead of the report is a base and its target; otherwise two results,
 * dated by their own years or by a `令和5年度末→令和6年度末` caption in the text before them or the section.
 */
function arrowPairs(
  text: string,
  qs: { start: number; end: number; quantity: Quantity }[],
  periods: { start: number; end: number; period: FiscalPeriod }[],
  section: string | null,
  ctx: DocumentContext,
): Map<object, ArrowSide> {
  const out = new Map<object, ArrowSide>();
  const yearPair = (s: string): [FiscalPeriod, FiscalPeriod] | null => {
    const ps = findPeriodSpans(s);
    // (`令和5年度末→令和6年度末` may read as one span from the one to the other)
    const span = ps.find((p) => p.period.kind === 'range' && /[→⇒]/u.test(p.text));
    if (span) {
      const [from, to] = span.text.split(/[→⇒]/u).map((side) => findPeriodSpans(side)[0]?.period);
      if (from && to) return [from, to];
    }
    for (let i = 0; i + 1 < ps.length; i++)
      if (/^\s*[→⇒～~]\s*$/u.test(s.slice(ps[i]!.end, ps[i + 1]!.start))) return [ps[i]!.period, ps[i + 1]!.period];
    return null;
  };
  // The first dated period lying wholly between two positions.
  const yearWithin = (from: number, to: number) =>
    periods.find((p) => p.start >= from && p.end <= to && p.period.fiscalYear !== null)?.period ?? null;
  for (let i = 0; i + 1 < qs.length; i++) {
    const [a, b] = [qs[i]!, qs[i + 1]!];
    const between = text.slice(a.end, b.start);
    if (!/^[^→⇒。、]{0,20}[→⇒][^→⇒。、]{0,12}$/u.test(between)) continue;
    const arrowAt = a.end + between.search(/[→⇒]/u);
    const sideStart = Math.max(
      0,
      ...['・', '、', '。', '：', ':', '\n'].map((m) => text.lastIndexOf(m, a.start - 1) + 1),
    );
    const left = yearWithin(sideStart, a.start) ?? yearWithin(a.end, arrowAt);
    const right = yearWithin(arrowAt, b.start) ?? yearWithin(b.end, b.end + 16);
    const report = ctx.reportYear?.fiscalYear ?? left?.fiscalYear ?? null;
    const bounded = ['gte', 'gt', 'lte', 'lt'].includes(b.quantity.qualifier ?? '');
    const ahead = right?.fiscalYear != null && report != null && right.fiscalYear > report;
    const target = bounded || ahead;
    const years = yearPair(text.slice(0, a.start)) ?? yearPair(section ?? '');
    out.set(a, { role: 'from', target, years, dated: !!left });
    out.set(b, { role: 'to', target, years, dated: !!right });
  }
  return out;
}

/** The last position of any of `marks` in `s` that is not inside round brackets; -1 if none. */
function lastOutsideBrackets(s: string, marks: string[]): number {
  let depth = 0;
  let at = -1;
  [...s].forEach((ch, i) => {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (depth === 0 && marks.includes(ch)) at = i;
  });
  // (code units, as lastIndexOf counts them)
  return at < 0 ? -1 : [...s].slice(0, at).join('').length;
}

/** The kind the words right before a value give it (`【現状値】`, `（達成率`, `目標：`, `計画策定時（R5年度末）の`). */
function immediateKind(before: string): ValueKind | null {
  const b = before
    .normalize('NFKC')
    .replace(/[(（][^()（）]*[)）]\s*の?\s*$/u, '')
    .replace(/(?:年|月)\s*$/u, '');
  const m = /(?:【\s*([^】]{1,6}?)\s*】|([\p{sc=Han}]{1,6}))\s*[:：]?\s*[(（]?\s*$/u.exec(b);
  const word = m?.[1] ?? m?.[2];
  if (!word) return null;
  if (/計画策定時|策定時|現状値|基準値/u.test(word)) return 'baseline';
  return valueKindOf(word);
}

/**
 * Marks a result written in a table cell's sentences (a review sheet's 実績 column) whose year nothing states;
 * `normalizeDocument` dates it once all tables are read. A paragraph outside tables keeps no year.
 */
export const UNDATED_RESULT = 'undated result';

/** A label that names a count or a rate (`一般就労移行者数`, `削減数`, `定着率`), not a place or a type. */
const COUNT_LABEL = /(数|率|割合|人員|件数)$/u;
/** A label that names a place or a type of provider (`就労移行支援事業所`, `就労継続支援B型`, `就労移行支援事業`). */
const PLACE_LABEL = /(事業所|事業|施設|型|センター|病院|機関)$/u;
/** What a count of people is written as before its breakdown: a count (`…者数`) or the people (`…の一般就労者`). */
const COUNT_LEAD = /(数|率|割合|人員|件数|者)$/u;

/**
 * The heading of the section that names what is counted: `(1) 福祉施設からの一般就労者 > ① 目標 令和5年度…` gives
 * `福祉施設からの一般就労者`. Headings that state a kind (`目標 …`, `実績`) only say which value follows.
 */
function sectionCount(section: string | null): string | null {
  const parts = (section ?? '').split(' > ').reverse();
  for (const part of parts) {
    if (/^\s*(目標|実績|見込)/u.test(part)) continue;
    const name = cleanLabel(part);
    return COUNT_LEAD.test(name) ? name : null;
  }
  return null;
}

/** `相談支援事業所連絡会を実施`, `…検討会として設置`: the noun before it names an activity or body. */
const ACTIVITY = /([\p{sc=Han}\p{sc=Katakana}ー]{3,30})(?:を(?:実施|開催)|として設置)/gu;

const NOT_A_VALUE_BEFORE = /(第|№|No\.?|P\.?|p\.?|令和|平成|昭和|R|H)\s*$/u;

function cleanLabel(s: string): string {
  // `【2019年度末時点 施設入所者数】 36人`: a bracketed label names the value after it; a bracketed kind word
  // (`【目標値】`, `（基準値）`) is dropped.
  const unbracketed = s
    .replace(/【\s*([^】]*?)\s*】/gu, (_m, inner: string) =>
      kindWord(inner) && inner.length <= 5 ? ' ' : ` ${inner} `,
    )
    // `施設入所者数（基準値）：118人`: a kind word in round brackets says what the value is, not what it counts.
    .replace(/[(（]\s*(?:基準値?|目標値?|実績値?|見込量?)\s*[)）]/gu, ' ');
  return stripNumbering(stripTags(unbracketed.replace(/^[\s、,，・]+/u, '')))
    .replace(/[：:]\s*$/u, '')
    .replace(/^(目標値?|実績値?|見込量?|【[^】]*】)\s*/u, '')
    .replace(/^\s*(時点|現在|末までに|末まで|末|までに|まで|において|における|中に|の|に)\s*/u, '')
    .replace(/(まで|までに|において|における)\s*$/u, '')
    .replace(/[\s、,・]+$/u, '')
    .replace(/^[)）\]」』]+|[(（[「『]+$/gu, '')
    .replace(/\s*[(（][^)）]*$/u, '')
    .replace(/[\s、,・]+$/u, '')
    .replace(/\s*(から|より)$/u, '')
    .replace(/(は|が|を|で|の|に)$/u, '')
    .trim();
}

/** A heading starts a new context: its text is the label of the values under it until another label line. */
export function proseHeading(
  state: ProseState,
  text: string,
  outer: readonly string[] = [],
  docPlan: string | null = null,
): void {
  const lead = cleanLabel(text);
  state.lead = lead || null;
  // A numbered heading (`(4) 今後の対応`, `目標2 …`) opens a new part; an unnumbered short line under a
  // `【目標】` marker is only the label of the next values and keeps the marker's kind. A part that states no kind
  // takes the kind of the plan's heading it stands under (`2 第7期計画の成果目標 > (1) 福祉施設の入所者の地域生活
  // への移行`), unless that heading reports on the targets (`第6期計画の成果目標の達成状況`).
  const numbered = stripNumbering(text) !== text.normalize('NFKC').trim() || /^[①-⑳]/u.test(text.trim());
  if (numbered || kindWord(text)) state.kind = kindWord(text) ?? outerKind(outer);
  // `重点施策の取組状況（令和6年度）`: a heading of one year's work dates what is told under it (a target's year is
  // the plan's, so not under a heading of targets).
  const yearOf = (h: string) => {
    const years = findPeriodSpans(h).filter((p) => p.period.fiscalYear !== null && p.period.kind !== 'plan_term');
    return years.length === 1 && !kindWord(h) ? years[0]!.period : null;
  };
  state.period = null;
  state.headingYear =
    state.kind === 'target' ? null : ([text, ...[...outer].reverse()].map(yearOf).find(Boolean) ?? null);
  state.plan = [text, ...[...outer].reverse()].map((h) => planTermOf(h, docPlan)).find(Boolean) ?? null;
  state.lastLabel = null;
}

function outerKind(outer: readonly string[]): ValueKind | null {
  for (const h of [...outer].reverse()) {
    const c = compact(h);
    if (/達成状況|進捗|評価|点検|振り返り/u.test(c)) return null;
    // only a plan's own targets (`第7期計画の成果目標`): a bare `成果目標` heads results and bases as well
    const k = kindWord(h);
    if (k) return /第\d+期/u.test(c) ? k : null;
  }
  return null;
}

/** Observations from one prose item; updates `state` for the items that follow. */
export function proseToObservations(
  item: ProseItem,
  state: ProseState,
  docCtx: DocumentContext,
  _trace?: RuleTrace,
): Observation[] {
  // Under a heading that names a plan term, that plan's years are the targets' and the bases' reference.
  const ctx: DocumentContext = state.plan
    ? {
        ...docCtx,
        planPeriod: `${state.plan.start}-${state.plan.end}`,
        planEnd: fyPeriod(state.plan.end, `${state.plan.plan}の最終年度`),
      }
    : docCtx;
  const text = item.text;
  const qs = findQuantitySpans(text);
  const periods = findPeriodSpans(text);
  const blockKind = kindWord(text.slice(0, 12));
  // A bullet right after a labelled bullet, with no label of its own, restates that bullet's value.
  const carried = item.bullet ? (state.itemLabel ?? null) : null;
  state.itemLabel = null;
  if (qs.length === 0) {
    // A label line: remember it for the values below.
    const k = kindWord(text);
    if (text.length <= 80) {
      let lead = text.replace(/^(.*?)(目標|実績)\s*$/u, '$1');
      for (const p of periods) lead = lead.replace(p.text, ' ');
      lead = cleanLabel(lead.replace(/^\s*[①-⑳]?\s*(目標値?|実績値?)\s*/u, ''));
      if (lead && !/^(目標|実績|評価|今後の対応)/.test(lead)) state.lead = lead;
      if (k) state.kind = k;
      const p = periods.find((x) => x.period.fiscalYear !== null);
      // (a plain label, `① 介護予防`, keeps the year its heading gave)
      if (p || k) state.period = p?.period ?? null;
    }
    return [];
  }
  // `入所施設の利用先は、①市内施設：26人、②…`: the topic before は names what the list items break down.
  // `協議の場として、事務連絡会6回、事例検討会6回…`: what the counted things are held as, likewise.
  const topic =
    /^(.{2,40}?)は[、,]?\s*(?=[①-⑳(（・]|[0-9]+[).）])/u.exec(text)?.[1] ??
    /^(.{2,40}?)として[、,]\s*(?=[^、。\s]{2,12}?[0-9０-９]+\s*(?:回|人|名|件|か所|箇所)[、,])/u.exec(text)?.[1] ??
    null;
  // `・23% ・31% ・62% 令和2年6月から1年間での退院率`: a caption after the last value that dates what the values
  // measure dates them all, before the column's year.
  const lastEnd = qs[qs.length - 1]!.end;
  const captionAt = periods.find(
    (p) => p.start >= lastEnd && p.period.fiscalYear !== null && /^[\s、,]*$/u.test(text.slice(lastEnd, p.start)),
  );
  const caption =
    captionAt &&
    /^\s*(?:から[^、。\s]{1,8}間)?\s*(?:で|に)?(?:の|における)\s*[\p{sc=Han}\p{sc=Katakana}ー]{1,20}\s*$/u.test(
      text.slice(captionAt.end),
    )
      ? fyPeriod(captionAt.period.fiscalYear!, captionAt.text)
      : null;
  // `・65% ・48% 令和3年4月から…` in a row labelled `…定着率 ・就職後6か月時点 ・就職後1年時点`: one value per item of the
  // row's list, in order.
  const rowItemsOfLead = (state.lead ?? '').split(/\s*[・•●]\s*/u).map((x) => x.trim());
  const valuePerItem =
    item.alwaysLead &&
    rowItemsOfLead.length === qs.length + 1 &&
    rowItemsOfLead.every(Boolean) &&
    qs.every((x) => /(?:^|\s)[・•●]\s*$/u.test(text.slice(0, x.start)));
  const quotedName = [...text.slice(0, qs[0]!.start).matchAll(/「([^」]{2,30})」/gu)].pop()?.[1] ?? null;
  const out: Observation[] = [];
  let boundary = 0;
  let blockLead: string | null = null;
  let blockUnit: { unit: string; unitText: string | null } | null = null;
  let prevKind: ValueKind | null = null;
  let runningKind: ValueKind | null = null;
  let markerAt = -1;
  let prevPeriod: FiscalPeriod | null = null;
  const baseYears = new Set<number>();
  // The last value read with a label of its own: values in brackets right after it break it down.
  let prevValue: { end: number; label: string; kind: ValueKind; period: FiscalPeriod | null } | null = null;
  const arrows = arrowPairs(text, qs, periods, item.section, ctx);
  for (const [qi, q] of qs.entries()) {
    const before = text.slice(0, q.start);
    const inPeriod = periods.some((p) => q.start >= p.start && q.start < p.end);
    const hasColon = /[：:]\s*$/.test(before);
    // `市内3か所の委託している相談事業所`: a number used attributively describes, it does not report. A count joined
    // to the next by と、 (`短期入所6床と、…2棟の設置`) or counting what was set up (`2棟の設置`, `1か所の開設`) reports.
    const after = text.slice(q.end, q.end + 8);
    const attributive =
      /^(の|で|と|から)/u.test(after) &&
      // (`2023（令和5）年度の82.0％から…86.5％に`, `計画策定時（R5年度末）の16.8％から`: a dated value a change
      // starts from is a value of its year)
      !(/^から/u.test(after) && /(?:年度末?[)）]?|年)\s*(?:の|は|時点の)?\s*$/u.test(before)) &&
      !(/^の/u.test(after) && q.quantity.unit === 'case') &&
      !/^(の(?:うち|内|設置|整備|開設|確保|新設|開催|実施|\s*[0-9０-９.．]+\s*倍|(?:利用|参加|相談|申請)が)|で(?:ある|あった|あり|した|す|実施|開催|運営|[、,])|と(?:する|し|な|[、,]|(?:引き続き)?(?:連携|協力|契約|協定)))/u.test(
        after,
      );
    // (`412人のうち98人（23.8％）で…改善`: a part counted out of a whole reports, whatever follows it)
    const partOfWhole = /のうち[、,]?\s*$/u.test(before);
    // `計画値の9割を下回りました`: a share of another value used as a threshold is no value of its own.
    const threshold = /の\s*$/u.test(before) && /^\s*を?(?:下回|上回)/u.test(text.slice(q.end));
    if (
      inPeriod ||
      (attributive && !partOfWhole) ||
      threshold ||
      NOT_A_VALUE_BEFORE.test(before) ||
      (!q.quantity.unit && !hasColon)
    )
      continue;
    // `「リハモード家族会(月1回)」の周知`: a number inside a quoted name is part of the name. `(2か月に1回)` is an
    // interval, and `各月1回～2か月に1回` a range of them: neither is a count per period.
    const quoted = (before.match(/「/gu)?.length ?? 0) > (before.match(/」/gu)?.length ?? 0);
    const interval =
      /[0-9０-９]\s*(?:か月|ヶ月|カ月|ヵ月|ケ月|年|週)に\s*$/u.test(before) || /^\s*[～〜~]/u.test(text.slice(q.end));
    if (quoted || interval) continue;
    // The sentence the value stands in, and its words before the value.
    const sentenceFrom = text.lastIndexOf('。', q.start) + 1;
    const sentenceEnd = text.indexOf('。', q.end);
    const sentence = text.slice(sentenceFrom, sentenceEnd < 0 ? text.length : sentenceEnd + 1);
    const sentenceBefore = text.slice(sentenceFrom, q.start);
    // `※構成比は小数点第2位を四捨五入しているため、合計が100％にならない場合があります`: how figures were rounded.
    if (/四捨五入|端数|小数点/u.test(sentence)) continue;
    // `地域活動に月1回以上参加している高齢者の割合 32.4％`: a number in the words that define a rate is part of its name.
    const nextQ = qs[qi + 1];
    if (
      nextQ &&
      /^[^、。0-9０-９]{0,16}(?:している|した|する|できる)[^、。0-9０-９]{0,16}(?:割合|率)\s*$/u.test(
        text.slice(q.end, nextQ.start),
      )
    )
      continue;
    // `…会議を実施（年1回） ※提出事例が少ないため、年2回から1回としたい。`: a `※` note that restates a value written
    // before it (the same number, the same unit) is no second observation.
    const noteAt = before.lastIndexOf('※');
    if (
      noteAt > 0 &&
      qs.some(
        (o) =>
          o.end <= noteAt &&
          o.quantity.value === q.quantity.value &&
          unitBase(o.quantity.unit) === unitBase(q.quantity.unit),
      )
    )
      continue;
    const seg = text.slice(boundary, q.start);
    boundary = q.end;
    // `17人（移行13人・A型2人）`, `3人(子ども発達センター2人、障がい福祉課1人)`, `参加者：8名(4事業所)`: values in a
    // bracket opened right after a value break that value down (the word before each names the part), with its kind
    // and year. A year or a ratio inside the bracket (`15人（令和3年度実績の1.28倍）`) is not a breakdown.
    const opened = prevValue ? /^\s*[(（]([^()（）]*)$/u.exec(text.slice(prevValue.end, q.start)) : null;
    if (
      prevValue &&
      opened &&
      !periods.some((p) => p.start >= prevValue!.end && p.start < q.start) &&
      !/前年/u.test(opened[1]!) &&
      // (`15件（目標20件、達成率75％）`: the words in the bracket say what the values are, not a part)
      !immediateKind(opened[1]!) &&
      q.quantity.unit !== 'ratio'
    ) {
      const part = cleanLabel(opened[1]!.split(/[、,，・]/u).pop() ?? '').replace(/^(?:うち|内)\s*/u, '');
      out.push(
        ...proseObservation(item, text, q, ctx, {
          label: prevValue.label,
          subgroup: part || null,
          period: prevValue.period,
          kind: prevValue.kind,
          unit: q.quantity.unit,
          unitText: q.quantity.unitText,
        }),
      );
      continue;
    }
    // Periods before a kind marker (`【目標値】`) belong to what came before it.
    for (const m of text.slice(0, q.start).matchAll(KIND_MARKERS)) markerAt = Math.max(markerAt, m.index ?? -1);
    // A year inside an earlier bullet item (`・令和3年度(6人)の1.5倍 • 就労移行支援事業所:1人`) is that item's; a year
    // before the first bullet (`令和5年度末 • 移行者数:5人 • 削減数:2人`) heads them all.
    const marks = bulletStarts(text).filter((i) => i < q.start);
    const firstMark = marks[0] ?? -1;
    const itemAt = marks[marks.length - 1] ?? -1;
    // A year tied to a noun in an earlier sentence (`令和5年度の設置を決定した。また、職員1名が…`) dates that noun only.
    const segPeriods = periods.filter(
      (p) =>
        p.end <= q.start &&
        p.start >= 0 &&
        p.start > markerAt &&
        !(p.start > firstMark && p.start < itemAt) &&
        !(/^\s*の/u.test(text.slice(p.end)) && text.slice(p.end, q.start).includes('。')) &&
        // a year that dated a base (`令和4年度末の施設入所者数（58人）の6％以上が…`) is that base's only
        !baseYears.has(p.start),
    );
    // `平成27年度から令和元年度までの5年間において2人`: a span of years that ended before the plan term is a base, on
    // its last year.
    const planStart = ctx.planPeriod ? Number(ctx.planPeriod.slice(0, 4)) : null;
    const pastSpan = (p: PeriodSpan) =>
      p.period.kind === 'range' && !!p.period.end && !!planStart && fiscalYearOfIso(p.period.end) < planStart;
    const near = [...segPeriods].reverse().find((p) => p.period.fiscalYear !== null || pastSpan(p));
    const nearPeriod = !near
      ? null
      : pastSpan(near)
        ? fyPeriod(fiscalYearOfIso(near.period.end!), near.text)
        : near.period;
    // A numbered item (`⑥保健、医療（…）、福祉、…ごとの参加者数 8人`) is labelled from its number on: the commas inside
    // it list parts of one name.
    const listAt = Math.max(...[...seg.matchAll(/[①-⑳]/gu)].map((m) => m.index ?? -1), -1);
    const listed = listAt >= 0 && !/。/u.test(seg.slice(listAt));
    let label = listed ? seg.slice(listAt) : seg;
    // Remove the periods with the words that tie them to the sentence (`令和8年度末までに`, `令和8年度中に`); the
    // longest first, so that `令和3年` read elsewhere in the paragraph does not cut `令和3年度` to `度`.
    for (const p of [...periods].sort((a, b) => b.text.length - a.text.length))
      label = label.replace(
        new RegExp(
          `${escapeRe(p.text)}\\s*(?:中に|中|末までに|末まで|までに|まで|時点で|時点の|時点|現在|において|における|の)?`,
          'u',
        ),
        ' ',
      );
    // Brackets emptied by removing their year (`(令和4年度) 2回実施`) say nothing.
    label = label.replace(/[0-9０-９]+\s*(か月間|ヶ月間|年間)/g, ' ').replace(/[(（]\s*[)）]/gu, ' ');
    // `2回目：…実施（参加者9名）`: a value inside a bracket is labelled by the words in front of it in the bracket.
    const bracketWord = /[(（]\s*([^()（）0-9０-９\s]{2,12})\s*$/u.exec(label)?.[1];
    if (bracketWord && !kindWord(bracketWord)) label = bracketWord;
    if (topic && label.startsWith(topic)) label = label.slice(topic.length).replace(/^は[、,]?/u, '');
    label = cleanLabel(label);
    const unsliced = label;
    // The label starts after the last sentence break, comma or bullet mark (`…の開催 ●在宅医療フォーラムの実施`).
    // (not inside brackets: `地域活動（通いの場、ボランティア等）に…参加している高齢者の割合` is one name)
    const lastSep = lastOutsideBrackets(label, ['。', '、', '●', '○', '■', '◆', '□', '◇', '※']);
    if (!listed && lastSep >= 0 && label.length - lastSep > 2) label = cleanLabel(label.slice(lastSep + 1));
    // A value right after a finished sentence (`…として中止。 3回実施`) has no label of its own.
    else if (!listed && /。$/u.test(label)) label = '';
    // `らくらく介護教室の開催に至り、地域で3回実施`: a clause of one short word after the last comma says where or how;
    // the clause before it names what was counted. So does a clause that only says how it is done, without an object
    // (`講演会・個別相談会に委託し、…講座とも連携させながら実施(年3回)`).
    const howOnly = /(?:ながら|つつ|あわせて|併せて)\s*(?:実施|開催)$/u.test(label) && !/を/u.test(label);
    if (label && label !== unsliced && ([...label].length <= 3 || howOnly) && !COUNT_LABEL.test(label)) {
      const clauses = unsliced.split(/[。、●○■◆□◇※]/u).map((x) => cleanLabel(x));
      const previous = clauses[clauses.length - 2];
      if (previous && [...previous].length >= 4) label = previous;
    }
    // `…への移行を進め、4名が精神科医療機関から…への地域移行に至った`: after a clause of what was done, the count is
    // of what the words after it say the people reached.
    const reached = /^\s*が([^、。！!？?]{4,40}?)に至(?:った|る|り)/u.exec(text.slice(q.end))?.[1];
    if (reached && (!label || /を[^、。を]{1,6}$/u.test(label))) label = cleanLabel(reached);
    // `事業所の取組により一般就労へ8人が移行し`: people counted as they move somewhere are those who moved there.
    // So are those counted before where they move (`…（58人）の6％以上が地域生活へ移行`).
    const movedTo =
      /^\s*(?:以上|以下)?が([\p{sc=Han}\p{sc=Katakana}ー・]{2,20})(?:へ|に)(移行|就職|入所|退所|退院|転居)/u.exec(
        text.slice(q.end),
      );
    const moved = /^\s*が?(移行|就職|入所|退所|退院|転居)/u.exec(text.slice(q.end))?.[1];
    const destination = moved ? /([\p{sc=Han}\p{sc=Katakana}ー・]{2,20})(?:へ|に)$/u.exec(label)?.[1] : undefined;
    if (moved && destination) label = `${destination}への${moved}者`;
    else if (movedTo) label = `${movedTo[1]}への${movedTo[2]}者`;
    // `職員1名が医療的ケア児コーディネーターの研修を受講しており`, `そのうち3人が就労定着支援事業を利用している`: people
    // counted as they take a course or use a service are its takers or users.
    const took = /^\s*が([^、。を]{2,40}?)を(受講|修了|利用)/u.exec(text.slice(q.end));
    if (took && (!label || [...label].length <= 4)) label = `${cleanLabel(took[1]!)}の${took[2]}者`;
    // `保育所等訪問支援事業及び重症心身障害児の支援について各1か所`: 各 gives the count to each item named.
    const eachItems = /各\s*$/u.test(before)
      ? label
          .replace(/\s*各$/u, '')
          .replace(/(?:について|に関して|とも|では|には)$/u, '')
          .split(/及び|および|並びに|、/u)
          .map((x) => cleanLabel(x))
          .filter((x) => [...x].length >= 2)
      : [];
    // `…連携会議は、感染拡大により2回中止`: words right before a count that end in a cause (により, のため) say why,
    // not what was counted; the sentence's subject (`Xは、`) is what the count is of.
    if (/(?:により|によって|の影響で|のため)\s*$/u.test(seg)) {
      const subject = /^\s*([^、。]{2,40}?)は[、,]/u.exec(sentenceBefore)?.[1];
      if (subject) label = cleanLabel(subject);
    }
    // `・家族介護教室　開催 年10回、参加者 延べ134人`: who took part, in a bullet that named its subject first.
    if (
      item.bullet &&
      blockLead &&
      /^(?:参加者|参加人数|参加者数|利用者|受講者|延べ)/u.test(label) &&
      !label.includes(blockLead)
    )
      label = `${blockLead} ${label}`;
    // `自立支援型地域ケア会議では、…見直した事例は31件`: the sentence's setting frames what it counts.
    const setting = /^\s*([^、。]{2,24}?)(?:では|においては)[、,]/u.exec(sentenceBefore)?.[1];
    if (
      setting &&
      !findPeriods(setting).length &&
      !/^(?:本市|当市|市|本町|全体|今後|現在)$/u.test(setting) &&
      label &&
      !label.includes(setting)
    )
      label = `${setting} ${label}`;
    // `参加人数：計40名`: 計 after the colon says the value is a total, it is not part of the label.
    label = label.replace(/\s*[：:]\s*(?:計|合計)$/u, '');
    // `「介護者交流会」開催回数：4回 参加人数：計52名`: a name in quotes before the first value names what each bare
    // count (`参加人数`, `延べ人数`) after it in the sentence is a count of; a label with a noun of its own does not.
    if (
      quotedName &&
      label &&
      !label.includes(quotedName) &&
      COUNT_LABEL.test(label) &&
      [...label].length <= 6 &&
      !/。/u.test(before.slice(before.lastIndexOf(quotedName)))
    )
      label = `${quotedName} ${label}`;
    // `白井市保健福祉センター（月2回）、西白井複合センター（月1回）で「お楽しみ処」を定期開催`: a count in brackets
    // after a place counts what the sentence names in quotes, held at that place.
    if (label && PLACE_LABEL.test(label) && /[(（]\s*$/u.test(text.slice(0, q.start))) {
      const named = [...sentence.matchAll(/「([^」]{2,30})」/gu)].map((m) => m[1]!);
      if (named.length === 1 && !label.includes(named[0]!)) label = `${named[0]} ${label}`;
    }
    // Kind words ending the label (`フレイル予防教室 目標 /実績/達成率`, `…の抑制 現状値`) say what the value is, not
    // what it counts (a label of kind words alone leaves the value to the label before it).
    const beforeTail = label;
    for (let i = 0; i < 4 && KIND_TAIL.test(label); i++)
      label = label.replace(KIND_TAIL, '').replace(/[のはがを]$/u, '');
    // `・現状値：16.8％`, `・実績：43.1％` under a 【成果指標】: a bullet that only says which value it is gives the
    // value to what the section named last.
    if (!label && item.bullet && state.lastLabel && (beforeTail || immediateKind(before))) label = state.lastLabel;
    // `このうち75歳以上の後期高齢者は`: このうち ties the count to the one before; `第7期計画の初年度である H30年度末の
    // 認定率`: a clause describing a year it has lost says nothing of what is counted.
    label = label
      .replace(/^(?:この|その)?うち[、,]?\s*/u, '')
      .replace(/^[^、。]{2,30}(?:である|となる)\s+(?=\S{2,})/u, '')
      // particles left alone when the years between them went (`登録者(累計) から に`)
      .replace(/(?:\s+(?:から|に|まで|には|では|は|が|の))+\s*$/u, '');
    // A unit written in the label (`利用実人数実績（人／月） R3：2人`) is the value's unit when it agrees.
    let unit = q.quantity.unit;
    let unitText = q.quantity.unitText;
    const lu = splitLabelUnit(label);
    if (lu.unit && (!unit || lu.unit === unit || lu.unit.startsWith(`${unit}/`))) {
      unit = lu.unit;
      unitText = lu.unitText;
      label = cleanLabel(lu.label ?? label) || label;
    }
    // `相談件数：年間 約4,200件`: 年間 makes a count per year.
    if (
      /^年間|(年間|1年間|年)$/u.test(label) &&
      unit &&
      !unit.includes('/') &&
      ['case', 'time', 'person'].includes(unit)
    ) {
      unit = `${unit}/year`;
      label = cleanLabel(label.replace(/^年間|(1?年間|年)$/u, '')) || label;
    }
    // `…相談支援事業所連絡会を実施。…(令和4年度) 2回実施、参加者：8名`: what a sentence says was held or set up names
    // the counts after it, until the next numbered item or target marker (`【目標値】`).
    const listBefore = Math.max(
      ...[...text.slice(0, q.start).matchAll(/[①-⑳]|【[^】]*目標[^】]*】/gu)].map((m) => m.index ?? -1),
      -1,
    );
    const activity =
      [...text.slice(0, q.start).matchAll(ACTIVITY)].filter((m) => (m.index ?? -1) > listBefore).pop()?.[1] ?? null;
    const context = activity ?? state.lead;
    const itemLead = blockLead ?? carried;
    // The topic holds for its own sentence.
    const topicEnd = topic ? text.indexOf('。') : -1;
    const sentTopic = topic && (topicEnd < 0 || q.start < topicEnd) ? topic : null;
    const lead = sentTopic ?? itemLead ?? context;
    const leadUnit = blockLead ? blockUnit : null;
    const headingCount = !itemLead && label && PLACE_LABEL.test(label) ? sectionCount(item.section) : null;
    if (!label && valuePerItem && lead === state.lead) {
      label = `${rowItemsOfLead[0]} ${rowItemsOfLead[qi + 1]}`;
    } else if (!label && item.bullet && lead === state.lead && state.lastLabel && yearOnly.test(text)) {
      // `【目標】 ・認知症サポーター養成講座 受講者数 年間1,200人以上 【実績】 ・令和3年度 818人`: a bullet of a year and
      // a value counts what the bullets before it under the same heading named.
      label = state.lastLabel;
    } else if (!label || label.length < 2 || /^(計|合計)$/.test(label)) {
      label = label && lead ? `${lead} ${label}` : (lead ?? '');
      if (leadUnit && unit && leadUnit.unit.startsWith(`${unit}/`)) ({ unit, unitText } = leadUnit);
    } else if (sentTopic || (lead && label.length <= 6 && !/数|率|者|所/.test(label))) {
      label = `${lead} ${label}`;
    } else if (itemLead && COUNT_LEAD.test(itemLead) && PLACE_LABEL.test(label)) {
      // `• 一般就労移行者数:9人 • 就労移行支援事業所:1人`, `一般就労者は…12人であった。内訳は市内就労移行支援事業所3人、…`:
      // a label that names a place or a type, not a count, after one that names a count breaks that count down.
      label = `${itemLead} ${label.replace(/^(?:内訳|うち)(?:は|[:：])?\s*/u, '')}`;
    } else if (headingCount) {
      // `(1) 福祉施設からの一般就労者 ① 目標 … 就労移行支援事業12人`: likewise under a heading that names the count.
      label = `${headingCount} ${label}`;
    } else {
      // A label of its own names the values after it in the block; in a table cell the row's label heads it
      // (the label before it in the cell does not: `• 移行者数:5人 削減数:5人`).
      blockLead = label;
      blockUnit = lu.unit && unit === lu.unit ? { unit, unitText } : null;
      // A numbered item with a name of its own (`④医療的ケア児支援のための…コーディネーターの配置 有5人`) is not, nor a
      // phrase long enough to name the thing itself (`2025年問題や地域包括ケアシステムをテーマとした広報を掲載する`):
      // the row's words before it would only bury it.
      // Nor is a name of its own under a row whose words are a whole sentence (a goal: `…と連携し、講演会…を行う。`).
      // Nor a topic of its own (`重症心身障害児の支援については、1か所設置`), nor a place or body named in full
      // (`重症心身障害児の受入れ事業所2か所と連携`).
      const topical =
        /(?:について|に関して)$/u.test(label) || (!!activity && PLACE_LABEL.test(label) && [...label].length >= 8);
      if (topical) label = label.replace(/(?:について|に関して)$/u, '');
      if (
        item.alwaysLead &&
        context &&
        !topical &&
        !(listed && label.length >= 8) &&
        [...label].length < 25 &&
        !([...label].length >= 12 && /。/u.test(context))
      )
        label = `${context} ${label}`;
    }
    // `•年6回以上協議` with nothing before it: the row's item that names the same act (`協議の場の設置`) says what.
    if (!label && item.rowItems) {
      const word = /^[\p{sc=Han}\p{sc=Katakana}ー]{2,}/u.exec(text.slice(q.end))?.[0];
      const named = word ? item.rowItems.filter((x) => x.includes(word)) : [];
      if (named.length === 1) label = cleanLabel(named[0]!.replace(/\s*[(（][^)）]*[)）]\s*$/u, ''));
    }
    if (!label) continue;
    // A kind marker (`【目標値】`, `② 実績`) holds for the values after it in the same block.
    // The last bracketed marker of the segment decides (`【目標】 …年度の実績を基に… 【目標値】 ①… 17人`): words in
    // the sentences before it describe how the target was set.
    const segMarkers = [...seg.matchAll(/【([^】]*)】|[(（]\s*(基準値?|目標値?|実績値?|見込量?)\s*[)）]/gu)]
      .map((m) => m[1] ?? m[2]!)
      .filter((m) => !/時点|現在/u.test(m))
      .map((m) => (/^基準/u.test(m) ? 'baseline' : kindWord(m)))
      .filter((k): k is ValueKind => k !== null);
    // (a kind word of an earlier sentence, `…目標を上回りました。なお、令和3年度の参加率は7.1％`, says nothing of this one)
    const segKind =
      segMarkers[segMarkers.length - 1] ??
      kindWord(seg.slice(seg.lastIndexOf('。') + 1).replace(/【[^】]*(?:時点|現在)[^】]*】/gu, ''));
    if (segKind) runningKind = segKind;
    let kind: ValueKind = runningKind ?? blockKind ?? state.kind ?? 'actual';
    // `年6回以上`, `72人を超えない`: a bound is a target unless the text says otherwise.
    if (kind !== 'target' && q.quantity.qualifier && q.quantity.qualifier !== 'approx' && !state.kind && !kindWord(seg))
      kind = 'target';
    // The word right before the value says what it is: `【現状値】620人`, `（達成率83％）`, `目標：年4回以上`,
    // `（目標20件、達成率75％）`; a signed change after 前年度比 is a difference; `…より7か所増え` too.
    const said = immediateKind(before);
    const signed = /^[▲△+＋\-−－]/u.test(text.slice(q.start, q.end));
    if (said) kind = said;
    else if (
      /(?:前年度?比|前年同期比|対前年度?比?)\s*[:：]?\s*$/u.test(before) &&
      (signed || q.quantity.unit !== 'percent')
    )
      kind = 'deviation';
    else if (
      /(?:より|と比べて?|と比較して|に比べて?)\s*$/u.test(before) &&
      /^\s*(?:の)?(?:増|減|多|少)/u.test(text.slice(q.end))
    )
      kind = 'deviation';
    // `…110か所とすることを目標に`: the sentence says the value is a target.
    else if (/^\s*(?:と(?:すること|する)?)?(?:を|が)目標/u.test(text.slice(q.end))) kind = 'target';
    // `約4,200件（令和4年度）`: a year in brackets right after the value is the value's own.
    const trailing = periods.find(
      (p) =>
        p.start >= q.end &&
        p.start - q.end <= 2 &&
        /^\s*[(（]\s*$/u.test(text.slice(q.end, p.start)) &&
        // (`5人（令和4年度末までの累計）`: words may follow the year inside the bracket)
        /^[^()（）0-9０-９]{0,10}[)）]/u.test(text.slice(p.end)),
    );
    let period =
      (trailing?.period.fiscalYear != null ? trailing.period : null) ??
      nearPeriod ??
      caption ??
      state.period ??
      (kind === 'target' ? null : (state.headingYear ?? null));
    // `（前年度末 104か所）`, `前年同期（192人）`: the year before the one the sentence is about.
    const relative = /(前年度末?|前年同期|前年同日|前年)\s*[:：]?\s*[(（]?\s*$/u.exec(
      text.slice(Math.max(0, q.start - 8), q.start),
    );
    const reference = [...periods].reverse().find((p) => p.end <= q.start && p.period.fiscalYear != null);
    const current = reference?.period.fiscalYear ?? period?.fiscalYear ?? ctx.reportYear?.fiscalYear ?? null;
    if (relative && current != null) period = fyPeriod(current - 1, relative[1]!);
    // `前年同期（192人）から▲24人`: a signed change from a value is a difference.
    if (/から\s*$/u.test(before) && signed) kind = 'deviation';
    const lastPeriod = [...segPeriods].reverse()[0];
    const between = lastPeriod ? text.slice(lastPeriod.end, q.start) : null;
    // `令和3年度(6人)の1.5倍`, `令和4年度末時点（45人）`: the number in brackets right after a year is that
    // year's base value…
    // (`令和元年度末時点の施設入所者数(72人)のうち…`: also when the bracket follows what is counted at that point)…
    // (`令和4年度末の施設入所者数（58人）`: a year before the plan term needs no 時点)…
    const pointBracket =
      between !== null && /^\s*(?:(?:時点|現在)(?:の[^、。()（）]{1,20})?)?\s*[(（]\s*$/u.test(between);
    const earlyBracket =
      between !== null &&
      !!planStart &&
      (lastPeriod?.period.fiscalYear ?? planStart) < planStart &&
      /^\s*(?:末)?の[^、。()（）]{1,20}[(（]\s*$/u.test(between);
    if (pointBracket || earlyBracket) {
      kind = 'baseline';
      baseYears.add(lastPeriod!.start);
    }
    // `令和3年度実績20人の1.28倍`: the value a ratio is measured against is that year's base.
    else if (between !== null && /^\s*の\s*[0-9０-９.．]+\s*倍/u.test(text.slice(q.end)) && lastPeriod) {
      kind = 'baseline';
      period = lastPeriod.period;
    }
    // …and a change `令和4年度末時点（45人）から5％以上削減` is counted from that base toward the sentence's target year.
    else if (between !== null && /(から|と比べ|に比べ|と比較|比)/u.test(between) && kind === 'target') {
      const earlier = segPeriods.filter((p) => p !== lastPeriod && p.period.fiscalYear !== null).pop();
      period = earlier?.period ?? (state.period?.fiscalYear != null ? state.period : null) ?? ctx.planEnd;
    }
    // …and a ratio `…年度の1.28倍` is measured against that year: the year is not the target's.
    else if (
      between !== null &&
      q.quantity.unit === 'ratio' &&
      /^\s*(?:[(（][^)）]*[)）])?\s*(?:実績値?|見込み?)?\s*(?:[0-9０-９,，.．]+\s*(?:人|件|回|か所|%|％)?)?\s*の\s*$/u.test(
        between,
      )
    ) {
      // `15人（令和3年度実績の1.28倍）`: the ratio restates the value before it, and shares its kind.
      if (prevKind && prevKind !== 'baseline') kind = prevKind;
      else if (kind === 'baseline' || kind === 'actual') kind = state.kind ?? 'target';
      period =
        kind !== 'target'
          ? prevKind && prevKind !== 'baseline'
            ? prevPeriod
            : null
          : state.period?.fiscalYear === null && state.period.end
            ? fyPeriod(fiscalYearOfIso(state.period.end), state.period.text)
            : (prevPeriod ?? ctx.planEnd);
    }
    // `【2019年度末時点 施設入所者数】 36人` beside the targets, `令和元年度末において…1か所確保されている` under
    // 目標値設定の考え方: a count at a point in time before the plan term is the base the targets start from.
    if (
      planStart &&
      lastPeriod &&
      (period === lastPeriod.period || (lastPeriod === near && period === nearPeriod)) &&
      (period?.fiscalYear ?? planStart) < planStart &&
      // the point holds for the count right after it, not for a part of it further on (`…(72人)のうち、4人が…移行`)
      !qs.some((o) => o.start >= lastPeriod.end && o.end <= q.start) &&
      /^\s*(?:の\s*[0-9０-９]+\s*(?:年間|か年)\s*)?(?:時点|現在|において)/u.test(text.slice(lastPeriod.end)) &&
      (kind === 'target' ||
        (kind === 'actual' &&
          !runningKind &&
          !blockKind &&
          !state.kind &&
          /目標/u.test(`${text} ${item.header ?? ''}`)))
    )
      kind = 'baseline';
    // A target over a range or a plan term (`第7期…計画`) falls on its last year.
    if (period && period.fiscalYear === null && kind === 'target' && period.end)
      period = fyPeriod(fiscalYearOfIso(period.end), period.text);
    if (!period && kind === 'target') period = ctx.planEnd;
    // `目標：年4回以上／実績：年4回`, `15件（目標20件、達成率75％）`: a target, a difference or a rate set beside a
    // result is of the result's year.
    const besideResult =
      /^[^。]{0,4}[／/、,]\s*実績/u.test(text.slice(q.end)) ||
      (prevKind === 'actual' && /[(（][^()（）]*$/u.test(before));
    if (kind === 'target' && besideResult && !nearPeriod && !trailing)
      period =
        (prevKind === 'actual' ? prevPeriod : null) ??
        state.period ??
        caption ??
        state.headingYear ??
        ctx.reportYear ??
        period;
    if (!period && (kind === 'deviation' || kind === 'achievement_rate')) period = prevPeriod ?? ctx.reportYear;
    // `78.2％（令和4年度調査）→ 80％以上`, `R5：42.6％ → R8：45.0％`: from a base to a target; `3人→4人` under
    // `（令和5年度末→令和6年度末）`: a result of each year.
    const arrow = arrows.get(q);
    if (arrow?.target) kind = arrow.role === 'from' ? 'baseline' : 'target';
    // (a target with no year of its own falls on the plan's last year, not on its base's)
    if (arrow?.target && arrow.role === 'to' && !arrow.dated) period = ctx.planEnd;
    else if (!arrow?.target && arrow?.years && !arrow.dated) period = arrow.years[arrow.role === 'from' ? 0 : 1];
    // `…合計は9,402人で、前年同日と比べて129人増加`: a change told after a value counts what that value does.
    if (
      kind === 'deviation' &&
      prevValue &&
      /(?:と比べて?|と比較して|に比べて?|より|前年度?比|前年同[日期月]?(?:と比べて?)?)$/u.test(
        label.replace(/\s+/gu, ''),
      )
    )
      label = prevValue.label;
    // `412人のうち98人`: a part is not the whole it is counted out of.
    if (partOfWhole && prevValue && label === prevValue.label) label = `${label}のうち`;
    // (the right side counts what the left side does)
    if (arrow?.role === 'to' && prevValue && arrows.get(qs[qi - 1]!)?.role === 'from') label = prevValue.label;
    if (!period && kind === 'actual') period = ctx.reportYear;
    prevKind = kind;
    prevValue = { end: q.end, label, kind, period };
    // A base year (`令和3年度(6人)`) is not the year of the ratio or target that follows it.
    if (kind !== 'baseline') prevPeriod = period;
    // `令和4年度は延べ1,234時間の利用があった`: hours totalled over a fiscal year are hours per year (the contract
    // has no bare hour).
    if (unit === 'hour' && period?.fiscalYear != null && period.kind !== 'date') unit = 'hour/year';
    for (const one of eachItems.length >= 2 ? eachItems : [label])
      out.push(...proseObservation(item, text, q, ctx, { label: one, subgroup: null, period, kind, unit, unitText }));
    if (item.table_index == null) state.lastLabel = label;
  }
  if (item.bullet) state.itemLabel = blockLead;
  return out;
}

/**
 * The observation of a value read in an item's text (confidence 0.6: prose is read with less certainty than a
 * table). A result without a year in a table cell is marked for normalizeDocument to date.
 */
function proseObservation(
  item: ProseItem,
  text: string,
  q: { quantity: Quantity; start: number; end: number },
  ctx: DocumentContext,
  o: {
    label: string;
    subgroup: string | null;
    period: FiscalPeriod | null;
    kind: ValueKind;
    unit: string | null | undefined;
    unitText: string | null | undefined;
  },
): Observation[] {
  return makeObservation(
    {
      indicator_label: o.label,
      subgroup: o.subgroup,
      measure: null,
      section: item.section,
      period: o.period,
      value_kind: o.kind,
      quantity: q.quantity,
      unit: o.unit ?? null,
      unit_text: o.unitText ?? null,
      value_text: text.slice(q.start, q.end),
      page: item.page,
      table_index: item.table_index,
      row: item.row,
      col: item.col,
      confidence: 0.6,
      warnings: !o.period && o.kind === 'actual' && item.table_index !== null ? [UNDATED_RESULT] : [],
      rules: [],
    },
    ctx,
  );
}
