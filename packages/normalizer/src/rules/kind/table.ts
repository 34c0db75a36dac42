/** Kind rules of tables: plan, estimate, actual, target, baseline, deviation or rate. Stages `kind`, `kind-final`. */
import type { Quantity, ValueKind } from '@shiryo/model';
import {
  BOUND_CAPTION_PATTERN,
  BOUND_CAPTION_WORDS,
  KIND_PAIR_SPLIT,
  OUTLOOK_KIND_PATTERN,
  YEAR_ON_YEAR_PATTERN,
} from '@shiryo/model';
import { letterDifference } from '../../labels.js';
import { dataValue, normalized, type Piece, pickPeriod, readPiece } from '../../table/pieces.js';
import { rule } from '../engine.js';
import type { CellContext } from '../table-context.js';

export const columnKind = rule<CellContext>({
  id: 'kind.column',
  family: 'kind',
  stage: 'kind',
  priority: 10,
  summary: "The kind word of the column's headers, the lowest that has one (`計画 | 実績` under `令和5年度`).",
  applies: (x) => !!x.colKind,
  apply(x) {
    x.kind = x.colKind;
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t令和5年度計画\t令和5年度実績\n自立訓練（人/月）\t8\t6\n',
      expect: { value_kind: 'actual', value: 6, fiscal_year: 2023 },
    },
    {
      // a compound kind word after the year, read whole by its stems (family "kind written as a compound")
      name: 'example.tsv',
      text: '区分\t令和6年度 実績値（見込）\n短期入所（人日/月）\t75\n',
      expect: { value_kind: 'estimate', value: 75, fiscal_year: 2024, label: '短期入所' },
    },
  ],
});

/** The columns a lettered difference header (`(A)-(B)`) names, when each letter tags a column of the table. */
export function differencedColumns(x: CellContext): [number, number] | null {
  const leaf = x.cols.at(-1);
  const letters = leaf ? letterDifference(leaf.text) : null;
  if (!letters) return null;
  const tagged = (letter: string) =>
    x.L.colPieces.findIndex(
      (ps, j) => j !== x.c && ps.some((p) => new RegExp(`[(（]${letter}[)）]\\s*$`, 'u').test(normalized(p.text))),
    );
  const [a, b] = letters.map(tagged) as [number, number];
  return a >= 0 && b >= 0 ? [a, b] : null;
}

export const letterDifferenceColumn = rule<CellContext>({
  id: 'kind.letter-difference-column',
  family: 'kind',
  stage: 'kind',
  priority: 12,
  summary:
    'Family "lettered columns and their difference" (a settlement analysis: `増減率(%)(A) | 類似団体平均 | 増減率(%)(B) | (A)-(B)`): a column headed by a difference of two columns\' letters is a `deviation` — the gap between them (its unit is theirs: unit.letter-difference-column).',
  applies: (x) => x.kind !== 'deviation' && differencedColumns(x) !== null,
  apply(x) {
    x.kind = 'deviation';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '## 合計特殊出生率の推移\n\n年度\t本団体(A)\t県平均(B)\t(A)-(B)\n令和3年度\t1.52\t1.40\t0.12\n',
      expect: { label: '合計特殊出生率', value_kind: 'deviation', value: 0.12, fiscal_year: 2021 },
    },
  ],
});

export const rowKind = rule<CellContext>({
  id: 'kind.row',
  family: 'kind',
  stage: 'kind',
  priority: 20,
  summary: "In a column that names no kind, the kind word of the row's stubs (`目標値 | 12`, `実績 | 9`).",
  applies: (x) => !x.colKind && !!x.rowKind,
  apply(x) {
    x.kind = x.rowKind;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '地域移行支援\t区分\t令和4年度\t令和5年度\n利用者数（人/月）\t見込\t3\t4\n\t実績\t1\t2\n',
      expect: { value_kind: 'actual', value: 2, fiscal_year: 2023 },
    },
  ],
});

