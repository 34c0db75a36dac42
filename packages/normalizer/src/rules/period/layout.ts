/** Period rules of a table's layout: which rows head the columns with their years. Stage `header-rows`. */
import { holdsCount, readPiece } from '../../table/pieces.js';
import { rule } from '../engine.js';
import { maxHeaderRows, rowHasNumbers, stageRow } from '../layout/table.js';
import type { TableLayout } from '../table-context.js';

/** How many cells of a row name a year (not a plan term alone); -1 when a cell states a count (a body row). */
function yearCells(L: TableLayout, r: number): number {
  let years = 0;
  for (let c = 0; c < L.nC; c++) {
    const t = L.text(r, c);
    if (!t || !L.isTopLeft(r, c)) continue;
    if (holdsCount(t)) return -1;
    const p = readPiece(t, L.ctx.periods).period;
    if (p?.fiscalYear != null && p.kind !== 'plan_term') years++;
  }
  return years;
}

export const yearRowEndsHeader = rule<TableLayout>({
  id: 'period.year-row-ends-header',
  family: 'period',
  stage: 'header-rows',
  priority: 30,
  summary:
    'Years in headers: a row of years (two or more) before the first row of data heads the columns, and so do the label rows above it (`障害児通所支援` over `児童発達支援 | 放課後等デイサービス` over `令和5年度 | 令和6年度 …`).',
  applies: (L) => L.headerRows < maxHeaderRows(L),
  apply(L) {
    let end = L.headerRows;
    for (let r = L.headerRows; r < maxHeaderRows(L); r++) {
      if (rowHasNumbers(L, r) || stageRow(L, r)) break;
      const years = yearCells(L, r);
      if (years < 0) break;
      if (years >= 2) end = r + 1;
    }
    if (end === L.headerRows) return false;
    L.headerRows = end;
  },
  examples: [
    {
      name: 'example.md',
      text: '| | 障害児通所支援 | | | |\n|---|---|---|---|---|\n| | 児童発達支援 | | 放課後等デイサービス | |\n| 区分 | 令和6年度 | 令和7年度 | 令和6年度 | 令和7年度 |\n| 利用者数（人/月） | 42 | 45 | 118 | 126 |\n',
      expect: { fiscal_year: 2025, value: 126 },
    },
  ],
});

export const LAYOUT_PERIOD_RULES = [yearRowEndsHeader];
