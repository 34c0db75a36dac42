import type { Block, ExtractedDocument, FiscalPeriod, Municipality, Table, ValueKind } from '@shiryo/model';
import {
  AMOUNT_BASIS_WORDS,
  BUDGET_KIND_STEMS,
  BULLET_MARKS,
  budgetKindOfWord,
  charClass,
  GROUP_SCOPE_SUFFIXES,
  NOTE_OPENING,
  PLAN_TERM_BASES,
  wordsPattern,
} from '@shiryo/model';
import { isGenericHeading, kindWord, stripNumbering } from './labels.js';
import {
  type EraAnchor,
  findPeriods,
  fyPeriod,
  type PeriodOptions,
  type PlanType,
  parseColumnHeader,
  valueKindOf,
} from './period/index.js';
import { canonicalUnit, splitLabelUnit } from './quantity/index.js';
import { dataValue } from './table/pieces.js';
import type { TokenMatcher } from './tokens.js';

const LEADING_BULLET = new RegExp(`^${charClass(BULLET_MARKS)}`, 'u');

export interface DocumentContext {
  title: string | null;
  municipality: Municipality | null;
  plan: string | null;
  /** `2021-2023` (fiscal years). */
  planPeriod: string | null;
  /** The plan's last fiscal year: where a target without a year of its own falls. */
  planEnd: FiscalPeriod | null;
  /** Morpheme-based catalog matching, when the caller loaded kuromoji (see `loadTokenizer`). */
  tokens?: TokenMatcher | null;
  /** The year a results report is about (`令和3年度実績について`): where an actual without a year falls. */
  reportYear: FiscalPeriod | null;
  /** The year the document is about, in which years written without their era (`3年度`) are read. */
  era: EraAnchor | null;
  /** How the readers read periods in this document: its era and the plan a bare `第6期` belongs to. */
  periods: PeriodOptions;
  /** The year a note gives the values of a kind (`※基準値は令和元年度末の数値、目標値は令和5年度末の数値`). */
  kindYears: Partial<Record<ValueKind, NoteYear[]>>;
  /** The fiscal year the document's title names (`令和6年度 一般会計予算書`): its 本年度. */
  documentYear: FiscalPeriod | null;
  /** What a budget book's or settlement report's amounts are when no header says (`accountKindOf`). */
  accountKind: ValueKind | null;
}

export interface TableContext extends DocumentContext {
  /** Nearest heading that names something (not `…見込量と実績`), as written. */
  section: string | null;
  /** The same without numbering and page references: a fallback indicator label. */
  heading: string | null;
  /** A period stated by the caption or heading, for cells whose headers have none. */
  period: FiscalPeriod | null;
  /** The caption or heading that states it (`成果目標等の進捗状況（令和6年度）`). */
  periodSource?: string | null;
  /** A value kind stated by the caption or heading (`【実績値】`, `【目標】`). */
  kind: ValueKind | null;
  /** A unit stated for the table (`(人)` line above it, corner cell, caption). */
  unitHint: string | null;
  /** What the table's `<n>` subset values are, from a `※` note after it. */
  subsetNote: string | null;
  /** Whether a note says the table's bracketed numbers are a part of the value beside them (named or not). */
  subsetNoted: boolean;
  /**
   * The units numbered `※` notes after the table give the rows their mark points to (`※2 単位は「件」（年間の派遣件数）`
   * → `2` → `件/年`); null when no note gives one.
   */
  markUnits?: Record<string, string> | null;
  /**
   * The years a line right before the table ends with (`内容 2023（令和5）年度 2024（令和6）年度 …`): the header of a
   * table whose lines lost their structure, read as a paragraph. Null when that line ends with fewer than two.
   */
  yearsAbove: FiscalPeriod[] | null;
  /**
   * The item a heading names above a caption of a group's measure: `2) 意思疎通支援事業（利用件数）` over `必須事業の
   * 利用件数（件／年）` → `意思疎通支援事業`. Null when the caption is not `…の<measure>` of the heading's bracket.
   */
  itemHeading?: string | null;
  /**
   * The caption, line or heading above the table that says its counts are per month (`【見込量（１か月当たり）】`,
   * `…の見込み（1月当たり）`, `月平均の利用者数`), as written; null when none does.
   */
  monthBasis?: string | null;
  /**
   * The kinds a note under the table gives ranges of its years (`※令和３年度から令和５年度は実績、令和６年度以降は推計値`):
   * each span of fiscal years (`to` Infinity for `…以降`) with its kind and the note; null when no note does.
   */
  yearKinds?: YearKindSpan[] | null;
}

/** A span of fiscal years a note gives a kind. */
export interface YearKindSpan {
  from: number;
  to: number;
  kind: ValueKind;
  note: string;
}

const PLAN_BASE = PLAN_TERM_BASES;

/** Plan and period from the first `第N期…計画` mention (`第6期障害福祉計画` → FY2021–2023). */
export function detectPlan(text: string): { plan: string; start: number; end: number } | null {
  const t = planText(text);
  // (`第8期茅ヶ崎市高齢者福祉計画・介護保険事業計画`: a city and a twin plan's name may stand in between)
  const re = /第(\d{1,2})期(?:[^第、。\n]{0,16}?)(障害児福祉計画|障害福祉計画|介護保険事業(?:支援)?計画)/gu;
  const found: { plan: string; start: number; end: number; at: number }[] = [];
  for (const m of t.matchAll(re)) found.push({ ...planTerm(Number(m[1]), m[2]!), at: m.index ?? 0 });
  const first = found[0];
  if (!first) {
    // `第7期計画の成果目標` in a document that names no plan: the plan its words are about — of those whose N-th term
    // has begun by the years the document writes (a `第9期計画` is 介護保険's 2024–2026, not 障害福祉's 2030–2032,
    // in a document of 令和6年度).
    const bare = /第(\d{1,2})期計画/u.exec(t);
    const kind = planKindOfWords(t);
    if (!bare || !kind) return null;
    const n = Number(bare[1]);
    const latest = latestYearWritten(text);
    const begun = (k: keyof typeof PLAN_BASE) => latest === null || planTerm(n, k).start <= latest + 1;
    const other = kind === '障害福祉計画' ? '介護保険事業計画' : '障害福祉計画';
    return planTerm(n, begun(kind) || !begun(other) ? kind : other);
  }
  // 障害福祉計画 and 障害児福祉計画 of the same years are one plan document.
  const twin = found.find((f) => f.plan !== first.plan && f.start === first.start && f.at - first.at < 40);
  const plans = twin
    ? [first.plan, twin.plan].sort((a, b) => (a.includes('児') ? 1 : 0) - (b.includes('児') ? 1 : 0))
    : [first.plan];
  return { plan: plans.join('・'), start: first.start, end: first.end };
}