export const rowWordBeatsColumn = rule<CellContext>({
  id: 'kind.row-word-beats-column',
  family: 'kind',
  stage: 'kind',
  priority: 30,
  summary:
    'A row that is a kind word alone saying the value is a target, a base, a difference or a rate beats a plan or result column: a `目標値` or `差` row in a `令和5年度（見込）` column is no estimate of a result.',
  applies: (x) =>
    (x.colKind === 'plan' || x.colKind === 'actual') &&
    !x.kindStub?.label &&
    (x.rowKind === 'target' ||
      x.rowKind === 'deviation' ||
      x.rowKind === 'baseline' ||
      x.rowKind === 'achievement_rate'),
  apply(x) {
    x.kind = x.rowKind;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '地域生活移行者数\t令和4年度実績\t令和5年度実績\n実数（人）\t2\t3\n目標値\t4\t4\n差\t▲2\t▲1\n',
      expect: { value_kind: 'deviation', value: -1, fiscal_year: 2023 },
    },
  ],
});

/**
 * A year a header marks as expected rather than final (`令和7年度（実績見込）`, `R7（見込）`, `2025年度推計`): a year
 * with an outlook kind word and nothing else it counts.
 */
function expectedYear(p: Piece): boolean {
  return (
    p.period?.fiscalYear != null &&
    !p.label &&
    (p.kind === 'estimate' || (p.kind === 'plan' && OUTLOOK_KIND_PATTERN.test(p.text)))
  );
}

/** The one kind the other kind words over a cell name (not the expected year's), when it is a plan or a result. */
function crossingKind(x: CellContext): ValueKind | null {
  const pieces = [...x.cols, ...x.stubs];
  if (!pieces.some(expectedYear)) return null;
  const kinds = new Set(pieces.filter((p) => p.kind && !expectedYear(p)).map((p) => p.kind!));
  if (kinds.size !== 1) return null;
  const k = [...kinds][0]!;
  return k === 'actual' ? 'estimate' : k === 'plan' ? 'plan' : null;
}

export const expectedYearCrossingKind = rule<CellContext>({
  id: 'kind.expected-year-crossing-kind',
  family: 'kind',
  stage: 'kind',
  priority: 35,
  summary:
    'Family "a year marked as expected": a year header that says its figures are expected (`令和7年度（実績見込）`, `R7（見込）`) crossing a `計画 | 実績` header holds the plan of that year under 計画 and an estimate of its result (`estimate`, as `実績見込`) under 実績, whichever of the row or the column names the year.',
  applies: (x) => {
    if (x.kind !== 'plan' && x.kind !== 'actual' && x.kind !== 'estimate') return false;
    const k = crossingKind(x);
    return !!k && k !== x.kind;
  },
  apply(x) {
    x.kind = crossingKind(x);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '短期入所（人日/月）\t計画\t実績\nR5\t410\t398\nR6（見込）\t430\t441\n',
      expect: { value_kind: 'estimate', value: 441, fiscal_year: 2024 },
    },
    {
      name: 'example.tsv',
      text: '移動支援（時間/月）\t令和4年度\t令和5年度（見込み）\n計画\t520\t540\n実績\t498\t533\n',
      expect: { value_kind: 'estimate', value: 533, fiscal_year: 2023 },
    },
  ],
});

/** A mark after a cell's figure that it is expected (`205（見込）`, `210見込`, `1,300 実績見込み`). */
const CELL_EXPECTED_MARK = /\d\s*(?:[(（]\s*(?:実績)?見込み?値?\s*[)）]|(?:実績)?見込み?値?)\s*$/u;

