/**
 * Numbers in prose and bullets: `R1年度末：217人`, `① 目標 令和5年度末 79人`, `入院後1年時点：62%`,
 * `事業所数：3か所`, `・年6回以上協議`. A number becomes an observation only when it has a unit or follows a
 * `label：`, is not part of a date, an ordinal (`第3回`) or a list number, and a label can be found for it.
 *
 * This reader gathers the evidence around each value; the decisions are the rules of `rules/*\/prose.ts`, run by
 * stage through `PROSE_RULES` (see `rules/engine.ts`):
 *
 *   skip → breakdown → label → unit → label-lead (first) → label-fallback → skip-unlabelled → kind → kind-said
 *   (first) → period → base-of (first) → period-final
 */
import type { FiscalPeriod, Observation, Quantity, ValueKind } from '@shiryo/model';
import { type DocumentContext, planTermOf } from './context.js';
import { fiscalYearOfIso } from './dates.js';
import { compact, isMeasureOnly, kindWord, stripNumbering } from './labels.js';
import { makeObservation } from './observe.js';
import { fyPeriod, type PeriodOptions } from './period/index.js';
import { arrowPairs } from './prose/arrows.js';
import { recordLines } from './prose/records.js';
import {
  bulletStarts,
  cleanLabel,
  countsFor,
  escapeRe,
  findPeriodSpans,
  findQuantitySpans,
  isShortCount,
  KIND_MARKERS,
  type PeriodSpan,
  type QuantitySpan,
  UNDATED_RESULT,
} from './prose/words.js';
import { splitLabelUnit } from './quantity/index.js';
import { type RuleTrace, recordedRules } from './rules/engine.js';
import { PROSE_RULES } from './rules/prose.js';
import type { ProseItemContext, ProseValueContext } from './rules/prose-context.js';

export { kindWord } from './labels.js';
export { UNDATED_RESULT } from './prose/words.js';

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
  /** Table cells of a row that is a part of the row above (`うち就労移行支援事業`): that row's indicator and the part. */
  rowPartOf?: { indicator: string; part: string } | null;
  /** What a note under the line says its bracketed parts are (`※〈　〉内は精神障害者の人数`). */
  subsetNote?: string | null;
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
  /** The unit a label line writes in brackets (`利用者数（人/月）`), for the values under it that write none. */
  leadUnit?: { unit: string; unitText: string | null; lead: string } | null;
  /** The label of the last value read in paragraphs and bullets under the current heading. */
  lastLabel?: string | null;
  /** The one year the headings above name (`重点施策の取組状況（令和6年度）`): the year of results, not of targets. */
  headingYear?: FiscalPeriod | null;
  /**
   * The kind was read from a state word alone (`主な指標の状況`, `現状`), not a kind word (`実績`): what the text
   * says of one value (a bound, `2か所以上`, is a target) weighs more.
   */
  kindOfState?: boolean;
}

export function newProseState(): ProseState {
  return { lead: null, kind: null, period: null, itemLabel: null };
}

/** A numbered meeting of a council or committee: a document's title line (`第2回〇〇市障害者自立支援協議会`). */
const MEETING_TITLE =
  /第\s*[0-9０-９]+\s*回\s*\S*(?:協議会|委員会|審議会|会議|部会|懇話会|懇談会)(?:\s*(?:資料|会議録|議事録)\s*[0-9０-９-－]*)?$/u;