/**
 * The latest fiscal year a text writes as a year (`令和6年度`, `2025年`; not a plan term): when it was written, at the
 * latest the last year of its plan. Null when it writes none.
 */
function latestYearWritten(text: string): number | null {
  let latest: number | null = null;
  for (const line of text.split('\n'))
    if (/\d/u.test(line))
      for (const p of findPeriods(line))
        if (p.fiscalYear !== null && p.kind !== 'plan_term' && (latest === null || p.fiscalYear > latest))
          latest = p.fiscalYear;
  return latest;
}

function planText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/障がい/g, '障害')
    .replace(/\s+/g, '');
}

function planTerm(n: number, written: string): { plan: string; start: number; end: number } {
  const kind = (written.startsWith('介護') ? '介護保険事業計画' : written) as keyof typeof PLAN_BASE;
  const start = PLAN_BASE[kind] + 3 * (n - 1);
  return { plan: `第${n}期${kind}`, start, end: start + 2 };
}

/** Which plan a document's words are about when it names none (`障害者自立支援協議会` → 障害福祉計画). */
function planKindOfWords(t: string): keyof typeof PLAN_BASE | null {
  const shogai = (t.match(/障害/gu) ?? []).length;
  const kaigo = (t.match(/介護保険|要介護|高齢者/gu) ?? []).length;
  if (shogai === 0 && kaigo === 0) return null;
  return shogai >= kaigo ? '障害福祉計画' : '介護保険事業計画';
}

/**
 * The plan term a heading names (`第7期計画の成果目標`, `第3期障害児福祉計画の成果目標`): typed plans by their own
 * numbering, a bare `第N期計画` by the document's plan.
 */
export function planTermOf(
  heading: string,
  docPlan: string | null,
): { plan: string; start: number; end: number } | null {
  const t = planText(heading);
  const typed = /第(\d{1,2})期(?:[^第、。]{0,16}?)(障害児福祉計画|障害福祉計画|介護保険事業(?:支援)?計画)/u.exec(t);
  if (typed) return planTerm(Number(typed[1]), typed[2]!);
  const bare = /第(\d{1,2})期(?:計画)?の?(?:成果目標|目標|見込量|計画)/u.exec(t);
  const kind = docPlan ? (/^第\d+期(障害児福祉計画|障害福祉計画|介護保険事業計画)/u.exec(docPlan)?.[1] ?? null) : null;
  return bare && kind ? planTerm(Number(bare[1]), kind) : null;
}

/** The plan type of the document's plan (`第6期障害福祉計画・第2期障害児福祉計画` → shogai): a bare `第6期` is its term. */
export function planTypeOf(plan: string | null): PlanType | undefined {
  if (!plan) return undefined;
  const first = /^第\d+期(障害児福祉計画|障害福祉計画|介護保険事業計画)/u.exec(plan)?.[1];
  return first === '障害児福祉計画' ? 'shogaiji' : first === '障害福祉計画' ? 'shogai' : first ? 'kaigo' : undefined;
}

/**
 * The plan type a document names without a term (`障害福祉計画の進捗`, `介護保険事業計画の見込量`): a bare `第6期` in
 * its tables is that plan's term. Undefined when it names none, or plans of both kinds.
 */
export function planTypeOfWords(text: string): PlanType | undefined {
  const t = planText(text);
  const shogai = /障害児?福祉計画/u.test(t);
  const kaigo = /介護保険事業(?:支援)?計画/u.test(t);
  if (shogai === kaigo) return undefined;
  if (kaigo) return 'kaigo';
  return /障害福祉計画/u.test(t) ? 'shogai' : 'shogaiji';
}

/** How many of the first blocks may hold the document's date (title, meeting, date and material lines). */
const DATE_LINES = 12;

/**
 * The date line on a document's first lines (`令和2年12月12日`, `令和5年11月`, `（令和6年1月1日現在）`, `資料1
 * 令和3年11月18日`, a date heading the line): when it was written, or when its data stand. A date inside a sentence or a note (`※計画は…策定時
 * （令和3年3月）の見込量`) is not the document's.
 */
export function documentDate(doc: ExtractedDocument): FiscalPeriod | null {
  for (const b of [...doc.blocks].sort((a, c) => a.seq - c.seq).slice(0, DATE_LINES)) {
    const t = b.text.normalize('NFKC').trim();
    if (t.length > 60 || /^※|。/u.test(t)) continue;
    const d = findPeriods(b.text).find((p) => p.kind === 'date' || p.kind === 'month');
    if (!d) continue;
    const rest = (b.text.slice(0, d.offset) + b.text.slice(d.offset + d.length))
      .normalize('NFKC')
      .replace(/[\s()（）[\]【】]|現在|時点|開催|作成|発行|付/gu, '');
    // (a date heading the line, `令和3年4月7日大阪府健康医療部…課`: the sender's line of a press release)
    if (rest.length <= 12 || d.offset === 0) return d;
  }
  return null;
}

/**
 * The plan period a line states (`（計画期間：令和6年度～令和8年度）`, `計画期間 R6～R8`): its first and last fiscal
 * years, from the first line naming 計画期間 with a range of years. Null when none does.
 */
export function statedPlanPeriod(doc: ExtractedDocument): { start: number; end: number; text: string } | null {
  for (const b of [...doc.blocks].sort((a, c) => a.seq - c.seq)) {
    if (!/計画期間/u.test(b.text)) continue;
    const r = findPeriods(b.text).find((p) => p.kind === 'range' && p.range);
    const from = r?.range?.from.fiscalYear;
    const to = r?.range?.to.fiscalYear;
    if (from != null && to != null && to > from) return { start: from, end: to, text: r!.text };
  }
  return null;
}

/**
 * The year a document is about, for years written without their era (`3年度`, `29年度`, `元年度`): the date on its
 * first lines (`令和2年12月12日`), else its plan term (`計画期間：令和3年度～令和5年度`, `第6期障害福祉計画`), else
 * the middle of the era-marked years it writes elsewhere. Null when it states none of these.
 */
export function documentEra(doc: ExtractedDocument, plan: { start: number; end: number } | null): EraAnchor | null {
  const blocks = [...doc.blocks].sort((a, b) => a.seq - b.seq);
  const d = documentDate(doc);
  if (d) return { year: Number(d.start.slice(0, 4)), text: d.text };
  const stated = statedPlanPeriod(doc);
  if (stated) return { year: Math.round((stated.start + stated.end) / 2), text: stated.text };
  if (plan) return { year: Math.round((plan.start + plan.end) / 2), text: `計画期間 ${plan.start}～${plan.end}年度` };
  const years: { year: number; text: string }[] = [];
  const texts = [...blocks.map((b) => b.text), ...doc.tables.flatMap((t) => t.cells.map((c) => c.text))];
  for (const t of texts)
    for (const p of /\d/.test(t) ? findPeriods(t) : [])
      if (p.fiscalYear !== null && p.kind !== 'plan_term') years.push({ year: p.fiscalYear, text: p.text });
  if (years.length === 0) return null;
  years.sort((a, b) => a.year - b.year);
  return years[Math.floor((years.length - 1) / 2)]!;
}

