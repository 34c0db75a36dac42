/**
 * Confidence from evidence, calibrated on documents whose truth is known.
 *
 * An observation's evidence is how it was read: which reader (a table's data cell or a sentence), the table's
 * method and quality, and above all the rules that decided its label, kind, year and unit (`Observation.rules`:
 * a year from the column's own header is strong evidence, a year taken from a heading or a kind that nothing
 * stated and defaulted to a result is weak), plus what is missing (no year, no unit, no municipality), warnings, and
 * whether the label matched the national catalog. `scripts/calibrate-confidence.mjs` fits a logistic model of
 * "this observation is right" on these features over the tuned part of the generated corpus and the fixtures
 * (their expectations typed by hand), then an isotonic map from the model's score to the measured precision, and
 * writes both to `confidence-model.ts`. The confidence of an observation is that measured precision, with one
 * reservation: **0.9 and above are given only where the measured precision is at least 0.99** (values the model
 * puts between 0.9 and 0.99 are reported as 0.89), so that a researcher filtering on `confidence >= 0.9` keeps
 * numbers that are right 99 times in 100. `pnpm corpus` re-measures precision per band on fresh seeds and on the
 * held-out part; docs/confidence.md publishes the table.
 */
import { factKey, KIND_COMPOUND_AT_END, kindOfWord, type Observation, type Table } from '@shiryo/model';
import { compact } from './labels.js';
import { unitFromLabel } from './table/pieces.js';

export interface ConfidenceModel {
  /** What the model was fitted on, and when (shown by docs and `shiryo rules`). */
  trainedOn: string;
  intercept: number;
  /** Log-odds weight of each feature (absent features weigh 0). */
  weights: Readonly<Record<string, number>>;
  /** The isotonic map: increasing model scores and the precision measured at or above each. */
  calibration: readonly (readonly [score: number, precision: number])[];
  /**
   * The evidence the model was measured on: the rules, and the pairs of rules (`a|b`, sorted), that decided
   * observations in at least `SEEN_DOCUMENTS` documents of the corpus it was fitted on. A number read by a rule, or
   * by two rules together, outside these lists was read by a path nobody measured (`novel:rule`, `novel:pair`).
   */
  seen?: Seen;
}

/** Rules and pairs of rules measured on enough documents (see `ConfidenceModel.seen`). */
export interface Seen {
  rules: readonly string[];
  pairs: readonly string[];
}

/** How many documents a rule, or a pair of rules, must have decided observations in to count as measured. */
export const SEEN_DOCUMENTS = 3;

/** The rules of an observation, and its pairs of rules (`a|b`, sorted), as `ConfidenceModel.seen` lists them. */
export function rulePairs(o: Pick<Observation, 'rules'>): { rules: string[]; pairs: string[] } {
  const rules = [...new Set(o.rules)].sort();
  const pairs: string[] = [];
  for (let i = 0; i < rules.length; i++)
    for (let j = i + 1; j < rules.length; j++) pairs.push(`${rules[i]}|${rules[j]}`);
  return { rules, pairs };
}

/** A table's facts the features need (method, quality), by table index. */
export type TableFacts = Pick<Table, 'method' | 'quality'> & Partial<Pick<Table, 'cells' | 'headerRows' | 'nCols'>>;

/** A table read by OCR: its cells carry the confidence of the recognised words in them. */
const isOcrTable = (t: TableFacts | undefined) => !!t?.cells?.some((c) => c.confidence !== undefined);

function qualityBucket(q: number): string {
  if (q >= 0.99) return 'quality:1';
  if (q >= 0.9) return 'quality:0.9';
  if (q >= 0.75) return 'quality:0.75';
  return 'quality:low';
}

/**
 * What the observations around one say: errors come in runs (a table whose years were not found, a document
 * whose city is unknown), so the share of a table's, and of the document's, observations read without a year, a
 * unit or a stated kind is evidence about each of them.
 */
export interface ConfidenceContext {
  table: Map<number | null, Shares>;
  document: Shares;
  /**
   * Observations that disagree with another of the document: the same fact (`factKey`, strict: section, label as
   * written, subgroup and measure in their canonical names, unit, year, kind and qualifier) with another value. One
   * fact has one value, so at least one of them was misread (a year or a kind not told apart, a label that lost the
   * word that distinguished it).
   */
  collides: Set<Observation>;
  /** Table values out of scale with the other values of their row (`outOfScale`). */
  outOfScale?: Set<Observation>;
  /** Achievement rates with no plan or no result of their fact in the document (`unsupportedRates`). */
  unsupportedRates?: Set<Observation>;
  /** Plans, results, differences and rates of one year of a table that do not add up (`arithmeticFails`). */
  arithmetic?: Set<Observation>;
}

interface Shares {
  n: number;
  yearless: number;
  unitless: number;
  defaultKind: number;
  collides: number;
}