/** A heading starts a new context: its text is the label of the values under it until another label line. */
export function proseHeading(
  state: ProseState,
  text: string,
  outer: readonly string[] = [],
  docPlan: string | null = null,
  periods: PeriodOptions = {},
): void {
  // A heading that is only a kind and a value (`② 実績 7人`, read as a heading) names nothing: its values are of the
  // heading above it (`(2) 就労定着支援事業利用者数`), never labelled `7人`.
  const lead = cleanLabel(text);
  const words = cleanLabel(findQuantitySpans(lead).reduceRight((s, q) => s.slice(0, q.start) + s.slice(q.end), lead));
  const above = outer.length ? cleanLabel(outer[outer.length - 1]!) : '';
  // (a meeting's title, `令和6年度第2回〇〇市介護保険運営協議会`, names the meeting, not what its values count)
  state.lead = MEETING_TITLE.test(lead) ? null : (lead && !words && above ? above : lead) || null;
  state.leadUnit = null;
  // A numbered heading (`(4) 今後の対応`, `目標2 …`) opens a new part; an unnumbered short line under a
  // `【目標】` marker is only the label of the next values and keeps the marker's kind. A part that states no kind
  // takes the kind of the plan's heading it stands under (`2 第7期計画の成果目標 > (1) 福祉施設の入所者の地域生活
  // への移行`), unless that heading reports on the targets (`第6期計画の成果目標の達成状況`).
  const numbered = stripNumbering(text) !== text.normalize('NFKC').trim() || /^[①-⑳]/u.test(text.trim());
  if (numbered || kindWord(text)) state.kind = kindWord(text) ?? outerKind(outer);
  state.kindOfState = state.kind === 'actual' && isStateWord(text);
  // `重点施策の取組状況（令和6年度）`: a heading of one year's work dates what is told under it (a target's year is
  // the plan's, so not under a heading of targets).
  const yearOf = (h: string) => {
    const years = findPeriodSpans(h, periods).filter(
      (p) => p.period.fiscalYear !== null && p.period.kind !== 'plan_term',
    );
    return years.length === 1 && !kindWord(h) ? years[0]!.period : null;
  };
  state.period = null;
  state.headingYear =
    state.kind === 'target' ? null : ([text, ...[...outer].reverse()].map(yearOf).find(Boolean) ?? null);
  state.plan = [text, ...[...outer].reverse()].map((h) => planTermOf(h, docPlan)).find(Boolean) ?? null;
  state.lastLabel = null;
}

/** A text whose kind is a state (`…の状況`, `現状`), not a result word (`実績`). */
const isStateWord = (text: string) => !/実績/u.test(text.normalize('NFKC'));

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

/** The kinds that report a result, or measure one against the plan: a table cell's undated ones are dated later. */
const RESULT_KINDS: ReadonlySet<ValueKind> = new Set(['actual', 'achievement_rate', 'deviation']);

/** What a name ends in: a count, a rate or the people counted, with its unit's bracket. */
const COUNTED_END = /(?:数|率|割合|者|人口)\s*(?:[(（][^()（）]{1,12}[)）])?\s*$/u;

/**
 * Family "labels that contain digits": a line whose every number modifies the name after it (`・就労定着率が7割以上の
 * 就労定着支援事業所の割合`, `・年4回以上の訪問を受けた高齢者の数`) and that ends in what is counted is a label line
 * naming the values below it, not a line of values: its numbers are followed by の, it has no sentence end.
 */
function nameWithNumbers(text: string, qs: readonly QuantitySpan[]): boolean {
  return (
    text.length <= 80 &&
    !/[。、]/u.test(text) &&
    COUNTED_END.test(text) &&
    qs.every((q) => /^\s*の/u.test(text.slice(q.end)))
  );
}