/** How many of the first blocks make the title and cover of a document. */
const TITLE_LINES = 6;

/**
 * The fiscal year a document's title or cover names (`令和6年度` over `一般会計予算書`, `令和7年度第3回…協議会`):
 * the year its 本年度 is. Null when the first lines name none.
 */
export function documentYearOf(doc: ExtractedDocument, opts: PeriodOptions): FiscalPeriod | null {
  for (const b of [...doc.blocks].sort((a, c) => a.seq - c.seq).slice(0, TITLE_LINES)) {
    if (b.text.length > 60) continue;
    const p = findPeriods(b.text, opts).find((x) => x.kind === 'fy');
    if (p) return p;
  }
  return fileNameYear(doc.path, opts);
}

/** The letter of an era as file names abbreviate it (`R6`, `r8`, `H29`). */
const ERA_LETTERS: Readonly<Record<string, string>> = { r: '令和', h: '平成', s: '昭和' };
/** An era year in a file name, a token of its own: `fuji_r8_shizei.pdf`, `R06-yosan.pdf`, `H29_2_youkou.pdf`. */
const FILE_NAME_ERA_YEAR = /(?<![0-9A-Za-z])([RrHhSs])0?(\d{1,2}|元)(?![0-9A-Za-z])/u;

/**
 * The fiscal year a file's name gives, for a document whose first lines name none (pages cut out of a budget book:
 * `R8/歳入_01款_市税.pdf`, `fuji_r8_shizei_split.pdf`): a fiscal year written in full (`令和8年度予算.pdf`), else an
 * era letter and a number standing as a token of their own (`r8`, `H29`; not `h264`, `r8a`). The file name only,
 * never its folders.
 */
export function fileNameYear(path: string | undefined, opts: PeriodOptions): FiscalPeriod | null {
  const name =
    (path ?? '')
      .split(/[\\/]/u)
      .pop()
      ?.replace(/\.[A-Za-z0-9]{1,5}$/u, '')
      .normalize('NFKC') ?? '';
  if (!name) return null;
  const full = findPeriods(name, opts).find((x) => x.kind === 'fy');
  const m = full ? null : FILE_NAME_ERA_YEAR.exec(name);
  const p =
    full ??
    (m ? findPeriods(`${ERA_LETTERS[m[1]!.toLowerCase()]}${m[2]}年度`, opts).find((x) => x.kind === 'fy') : null);
  return p?.fiscalYear != null ? fyPeriod(p.fiscalYear, `${p.text} (the file name ${name})`) : null;
}

/**
 * What the amounts of a budget book or a settlement report are when no header says (docs/OBSERVATIONS.md,
 * budget tables): the 節 amounts, the 説明 lines and the 款/項 captions of a budget book (`令和6年度 一般会計予算書`)
 * are its plan; of a settlement report (`…決算書`) its result. Read from the title lines (a budget or settlement
 * word in them: `予算`, `決算`), else from the tables' column headers when they name budget columns of one kind
 * only (`本年度予算額 | 前年度予算額`); null for every other document (a plan, a report) and for a title naming both.
 */
export function accountKindOf(doc: ExtractedDocument): ValueKind | null {
  const kinds = new Set<ValueKind>();
  // the first title line with such a word decides
  for (const b of [...doc.blocks].sort((a, c) => a.seq - c.seq).slice(0, TITLE_LINES)) {
    for (const m of b.text.normalize('NFKC').matchAll(ACCOUNT_WORD)) kinds.add(BUDGET_KIND_STEMS[m[1]!]!);
    if (kinds.size) break;
  }
  if (kinds.size === 0)
    for (const t of doc.tables)
      for (const c of t.cells) {
        const k = c.text.length <= 16 ? budgetKindOfWord(c.text) : null;
        if (k) kinds.add(k);
      }
  return kinds.size === 1 ? [...kinds][0]! : null;
}
const ACCOUNT_WORD = new RegExp(`(${wordsPattern(Object.keys(BUDGET_KIND_STEMS))})`, 'gu');

/**
 * The year a note gives the values of a kind: for every row (`subjects` empty), or for the rows a clause names
 * (`施設入所者数及び長期入院患者数は令和4年度末` → the rows whose label holds 施設入所者数 or 長期入院患者数).
 */
export interface NoteYear {
  period: FiscalPeriod;
  subjects: string[];
}

/** A clause ends in what it dates: `…の数値です`, `…時点`, `…の実績です`, or the year itself (`令和4年度末`). */
const DATING_END = /(?:の数値|の値|の実績値?|時点|現在|年度末?|年)\s*(?:です|である)?\s*$/u;

/** The names a clause scopes a year to (`A及びB`, `一般就労関係`), without the scoping word. */
const GROUP_SCOPE = new RegExp(`(?:${wordsPattern(GROUP_SCOPE_SUFFIXES)})$`, 'u');

function noteSubjects(words: string): string[] {
  return words
    .split(/及び|並びに|ならびに|または|又は|と|・/u)
    .map((w) => w.trim().replace(GROUP_SCOPE, ''))
    .filter((w) => w.length >= 2);
}

/**
 * What a note says the values of each kind are as of (`※基準値は原則として令和元年度末の数値、目標値は令和５年度末の
 * 数値です。`, `（注）基準値は令和4年度末の実績です。`): a clause `<kind word>は … <year>の数値` gives that kind its year.
 * A kind word standing alone (`（注）基準値は、施設入所者数及び長期入院患者数は令和４年度末、一般就労関係は令和３年度の
 * 実績です。`) opens clauses `<rows>は<year>` that give that kind a year for the rows they name. Clauses without a
 * year (`実績は各年度末の数値`) give none.
 */
export function kindYearsOf(doc: ExtractedDocument, opts: PeriodOptions): Partial<Record<ValueKind, NoteYear[]>> {
  const out: Partial<Record<ValueKind, NoteYear[]>> = {};
  const add = (kind: ValueKind, y: NoteYear) => {
    const list = out[kind] ?? [];
    out[kind] = list;
    // (the first note that dates all of a kind's values wins, as before; rows named by a later clause still count)
    if (y.subjects.length === 0 && list.some((z) => z.subjects.length === 0)) return;
    list.push(y);
  };
  for (const b of doc.blocks) {
    const t = b.text.normalize('NFKC').trim();
    if (!NOTE_OPENING.test(t) || t.length > 200) continue;
    let open: ValueKind | null = null;
    for (const clause of t.replace(NOTE_OPENING, '').split(/[、。,]/u)) {
      const m = /^\s*([^\s、]{1,30}?)は(.{0,30})$/u.exec(clause);
      if (!m) continue;
      const kind = m[1]!.length <= 6 ? valueKindOf(m[1]!) : null;
      const rest = m[2]!.trim();
      if (kind && !rest) {
        open = kind;
        continue;
      }
      const target = kind ?? open;
      if (!target || !DATING_END.test(rest)) continue;
      const years = findPeriods(rest, opts).filter((p) => p.fiscalYear !== null);
      if (years.length !== 1) continue;
      if (kind) add(kind, { period: years[0]!, subjects: [] });
      else {
        const subjects = noteSubjects(m[1]!);
        if (subjects.length) add(target, { period: years[0]!, subjects });
      }
    }
  }
  return out;
}

