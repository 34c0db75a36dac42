/** Period rules of tables: the fiscal year (or point in time) of a data cell's value. Stage `period`. */
import type { FiscalPeriod } from '@shiryo/model';
import { kindOfWord, RELATIVE_YEAR_WORDS } from '@shiryo/model';
import { noteYearFor } from '../../context.js';
import { fiscalYearOfIso } from '../../dates.js';
import { fyPeriod, type PeriodReading } from '../../period/index.js';
import { cellPeriod, normalized, pickPeriod, readPiece } from '../../table/pieces.js';
import { rule } from '../engine.js';
import type { CellContext } from '../table-context.js';

/**
 * The caption's or heading's year applies to levels, not to differences or rates against a target; a base value
 * takes the heading's year only when that year is a point in time (令和元年度末の…).
 */
/** A heading that reports on a year's work (`成果目標等の進捗状況（令和6年度）`), not one naming the year's plan. */
const REPORT_HEADING = /状況|進捗|実績|報告|評価|点検|振り返り/u;

export function headingPeriodFor(x: CellContext): FiscalPeriod | null {
  if (x.kind === 'deviation' || x.kind === 'achievement_rate') return null;
  // (a target under a report on one year's work is the plan's, not that year's)
  if (x.kind === 'target' && REPORT_HEADING.test(x.ctx.periodSource ?? '')) return null;
  if (x.kind === 'baseline' && x.ctx.period && !['fy_end', 'date'].includes(x.ctx.period.kind)) return null;
  return x.ctx.period;
}

export const cellOwnPeriod = rule<CellContext>({
  id: 'period.cell',
  family: 'period',
  stage: 'period',
  priority: 10,
  summary: "A date written in the cell itself (`・23% … 令和2年6月から1年間での退院率`) beats the column's year.",
  applies: (x) => !!cellPeriod(x.L.text(x.r, x.c), x.ctx.periods),
  apply(x) {
    x.period = cellPeriod(x.L.text(x.r, x.c), x.ctx.periods);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '指標\t実績\n施設入所者数（人）\t62（R4末）\n',
      expect: { fiscal_year: 2022, value: 62 },
    },
  ],
});

export const columnPeriod = rule<CellContext>({
  id: 'period.column',
  family: 'period',
  stage: 'period',
  priority: 20,
  summary: "The year the column's headers name (a fiscal year, year end or date before a plan term or a range).",
  applies: (x) => !x.period && !!pickPeriod(x.cols),
  apply(x) {
    x.period = pickPeriod(x.cols);
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\tR4\tR5\n療養介護（人/月）\t14\t15\n',
      expect: { fiscal_year: 2023, value: 15 },
    },
    {
      // a year written twice, in both calendars, is one year
      name: 'example.tsv',
      text: 'サービス\t2023/R5\tR6(2024)\n短期入所（人日/月）\t88\t93\n',
      expect: { fiscal_year: 2024, value: 93 },
    },
  ],
});

export const yearsLineAbove = rule<CellContext>({
  id: 'period.years-line-above',
  family: 'period',
  stage: 'period',
  priority: 22,
  summary:
    'Years in linearized rows: a table whose headers name no year, right under a line ending with as many years as it has data columns (`内容 2023（令和5）年度 2024（令和6）年度 …`, a header row read as a paragraph), takes them column by column.',
  applies: (x) =>
    !x.period &&
    !!x.ctx.yearsAbove &&
    x.ctx.yearsAbove.length === x.L.nC - x.L.stubCols &&
    !x.L.colPieces.some((ps) => ps.some((p) => p.period)),
  apply(x) {
    x.period = x.ctx.yearsAbove![x.c - x.L.stubCols] ?? null;
    return !!x.period;
  },
  examples: [
    {
      name: 'example.txt',
      text: '（2）生活介護\n\n区分 2023（令和5）年度 2024（令和6）年度 2025（令和7）年度\n\n利用者数（人/月） 計画値\t210\t215\t220\n利用者数（人/月） 実績\t204\t219\t－\n',
      expect: { fiscal_year: 2024, value: 219 },
    },
  ],
});