const DEFAULT_KIND = new Set(['kind.default-actual', 'kind.default-actual-prose']);

function shares(os: Observation[], collides: Set<Observation>): Shares {
  const n = os.length || 1;
  return {
    n: os.length,
    yearless: os.filter((o) => o.fiscal_year === null).length / n,
    unitless: os.filter((o) => o.unit === null).length / n,
    defaultKind: os.filter((o) => o.rules.some((r) => DEFAULT_KIND.has(r))).length / n,
    collides: os.filter((o) => collides.has(o)).length / n,
  };
}

/**
 * The observations that state the same fact as another with another value (`ConfidenceContext.collides`): the fact
 * as the store's restatements mean it, strictly (`factKey(o, { strict: true })`, packages/model/src/fact.ts: under
 * the same heading and label as written; across them two values are two facts the key does not tell apart).
 */
function collisions(observations: Observation[]): Set<Observation> {
  const byKey = new Map<string, Observation[]>();
  for (const o of observations) {
    const k = factKey(o, { strict: true });
    const list = byKey.get(k) ?? [];
    list.push(o);
    byKey.set(k, list);
  }
  const out = new Set<Observation>();
  for (const list of byKey.values())
    if (list.length > 1 && list.some((o) => Math.abs(o.value - list[0]!.value) > 1e-9 * Math.max(1, Math.abs(o.value))))
      for (const o of list) out.add(o);
  return out;
}

/** The shares of every table's observations (prose under null) and of the document's. */
export function confidenceContext(observations: Observation[]): ConfidenceContext {
  const collides = collisions(observations);
  const byTable = new Map<number | null, Observation[]>();
  for (const o of observations) {
    const k = o.reader === 'prose' ? null : o.table_index;
    const list = byTable.get(k) ?? [];
    list.push(o);
    byTable.set(k, list);
  }
  return {
    table: new Map([...byTable].map(([k, os]) => [k, shares(os, collides)])),
    document: shares(observations, collides),
    collides,
    outOfScale: outOfScale(observations),
    unsupportedRates: unsupportedRates(observations),
    arithmetic: arithmeticFails(observations),
  };
}

/**
 * The achievement rates in percent that nothing in the document supports (`rate:unsupported`): no plan, or no result
 * (an actual or an estimate), of the same label, subgroup, measure, year and section. A rate is a result over its
 * plan, and a table that prints a rate prints both beside it; a rate without them was given a label, a year or a kind
 * that is not its own (a header cell of rates glued to the next column's, a rate column shifted into another
 * service's).
 */
export function unsupportedRates(observations: Observation[]): Set<Observation> {
  const key = (o: Observation) => [o.indicator_label, o.subgroup, o.measure, o.fiscal_year, o.section].join('\u0000');
  const plans = new Set<string>();
  const results = new Set<string>();
  for (const o of observations) {
    if (o.value_kind === 'plan') plans.add(key(o));
    else if (o.value_kind === 'actual' || o.value_kind === 'estimate') results.add(key(o));
  }
  return new Set(
    observations.filter(
      (o) => o.value_kind === 'achievement_rate' && o.unit === 'percent' && !(plans.has(key(o)) && results.has(key(o))),
    ),
  );
}

/** A rate or a difference printed to this many units of its last digit may differ from the exact one by rounding. */
const RATE_TOLERANCE = 0.6;
/**
 * The values of a table whose arithmetic fails (`arith:fails`): of one fact's year — the same table, label, subgroup,
 * measure, qualifier and year — a plan, a result (actual or estimate) and their difference (`乖離`, `差`) or
 * achievement rate (`達成率`, `対計画比`), where no plan and result of them give the difference (either sign) or the
 * rate (result over plan, either way, ×100, to rounding); and a plan whose value is the plan another year's result
 * and difference, or result and rate, imply when that year has no plan of its own (the year of a plan row was read
 * one row off). A table prints these from one another: when they disagree, some were read from another column, row
 * or year than their own.
 */