/** Observations from one prose item; updates `state` for the items that follow. */
export function proseToObservations(
  item: ProseItem,
  state: ProseState,
  docCtx: DocumentContext,
  trace?: RuleTrace,
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
  const periods = findPeriodSpans(text, ctx.periods);
  const carried = item.bullet ? (state.itemLabel ?? null) : null;
  state.itemLabel = null;
  if (qs.length === 0 || nameWithNumbers(text, qs)) {
    // A label line: remember it for the values below.
    const k = kindWord(text);
    if (text.length <= 80) {
      let lead = text.replace(/^(.*?)(目標|実績)\s*$/u, '$1');
      for (const p of periods) lead = lead.replace(p.text, ' ');
      lead = cleanLabel(lead.replace(/^\s*[①-⑳]?\s*(目標値?|実績値?)\s*/u, ''));
      if (lead && !/^(目標|実績|評価|今後の対応)/.test(lead) && !MEETING_TITLE.test(lead)) {
        // Family "item/value lines": `訪問型サービスA` / `利用者数（人/月）` / `計画：210` — a line that is only a
        // measure or a short count (`延べ配食数`) counts what the line or heading above named (unless that is a count
        // itself), and its bracketed unit is the unit of the values under it that write none.
        const lu = splitLabelUnit(lead);
        const name = ((lu.unit && cleanLabel(lu.label ?? '')) || lead).replace(/\s*[(（][^()（）]*[)）]$/u, '');
        const above = state.lead;
        const measure = isMeasureOnly(name) || isShortCount(name);
        const under = measure && above && countsFor(above, name) ? `${above} ` : '';
        state.lead = `${under}${lead}`;
        const unitFree = cleanLabel(lu.label ?? '');
        state.leadUnit =
          lu.unit && unitFree ? { unit: lu.unit, unitText: lu.unitText ?? null, lead: `${under}${unitFree}` } : null;
      }
      if (k) {
        state.kind = k;
        state.kindOfState = k === 'actual' && isStateWord(text);
      }
      const p = periods.find((x) => x.period.fiscalYear !== null);
      // (a plain label, `① 介護予防`, keeps the year its heading gave)
      if (p || k) state.period = p?.period ?? null;
    }
    return [];
  }
  const I = itemContext(item, state, ctx, text, qs, periods, carried, trace);
  const at = item.table_index !== null ? `table ${item.table_index} r${item.row}c${item.col}` : `page ${item.page}`;
  const out: Observation[] = [];
  for (const [qi, q] of qs.entries()) {
    const where = `${at} «${q.quantity.text}»`;
    const x = valueContext(I, qi, q);
    if (PROSE_RULES.first('skip', x, trace, where)) continue;
    x.seg = text.slice(I.boundary, q.start);
    I.boundary = q.end;
    if (PROSE_RULES.first('breakdown', x, trace, where)) {
      const b = x.breakdown!;
      out.push(
        ...proseObservation(x, {
          label: b.label,
          subgroup: b.subgroup,
          period: b.period,
          kind: b.kind,
          unit: q.quantity.unit,
          unitText: q.quantity.unitText,
        }),
      );
      continue;
    }
    segmentEvidence(x);
    PROSE_RULES.run('label', x, trace, where);
    PROSE_RULES.run('unit', x, trace, where);
    PROSE_RULES.first('label-lead', x, trace, where);
    PROSE_RULES.run('label-fallback', x, trace, where);
    if (PROSE_RULES.first('skip-unlabelled', x, trace, where)) continue;
    PROSE_RULES.run('kind', x, trace, where);
    PROSE_RULES.first('kind-said', x, trace, where);
    PROSE_RULES.run('period', x, trace, where);
    PROSE_RULES.first('base-of', x, trace, where);
    PROSE_RULES.run('period-final', x, trace, where);
    I.prevKind = x.kind;
    I.prevValue = { end: q.end, label: x.label, kind: x.kind, period: x.period };
    I.labelsRead.push({ end: q.end, label: x.label });
    // A base year (`令和3年度(6人)`) is not the year of the ratio or target that follows it.
    if (x.kind !== 'baseline') I.prevPeriod = x.period;
    for (const one of x.eachItems.length >= 2 ? x.eachItems : [x.label])
      out.push(
        ...proseObservation(x, {
          label: one,
          subgroup: x.subgroup,
          period: x.period,
          kind: x.kind,
          unit: x.unit,
          unitText: x.unitText,
        }),
      );
    if (item.table_index == null) state.lastLabel = x.label;
  }
  if (item.bullet) state.itemLabel = I.blockLead;
  return out;
}

/** What is found once in an item: its values, periods, topic, caption, arrows. */
function itemContext(
  item: ProseItem,
  state: ProseState,
  ctx: DocumentContext,
  text: string,
  qs: ProseItemContext['qs'],
  periods: PeriodSpan[],
  carried: string | null,
  trace: RuleTrace | undefined,
): ProseItemContext {
  // `入所施設の利用先は、①市内施設：26人、②…`: the topic before は names what the list items break down.
  // `協議の場として、事務連絡会6回、事例検討会6回…`: what the counted things are held as, likewise.
  const topic =
    // (a list number, `1)`, `2.`: not a decimal, `計画比は92.3％`)
    /^(.{2,40}?)は[、,]?\s*(?=[①-⑳(（・]|[0-9]+[).）](?![0-9０-９]))/u.exec(text)?.[1] ??
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
    !!item.alwaysLead &&
    rowItemsOfLead.length === qs.length + 1 &&
    rowItemsOfLead.every(Boolean) &&
    qs.every((x) => /(?:^|\s)[・•●]\s*$/u.test(text.slice(0, x.start)));
  return {
    item,
    state,
    ctx,
    text,
    qs,
    periods,
    blockKind: kindWord(text.slice(0, 12)),
    carried,
    topic,
    caption,
    valuePerItem,
    rowItemsOfLead,
    quotedName: [...text.slice(0, qs[0]!.start).matchAll(/「([^」]{2,30})」/gu)].pop()?.[1] ?? null,
    arrows: arrowPairs(text, qs, periods, item.section, ctx),
    record: recordLines(text, qs, periods),
    planStart: ctx.planPeriod ? Number(ctx.planPeriod.slice(0, 4)) : null,
    boundary: 0,
    blockLead: null,
    blockUnit: null,
    prevKind: null,
    runningKind: null,
    markerAt: -1,
    prevPeriod: null,
    baseYears: new Set<number>(),
    prevValue: null,
    labelsRead: [],
    trace,
  };
}