export const cellExpectedMark = rule<CellContext>({
  id: 'kind.cell-expected-mark',
  family: 'kind',
  stage: 'kind',
  priority: 36,
  summary:
    'Family "見込 for the current year": a figure marked in its own cell as expected (`205（見込）`, `210見込`, `1,300 実績見込み`) under a results column, or under no kind, is an estimate of that year\'s result; under a plan column it stays the plan.',
  applies: (x) => (x.kind === 'actual' || x.kind === null) && CELL_EXPECTED_MARK.test(normalized(x.L.text(x.r, x.c))),
  apply(x) {
    x.kind = 'estimate';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '事業\t令和5年度\t令和6年度\n日中一時支援（人）\t41\t44（見込）\n',
      expect: { value_kind: 'estimate', value: 44, fiscal_year: 2024 },
    },
    {
      name: 'example.md',
      text: '| 事業 | 令和5年度実績 | 令和6年度実績 |\n| --- | --- | --- |\n| 訪問入浴（回/月） | 52 | 55見込 |\n',
      expect: { value_kind: 'estimate', value: 55, fiscal_year: 2024 },
    },
  ],
});

export const timePointRowIsBaseline = rule<CellContext>({
  id: 'kind.time-point-row-is-baseline',
  family: 'kind',
  stage: 'kind',
  priority: 40,
  summary:
    'A row that names a time point (`令和元年度末時点の入所者数`) read in a column that names neither period nor kind: the value at that point is the base of the comparison.',
  // (a year's leftover `（2030）` in `令和12年度（2030）` names no time point of a count)
  applies: (x) =>
    !x.kind && !pickPeriod(x.cols) && x.stubs.some((p) => p.period && /[^\d\s()（）]/u.test(p.label ?? '')),
  apply(x) {
    x.kind = 'baseline';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t数値\n令和4年度末時点の施設入所者数（人）\t64\n',
      expect: { value_kind: 'baseline', value: 64, fiscal_year: 2022 },
    },
  ],
});

/**
 * A year line of a table — a column's header, or a body row's label cells: its fiscal year, whether it names a time
 * point (`令和4年度末`, `令和5年3月31日現在`) or the year itself, and the kind it is marked with.
 */
interface YearLine {
  fy: number;
  point: 'fy' | 'fy_end' | 'date';
  kind: ValueKind | null;
}

const yearLinesOf = new WeakMap<object, { cols: YearLine[]; rows: YearLine[] }>();

/** The table's year lines, both ways (memoized per layout). */
function yearLines(x: CellContext): { cols: YearLine[]; rows: YearLine[] } {
  const L = x.L;
  const known = yearLinesOf.get(L);
  if (known) return known;
  const line = (ps: Piece[]): YearLine | null => {
    const p = pickPeriod(ps);
    if (p?.fiscalYear == null || (p.kind !== 'fy' && p.kind !== 'fy_end' && p.kind !== 'date')) return null;
    return { fy: p.fiscalYear, point: p.kind, kind: ps.find((q) => q.kind)?.kind ?? null };
  };
  const some = (l: YearLine | null): l is YearLine => l !== null;
  const out = {
    cols: L.colPieces.slice(L.stubCols).map(line).filter(some),
    rows: L.rowTexts
      .map((texts) =>
        line(
          texts
            .slice(0, L.stubCols)
            .filter(Boolean)
            .map((t) => readPiece(t, x.ctx.periods)),
        ),
      )
      .filter(some),
  };
  yearLinesOf.set(L, out);
  return out;
}

/** A line's year or time point (`令和4年度`, `令和4年度末`, `令和5年3月31日現在`): its fiscal year, if it names one. */
const timePointOf = (ps: Piece[]): number | null => {
  const p = pickPeriod(ps);
  return p && (p.kind === 'fy' || p.kind === 'fy_end' || p.kind === 'date') && p.fiscalYear != null
    ? p.fiscalYear
    : null;
};

/**
 * The lines (columns, or body rows when `rows`) a target line stands beside: the latest year of a line marked as a
 * target, and the years of the lines that name a year and no kind (null when no line is marked as a target).
 */
function besideTarget(x: CellContext, rows: boolean): { target: number; unmarked: number[] } | null {
  const lines = rows ? yearLines(x).rows : yearLines(x).cols;
  const targets = lines.filter((l) => l.kind === 'target').map((l) => l.fy);
  if (!targets.length) return null;
  return { target: Math.max(...targets), unmarked: lines.filter((l) => !l.kind).map((l) => l.fy) };
}