export function arithmeticFails(observations: Observation[]): Set<Observation> {
  const groups = new Map<string, Observation[]>();
  const series = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.reader === 'prose' || o.table_index === null || o.fiscal_year === null) continue;
    const s = [o.table_index, o.indicator_label, o.subgroup, o.measure, o.qualifier].join('\u0000');
    const k = `${s}\u0000${o.fiscal_year}`;
    const list = groups.get(k) ?? [];
    list.push(o);
    groups.set(k, list);
    const sl = series.get(s) ?? [];
    sl.push(o);
    series.set(s, sl);
  }
  const out = new Set<Observation>();
  const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;
  // (a difference of two printed values is exact in their unit; a scale factor makes the unit 1000 and more)
  const diffTol = (...xs: number[]) => Math.max(1e-6, ...xs.map((x) => Math.abs(x) * 1e-6));
  const rateOk = (rate: number, plan: number, result: number) =>
    (plan !== 0 && near(rate, (100 * result) / plan, RATE_TOLERANCE)) ||
    (result !== 0 && near(rate, (100 * plan) / result, RATE_TOLERANCE));
  for (const [k, list] of groups) {
    const plans = list.filter((o) => o.value_kind === 'plan');
    const results = list.filter((o) => o.value_kind === 'actual' || o.value_kind === 'estimate');
    const diffs = list.filter((o) => o.value_kind === 'deviation');
    const rates = list.filter((o) => o.value_kind === 'achievement_rate' && o.unit === 'percent');
    if (results.length === 0 || diffs.length + rates.length === 0) continue;
    if (plans.length > 0) {
      // (a difference in another unit than its plan and result — a rate written in a difference column — is not theirs)
      const diffOk = diffs.every((d) => {
        const ps = plans.filter((p) => p.unit === d.unit);
        const rs = results.filter((r) => r.unit === d.unit);
        return (
          ps.length === 0 ||
          rs.length === 0 ||
          ps.some((p) =>
            rs.some((r) => near(Math.abs(r.value - p.value), Math.abs(d.value), diffTol(r.value, p.value))),
          )
        );
      });
      const pairs = plans.flatMap((p) => results.filter((r) => r.unit === p.unit).map((r) => [p, r] as const));
      const ratesOk =
        pairs.length === 0 || rates.every((t) => pairs.some(([p, r]) => rateOk(t.value, p.value, r.value)));
      if (!diffOk || !ratesOk) for (const o of [...plans, ...results, ...diffs, ...rates]) out.add(o);
      continue;
    }
    // (no plan this year: the plan its result and difference or rate imply, given to another year of the series)
    const implied = [
      ...diffs.flatMap((d) =>
        results.filter((r) => r.unit === d.unit).flatMap((r) => [r.value - d.value, r.value + d.value]),
      ),
      ...rates.flatMap((t) => results.flatMap((r) => (t.value > 0 ? [(100 * r.value) / t.value] : []))),
    ];
    const s = k.slice(0, k.lastIndexOf('\u0000'));
    const year = list[0]!.fiscal_year;
    const elsewhere = (series.get(s) ?? []).filter(
      (p) =>
        p.value_kind === 'plan' &&
        p.fiscal_year !== year &&
        results.some((r) => r.unit === p.unit) &&
        p.value !== 0 &&
        implied.some((v) => near(v, p.value, Math.max(diffTol(p.value), Math.abs(p.value) * 0.004))),
    );
    if (elsewhere.length) for (const o of [...elsewhere, ...results, ...diffs, ...rates]) out.add(o);
  }
  return out;
}

/**
 * The columns of a table under a header group that does not line up with the columns under it
 * (`header:span-misfit`). The lowest header row (over the columns of numbers) repeats a cycle of column headers — the years (`2023 2024 2025 2026
 * 2023 2024 …`) or the kinds (`見込 実績値 乖離 対計画比 見込 …`) of one group after another — so it splits into runs,
 * a new run where a header repeats one of its run. A group header above (a cell spanning columns, or the same text in
 * neighbouring cells) covers whole runs (a service over its years) or lies within one (`第7期計画` over three years);
 * one that begins or ends inside a run and reaches into the next was drawn one column off, and the columns under it
 * took the label of their neighbour's group.
 */