/** The year a note gives a value of this kind whose row's labels (`texts`) are these, if any. */
export function noteYearFor(
  years: Partial<Record<ValueKind, NoteYear[]>>,
  kind: ValueKind,
  texts: string[],
): FiscalPeriod | null {
  const list = years[kind];
  if (!list) return null;
  const label = texts.join(' ').normalize('NFKC').replace(/\s+/gu, '');
  const scoped = list.find((y) => y.subjects.some((s) => label.includes(s)));
  return (scoped ?? list.find((y) => y.subjects.length === 0))?.period ?? null;
}

/** A block or a table of a document. */
export interface DocumentItem {
  seq: number;
  block?: Block;
  table?: Table;
}

/** The document's blocks and tables in reading order (one `seq` order). */
export function documentItems(doc: ExtractedDocument): DocumentItem[] {
  return [
    ...doc.blocks.map((b) => ({ seq: b.seq, block: b })),
    ...doc.tables.map((t) => ({ seq: t.seq, table: t })),
  ].sort((a, b) => a.seq - b.seq);
}

/**
 * Where a block sits: the chain of headings above it. Headings carry a level from the extractor; a short bullet
 * or paragraph label without numbers (`・障害のある児童の子ども・子育て支援事業利用実績`) acts as a level-3 group
 * heading. Headings that only say what kind of table follows (`…見込量と実績`) are left out.
 */
export class SectionTracker {
  private stack: { level: number; text: string }[] = [];

  /** Feed blocks in document order. */
  see(b: Block): void {
    const t = b.text.trim();
    let level: number | null = null;
    if (b.kind === 'heading') level = b.level ?? 3;
    // An unnumbered short line the extractor took for a heading (`就労継続支援(B型)事業所平均工賃`) labels what
    // follows it; unless the source marked its level (`#`), it ranks below numbered headings.
    if (b.kind === 'heading' && !/^\s*#/.test(b.orig) && stripNumbering(t) === t.normalize('NFKC').trim())
      level = Math.max(level ?? 3, 3.5);
    if (level !== null && /^[①-⑳]/u.test(t)) level = Math.max(level, 5);
    else if (
      (b.kind === 'bullet' || b.kind === 'paragraph') &&
      t.length <= 60 &&
      !/[0-9０-９]/.test(t.replace(/[(（][^)）]*P\s*\d+[)）]/g, '')) &&
      !/[。]$/.test(t) &&
      (LEADING_BULLET.test(b.orig.trim()) || /^\S+$/.test(b.orig.trim()))
    )
      level = /^[①-⑳]/u.test(t) ? 5 : 3.5;
    // (a unit line, `単位：人`, `（人/月）`, states the unit of the table under it: it heads no section)
    if (level === null || isGenericHeading(t) || /^[(（][^)）]{1,10}[)）]$/.test(t) || unitLine(b)) return;
    while (this.stack.length && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    this.stack.push({ level, text: t });
  }

  /** The headings the current block stands under, outermost first. */
  headings(): string[] {
    return this.stack.map((x) => x.text);
  }

  /** `5 障害児支援 > 障害のある児童の… > 5) 保育園等…`, or null at the top of a document. */
  path(): string | null {
    // List numbers are dropped from the path (`(12) 年齢構成 > ① 身体` → `年齢構成 > 身体`): they locate a heading
    // in its document, they do not name anything.
    return this.stack.length ? this.stack.map((x) => stripNumbering(x.text) || x.text).join(' > ') : null;
  }
}

/** What a `※` note after a table says the `<n>` values are (`…のうち医療型を利用している人数`). */
export function subsetNoteOf(text: string): string | null {
  return subsetNoteIn(text)?.label ?? null;
}

// the brackets a note names: an empty pair (`< >`, `〈　〉`, `（ ）`, `〔 〕`), or the word 括弧 / かっこ
const NOTE_BRACKET = String.raw`(?:[<＜〈《(（[［【〔]\s*[>＞〉》)）\]］】〕]|括弧|かっこ|カッコ)`;
// (`〈　〉及び（　）内は…`: two kinds of bracket, one part)
const NOTE_BRACKETS = String.raw`${NOTE_BRACKET}(?:\s*(?:及び|および|と|や|・|、|,)\s*${NOTE_BRACKET})*`;
// how a note begins: `※`, `※1`, `注`, `注：`, `注）`, `（注）`, `＊`, or the brackets themselves
const SUBSET_NOTE_MARK = /^(?:※\s*[0-9]*|[＊*]|[(（]?注\s*[0-9]*\s*[)）:：.、]?|備考\s*[:：]?)?\s*/u;

/**
 * Family "a note saying what a bracket holds": a note under (or over) a table saying its bracketed numbers are a part
 * of the value beside them — `※< >内は精神障害者の数`, `注）〈　〉内は…`, `（注）< >は…`, `〈　〉内は…` with no
 * mark, `※括弧内は…`, `※ 下段〈 〉は…`, `※（　）は内数`, `※＜＞は再掲`. The part's name when the note gives one
 * (`label`), null when it only says the numbers are a part (内数, 再掲). Null for any other text.
 */
export function subsetNoteIn(text: string): { label: string | null } | null {
  const whole = subsetNoteOfLine(text);
  if (whole) return whole;
  // Family "a line that says two things": the note is one clause of a caption, a unit line or another note
  // (`表3 …の利用者数（〈 〉内は精神障害者の再掲）`, `（単位：人/月、〈 〉内は精神障害者）`,
  // `※単位は人/月。〈 〉は医療型の人数`) — read from its brackets to the clause's end.
  const clause = SUBSET_CLAUSE.exec(text.normalize('NFKC'));
  return clause ? subsetNoteOfLine(clause[1]!) : null;
}

// the brackets' clause inside a longer line, up to `、` `。` or the bracket closing around it (a bracketed aside of its
// own may stand in it: `医療的ケア児（内数）`)
const SUBSET_CLAUSE = new RegExp(
  String.raw`(?:^|[(（、,。\s])((?:[上下]段\s*(?:の\s*)?)?${NOTE_BRACKETS}\s*(?:内\s*の\s*(?:数字|数値|数)|の\s*(?:数字|数値|数)|内書き|書き|内数|内)?\s*(?:は|が|[:=])[^()（）、,。]*(?:[(（][^()（）]*[)）][^()（）、,。]*)*)`,
  'u',
);