// (a comparison with the year before names no year of its own: `前年度比`, `対前年度増減`, `前年度からの増減` are of the
// year compared; found by the blind fixture shogai-7ki-markdown-western-era-years)
const RELATIVE_YEAR = new RegExp(
  `(?<!対)(${Object.keys(RELATIVE_YEAR_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?!比|差|との|と比|増減|から)`,
  'u',
);

/**
 * The year 本年度 is: the document's (its title's, `令和6年度 一般会計予算書`), else the one year the table's heading
 * names (a statement's accounting period `（自）令和5年4月1日（至）令和6年3月31日` over `当年度決算 | 前年度決算`); not a
 * plan term's range.
 */
function thisYear(x: CellContext): FiscalPeriod | null {
  if (x.ctx.documentYear?.fiscalYear != null) return x.ctx.documentYear;
  const h = x.ctx.period;
  return h?.fiscalYear != null && h.kind !== 'plan_term' ? h : null;
}

/** The year a header word names relative to the document's (`本年度予算額`, `前年度`), in the given pieces. */
function relativeYear(x: CellContext, pieces: { text: string }[]): FiscalPeriod | null {
  const base = thisYear(x);
  if (base?.fiscalYear == null) return null;
  for (const p of pieces) {
    const m = RELATIVE_YEAR.exec(p.text.replace(/\s+/gu, ''));
    if (m) return fyPeriod(base.fiscalYear + RELATIVE_YEAR_WORDS[m[1]!]!, `${m[1]} (${base.text})`);
  }
  return null;
}

/** Some column of the table names the document's own year (`本年度予算額`). */
const namesThisYear = (x: CellContext) =>
  x.L.colPieces.some((ps) =>
    ps.some((p) => RELATIVE_YEAR_WORDS[RELATIVE_YEAR.exec(p.text.replace(/\s+/gu, ''))?.[1] ?? ''] === 0),
  );

export const relativeYearHeader = rule<CellContext>({
  id: 'period.relative-year',
  family: 'period',
  stage: 'period',
  priority: 25,
  summary:
    "Budget tables: `本年度予算額 | 前年度予算額 | 比較` — 本年度 is the year the document's title names (`令和6年度 一般会計予算書`), else the one year the table's heading names (family \"previous-year columns under a dated heading\": a statement's accounting period `（自）令和6年4月1日（至）令和7年3月31日` over `当年度決算 | 前年度決算`), 前年度 the year before (in a column's headers, else in the row's stubs); a difference in a table of 本年度 values is of 本年度.",
  applies: (x) =>
    !x.period &&
    (!!relativeYear(x, x.cols) ||
      !!relativeYear(x, x.stubs) ||
      (!x.stubs.some((p) => p.period) &&
        (x.kind === 'deviation' || x.kind === 'achievement_rate') &&
        thisYear(x) != null &&
        namesThisYear(x))),
  apply(x) {
    const base = thisYear(x)!;
    x.period =
      relativeYear(x, x.cols) ?? relativeYear(x, x.stubs) ?? fyPeriod(base.fiscalYear!, `本年度 (${base.text})`);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '令和7年度 介護保険特別会計予算書\n\n款\t本年度予算額\t前年度予算額\t比較\n保険給付費\t4,120\t3,980\t140\n',
      expect: { value_kind: 'deviation', fiscal_year: 2025, value: 140 },
    },
    {
      name: 'example.tsv',
      text: '資金収支計算書\n（自）令和6年4月1日（至）令和7年3月31日\n\n勘定科目\t当年度決算(A)\t前年度決算(B)\t差異(A)-(B)\n会費収入\t412,300\t398,100\t14,200\n',
      expect: { value_kind: 'actual', fiscal_year: 2023, value: 398100 },
    },
  ],
});