/**
 * A value in a line (its column, or its row when `rows`) naming a year and no kind, crossed by a line naming neither:
 * its year, else null.
 */
function unmarkedYearCell(x: CellContext, rows: boolean): number | null {
  const [own, across] = rows ? [x.stubs, x.cols] : [x.cols, x.stubs];
  return x.kind || across.some((p) => p.kind || p.period) || own.some((p) => p.kind) ? null : timePointOf(own);
}

/** Whether a cell's year stands before the target's term beside `n` (1: exactly one, 2: two or more) such lines. */
function beforeTargetTerm(x: CellContext, n: 1 | 2): boolean {
  return [false, true].some((rows) => {
    const at = unmarkedYearCell(x, rows);
    const beside = at == null ? null : besideTarget(x, rows);
    // (a year inside the target's own three-year term is one of the plan's years, neither a base nor a result)
    return (
      !!beside && at! <= beside.target - 3 && (n === 1 ? beside.unmarked.length === 1 : beside.unmarked.length >= 2)
    );
  });
}

export const timePointBesideTarget = rule<CellContext>({
  id: 'kind.time-point-beside-target',
  family: 'kind',
  stage: 'kind',
  priority: 41,
  summary:
    'Family "the base beside the target": in a table with a column (or a row) marked as a target (`令和8年度末 目標値`), the one column (row) that names a year before that target\'s three-year plan term and no kind (`令和4年度末時点`, `現状（令和4年度末）`, `令和4年度末の施設入所者数`) holds the value the target is measured from — a baseline, as the same time point written as a row is (`kind.time-point-row-is-baseline`); before, the caption\'s kind (`成果目標`) made it a target of a year before the plan began. Two or more such columns are a series of results and are left to the other rules.',
  applies: (x) => beforeTargetTerm(x, 1),
  apply(x) {
    x.kind = 'baseline';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '成果目標\n\n項目\t令和4年度末時点\t令和8年度末 目標値\n施設入所者数\t96人\t91人\n',
      expect: { value_kind: 'baseline', value: 96, fiscal_year: 2022 },
    },
    {
      name: 'example.tsv',
      text: '成果目標\n\n項目\t現状（令和4年度末）\t目標（令和8年度末）\n地域生活移行者数\t2人\t7人\n',
      expect: { value_kind: 'baseline', value: 2, fiscal_year: 2022 },
    },
  ],
});

export const resultsBeforeTargetTerm = rule<CellContext>({
  id: 'kind.results-before-target-term',
  family: 'kind',
  stage: 'kind',
  priority: 42,
  summary:
    'Family "results left unmarked before a marked target": in a table whose caption calls its figures targets (`成果目標の進捗`) and which marks one column (or row) as the target (`令和8年度末 目標`), two or more columns (rows) that name years before that target\'s three-year plan term and no kind (`令和3年度末 | 令和4年度末`) report what was done — results, not targets of years the plan had not yet begun (the caption\'s kind made them targets before). One such column is the base (`kind.time-point-beside-target`).',
  applies: (x) => x.ctx.kind === 'target' && beforeTargetTerm(x, 2),
  apply(x) {
    x.kind = 'actual';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '成果目標の進捗\n\n項目\t令和3年度末\t令和4年度末\t令和8年度末 目標\n一般就労移行者数\t14人\t16人\t22人\n',
      expect: { value_kind: 'actual', value: 16, fiscal_year: 2022 },
    },
  ],
});