/**
 * A line without the subset note said in it (`（単位：人/月、〈 〉内は精神障害者）` → `（単位：人/月）`, `表3 …の利用者数
 * （〈 〉内は精神障害者）` → `表3 …の利用者数`); the line as it is when it says none.
 */
export function withoutSubsetClause(line: string): string {
  const t = line.normalize('NFKC');
  const m = SUBSET_CLAUSE.exec(t);
  if (!m || !subsetNoteOfLine(m[1]!)) return line;
  let a = m.index + m[0].length - m[1]!.length;
  let b = a + m[1]!.length;
  if (a > 0 && /[、,]/u.test(t[a - 1]!)) a--;
  else if (a > 0 && /[(（]/u.test(t[a - 1]!) && /[)）]/u.test(t[b] ?? '')) {
    a--;
    b++;
  }
  return (t.slice(0, a) + t.slice(b)).trim();
}

/**
 * Family "a unit in brackets closing a note" (`※〈 〉内は精神障害者の再掲（単位：人/月）`): the unit as written, or null.
 */
export function unitAsideOf(text: string): string | null {
  const m = /[(（【]\s*単位\s*[:：]\s*([^()（）【】、,\s]+)\s*[)）】]/u.exec(text.normalize('NFKC'));
  return m && canonicalUnit(m[1]!) ? m[1]! : null;
}

