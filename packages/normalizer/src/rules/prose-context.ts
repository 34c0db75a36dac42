/** The contexts the prose rules read and decide on: one text item (a paragraph, bullet or table cell) and one value. */
import type { FiscalPeriod, ValueKind } from '@shiryo/model';
import type { DocumentContext } from '../context.js';
import type { ArrowSide } from '../prose/arrows.js';
import type { RecordLines } from '../prose/records.js';
import type { PeriodSpan, QuantitySpan } from '../prose/words.js';
import type { ProseItem, ProseState } from '../prose.js';
import type { LabelUnit } from '../quantity/index.js';
import type { RuleContext, RuleTrace } from './engine.js';

/** One text item being read: what is found in it once, and what its values pass on to the next. */
export interface ProseItemContext {
  item: ProseItem;
  state: ProseState;
  /** The document's context, with the plan term of the current heading when it names one. */
  ctx: DocumentContext;
  text: string;
  qs: QuantitySpan[];
  periods: PeriodSpan[];
  /** The kind a word at the start of the item states (`目標 …`). */
  blockKind: ValueKind | null;
  /** A bullet right after a labelled bullet, with no label of its own, restates that bullet's value. */
  carried: string | null;
  /** `入所施設の利用先は、①…`: the topic before は names what the list items break down. */
  topic: string | null;
  /** A caption after the last value that dates what the values measure. */
  caption: FiscalPeriod | null;
  /** One value per item of the row's list (`・65% ・48%` in a row `…定着率 ・6か月時点 ・1年時点`). */
  valuePerItem: boolean;
  rowItemsOfLead: string[];
  /** A name in quotes before the first value (`「介護者交流会」開催回数：4回`). */
  quotedName: string | null;
  arrows: Map<object, ArrowSide>;
  /** The item read as record lines (`令和6年度　計画値　24,860　実績値　24,487`), when it is one. */
  record: RecordLines | null;
  /** The first fiscal year of the plan term. */
  planStart: number | null;
  // carried from one value to the next
  boundary: number;
  blockLead: string | null;
  /** Where the value that set `blockLead` ends in the text. */
  blockLeadAt?: number;
  blockUnit: { unit: string; unitText: string | null } | null;
  prevKind: ValueKind | null;
  runningKind: ValueKind | null;
  /** The running kind came from a kind word of a sentence (`…目標である48人`), not from a marker (`【目標値】`). */
  runningFromSentence?: boolean;
  markerAt: number;
  /** The kind markers of the text (start, end), found once; `markerAt` follows them as the values advance. */
  markers?: [number, number][];
  /** The periods, longest text first (the order a label loses them in), sorted once. */
  periodsByLength?: PeriodSpan[];
  prevPeriod: FiscalPeriod | null;
  /** Starts of the periods that dated a base (`令和4年度末の施設入所者数（58人）`): those dates are the base's only. */
  baseYears: Set<number>;
  /** The last value read with a label of its own: values in brackets right after it break it down. */
  prevValue: { end: number; label: string; kind: ValueKind; period: FiscalPeriod | null } | null;
  /** Every value read so far in the item (where it ends, its label): what a later `うち…` clause is a part of. */
  labelsRead: { end: number; label: string }[];
  trace?: RuleTrace;
}

/** One value of a text item: the words around it and the decisions the rules take, stage by stage. */
export interface ProseValueContext extends RuleContext {
  I: ProseItemContext;
  qi: number;
  q: QuantitySpan;
  /** The text before the value, and the eight characters and the whole text after it. */
  before: string;
  after: string;
  rest: string;
  /** The value's sentence, and its words before the value. */
  sentence: string;
  sentenceBefore: string;
  skip?: string;
  /** Set by a breakdown rule: the value is a part of the value before it, emitted as such. */
  breakdown?: { label: string; subgroup: string | null; period: FiscalPeriod | null; kind: ValueKind };
  // evidence of the segment since the previous value
  /** The words since the previous value read. */
  seg: string;
  /** The periods of the text that may date this value. */
  segPeriods: PeriodSpan[];
  /** The nearest of them with a year (or a past span), and the period it gives. */
  near: PeriodSpan | undefined;
  nearPeriod: FiscalPeriod | null;
  /** The last of them, and the words between it and the value. */
  lastPeriod: PeriodSpan | undefined;
  between: string | null;
  /** A numbered item (`⑥…ごとの参加者数 8人`) is labelled from its number on. */
  listed: boolean;
  listAt: number;
  /** A part counted out of a whole (`412人のうち98人`). */
  partOfWhole: boolean;
  /** The group the value counts, when its text or its row names one (`うち就労移行支援事業`). */
  subgroup: string | null;
  // label
  label: string;
  /** The label before it was cut at the last separator. */
  unsliced: string;
  /** The label before kind words at its end were dropped. */
  beforeTail: string;
  /** `…について各1か所`: the items 各 gives the count to. */
  eachItems: string[];
  /** The label's own unit (`利用実人数実績（人／月）`). */
  lu: LabelUnit | null;
  /** What a sentence says was held or set up (`…連絡会を実施`), naming the counts after it. */
  activity: string | null;
  /** The words that name the value when it has no label of its own. */
  lead: string | null;
  leadUnit: { unit: string; unitText: string | null } | null;
  itemLead: string | null;
  sentTopic: string | null;
  context: string | null;
  headingCount: string | null;
  // unit
  unit: string | null;
  unitText: string | null;
  // kind
  kind: ValueKind;
  /** The kind the words right before the value state (`【現状値】`, `目標：`). */
  said: ValueKind | null;
  signed: boolean;
  // period
  period: FiscalPeriod | null;
  trailing: PeriodSpan | undefined;
  arrow: ArrowSide | undefined;
}