export function headerMisfitColumns(table: TableFacts): Set<number> {
  let out = misfitColumnsOf.get(table);
  if (out) return out;
  out = new Set();
  misfitColumnsOf.set(table, out);
  const hr = table.headerRows ?? 0;
  const cells = table.cells ?? [];
  const nCols = table.nCols ?? Math.max(0, ...cells.map((c) => c.col + (c.colSpan ?? 1)));
  if (hr < 2 || nCols < 3) return out;
  // (each header row as the text covering each column: a spanning cell fills its columns; an empty cell never
  // overwrites a text)
  const grid: string[][] = Array.from({ length: hr }, () => Array<string>(nCols).fill(''));
  for (const c of cells) {
    const text = c.text.normalize('NFKC').replace(/\s+/gu, '');
    for (let r = c.row; r < Math.min(hr, c.row + (c.rowSpan ?? 1)); r++)
      for (let k = c.col; k < Math.min(nCols, c.col + (c.colSpan ?? 1)); k++)
        if (text && !grid[r]![k]) grid[r]![k] = text;
  }
  // (the lowest header row over the columns that hold numbers: a stub column's header — `区分`, `単位`, a corner
  // spanning the header rows — is no member of the cycle)
  const data = Array<boolean>(nCols).fill(false);
  for (const c of cells)
    if (c.row >= hr && c.col < nCols && NUMBER_CELL.test(c.text.normalize('NFKC').replace(/\s+/gu, '')))
      data[c.col] = true;
  const cols = [...Array(nCols).keys()].filter((k) => data[k] && grid[hr - 1]![k]);
  const bottom = cols.map((k) => grid[hr - 1]![k]!);
  // (the shortest period the headers repeat with — a header cut short or glued to the next, `2023年度2024(`, still
  // repeats the one it begins with — over the whole run of number columns)
  const same = (x: string, y: string) =>
    x === y || (x.length >= 4 && y.length >= 4 && (x.startsWith(y) || y.startsWith(x)));
  // (three headers at least: two kinds alternating, `実績 計画 実績 計画`, repeat by chance as often as by design;
  // two pairs compared at least)
  let period = 0;
  for (let p = 3; p + 2 <= bottom.length && !period; p++)
    if (bottom.every((t, i) => i + p >= bottom.length || same(t, bottom[i + p]!))) period = p;
  if (!period || new Set(bottom.slice(0, period)).size < period) return out;
  const runStart = new Set(cols.filter((_, i) => i % period === 0));
  const runEnd = new Set(cols.filter((_, i) => i % period === period - 1 || i === cols.length - 1));
  for (let r = 0; r < hr - 1; r++) {
    const row = grid[r]!;
    for (let a = 0; a < nCols; ) {
      let b = a;
      // (a group: one cell's columns, or neighbouring cells of the same text)
      while (b + 1 < nCols && row[a] && row[b + 1] === row[a]) b++;
      const inside = cols.filter((k) => k >= a && k <= b);
      if (row[a] && inside.length >= 2) {
        const crosses = inside.slice(1).some((k) => runStart.has(k));
        if (crosses && (!runStart.has(inside[0]!) || !runEnd.has(inside.at(-1)!))) for (const k of inside) out.add(k);
      }
      a = b + 1;
    }
  }
  return out;
}
const misfitColumnsOf = new WeakMap<TableFacts, Set<number>>();
/** A cell holding one number (`1,234`, `▲10`, `86.8%`, `12人`): a column of values, not of names or years. */
const NUMBER_CELL = /^[▲△-]?[0-9][0-9,.]*[%人件回日か所]*$/u;

/** How far (a factor, either way) a value must be from the median of its row's other values to be out of scale. */
export const OUT_OF_SCALE_FACTOR = 20;
const SERIES_KINDS = new Set(['actual', 'plan', 'estimate', 'target']);
/**
 * The table values out of scale with their row (`value:out-of-scale`): among the values of one row of a table that
 * state one series — the same label, subgroup, measure and unit, each a result, plan, estimate or target, three or
 * more — one at least `OUT_OF_SCALE_FACTOR` times larger or smaller than the median of the others (when that median
 * is 10 or more: small counts vary by more). The years of one service move by a few percent to a few times, not by
 * twenty: a value that does was cut wrongly (a thousands separator read as a cell boundary, `1,234` → `1` and `234`),
 * lost digits (OCR, a wrapped cell) or belongs to another row or column.
 */
export function outOfScale(observations: Observation[]): Set<Observation> {
  const rows = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.reader === 'prose' || o.table_index === null || o.row === null || !SERIES_KINDS.has(o.value_kind)) continue;
    const k = [o.table_index, o.row, o.indicator_label, o.subgroup, o.measure, o.unit].join('\u0000');
    const list = rows.get(k) ?? [];
    list.push(o);
    rows.set(k, list);
  }
  const out = new Set<Observation>();
  for (const list of rows.values()) {
    if (list.length < 3) continue;
    // the median of the row's other values, each: from the row's values sorted once (a row of thousands of values,
    // as fuzzing wrote, made a sort per value quadratic). Without the value at sorted position p, the others' middle
    // element `mid` is a[mid] before p and a[mid + 1] from p on (any copy of an equal value gives the same list).
    const a = list.map((x) => Math.abs(x.value)).sort((x, y) => x - y);
    const mid = Math.floor((a.length - 1) / 2);
    for (const o of list) {
      const v = Math.abs(o.value);
      let lo = 0;
      let hi = a.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (a[m]! < v) lo = m + 1;
        else hi = m;
      }
      const median = mid < lo ? a[mid]! : a[mid + 1]!;
      if (median >= 10 && v > 0 && Math.max(v / median, median / v) >= OUT_OF_SCALE_FACTOR) out.add(o);
    }
  }
  return out;
}

/** What a unit counts, with its period set aside: `person/month` → `person`, `person_day/year` → `day`. */
function unitDimension(unit: string): string {
  const base = unit.replace(/\/(?:month|year)$/u, '');
  if (base === 'person_day') return 'day';
  if (base === 'place') return 'facility';
  if (base === 'session') return 'time';
  return base;
}