export const unnamedColumnBesideKinds = rule<CellContext>({
  id: 'kind.unnamed-column-beside-kinds',
  family: 'kind',
  stage: 'kind',
  priority: 50,
  summary:
    "`項目 | 数値 | R1実績 | R2実績`: a value column that names neither period nor kind, beside columns that name a kind alone or with a year (`比較`, `R1実績`), holds the plan's own figure (a target on a `目標…` row) — in a settlement report or budget book, the book's own kind (the columns beside a settlement comparison's difference: results); a kind word inside another column's name (`… | 企業債現在高 | 一般会計等負担見込額`) says nothing of the others.",
  applies: (x) =>
    !x.kind &&
    // (in a budget book or settlement report such a column holds what the book's amounts are: kind.account-book)
    !x.ctx.accountKind &&
    !pickPeriod(x.cols) &&
    x.L.colPieces.some((ps) => ps.some((p) => p.kind && (!p.label || p.period))) &&
    x.cols.every((p) => !p.kind),
  apply(x) {
    x.kind = x.stubs.some((p) => /^目標/.test(p.label ?? '')) ? 'target' : 'plan';
    x.planColumn = true;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t数値\tR4実績\tR5実績\n目標 一般就労移行者数（人）\t15\t11\t13\n',
      expect: { value_kind: 'target', value: 15 },
    },
  ],
});

export const captionKind = rule<CellContext>({
  id: 'kind.caption',
  family: 'kind',
  stage: 'kind',
  priority: 60,
  summary: "A kind the table's caption or heading states (`【実績値】`, `…の目標`) for values no header gives one.",
  applies: (x) => !x.kind && !!x.ctx.kind,
  apply(x) {
    x.kind = x.ctx.kind;
  },
  examples: [
    {
      name: 'example.txt',
      text: '【実績値】\n\n区分\t令和4年度\t令和5年度\n行動援護（時間/月）\t120\t132\n',
      expect: { value_kind: 'actual', value: 132, fiscal_year: 2023 },
    },
    {
      name: 'example.txt',
      text: '令和7年度実績見込\n\n事業\t件数\n日常生活用具給付（件）\t286\n',
      expect: { value_kind: 'estimate', value: 286, fiscal_year: 2025 },
    },
  ],
});

/** The kind a note under the table gives the cell's year (see the rule below), or null. */
function noteYearKind(x: CellContext): ValueKind | null {
  if (!x.ctx.yearKinds) return null;
  const own = pickPeriod(x.cols) ?? pickPeriod(x.stubs);
  if (own?.fiscalYear == null || (own.kind !== 'fy' && own.kind !== 'fy_end' && own.kind !== 'date')) return null;
  return x.ctx.yearKinds.find((s) => own.fiscalYear! >= s.from && own.fiscalYear! <= s.to)?.kind ?? null;
}

export const noteYearKinds = rule<CellContext>({
  id: 'kind.note-year-kinds',
  family: 'kind',
  stage: 'kind',
  priority: 58,
  summary:
    'Family "which years are results, said in a note": a `※` note under the table that names spans of its years and what their figures are (`※令和３年度から令和５年度は各年９月末現在の実績、令和６年度以降は推計値です。`, `※令和5年度は見込み`) gives each value of those years, that no header gives a kind, that kind — before a caption\'s kind (`…の見込み` over the whole table).',
  applies: (x) => !x.kind && !!noteYearKind(x),
  apply(x) {
    x.kind = noteYearKind(x);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '要介護認定者数の見込み\n\n区分\t令和4年度\t令和5年度\t令和6年度\n認定者数（人）\t6,210\t6,380\t6,540\n※令和4年度から令和5年度は各年10月1日現在の実績、令和6年度以降は推計値\n',
      expect: { value_kind: 'actual', value: 6380, fiscal_year: 2023 },
    },
    {
      name: 'example.tsv',
      text: '要介護認定者数の見込み\n\n区分\t令和4年度\t令和5年度\t令和6年度\n認定者数（人）\t6,210\t6,380\t6,540\n※令和4年度から令和5年度は各年10月1日現在の実績、令和6年度以降は推計値\n',
      expect: { value_kind: 'plan', value: 6540, fiscal_year: 2024 },
    },
  ],
});

const MARKED_LINE_KINDS = new Set<ValueKind>(['actual', 'estimate', 'plan']);