export const bareYearRowPeriod = rule<CellContext>({
  id: 'period.bare-year-row',
  family: 'period',
  stage: 'period',
  priority: 28,
  summary:
    'Years as rows written as bare numbers (`元 | 2 | 3` down the stub under `年度`, period.bare-year-run): every value of the row falls on its year.',
  applies: (x) => !x.period && !!x.L.bareYearRows?.get(x.r),
  apply(x) {
    x.period = x.L.bareYearRows!.get(x.r)!;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '令和6年1月10日\n\n年度\t利用者数（人）\n元\t212\n2\t198\n3\t205\n',
      expect: { fiscal_year: 2020, value: 198 },
    },
  ],
});

/** A header naming when the values of a kind stand (`目標年度`, `基準年度`, `基準時点`, `目標年次`): that kind. */
const KIND_WHEN_HEADER = /^(.{1,4}?)(?:の)?(?:年度末?|時点|年次|年)$/u;

/**
 * The year a cell of the row states under a header naming when the values of the cell's kind stand (`目標年度 |
 * 令和8年度` beside `目標値 | 91`), else null. Only a cell that is no number and reads as one fiscal year.
 */
export function kindYearCellFor(x: CellContext): FiscalPeriod | null {
  if (!x.kind) return null;
  for (let c = 0; c < x.L.nC; c++) {
    if (c === x.c || x.L.data[x.r]?.[c]) continue;
    const header = x.L.colPieces[c]?.at(-1)?.text;
    if (!header) continue;
    const m = KIND_WHEN_HEADER.exec(normalized(header).replace(/\s+/g, ''));
    if (!m || kindOfWord(m[1]!) !== x.kind) continue;
    const text = x.L.text(x.r, c);
    const piece = text ? readPiece(text, x.ctx.periods) : null;
    if (piece?.period?.fiscalYear != null && !piece.label) return piece.period;
  }
  return null;
}

export const kindYearCell = rule<CellContext>({
  id: 'period.kind-year-cell',
  family: 'period',
  stage: 'period',
  priority: 25,
  summary:
    'Family "a column stating when a kind\'s values stand": a row cell under `目標年度` / `基準年度` / `基準時点` holding a year (`令和8年度末`) dates the values of that kind in the row (`目標値`, `基準値`), before any other year the row names.',
  applies: (x) => !x.period && !!kindYearCellFor(x),
  apply(x) {
    x.period = kindYearCellFor(x);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '指標\t目標値\t目標年度\n地域生活への移行者数（人）\t12\t令和8年度\n',
      expect: { value_kind: 'target', fiscal_year: 2026, value: 12 },
    },
    {
      name: 'example.tsv',
      text: '指標\t基準時点\t基準値\t目標年度\t目標値\n入所者数（人）\t令和4年度末\t58\t令和8年度末\t55\n',
      expect: { value_kind: 'target', fiscal_year: 2026, value: 55 },
    },
  ],
});

export const rowPeriod = rule<CellContext>({
  id: 'period.row',
  family: 'period',
  stage: 'period',
  priority: 30,
  summary: "In a column that names no year, the year the row's stubs name (years as rows: `令和5年度 | 1,204`).",
  applies: (x) => !x.period && !!pickPeriod(x.stubs),
  apply(x) {
    x.period = pickPeriod(x.stubs);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '年度\t要介護認定者数（人）\n令和4年度\t4,812\n令和5年度\t4,990\n',
      expect: { fiscal_year: 2023, value: 4990 },
    },
    {
      // `2023年度（令和5年度）`: the same year twice, not a label beside a year
      name: 'example.tsv',
      text: '年度\t要介護認定者数（人）\n2022年度（令和4年度）\t4,812\n2023年度（令和5年度）\t4,990\n',
      expect: { value_kind: 'actual', fiscal_year: 2023, value: 4990 },
    },
  ],
});