/** What a measure word counts (`利用者数` → person, `実施回数` → time, `延べ利用時間` → hour, `割合` → percent), or null. */
export function measureDimension(measure: string): string | null {
  const c = compact(measure.normalize('NFKC'));
  if (/時間数?$/u.test(c)) return 'hour';
  if (/日数$/u.test(c)) return 'day';
  const unit = unitFromLabel(c);
  return unit === null ? null : unitDimension(unit);
}

/**
 * Whether an observation's unit counts something else than its measure word says (`unit:contradicts-measure`):
 * `実施回数` in persons, `利用者数` in hours, `箇所数` in 人/月, a rate (`割合`, `…率`) in a count. A rate of a count
 * (`利用者数` in percent: an achievement rate or a share of it) is no contradiction. One of the two was read from the
 * wrong place — a unit of another row or column, a measure of a neighbouring cell.
 */
export function unitContradictsMeasure(o: Pick<Observation, 'unit' | 'measure'>): boolean {
  if (!o.unit || !o.measure) return false;
  const measure = measureDimension(o.measure);
  if (measure === null) return false;
  const unit = unitDimension(o.unit);
  // (a percent or a ratio may be of any count; anything else must count what the measure counts)
  return unit !== measure && unit !== 'percent' && unit !== 'ratio';
}

/**
 * Whether a label holds, after its first word, a word of its own that is a kind word, a unit's letter allowed after it
 * (`ペアレントトレーニング受講者数 計画人`, `… 実績`, `… 差人`): the row label took the cell of a kind column (a
 * row of kinds under each name), so the kind of the value was not read from it. A name holding a kind word inside a
 * word (`計画相談支援`, `成果目標と実績`) is not such a word.
 */
export function kindWordInLabel(label: string): boolean {
  return label
    .normalize('NFKC')
    .split(/\s+/u)
    .slice(1)
    .some((w) => !!w && (kindOfWord(w) !== null || kindOfWord(w.replace(UNIT_LETTER_AT_END, '')) !== null));
}
/** One letter of a unit closing a word (`計画人`, `実績件`). */
const UNIT_LETTER_AT_END = /[人件回日%]$/u;

/**
 * Whether a kind defaulted to a result is for a year after the first year of the plan period (see the feature). A
 * count at a date (`令和7年3月31日現在`, `令和6年10月`: `period_kind` date or month) is not: what was counted on a day
 * is a result whatever plan the document belongs to, and a review written during the period gives such counts for
 * its later years (184 of 185 right on tuned seeds 9, 11, 13 and 21, against 40 of 71 for a fiscal year's).
 */
export function defaultResultAfterPeriodStart(
  o: Pick<Observation, 'plan' | 'plan_period' | 'fiscal_year' | 'rules'> & Partial<Pick<Observation, 'period_kind'>>,
): boolean {
  if (o.period_kind === 'date' || o.period_kind === 'month') return false;
  // (only a plan the document names: a period inferred from the years of its tables says nothing of when it was written)
  const period = o.plan === null ? null : /^(\d{4})-(\d{4})$/u.exec(o.plan_period ?? '');
  return (
    !!period && o.fiscal_year !== null && o.fiscal_year > Number(period[1]) && o.rules.some((r) => DEFAULT_KIND.has(r))
  );
}

/** How many years before its plan's period a plan or a target may be (the previous period's, reviewed). */
export const PLAN_YEARS_BEFORE_PERIOD = 3;
/**
 * Whether a plan or a target is for a year long before the period of the plan the document belongs to
 * (`year:plan-long-past`: a 令和8年度 document's 計画 for 平成27年度): a plan is written for the years ahead, and a
 * review sets the previous period's plans (up to `PLAN_YEARS_BEFORE_PERIOD` years before) beside its results, no
 * older. Such a year or kind was read from the wrong place (a year of another column, an era read wrongly).
 */
export function planLongPast(o: Pick<Observation, 'plan_period' | 'value_kind' | 'fiscal_year'>): boolean {
  const period = /^(\d{4})-(\d{4})$/u.exec(o.plan_period ?? '');
  if (!period || o.fiscal_year === null || (o.value_kind !== 'plan' && o.value_kind !== 'target')) return false;
  return o.fiscal_year < Number(period[1]) - PLAN_YEARS_BEFORE_PERIOD;
}

function shareFeatures(prefix: string, s: Shares | undefined): string[] {
  if (!s) return [];
  const f: string[] = [];
  if (s.yearless > 0.3) f.push(`${prefix}:yearless`);
  else if (s.yearless > 0) f.push(`${prefix}:some-yearless`);
  if (s.unitless > 0.3) f.push(`${prefix}:unitless`);
  if (s.defaultKind > 0.3) f.push(`${prefix}:default-kind`);
  if (s.collides > 0.3) f.push(`${prefix}:collisions`);
  if (s.n < 5) f.push(`${prefix}:few`);
  return f;
}