/** The clause of a subset note, `※〈 〉内は…`, after removing the text around it; see `subsetNoteIn`. */
function subsetNoteOfLine(text: string): { label: string | null } | null {
  const t = text
    .normalize('NFKC')
    .trim()
    // (a note in brackets of its own, `（〈 〉内は精神障害者の数）`, over the table)
    .replace(/^[(（]((?:[<〈《[【〔]|括弧|かっこ).*)[)）]$/u, '$1');
  const mark = SUBSET_NOTE_MARK.exec(t)![0];
  const body = t.slice(mark.length);
  const named = new RegExp(
    // (a marked note may first say which rows it is of: `※生活介護及び就労継続支援（B型）の＜＞内は、…`)
    String.raw`^${mark.trim() ? '.{0,40}?' : ''}(?:[上下]段\s*(?:の\s*)?)?${NOTE_BRACKETS}\s*(?:内\s*の\s*(?:数字|数値|数)|の\s*(?:数字|数値|数)|内書き|書き|内数|内)?\s*(?:は|が|[:=])\s*[、,]?\s*`,
    'u',
  ).exec(body);
  if (!named) {
    // `※内数は…` / `※<>内の数字は…` as before (a mark is needed then)
    if (!mark.trim() || !/[<〈《(（[【〔]\s*[>〉》)）\]】〕]|内数|内訳/u.test(body)) return null;
    const i = body.search(/内の数字|内の数値|内数/u);
    if (i < 0) return null;
    const rest = body.slice(i).replace(/^(?:内の数字|内の数値|内数)は?/u, '');
    if (rest === body.slice(i)) return null;
    return { label: subsetName(rest) };
  }
  let s = body.slice(named[0].length);
  // a bracket of something else: `（　）は前年比`, `（ ）内は構成比`, `( )内は達成率`
  if (/^(?:前年|構成比|割合|比率|率|達成率|対計画|伸び|増減|%|％)/u.test(s)) return null;
  // `（　）は内数`, `＜＞は再掲`: a part, not named
  if (/^(?:内数|内訳|再掲|うち数)(?:です|である|を示す|を表す)?[。.]?$/u.test(s)) return { label: null };
  s = s.replace(/^(?:内数|再掲)(?:で|であり)[、,]?\s*/u, '');
  return { label: subsetName(s) };
}

function subsetName(text: string): string | null {
  let s = text;
  const i = s.indexOf('のうち');
  if (i >= 0) s = s.slice(i + 3);
  s = s
    // (a unit said at the note's end, `…の再掲（単位：人/月）`, is the table's unit, not the part's name)
    .replace(/\s*[(（【]\s*単位\s*[:：][^()（）【】]*[)）】]\s*[。.]?$/u, '')
    .replace(/^(?:その)?うち\s*/u, '')
    .replace(
      /(?:を再掲した|を再掲|の再掲)?(?:のもの|もの)?(?:です|である|を示す|を表す|を示しています|を表しています)?[。.]?$/u,
      '',
    )
    .trim();
  // Family "a note that names the part with words about it" (`精神障害者の数で内数`, `医療型の利用者数（再掲）`,
  // `精神障害者の利用者数を再掲しています`, `精神障害者に係る数値`, `精神障害者分`): the part is the group named, not
  // the words saying it is a part or a count — the name a researcher filters on.
  for (let before = ''; before !== s; ) {
    before = s;
    s = s
      .replace(/\s*[(（](?:内数|再掲|うち数|内訳)[)）]$/u, '')
      .replace(/を再掲(?:しています|している|した)?$/u, '')
      .replace(/(?:で|であり|の)?[、,]?\s*(?:内数|再掲)(?:しています|している|した|です)?$/u, '')
      .replace(/(?:に係る|に関する|についての)(?:数値|数字|人数|数)$/u, '')
      .replace(/の(?:延べ|実)?(?:利用者数|利用人数|人数|数|数値|数字|件数)$/u, '')
      .replace(/(?<=[者児])(?:数|分)$/u, '')
      .replace(/[。.、,]$/u, '')
      .trim();
  }
  // However a city words it (`施設入所している人を除いた`, `施設に入所している方を除く数`), the subset the national
  // guideline reports beside 生活介護 and the like is named as the guideline names it.
  // (`施設入所者以外`, `施設に入所していない人`, `入所施設の利用者を除いた`, `施設入所者を含まない`)
  if (/施設.{0,6}入所|入所者|入所施設/u.test(s) && /除|含まない|含めない|以外|ていない/u.test(s))
    return '施設入所者を除く';
  return s || null;
}

/**
 * The unit a numbered note gives the rows it marks: `※1 単位は「か所」`, `※4 単位：人（年間の実利用者数）`,
 * `※2 単位は件/年です` → its mark and the unit as written, per year (`/年`) when the note counts over a year (年間,
 * 1年間, 年度中) and per month (`/月`) when it counts a month (月当たり, 1か月). Null for any other note.
 */
export function markUnitOf(text: string): { mark: string; unitText: string } | null {
  return noteUnit(text, true);
}

/**
 * Family "a unit said in a note under (or over) the table": an unnumbered note, `※単位は「回」（1か月あたり）`,
 * `（注）単位：人（年間の実利用者数）`, `※ 単位は件/年です` → the unit as written, per year or per month as the note
 * says (see `markUnitOf`). Null for any other text.
 */
export function noteUnitOf(text: string): string | null {
  return noteUnit(text, false)?.unitText ?? null;
}

function noteUnit(text: string, numbered: boolean): { mark: string; unitText: string } | null {
  const t = text.normalize('NFKC').trim();
  const m = numbered
    ? /^※\s*([0-9]+|[①-⑳])\s*[:.．、]?\s*(?:の)?単位\s*(?:は|[:：])\s*[「『]?\s*([^」』\s(（。、,]+?)\s*[」』]?\s*(?:です|とする|としています)?(?=[(（。、,]|$)(.*)$/u.exec(
        t,
      )
    : /^(?:※|[(（]\s*注\s*[)）]|注\s*[:：.．)）])()\s*(?:この表の|表の|数値の)?単位\s*(?:は|[:：])\s*[「『]?\s*([^」』\s(（。、,]+?)\s*[」』]?\s*(?:です|とする|としています)?(?=[(（。、,]|$)(.*)$/u.exec(
        t,
      );
  if (!m) return null;
  let unitText = m[2]!;
  const rest = m[3] ?? '';
  if (!unitText.includes('/')) {
    if (/年間|1年|年度中|年度の/u.test(rest)) unitText += '/年';
    else if (/月当たり|1か月|1カ月|1ヶ月|月間/u.test(rest)) unitText += '/月';
  }
  if (!numbered && !canonicalUnit(unitText)) return null;
  return { mark: m[1]!, unitText };
}

/** The fiscal years a text ends with, separated by blanks only (`… 区分 2023年度 2024年度 2025年度`); null below two. */
function trailingYears(text: string, opts: PeriodOptions): FiscalPeriod[] | null {
  const found = findPeriods(text, opts);
  const out: FiscalPeriod[] = [];
  let end = text.trimEnd().length;
  for (let i = found.length - 1; i >= 0; i--) {
    const p = found[i]!;
    if (p.fiscalYear === null || p.kind === 'plan_term' || text.slice(p.offset + p.length, end).trim() !== '') break;
    out.unshift(p);
    end = p.offset;
  }
  return out.length >= 2 ? out : null;
}

/** A line that only states a unit: `(人)`, `（単位：千円）`, `単位：人/月`. */
const unitLine = (b: Block | undefined) =>
  !!b && (/^[(（][^)）]{1,12}[)）]$/.test(b.text.trim()) || /^[(（]?\s*単位\s*[:：][^。]{1,12}$/u.test(b.text.trim()));

/**
 * The unit a table's caption states: a unit line (`（単位：人/月）`, `単位：千円`) or a unit in brackets in its
 * caption or in the blocks between the table before and it, up to the nearest numbered or marked heading (`【…の給付費（千円）】`,
 * `表2 …の人数（人/月）`, `1) 居宅介護（時間/月）`) — the nearest first; a sentence states none.
 */
function captionUnit(t: Table, since: Block[]): string | null {
  const blocks: Block[] = [];
  for (const b of [...since].reverse()) {
    if (blocks.length >= 4) break;
    if (b.text.length <= 90 && !(b.kind === 'paragraph' && /。\s*$/u.test(b.text))) blocks.push(b);
    // (a short unnumbered line the extractor took for a heading, `施設サービスの利用者数`, is the table's caption)
    if (b.kind === 'heading' && (/^\s*#/u.test(b.orig) || stripNumbering(b.text) !== b.text.normalize('NFKC').trim()))
      break;
  }
  for (const line of [t.caption ?? '', ...blocks.map((b) => b.text)]) {
    if (!line) continue;
    // (a subset note said in the same line, `（単位：人/月、〈 〉内は精神障害者）`, is no part of the unit)
    const text = withoutSubsetClause(line);
    // (a unit line run into the header words after it in linearized text: `単位:件/年 利用状況給付件数`; not a
    // composite unit, `単位：千円 ％`)
    const lead = /^[(（【[]?\s*単位\s*[:：]\s*([^\s()（）【】[\]、,]+)\s+(\S+)/u.exec(text.normalize('NFKC').trim());
    if (lead && canonicalUnit(lead[1]!) && !canonicalUnit(lead[2]!.replace(/[)）】\]]+$/u, ''))) return lead[1]!;
    if (unitLine({ text } as Block)) return text.trim();
    // (`※単位は「人」（年間）` opening the line or closing the caption)
    const at = text.search(/※\s*(?:この表の|表の|数値の)?単位/u);
    const note = at >= 0 ? noteUnitOf(text.slice(at)) : null;
    if (note) return note;
    const u = splitLabelUnit(text).unitText ?? angleUnit(text);
    if (u) return u;
  }
  return null;
}

/** A money unit written after an amount in a caption line: `2,001,000千円`. */
const CAPTION_AMOUNT = /([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{4,})\s*(千円|百万円|億円|万円|円)/gu;
/** A cell holding one bare amount of four digits or more (`2,001,000`, `△3,700`), nothing else. */
const BARE_AMOUNT = /^[△▲-]?\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{4,})$/u;

/**
 * Family "a block's caption states its total with a money unit and the block repeats that total bare" (a budget
 * book's `４項 市たばこ税 2,001,000千円` over a 節 table printed without a 千円 line: `1 現年課税分 | 2,001,000`): the
 * table's amounts are in that unit. Read from the short lines just before the table (a caption above two tables side
 * by side is before both), and only for an amount of four digits or more in a unit of money that a cell of the table
 * holds bare, so that a count in a caption that happens to recur in the table says nothing.
 */
function captionAmountUnit(t: Table, lines: Block[]): string | null {
  const bare = new Set<string>();
  for (const c of t.cells) {
    const m = BARE_AMOUNT.exec(c.text.normalize('NFKC').trim());
    if (m) bare.add(m[1]!.replace(/,/gu, ''));
  }
  if (bare.size === 0) return null;
  for (const b of lines)
    for (const m of b.text.normalize('NFKC').matchAll(CAPTION_AMOUNT))
      if (bare.has(m[1]!.replace(/,/gu, ''))) return m[2]!;
  return null;
}

const ANGLE_UNIT = new RegExp(
  `[<〈《]\\s*(?:単位\\s*[:：]\\s*)?(?:(?:${wordsPattern(AMOUNT_BASIS_WORDS)})\\s*[/・]\\s*)?([^<>〈〉《》/]{1,6}?)\\s*[>〉》]\\s*$`,
  'u',
);

/**
 * Family "a unit in angle brackets closing a caption line" (an Excel sheet's `平成29年8月現在＜日額／円＞`, `<単位：人>`):
 * the unit, after the basis an amount is per (`日額`, `月額`: what it is per, not its unit). Null when the bracket holds
 * no unit.
 */
function angleUnit(text: string): string | null {
  const m = ANGLE_UNIT.exec(text.normalize('NFKC').trim());
  const u = m?.[1]?.trim();
  return u && canonicalUnit(u) ? u : null;
}

/** A note's opening mark: `※`, `※1`, `（注）`, `注1：`. */
const NOTE_MARK = /^\s*(?:※\s*[0-9]*|[(（]\s*注\s*[0-9]*\s*[)）]|注\s*[0-9]*\s*[:：.．])\s*/u;

/**
 * Family "which years are results, said in a note": a `※` note under a table that names spans of its years and
 * what their figures are, clause by clause (`※令和３年度から令和５年度は各年９月末現在の実績、令和６年度以降は推計値です。`,
 * `※令和5年度は見込み`, `（注）2021～2023年度は実績値`): each `<years>は…<kind word>` clause gives the span its kind
 * (`…以降` runs on; `実績見込` is an estimate). Empty for any other text.
 */
export function yearKindsOfNote(text: string, opts: PeriodOptions): YearKindSpan[] {
  const t = text.normalize('NFKC').trim();
  if (!NOTE_MARK.test(t) || t.length > 160) return [];
  const out: YearKindSpan[] = [];
  for (const clause of t.replace(NOTE_MARK, '').split(/[、。,;；]/u)) {
    const m = /^(.{2,30}?)は(.{1,30})$/u.exec(clause.trim());
    if (!m) continue;
    const found = findPeriods(m[1]!, opts);
    // (a span read as one range, `令和３年度から令和５年度`, `2021～2022年度`: its first and last fiscal years)
    const fyOf = (iso: string) => {
      const [y, mo] = iso.split('-').map(Number);
      return mo! >= 4 ? y! : y! - 1;
    };
    const range = found.length === 1 && found[0]!.kind === 'range' ? found[0]! : null;
    const years = found.filter((p) => p.fiscalYear !== null && p.kind !== 'plan_term');
    if (!range && (years.length === 0 || years.length > 2)) continue;
    if (!range && years.length === 2 && !/から|～|~|〜|－|-|ー/u.test(m[1]!.slice(years[0]!.offset, years[1]!.offset)))
      continue;
    const tail = m[2]!;
    const kind: ValueKind | null = /実績見込/u.test(tail) ? 'estimate' : kindWord(tail);
    if (!kind || (kind !== 'actual' && kind !== 'plan' && kind !== 'estimate')) continue;
    const from = range ? fyOf(range.start) : years[0]!.fiscalYear!;
    const to = range
      ? fyOf(range.end)
      : /以降|以後|から$/u.test(m[1]!.trim()) && years.length === 1
        ? Number.POSITIVE_INFINITY
        : years.at(-1)!.fiscalYear!;
    out.push({ from, to, kind, note: text.trim() });
  }
  return out;
}

/** A basis of one month said in a caption or heading: `1か月当たり`, `１月当たり`, `月当たり`, `月平均`. */
const MONTH_BASIS = /(?:^|[^0-9０-９年])(?:[1１一]\s*(?:か|カ|ヶ|ケ|ヵ|箇|ケ)?\s*)?月\s*(?:当たり|あたり|当り)|月平均/u;

/**
 * Family "a per-month basis said once above the table": the caption, the short lines between the table before and
 * this one (up to the nearest numbered heading), or a heading of the section the table stands in, that says the
 * counts are per month (`【見込量（１か月当たり）】`, `１ …の利用者数の見込み（１月当たり）`). A sentence says it only when it
 * is short (`各年度の１か月当たりの量です。`); a `※` note defines a count and is not read here.
 */
function monthBasisOf(t: Table, since: Block[], headings: string[]): string | null {
  const lines: string[] = [t.caption ?? ''];
  for (const b of [...since].reverse()) {
    if (lines.length > 4) break;
    if (b.text.length <= 60 && !/^\s*※/u.test(b.text)) lines.push(b.text);
    if (b.kind === 'heading' && (/^\s*#/u.test(b.orig) || stripNumbering(b.text) !== b.text.normalize('NFKC').trim()))
      break;
  }
  lines.push(...[...headings].reverse());
  return lines.find((l) => l && MONTH_BASIS.test(l.normalize('NFKC'))) ?? null;
}

/**
 * Family "a unit said under the table" (a sheet whose unit line or `※` note is printed below it: `（単位：回/月）`,
 * `※単位は「人」（年間の実利用者数）`): the unit of the first such line among the blocks after the table, before the
 * next table or heading — unless a table follows right after the line, whose unit line it then is.
 */
function unitBelow(items: ReturnType<typeof documentItems>, pos: number): string | null {
  for (let k = pos + 1; k < Math.min(items.length, pos + 6); k++) {
    const b = items[k]!.block;
    if (!b || b.kind === 'heading') return null;
    // (a note, or a short line that is only a unit: `（単位：回/月）`, `【単位：人/年】`, `単位　件/年`, `単位は時間/年`)
    const text = withoutSubsetClause(b.text);
    const u =
      noteUnitOf(text) ??
      (text.trim().length <= 20 && canonicalUnit(text) ? text.trim() : null) ??
      // (`※〈 〉内は精神障害者の再掲（単位：人/月）`: a unit closing a subset note)
      (subsetNoteIn(b.text) ? unitAsideOf(b.text) : null);
    if (u) return items[k + 1]?.table ? null : u;
  }
  return null;
}

/** Context of every table: the blocks just before it (caption, unit line, headings) and the note after it. */
/** A table's caption line: `表4-1 …`, `図2 …` (numbered). */
const TABLE_CAPTION_LINE = /^[表図]\s*[0-9０-９]+(?:[-－‐ー.．][0-9０-９]+)*[\s　]/u;

export function tableContexts(doc: ExtractedDocument, base: DocumentContext): Map<number, TableContext> {
  const items = documentItems(doc);
  const out = new Map<number, TableContext>();
  const recent: Block[] = [];
  // (the blocks since the table before: a unit line above that table is not this one's)
  let since: Block[] = [];
  // (whether a table of values came before: the notes right under it are its own, not the next table's)
  let afterTable = false;
  const sections = new SectionTracker();
  for (const [pos, it] of items.entries()) {
    if (it.block) {
      sections.see(it.block);
      recent.push(it.block);
      since.push(it.block);
      if (recent.length > 12) recent.shift();
      continue;
    }
    const t = it.table!;
    const short = recent.filter((b) => b.text.length <= 90).reverse();
    // (a sentence before the table, `…は増加が続いています。`, describes it; it does not name it)
    const named = short.find(
      (b) =>
        !isGenericHeading(b.text) &&
        !unitLine(b) &&
        // (nor a unit line run into the header words after it: `単位:件/年 見込と実績`)
        !/^[(（【[]?\s*単位\s*[:：]/u.test(b.text.normalize('NFKC').trim()) &&
        !/^【[^】]*】$/.test(b.text.trim()) &&
        !(b.kind === 'paragraph' && /。\s*$/u.test(b.text)),
    );
    const firstOwn = afterTable ? since.findIndex((b) => !NOTE_MARK.test(b.text.normalize('NFKC'))) : 0;
    const unitHint =
      t.unitHint ??
      captionUnit(t, firstOwn < 0 ? [] : since.slice(firstOwn)) ??
      captionAmountUnit(t, short.slice(0, 4)) ??
      unitBelow(items, pos);
    const monthBasis = monthBasisOf(t, since, sections.headings());
    // (a table of words alone, a caption set as a one-row table — `表3 障害児通所支援の利用実人数`, a number in its
    // name — holds no values the unit line was for)
    if (t.cells.some((c) => (dataValue(c.text)?.quantities.length ?? 0) > 0)) {
      since = [];
      afterTable = true;
    }
    // (a caption line right above the table, `表4-1 訪問系サービスの実績と見込量`, is the table's own caption: it
    // takes no place of the two blocks above it that may state a kind or a year)
    const own = !t.caption && short[0] && TABLE_CAPTION_LINE.test(short[0].text) ? short[0] : null;
    const captionish = [
      t.caption ?? own?.text ?? '',
      ...short
        .filter((b) => b !== own)
        .slice(0, 2)
        .map((b) => b.text),
    ].filter(Boolean);
    let kind: ValueKind | null = null;
    let period: FiscalPeriod | null = null;
    let periodSource: string | null = null;
    for (const c of captionish) {
      kind ??= kindWord(c, { baseline: true });
      if (!period) {
        const h = parseColumnHeader(c, base.periods);
        period =
          (h.period?.fiscalYear != null ? h.period : null) ??
          findPeriods(c, base.periods).find((p) => p.fiscalYear !== null) ??
          null;
        if (period) periodSource = c;
      }
      if (kind && period) break;
    }
    // (else the nearest heading above that states one fiscal year, `歳出比較分析表（平成21年度普通会計決算）` over its
    // sub-headings: a section title dates the tables under it)
    if (!period)
      for (const h of sections.headings().reverse()) {
        const found = findPeriods(h, base.periods);
        const years = found.filter((p) => p.fiscalYear !== null);
        const distinct = new Set(years.map((p) => p.fiscalYear));
        const ranges = found.some((p) => p.fiscalYear === null && p.end);
        if (distinct.size === 1 && !ranges) {
          period = years[0]!;
          periodSource = h;
          break;
        }
        if (distinct.size > 1 || ranges) break;
      }
    // A table split out of a larger one (a block of a review sheet) has its own title as caption: it names the
    // block better than any heading above the larger table.
    // Family "a table's own caption" (an HTML `<caption>`, `表1 要介護（要支援）認定者数の計画値と実績値`): it names
    // the table better than a paragraph or the document's title above it.
    const cleanCaption = (text: string) =>
      stripNumbering(text)
        // (a caption's table number, `表2 `, `表5-2 `, numbers the table; it names nothing)
        .replace(/^[表図]\s*\d+(?:[-－‐]\d+)?\s+/u, '')
        .replace(/[(（][^)）]*P\s*\d+[)）]/g, '')
        .replace(/[(（][^)）]{1,10}[)）]\s*$/, '')
        // (`（各年度末現在、単位：人）`: when and in what the values are counted, not what)
        .replace(/\s*[(（][^()（）]{0,30}(?:単位|現在|時点)[^()（）]{0,30}[)）]\s*$/u, '')
        .trim() || null;
    const heading =
      t.parent !== undefined && t.caption
        ? stripNumbering(t.caption) || null
        : t.caption
          ? cleanCaption(t.caption)
          : named
            ? cleanCaption(named.text)
            : null;
    // A `※<>内の数字は…` note among the blocks right after the table explains its subset values.
    // (or over it, between its caption and the table: `（〈　〉内は精神障害者の数）` — not a note that follows the table
    // before, which is that table's)
    let subsetNote: string | null = null;
    let subsetNoted = false;
    const notesNear: typeof items = [];
    for (const next of items.slice(pos + 1, pos + 4)) {
      if (next.table) break;
      notesNear.push(next);
    }
    for (let k = pos - 1; k >= Math.max(0, pos - 2); k--) {
      if (items[k]!.table || items[k - 1]?.table) break;
      notesNear.push(items[k]!);
    }
    // (a note a PDF without rulings read as the table's last row, its one cell in the first column)
    const lastRows = [t.nRows - 1, t.nRows - 2].map((r) => t.cells.filter((c) => c.row === r && c.text.trim()));
    const notesIn = lastRows.filter((cs) => cs.length === 1).map((cs) => cs[0]!.text);
    for (const text of [...notesNear.map((n) => n.block!.text), ...notesIn]) {
      const note = subsetNoteIn(text);
      if (!note) continue;
      subsetNote = note.label;
      subsetNoted = true;
      break;
    }
    // `※` notes after the table that say which of its years are results and which are plans.
    let yearKinds: YearKindSpan[] | null = null;
    for (const next of items.slice(pos + 1, pos + 4)) {
      if (next.table || next.block!.kind === 'heading') break;
      const spans = yearKindsOfNote(next.block!.text, base.periods);
      if (spans.length) yearKinds = [...(yearKinds ?? []), ...spans];
    }
    // Numbered `※` notes after the table that give the unit of the rows they mark.
    let markUnits: Record<string, string> | null = null;
    for (const next of items.slice(pos + 1, pos + 12)) {
      if (next.table || next.block!.kind === 'heading') break;
      const u = markUnitOf(next.block!.text);
      if (!u) continue;
      markUnits ??= {};
      markUnits[u.mark] = u.unitText;
    }
    const justBefore = recent[recent.length - 1];
    const yearsAbove = justBefore ? trailingYears(justBefore.text, base.periods) : null;
    const path = sections.path();
    const namedText = named ? stripNumbering(named.text) || named.text : null;
    const section =
      path && namedText && !path.includes(namedText) ? `${path} > ${namedText}` : (path ?? namedText ?? null);
    // (the heading above the caption, `2) 意思疎通支援事業（利用件数）`, names one item and the measure the caption
    // counts for a group, `必須事業の利用件数`)
    let itemHeading: string | null = null;
    if (named && heading) {
      const above = short.slice(short.indexOf(named) + 1).find((b) => b.kind === 'heading');
      const m = above ? /^(.+?)\s*[(（]([^()（）]+)[)）]\s*$/u.exec(stripNumbering(above.text)) : null;
      if (m && heading.endsWith(`の${m[2]!.trim()}`) && !heading.includes(m[1]!)) itemHeading = m[1]!.trim();
    }
    out.set(t.index, {
      ...base,
      section,
      heading,
      period,
      periodSource,
      kind,
      unitHint,
      subsetNote,
      subsetNoted,
      markUnits,
      yearsAbove,
      itemHeading,
      monthBasis,
      yearKinds,
    });
  }
  return out;
}
