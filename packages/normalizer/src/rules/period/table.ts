/** Period rules of tables: the fiscal year (or point in time) of a data cell's value. Stage `period`. */
import type { FiscalPeriod } from '@shiryo/model';
import { fiscalYearOfIso } from '../../dates.js';
import { fyPeriod } from '../../period/index.js';
import { cellPeriod, pickPeriod } from '../../table/pieces.js';
import { rule } from '../engine.js';
import type { CellContext } from '../table-context.js';

/**
 * The caption's or heading's year applies to levels, not to differences or rates against a target; a base value
 * takes the heading's year only when that year is a point in time (令和元年度末の…).
 */
export function headingPeriodFor(x: CellContext): FiscalPeriod | null {
  if (x.kind === 'deviation' || x.kind === 'achievement_rate') return null;
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
  ],
});

export const kindNotePeriod = rule<CellContext>({
  id: 'period.kind-note',
  family: 'period',
  stage: 'period',
  priority: 35,
  summary:
    'A note that says when the values of a kind stand (`※基準値は令和元年度末の数値`) dates the values of that kind whose headers name no year.',
  applies: (x) => !x.period && !!x.kind && !!x.ctx.kindYears[x.kind],
  apply(x) {
    x.period = x.ctx.kindYears[x.kind!]!;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '※基準値は令和4年度末の数値、目標値は令和8年度末の数値です。\n\n項目\t基準値\t目標値\n施設入所者数（人）\t96\t91\n',
      expect: { value_kind: 'baseline', fiscal_year: 2022, value: 96 },
    },
  ],
});

export const headingPeriod = rule<CellContext>({
  id: 'period.heading',
  family: 'period',
  stage: 'period',
  priority: 40,
  summary: "The caption's or heading's year, for levels (not differences or rates; for a base only a point in time).",
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
      text: '# 令和4年度実績について\n\n## 日中一時支援事業\n\n日中の活動の場を確保しました。\n\n利用状況は次のとおりです。\n\n事業\t実績\n日中一時支援（人）\t46\n',
      expect: { value_kind: 'actual', fiscal_year: 2022, value: 46 },
    },
  ],
});

export const TABLE_PERIOD_RULES = [
  cellOwnPeriod,
  columnPeriod,
  rowPeriod,
  kindNotePeriod,
  headingPeriod,
  targetRangeEnd,
  targetPlanEnd,
  reportYear,
];