/** The cell's year is left unmarked after years the same table marks as results or 見込 (see the rule below). */
function unmarkedYearAfterResults(x: CellContext): boolean {
  const colYear = pickPeriod(x.cols);
  const rowYear = pickPeriod(x.stubs);
  const own = colYear?.fiscalYear != null ? colYear : rowYear?.fiscalYear != null ? rowYear : null;
  if (!own || (own.kind !== 'fy' && own.kind !== 'fy_end')) return false;
  const lines = (own === colYear ? yearLines(x).cols : yearLines(x).rows).filter((l) => l.point !== 'date');
  const marked = lines.filter((l) => l.kind);
  return (
    marked.length > 0 &&
    marked.every((l) => MARKED_LINE_KINDS.has(l.kind!) && l.fy < own.fiscalYear!) &&
    lines.some((l) => !l.kind && l.fy === own.fiscalYear)
  );
}

export const unmarkedYearsAfterResults = rule<CellContext>({
  id: 'kind.unmarked-years-after-results',
  family: 'kind',
  stage: 'kind',
  priority: 65,
  summary:
    'Family "plan years left unmarked after marked results": a table whose earlier years say what they are (`令和３年度（実績）`, `R4実績`, `令和５年度（見込）`) and whose later years say nothing (`令和６年度`, `R7`) — years as rows or as columns — lists the plan\'s figures for those later years: a value of a year after every marked one (each a result, an estimate or 見込), when no header or caption gives it a kind, is a `plan`, not a result (a year after the current year’s 見込 has no result yet).',
  applies: (x) => !x.kind && unmarkedYearAfterResults(x),
  apply(x) {
    x.kind = 'plan';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '年度\t行動援護（時間／月）\n令和4年度（実績）\t410\n令和5年度（見込）\t430\n令和6年度\t450\n',
      expect: { value_kind: 'plan', value: 450, fiscal_year: 2024 },
    },
    {
      name: 'example.tsv',
      text: '区分\tR4実績\tR5見込\tR6\tR7\n行動援護（時間／月）\t410\t430\t450\t470\n',
      expect: { value_kind: 'plan', value: 470, fiscal_year: 2025 },
    },
  ],
});

/** The bound a table's caption or heading says its amounts are (`…補助（上限）` → lte), else null. */
function captionBound(x: CellContext): 'lte' | 'gte' | null {
  // (the heading drops a caption's closing bracket: the innermost heading of the section path keeps it)
  const caption = (x.ctx.section ?? '').split(' > ').pop() ?? '';
  const m = BOUND_CAPTION_PATTERN.exec(caption.normalize('NFKC').trim());
  const word = (m?.[1] ?? m?.[2]) as keyof typeof BOUND_CAPTION_WORDS | undefined;
  return word ? BOUND_CAPTION_WORDS[word] : null;
}

const BOUND_EXAMPLE =
  '介護施設等整備の補助単価\n\n市施設整備費補助（上限）\n\n施設種別\t金額\t単位\n地域密着型特別養護老人ホーム\t4,480,000円\t1床当り\n看護小規模多機能型居宅介護事業所\t33,600,000円\t1施設当り\n';

export const boundCaptionKind = rule<CellContext>({
  id: 'kind.bound-caption',
  family: 'kind',
  stage: 'kind',
  priority: 55,
  summary:
    'Family "caps and floors": a table whose caption says its amounts are upper (or lower) limits (`神戸市施設整備費補助（上限）`, `補助上限額`) lists what a body sets for the awards to come: each amount no header gives a kind is a `plan` (not a result).',
  applies: (x) => !x.kind && captionBound(x) !== null,
  apply(x) {
    x.kind = 'plan';
  },
  examples: [{ name: 'example.txt', text: BOUND_EXAMPLE, expect: { value_kind: 'plan', value: 33600000 } }],
});