/** What a note's clause may name a row by: its label texts, the indicator it was read as and its subgroup. */
const noteRowTexts = (x: CellContext) => [...x.texts, x.indicator ?? '', x.subgroup ?? ''];

export const kindNotePeriod = rule<CellContext>({
  id: 'period.kind-note',
  family: 'period',
  stage: 'period',
  priority: 35,
  summary:
    'Family "base years stated in a note under the table": a note that says when the values of a kind stand (`※基準値は令和元年度末の数値`, `（注）基準値は令和4年度末の実績です`) dates the values of that kind whose headers name no year; a note naming rows (`基準値は、入居者数は令和4年度末、就労関係は令和3年度の実績`) dates the rows whose labels hold those names.',
  applies: (x) => !x.period && !!x.kind && !!noteYearFor(x.ctx.kindYears, x.kind, noteRowTexts(x)),
  apply(x) {
    x.period = noteYearFor(x.ctx.kindYears, x.kind!, noteRowTexts(x));
  },
  examples: [
    {
      name: 'example.tsv',
      text: '※基準値は令和4年度末の数値、目標値は令和8年度末の数値です。\n\n項目\t基準値\t目標値\n施設入所者数（人）\t96\t91\n',
      expect: { value_kind: 'baseline', fiscal_year: 2022, value: 96 },
    },
    {
      name: 'example.txt',
      text: '第7期障害福祉計画 成果目標\n\n項目\t基準値\t目標値\nグループホーム入居者数（人）\t140\t163\n就労移行者数（人）\t12\t17\n\n注1）基準値は、グループホーム入居者数は令和4年度末、就労関係は令和3年度の数値です。\n',
      expect: { value_kind: 'baseline', fiscal_year: 2021, value: 12 },
    },
  ],
});

export const headingPeriod = rule<CellContext>({
  id: 'period.heading',
  family: 'period',
  stage: 'period',
  priority: 40,
  summary:
    "The caption's or heading's year, else the year of the nearest section title above that states one (a section title dates the tables under it), for levels (not differences or rates; for a base only a point in time; for a target not when the title reports on a year's work, `進捗状況（令和6年度）`).",
  applies: (x) => !x.period && !!headingPeriodFor(x),
  apply(x) {
    x.period = headingPeriodFor(x);
  },
  examples: [
    {
      name: 'example.txt',
      text: '令和5年度 障害福祉サービスの実績\n\nサービス\t実績\n生活介護（人/月）\t212\n',
      expect: { fiscal_year: 2023, value: 212 },
    },
    {
      name: 'example.md',
      text: '# 第6期計画 進捗報告\n\n## 令和4年度の状況\n\n利用の状況は次のとおりです。\n\n### 居住系サービス\n\n| サービス | 実績 |\n| --- | --- |\n| 共同生活援助（人/月） | 87 |\n',
      expect: { fiscal_year: 2022, value: 87 },
    },
  ],
});

export const targetRangeEnd = rule<CellContext>({
  id: 'period.target-range-end',
  family: 'period',
  stage: 'period',
  priority: 50,
  summary: 'A target over a range or a plan term (`第7期`, `R6～R8`) falls on its last fiscal year.',
  applies: (x) => x.kind === 'target' && !!x.period && x.period.fiscalYear === null && !!x.period.end,
  apply(x) {
    x.period = fyPeriod(fiscalYearOfIso(x.period!.end), x.period!.text);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '成果目標\tR6～R8目標\n福祉施設から一般就労への移行者数（人）\t18\n',
      expect: { value_kind: 'target', fiscal_year: 2026, value: 18 },
    },
    {
      // a term's years written short (`R6～8`, `2024-26年度`): the target is its last year's
      name: 'example.tsv',
      text: '第9期介護保険事業計画\n\n指標\t第9期目標（R6～8）\n認知症カフェ設置数（か所）\t12\n',
      expect: { value_kind: 'target', fiscal_year: 2026, value: 12 },
    },
    {
      // (the plan named without its term: a bare `第8期` is that plan's, FY2021–2023)
      name: 'example.tsv',
      text: '介護保険事業計画の達成状況\n\n指標\t第8期目標\n通いの場の箇所数（か所）\t45\n',
      expect: { value_kind: 'target', fiscal_year: 2023, value: 45 },
    },
  ],
});

