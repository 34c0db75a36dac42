/** Period rules of a table's layout: which rows head the columns with their years. Stage `header-rows`. */
import { holdsCount, readPiece } from '../../table/pieces.js';
import { rule } from '../engine.js';
import { maxHeaderRows, rowHasNumbers, stageRow } from '../layout/table.js';
import type { TableLayout } from '../table-context.js';

/**
 * A row of years heading the columns: two or more cells name a year (not a plan term alone), none states a count
 * with its unit, and at most one holds a bare number (a year cut at the page's edge, `202`) — beside three years
 * at least.
 */
function isYearRow(L: TableLayout, r: number): boolean | null {
  let years = 0;
  let numbers = 0;
  for (let c = 0; c < L.nC; c++) {
    const t = L.text(r, c);
    if (!t || !L.isTopLeft(r, c)) continue;
    if (holdsCount(t)) return null;
    const p = readPiece(t, L.ctx.periods).period;
    if (p?.fiscalYear != null && p.kind !== 'plan_term') years++;
    else if (L.hasNumber(r, c)) numbers++;
  }
  if (numbers > 1 || (numbers === 1 && years < 3)) return null;
  return years >= 2;
}

export const yearRowEndsHeader = rule<TableLayout>({
  id: 'period.year-row-ends-header',
  family: 'period',
  stage: 'header-rows',
  priority: 30,
  summary:
    'Years in headers: a row of years before the first row of data heads the columns with the label rows above it, even when the page edge cut its last year to a bare number (`2022(令和4)年度 | 2023(令和5)年度 | 2024(令和6)年度 | 202`), which no other header rule takes for a header.',
  applies: (L) => L.headerRows < maxHeaderRows(L),
  apply(L) {
    let end = L.headerRows;
    for (let r = L.headerRows; r < maxHeaderRows(L); r++) {
      if (stageRow(L, r)) break;
      const years = isYearRow(L, r);
      if (years === null || (!years && rowHasNumbers(L, r))) break;
      if (years) end = r + 1;
    }
    if (end === L.headerRows) return false;
    L.headerRows = end;
  },
  examples: [
    {
      name: 'example.tsv',
      text: 'サービス\t区分\t2023(令和5)年度\t2024(令和6)年度\t2025(令和7)年度\t202\n短期入所（人日/月）\t実績\t88\t93\t97\t\n',
      expect: { fiscal_year: 2024, value: 93 },
    },
  ],
});

export const LAYOUT_PERIOD_RULES = [yearRowEndsHeader];