const repeatedRowsOf = new WeakMap<TableFacts, Set<number>>();
/**
 * The rows of a table that repeat an earlier row of it cell for cell, numbers included (`table:repeated-row`): the
 * table was read twice and joined to its own copy (two renderings of one table on a page, a copy pasted twice), so
 * the later copy states nothing new and its labels, years and kinds were read from a structure that is not the
 * table's. Only rows with two numbers or more count (a row of one value or of marks repeats by chance).
 */
export function repeatedRows(table: TableFacts): Set<number> {
  let out = repeatedRowsOf.get(table);
  if (out) return out;
  out = new Set();
  const rows = new Map<number, { col: number; text: string }[]>();
  for (const c of table.cells ?? []) {
    const list = rows.get(c.row) ?? [];
    list.push({ col: c.col, text: c.text.trim() });
    rows.set(c.row, list);
  }
  const seen = new Set<string>();
  for (const [row, cells] of [...rows].sort((a, b) => a[0] - b[0])) {
    if (cells.filter((c) => /[0-9０-９]/u.test(c.text)).length < 2) continue;
    const key = cells
      .sort((a, b) => a.col - b.col)
      .map((c) => `${c.col}:${c.text}`)
      .join('\t');
    if (seen.has(key)) out.add(row);
    else seen.add(key);
  }
  repeatedRowsOf.set(table, out);
  return out;
}

/**
 * Whether a label ends in a compound of kind words that reads as no kind (`計画値実績`, `目標実績`: `kindOfWord` reads
 * two kinds' headers glued together as none), after a name (the compound is not the whole label).
 */
export function gluedKindsAtEnd(label: string): boolean {
  const text = label.normalize('NFKC').replace(/\s+/gu, '');
  const tail = KIND_COMPOUND_AT_END.exec(text)?.[0];
  return !!tail && tail.length < text.length && kindOfWord(tail) === null;
}