/** The words around one value, before any rule decides. */
function valueContext(I: ProseItemContext, qi: number, q: ProseItemContext['qs'][number]): ProseValueContext {
  const { text } = I;
  // The sentence the value stands in, and its words before the value.
  const sentenceFrom = text.lastIndexOf('。', q.start) + 1;
  const sentenceEnd = text.indexOf('。', q.end);
  return {
    fired: [],
    I,
    qi,
    q,
    before: text.slice(0, q.start),
    after: text.slice(q.end, q.end + 8),
    rest: text.slice(q.end),
    sentence: text.slice(sentenceFrom, sentenceEnd < 0 ? text.length : sentenceEnd + 1),
    sentenceBefore: text.slice(sentenceFrom, q.start),
    seg: '',
    segPeriods: [],
    near: undefined,
    nearPeriod: null,
    lastPeriod: undefined,
    between: null,
    listed: false,
    listAt: -1,
    // (`412人のうち98人（23.8％）で…改善`: a part counted out of a whole reports, whatever follows it)
    partOfWhole: /のうち[、,]?\s*$/u.test(text.slice(0, q.start)),
    subgroup: null,
    label: '',
    unsliced: '',
    beforeTail: '',
    eachItems: [],
    lu: null,
    activity: null,
    lead: null,
    leadUnit: null,
    itemLead: null,
    sentTopic: null,
    context: null,
    headingCount: null,
    unit: q.quantity.unit,
    unitText: q.quantity.unitText,
    kind: 'actual',
    said: null,
    signed: /^[▲△+＋\-−－]/u.test(text.slice(q.start, q.end)),
    period: null,
    trailing: undefined,
    arrow: I.arrows.get(q),
  };
}

/**
 * Right after a year: it is what a value is compared with (`令和元年度比`). (`令和2年度末と比べて38人増加` is left to
 * period.change-since-year, which dates the change by the value it changes to.)
 */
const COMPARED_YEAR = /^\s*比/u;

/**
 * The periods that may date the value (those of its segment, not inside an earlier bullet item or before a kind
 * marker), the nearest, and the label's raw words: the segment from its numbered item on, without its periods.
 */