export const boundCaptionQualifier = rule<CellContext>({
  id: 'kind.bound-caption-qualifier',
  family: 'kind',
  stage: 'value',
  priority: 30,
  summary:
    'Family "caps and floors": each amount of a table captioned as upper limits (`…（上限）`) may not be exceeded — qualifier `lte`; `（下限）` gives `gte` — unless the cell states its own bound (`以上`).',
  applies: (x) => !!x.value && !x.value.qualifier && captionBound(x) !== null,
  apply(x) {
    x.value = { ...x.value!, qualifier: captionBound(x)! };
  },
  examples: [{ name: 'example.txt', text: BOUND_EXAMPLE, expect: { qualifier: 'lte', value: 4480000, unit: 'yen' } }],
});

export const accountBookKind = rule<CellContext>({
  id: 'kind.account-book',
  family: 'kind',
  stage: 'kind-final',
  priority: 5,
  summary:
    "Budget books and settlement reports: an amount no header gives a kind (a 節's 金額, a 説明 line) is what the book's amounts are — a budget book's plan (`令和6年度 一般会計予算書`, or tables of `本年度予算額` columns), a settlement report's result.",
  applies: (x) => !x.kind && !!x.ctx.accountKind,
  apply(x) {
    x.kind = x.ctx.accountKind;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '令和7年度 下水道事業特別会計予算に関する説明書\n\n（単位：千円）\n\n節\t金額\n委託料\t2,450\n',
      expect: { value_kind: 'plan', value: 2450000, fiscal_year: 2025 },
    },
  ],
});

export const defaultActual = rule<CellContext>({
  id: 'kind.default-actual',
  family: 'kind',
  stage: 'kind-final',
  priority: 10,
  summary: 'A value nothing gives a kind is read as a result (`actual`), with less confidence.',
  applies: (x) => !x.kind,
  apply(x) {
    x.kind = 'actual';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '区分\t令和4年度\t令和5年度\n同行援護（時間/月）\t88\t91\n',
      expect: { value_kind: 'actual', value: 91 },
    },
  ],
});

export const yearOnYearPercentIsLevel = rule<CellContext>({
  id: 'kind.year-on-year-percent-is-level',
  family: 'kind',
  stage: 'kind-final',
  priority: 20,
  summary:
    '`前年度比（％）` 104.2: a ratio to last year in percent is a level of this year, not a difference (a signed `前年比 ▲16` is one).',
  applies: (x) =>
    x.kind === 'deviation' &&
    x.unit === 'percent' &&
    [...x.cols, ...x.stubs].some((p) => YEAR_ON_YEAR_PATTERN.test(p.text) && p.unit === 'percent') &&
    !/^[▲△+＋\-−－]/u.test(x.L.text(x.r, x.c).trim()),
  apply(x) {
    x.kind = 'actual';
  },
  examples: [
    {
      name: 'example.tsv',
      text: '項目\t令和5年度\t前年度比（％）\n相談件数（件）\t1,204\t104.2\n',
      expect: { value_kind: 'actual', value: 104.2 },
    },
  ],
});

/** The kinds the header over a cell pairs (`計画|実績`): the column's lowest header naming a kind, else the row's. */
function pairedKinds(x: CellContext): ValueKind[] | null {
  const col = [...x.cols].reverse().find((p) => p.kind || p.kinds);
  if (col) return col.kinds ?? null;
  return [...x.stubs].reverse().find((p) => p.kind || p.kinds)?.kinds ?? null;
}

/** The values of a cell split at its pair marks, one part per kind (null when a part is no number or missing). */
function pairedValues(x: CellContext, kinds: ValueKind[]): { values: Quantity[]; kinds: ValueKind[] } | null {
  const parts = normalized(x.L.text(x.r, x.c)).trim().split(KIND_PAIR_SPLIT);
  if (parts.length !== kinds.length) return null;
  const out: { values: Quantity[]; kinds: ValueKind[] } = { values: [], kinds: [] };
  for (const [i, part] of parts.entries()) {
    const d = dataValue(part);
    if (!d) return null;
    if (d.missing) continue;
    if (d.quantities.length !== 1) return null;
    out.values.push(d.quantities[0]!);
    out.kinds.push(kinds[i]!);
  }
  return out.values.length ? out : null;
}