export const differenceLaterYear = rule<CellContext>({
  id: 'period.difference-later-year',
  family: 'period',
  stage: 'period',
  priority: 55,
  summary:
    'A difference whose header names the two years it compares (`増減（R8－R5）`, `差（令和8年度－令和5年度）`) is of the later year: the change to it.',
  applies: (x) =>
    x.kind === 'deviation' &&
    x.period?.kind === 'range' &&
    (x.period as PeriodReading).range?.from.fiscalYear != null &&
    (x.period as PeriodReading).range?.to.fiscalYear != null,
  apply(x) {
    const { from, to } = (x.period as PeriodReading).range!;
    const later = from.fiscalYear! >= to.fiscalYear! ? from : to;
    x.period = fyPeriod(later.fiscalYear!, later.text);
  },
  examples: [
    {
      name: 'example.tsv',
      text: '事業\t令和2年度実績\t令和6年度計画\t増減（R6－R2）\n地域活動支援センター（か所）\t3\t4\t1\n',
      expect: { value_kind: 'deviation', fiscal_year: 2024, value: 1 },
    },
  ],
});

export const targetPlanEnd = rule<CellContext>({
  id: 'period.target-plan-end',
  family: 'period',
  stage: 'period',
  priority: 60,
  summary: "A target (or a plan's own figure) without a year of its own falls on the last year of the plan.",
  applies: (x) => !x.period && (x.kind === 'target' || x.planColumn) && !!x.ctx.planEnd,
  apply(x) {
    x.period = x.ctx.planEnd;
  },
  examples: [
    {
      name: 'example.txt',
      text: '第7期障害福祉計画 成果目標\n\n項目\t目標値\n地域生活移行者数（人）\t5\n',
      expect: { value_kind: 'target', fiscal_year: 2026, value: 5 },
    },
    {
      name: 'example.txt',
      text: '地域福祉計画の進捗（計画期間：令和5年度～令和9年度）\n\n指標\t目標値\n見守り協力員数（人）\t300\n',
      expect: { value_kind: 'target', fiscal_year: 2027, value: 300 },
    },
  ],
});

export const reportYear = rule<CellContext>({
  id: 'period.report-year',
  family: 'period',
  stage: 'period',
  priority: 70,
  summary: 'A result without a year of its own falls on the year a results report covers (`令和4年度実績について`).',
  applies: (x) => !x.period && x.kind === 'actual' && !!x.ctx.reportYear,
  apply(x) {
    x.period = x.ctx.reportYear;
  },
  examples: [
    {
      name: 'example.txt',
      text: '# 地域生活支援事業の報告\n\n本資料は令和4年度実績について取りまとめたものです。\n\n## 日中一時支援事業\n\n日中の活動の場を確保しました。\n\n利用状況は次のとおりです。\n\n事業\t実績\n日中一時支援（人）\t46\n',
      expect: { value_kind: 'actual', fiscal_year: 2022, value: 46 },
    },
  ],
});

export const TABLE_PERIOD_RULES = [
  cellOwnPeriod,
  columnPeriod,
  yearsLineAbove,
  relativeYearHeader,
  bareYearRowPeriod,
  kindYearCell,
  rowPeriod,
  kindNotePeriod,
  headingPeriod,
  targetRangeEnd,
  differenceLaterYear,
  targetPlanEnd,
  reportYear,
];