function segmentEvidence(x: ProseValueContext): void {
  const { I, q } = x;
  const { text, periods } = I;
  // Periods before a kind marker (`【目標値】`) belong to what came before it.
  // (the markers found once per text, not once per value: a paragraph of thousands of values stays linear)
  I.markers ??= [...text.matchAll(KIND_MARKERS)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  for (const [start, end] of I.markers) if (end <= q.start) I.markerAt = Math.max(I.markerAt, start);
  // A year inside an earlier bullet item (`・令和3年度(6人)の1.5倍 • 就労移行支援事業所:1人`) is that item's; a year
  // before the first bullet (`令和5年度末 • 移行者数:5人 • 削減数:2人`) heads them all.
  const marks = bulletStarts(text).filter((i) => i < q.start);
  const firstMark = marks[0] ?? -1;
  const itemAt = marks[marks.length - 1] ?? -1;
  // A year tied to a noun in an earlier sentence (`令和5年度の設置を決定した。また、職員1名が…`) dates that noun only.
  x.segPeriods = periods.filter(
    (p) =>
      p.end <= q.start &&
      p.start >= 0 &&
      p.start > I.markerAt &&
      !(p.start > firstMark && p.start < itemAt) &&
      !(/^\s*の/u.test(text.slice(p.end)) && text.slice(p.end, q.start).includes('。')) &&
      // a year that dated a base (`令和4年度末の施設入所者数（58人）の6％以上が…`) is that base's only
      !I.baseYears.has(p.start) &&
      // a year compared with (`28人（令和元年度比1.17倍）`, `令和3年度比で5人増`) is the base of the comparison: the
      // values after it are of the year the sentence is about
      !COMPARED_YEAR.test(text.slice(p.end, p.end + 4)),
  );
  // `平成27年度から令和元年度までの5年間において2人`: a span of years that ended before the plan term is a base, on
  // its last year.
  const pastSpan = (p: PeriodSpan) =>
    p.period.kind === 'range' && !!p.period.end && !!I.planStart && fiscalYearOfIso(p.period.end) < I.planStart;
  x.near = [...x.segPeriods].reverse().find((p) => p.period.fiscalYear !== null || pastSpan(p));
  x.nearPeriod = !x.near
    ? null
    : pastSpan(x.near)
      ? fyPeriod(fiscalYearOfIso(x.near.period.end!), x.near.text)
      : x.near.period;
  x.lastPeriod = [...x.segPeriods].reverse()[0];
  x.between = x.lastPeriod ? text.slice(x.lastPeriod.end, q.start) : null;
  // A numbered item (`⑥保健、医療（…）、福祉、…ごとの参加者数 8人`) is labelled from its number on: the commas inside
  // it list parts of one name.
  x.listAt = Math.max(...[...x.seg.matchAll(/[①-⑳]/gu)].map((m) => m.index ?? -1), -1);
  x.listed = x.listAt >= 0 && !/。/u.test(x.seg.slice(x.listAt));
  let label = x.listed ? x.seg.slice(x.listAt) : x.seg;
  // Remove the periods with the words that tie them to the sentence (`令和8年度末までに`, `令和8年度中に`); the
  // longest first, so that `令和3年` read elsewhere in the paragraph does not cut `令和3年度` to `度`.
  I.periodsByLength ??= [...periods].sort((a, b) => b.text.length - a.text.length);
  for (const p of I.periodsByLength)
    if (label.includes(p.text))
      label = label.replace(
        new RegExp(
          `${escapeRe(p.text)}\\s*(?:中に|中|末までに|末まで|までに|まで|時点で|時点の|時点|現在|において|における|の)?`,
          'u',
        ),
        ' ',
      );
  // Brackets emptied by removing their year (`(令和4年度) 2回実施`) say nothing.
  x.label = label.replace(/[0-9０-９]+\s*(か月間|ヶ月間|年間)/g, ' ').replace(/[(（]\s*[)）]/gu, ' ');
}

/**
 * The observation of a value read in an item's text (confidence 0.6: prose is read with less certainty than a
 * table). A result without a year in a table cell is marked for normalizeDocument to date.
 */
function proseObservation(
  x: ProseValueContext,
  o: {
    label: string;
    subgroup: string | null;
    period: FiscalPeriod | null;
    kind: ValueKind;
    unit: string | null | undefined;
    unitText: string | null | undefined;
  },
): Observation[] {
  const { item, ctx, text } = x.I;
  const q: { quantity: Quantity; start: number; end: number } = x.q;
  return makeObservation(
    {
      indicator_label: o.label,
      subgroup: o.subgroup,
      measure: null,
      section: item.section,
      period: o.period,
      value_kind: o.kind,
      quantity: q.quantity,
      ...(q.quantity.subset !== undefined && item.subsetNote
        ? { subsetLabel: q.quantity.subsetLabel ?? item.subsetNote }
        : {}),
      unit: o.unit ?? null,
      unit_text: o.unitText ?? null,
      value_text: text.slice(q.start, q.end),
      page: item.page,
      table_index: item.table_index,
      row: item.row,
      col: item.col,
      confidence: 0.6,
      // (a rate or a difference of a result, `見込量の94.3％`, is dated as the result is)
      warnings: !o.period && RESULT_KINDS.has(o.kind) && item.table_index !== null ? [UNDATED_RESULT] : [],
      rules: recordedRules(x),
      reader: 'prose',
    },
    ctx,
  );
}