const OPENING_BRACKETS = '(（[［「【〔';
const CLOSING_BRACKETS = ')）]］」】〕';
/** Whether a text opens more brackets than it closes, or closes one it never opened. */
export function unbalancedBrackets(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (OPENING_BRACKETS.includes(ch)) depth++;
    else if (CLOSING_BRACKETS.includes(ch) && --depth < 0) return true;
  }
  return depth !== 0;
}
/** A label ending in one kanji or kana alone after a space (`延べ利用件 数`). */
const BROKEN_WORD_AT_END = /\s[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/**
 * The features of one observation: its evidence, as names. `seen` (the model's) makes `novel:rule` and `novel:pair`:
 * a path of rules the calibration did not measure on enough documents.
 */
export function confidenceFeatures(
  o: Observation,
  table?: TableFacts,
  context?: ConfidenceContext,
  seen?: { rules: ReadonlySet<string>; pairs: ReadonlySet<string> },
): string[] {
  const f = [`reader:${o.reader ?? (o.table_index === null ? 'prose' : 'table')}`, `kind:${o.value_kind}`];
  if (table && o.reader !== 'prose') f.push(`method:${table.method}`, qualityBucket(table.quality.score));
  for (const r of new Set(o.rules)) f.push(`rule:${r}`);
  if (o.warnings.length) f.push('warnings');
  if (o.fiscal_year === null) f.push('year:none');
  if (o.unit === null) f.push('unit:none');
  if (o.municipality_code === null) f.push('city:none');
  if (o.indicator_id) f.push('catalog');
  const label = [...o.indicator_label];
  if (label.length > 30) f.push('label:long');
  if (label.length < 2) f.push('label:short');
  // (a label holding a number — a target written beside the name, a year, a value the split left in it — is where a
  // cell was cut in the wrong place: such labels are right about 3 times in 4 against 24 in 25 for the others)
  if (/[0-9０-９]/u.test(o.indicator_label)) f.push('label:number');
  // (a label whose brackets do not close — `居宅介護 ○○計画 ( 第2回…` — was cut inside a bracket or ran into the words
  // around the table; one ending in a lone character after a space — `延べ利用件 数` — holds a word broken across two
  // cells or a stray word of the page: the label is not a name the table wrote in one cell)
  if (unbalancedBrackets(o.indicator_label)) f.push('label:open-bracket');
  if (BROKEN_WORD_AT_END.test(o.indicator_label)) f.push('label:broken-word');
  // (a label ending in kind words of two kinds glued together — `…の受講者数 計画値実績` — holds the table's header
  // row of kinds: the kinds were not parsed from it, so which of the two this value is was not read)
  if (gluedKindsAtEnd(o.indicator_label)) f.push('label:glued-kinds');
  // (a table value whose label came from a heading above the table and whose kind nothing stated: the table itself
  // names neither what its numbers are nor which kind — a list of years and counts under a title)
  if (o.reader !== 'prose' && o.rules.includes('label.heading') && o.rules.some((r) => DEFAULT_KIND.has(r)))
    f.push('label:heading+kind:default');
  if (o.qualifier) f.push('qualifier');
  if (table && o.row !== null && repeatedRows(table).has(o.row)) f.push('table:repeated-row');
  // (a column under a header group drawn one column off the years or kinds under it: its label is a neighbour's)
  if (table && o.reader !== 'prose' && o.col !== null && o.row !== null && o.row >= (table.headerRows ?? 0))
    if (headerMisfitColumns(table).has(o.col)) f.push('header:span-misfit');
  if (seen) {
    const { rules, pairs } = rulePairs(o);
    if (rules.some((r) => !seen.rules.has(r))) f.push('novel:rule');
    if (pairs.some((p) => !seen.pairs.has(p))) f.push('novel:pair');
  }
  if (unitContradictsMeasure(o)) f.push('unit:contradicts-measure');
  if (planLongPast(o)) f.push('year:plan-long-past');
  // (a kind nothing stated, defaulted to a result, for a year after the first of the document's plan period: when the
  // plan is written, or reviewed during its period, the later years have no results yet — more likely plans or
  // estimates whose kind the table wrote where the reading did not look)
  if (defaultResultAfterPeriodStart(o)) f.push('kind:default-after-period-start');
  if (o.reader !== 'prose' && kindWordInLabel(o.indicator_label)) f.push('label:kind-word');
  if (context) {
    if (context.collides.has(o)) f.push('collides');
    if (context.outOfScale?.has(o)) f.push('value:out-of-scale');
    if (context.unsupportedRates?.has(o)) f.push('rate:unsupported');
    if (context.arithmetic?.has(o)) f.push('arith:fails');
    f.push(...shareFeatures('table', context.table.get(o.reader === 'prose' ? null : o.table_index)));
    f.push(...shareFeatures('document', context.document));
  }
  return f;
}

/** The model's score (probability before calibration) of an observation with these features. */
export function modelScore(features: readonly string[], model: ConfidenceModel): number {
  let z = model.intercept;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The measured precision of a model score, through the isotonic map; 0.9 and above only for precision ≥ 0.99. */
export function calibrate(score: number, model: ConfidenceModel): number {
  const cal = model.calibration;
  if (cal.length === 0) return score;
  let p = cal[0]![1];
  for (const [s, precision] of cal) {
    if (score + 1e-12 < s) break;
    p = precision;
  }
  const reserved = p >= 0.9 && p < 0.99 ? 0.89 : p;
  return Math.round(reserved * 1000) / 1000;
}

/**
 * The highest confidence of a number whose evidence the calibration could not vouch for: read by a rule, or two rules
 * together, that decided observations in fewer than `SEEN_DOCUMENTS` documents of the fitting corpus (`novel:rule`,
 * `novel:pair`: the precision of that path was never measured), or stating a fact another observation of the
 * document gives another value (`collides`: one of the two is wrong). Below the top band, whose promise (99 right in
 * 100) is a measurement.
 */
export const UNVOUCHED_CONFIDENCE_CEILING = 0.89;
/**
 * Evidence that keeps a number out of the top band, whatever else the model weighs: a path the calibration never
 * measured (`novel:*`), a fact read with two values (`collides`), and evidence found over-trusted on documents unlike
 * the tuned ones (the fixtures and tuned corpus documents rewritten as linearized text; docs/confidence.md, "Evidence kept
 * out of the top band"): no municipality (`city:none`: the fact is incomplete, and no document the model was measured
 * on lacks one), a number read from a sentence (`reader:prose`: its year, kind and label come from the words around
 * it; right 0.98–0.99 on the corpus and fixtures, 0.56 on linearized text), a label cut inside a bracket or ending in a
 * broken word, a table value whose label is a heading and whose kind was defaulted, a row repeating an earlier
 * row of its table cell for cell (the table joined to its own copy), a label ending in the kind words of two kinds
 * (a header row of kinds left in it), and a document whose readings disagree with each other
 * (`document:collisions`: more than 3 in 10 of its observations state a fact another gives another value).
 */
/**
 * Evidence that the reading contradicts itself, found by listing the confidently and the nearly confident wrong numbers
 * of documents unlike the tuned ones (docs/confidence.md, "Contradictions"): each puts a warning on the number (so it
 * is at most 0.5, what such numbers were measured right at: 0.0–0.3) and keeps it out of the top band. The warning
 * says which evidence.
 */
export const CONTRADICTIONS = new Map<string, (o: Observation) => string>([
  [
    'unit:contradicts-measure',
    (o) => `unit ${o.unit} contradicts the measure ${o.measure}: one of them was read from elsewhere`,
  ],
  [
    'year:plan-long-past',
    (o) =>
      `a ${o.value_kind} for fiscal year ${o.fiscal_year}, long before the plan period ${o.plan_period}: the year, the kind or the plan period was misread`,
  ],
  [
    'value:out-of-scale',
    () => `value out of scale with the other values of its row (x${OUT_OF_SCALE_FACTOR} or more): cut or read wrongly?`,
  ],
]);

const UNVOUCHED = new Set([
  'novel:rule',
  'novel:pair',
  'collides',
  'city:none',
  'reader:prose',
  'label:open-bracket',
  'label:broken-word',
  'label:heading+kind:default',
  'table:repeated-row',
  'label:glued-kinds',
  'document:collisions',
  'rate:unsupported',
  'kind:default-after-period-start',
  'label:kind-word',
  'arith:fails',
  'header:span-misfit',
  ...CONTRADICTIONS.keys(),
]);

/** The confidence of an observation with these features: the calibrated score, under the ceiling of evidence not vouched for. */
export function confidenceOf(features: readonly string[], model: ConfidenceModel): number {
  const c = calibrate(modelScore(features, model), model);
  return features.some((f) => UNVOUCHED.has(f)) ? Math.min(c, UNVOUCHED_CONFIDENCE_CEILING) : c;
}

/**
 * A page whose words the engine read with a mean confidence under this is a poor reading (measured on the scanned
 * twins: pages of a 300 dpi scan read at 0.76–0.85; the 150 dpi twin at 0.41–0.52, and its numbers in the 0.7–0.9
 * band were right 2 times in 3): each of its numbers is warned and at most `POOR_OCR_PAGE_CAP`.
 */
export const POOR_OCR_PAGE = 0.65;
/** The highest confidence of a number of such a page. */
export const POOR_OCR_PAGE_CAP = 0.45;

/**
 * The warning of each number of a page OCR read poorly (`ocrPages`: page → mean word confidence), given before
 * confidence is assigned.
 */
export function warnPoorOcrPages(observations: Observation[], ocrPages: ReadonlyMap<number, number>): void {
  for (const o of observations) {
    const mean = o.page === null ? undefined : ocrPages.get(o.page);
    if (mean !== undefined && mean < POOR_OCR_PAGE)
      o.warnings.push(`OCR: page ${o.page} read with a mean word confidence of ${mean} (a poor scan)`);
  }
}

/** The highest confidence a number read by OCR may have: below the top band (`≥ 0.9`), until OCR'd documents with
 * known truth are in the calibration and earn it. */
export const OCR_CONFIDENCE_CEILING = 0.89;

/**
 * Set every observation's confidence from its evidence; an observation with warnings (a failed self-check, a year
 * not stated) never above 0.5.
 */
export function assignConfidence(
  observations: Observation[],
  tables: ReadonlyMap<number, TableFacts>,
  model: ConfidenceModel,
  ocrPages: ReadonlyMap<number, number> = new Map(),
): void {
  const context = confidenceContext(observations);
  const seen = model.seen && { rules: new Set(model.seen.rules), pairs: new Set(model.seen.pairs) };
  // (whether a table was read by OCR, once per table: its cells are not scanned again for each of its numbers)
  const ocrTables = new Set([...tables].filter(([, t]) => isOcrTable(t)).map(([i]) => i));
  for (const o of observations) {
    const table = o.table_index === null ? undefined : tables.get(o.table_index);
    const features = confidenceFeatures(o, table, context, seen);
    // (a reading that contradicts itself is warned, before the warnings cap it; a new array: callers may share one)
    const contradictions = features.flatMap((f) => CONTRADICTIONS.get(f)?.(o) ?? []);
    if (contradictions.length) o.warnings = [...o.warnings, ...contradictions.filter((w) => !o.warnings.includes(w))];
    let c = confidenceOf(features, model);
    // (a number read by OCR is never surer than the words it was read from: the reader's cap, the lowest confidence
    // of its cell, row label and column header, stands; and never in the top band, which promises 99 right in 100:
    // no OCR'd table is in the documents the model was calibrated on)
    if (o.table_index !== null && ocrTables.has(o.table_index)) c = Math.min(c, o.confidence, OCR_CONFIDENCE_CEILING);
    // (a number of a sentence on an OCR'd page: under the same ceiling)
    else if (o.page !== null && ocrPages.has(o.page)) c = Math.min(c, OCR_CONFIDENCE_CEILING);
    // (a poor page's numbers under the 0.5 band: 2 in 3 right is what the band under 0.5 holds)
    const mean = o.page === null ? undefined : ocrPages.get(o.page);
    if (mean !== undefined && mean < POOR_OCR_PAGE) c = Math.min(c, POOR_OCR_PAGE_CAP);
    o.confidence = o.warnings.length ? Math.min(c, 0.5) : c;
  }
}