export const pairedKindsCell = rule<CellContext>({
  id: 'kind.paired-kinds-cell',
  family: 'kind',
  stage: 'values',
  priority: 15,
  summary:
    'Family "paired kinds in one cell": under a header of kind words joined by a pair mark (`計画|実績値`, `見込／実績`), a cell of values joined by the same mark (`557 | 598`) holds one value of each kind, in order; a part written as missing (`12 | －`) is no value.',
  applies: (x) => {
    const kinds = pairedKinds(x);
    return !!kinds && KIND_PAIR_SPLIT.test(normalized(x.L.text(x.r, x.c))) && !!pairedValues(x, kinds);
  },
  apply(x) {
    const paired = pairedValues(x, pairedKinds(x)!)!;
    x.values = paired.values;
    x.valueKinds = paired.kinds;
    x.itemLabels = paired.values.map(() => null);
  },
  examples: [
    {
      name: 'example.md',
      text: '| 事業 | 年度 | 見込/実績 |\n| --- | --- | --- |\n| 移動支援（時間/月） | 令和4年度 | 410 / 388 |\n',
      expect: { value_kind: 'actual', value: 388, fiscal_year: 2022 },
    },
    {
      name: 'example.md',
      text: '| 事業 | 令和5年度<br>（計画値\\|実績） |\n| --- | --- |\n| 日中一時支援（人） | 48 \\| 52 |\n',
      expect: { value_kind: 'plan', value: 48, fiscal_year: 2023 },
    },
  ],
});

/** `3（前年比+1）`, `42（前年度比▲4人）`, `120 (対前年 -5)`: a value and its signed change from the year before. */
const CHANGE_BESIDE =
  /^\s*[▲△+\-−]?\s*[0-9][0-9,.]*\s*[^\s0-9()（）]{0,3}\s*[(（]\s*(?:対\s*)?前(?:年度?|年同期|期|回)\s*(?:比|差|比較)?\s*[:：]?\s*[+\-−▲△]\s*[0-9][0-9,.]*\s*[^\s0-9()（）%％]{0,3}\s*[)）]\s*$/u;

export const changeBesideValue = rule<CellContext>({
  id: 'kind.change-beside-value',
  family: 'kind',
  stage: 'values',
  priority: 16,
  summary:
    "Family \"a bracket beside a value that is not a part\": a signed change from the year before written in brackets after a cell's value (`3（前年比+1）`, `42（前年度比▲4人）`) is a `deviation` of the cell's year, not a second value of the cell's kind (as `（前年度比▲4人）` is in a sentence).",
  applies: (x) =>
    x.values.length === 2 && x.valueKinds.length === 0 && CHANGE_BESIDE.test(normalized(x.L.text(x.r, x.c))),
  apply(x) {
    x.valueKinds = [null, 'deviation'];
  },
  examples: [
    {
      name: 'example.tsv',
      text: '区分\t令和5年度\t令和6年度\n地域移行支援（人/月）\t4\t6（前年比+2）\n',
      expect: { value_kind: 'deviation', value: 2, fiscal_year: 2024 },
    },
  ],
});

export const TABLE_KIND_RULES = [
  accountBookKind,
  columnKind,
  letterDifferenceColumn,
  rowKind,
  rowWordBeatsColumn,
  expectedYearCrossingKind,
  cellExpectedMark,
  timePointRowIsBaseline,
  timePointBesideTarget,
  resultsBeforeTargetTerm,
  unnamedColumnBesideKinds,
  boundCaptionKind,
  boundCaptionQualifier,
  noteYearKinds,
  captionKind,
  unmarkedYearsAfterResults,
  defaultActual,
  yearOnYearPercentIsLevel,
  pairedKindsCell,
  changeBesideValue,
];
