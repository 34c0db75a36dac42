/**
 * Period rules of a table's layout: which rows head the columns with their years (stage `header-rows`), and years
 * written as bare numbers (`21 | 22 | 23`, `30 | 元 | 2`) in a header row or down a stub column.
 */
import type { FiscalPeriod } from '@shiryo/model';
import { bareEraOf, type EraAnchor, fyPeriod } from '../../period/index.js';
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

const BARE_NUMBER = /^(元|\d{1,2})$/u;
/** A cell saying its row or column counts years (`年度`, `年次`, `年`; not the 年 of a unit, `人/年`). */
const YEAR_WORD = /年度|年次|^\s*年\s*$/u;

/**
 * The longest run (three or more) of neighbouring cells that are bare numbers reading as consecutive years in the
 * document's era (`21 22 23`, `29 30 元 2`): index → period. Null when there is none.
 */
function bareRun(texts: string[], era: EraAnchor): Map<number, FiscalPeriod> | null {
  let best = new Map<number, FiscalPeriod>();
  let run = new Map<number, FiscalPeriod>();
  let last: number | null = null;
  for (const [i, raw] of texts.entries()) {
    const t = raw.normalize('NFKC').trim();
    const m = BARE_NUMBER.exec(t);
    const n = m ? (m[1] === '元' ? 1 : Number(m[1])) : null;
    const e = n ? bareEraOf(n, era) : null;
    const y = e && n ? e.firstYear + n - 1 : null;
    if (y === null || (last !== null && y !== last + 1)) {
      if (run.size > best.size) best = run;
      run = new Map();
    }
    if (y !== null && e && n) {
      const p = fyPeriod(y, t);
      p.warnings.push(
        `bare_year: ${t} in a run of years names no era; read as ${e.name}${n === 1 ? '元' : n}年 (${y}), the era nearest the document's year (${era.text})`,
      );
      run.set(i, p);
    }
    last = y;
  }
  if (run.size > best.size) best = run;
  return best.size >= 3 ? best : null;
}

/** The run holds 元 (a year beyond doubt), or another cell of its row or column says it counts years (`年度`). */
const saysYears = (run: Map<number, FiscalPeriod>, texts: string[]) =>
  [...run.values()].some((p) => p.text === '元') || texts.some((t, i) => !run.has(i) && YEAR_WORD.test(t));

export const bareYearRun = rule<TableLayout>({
  id: 'period.bare-year-run',
  family: 'period',
  stage: 'header-rows',
  priority: 5,
  summary:
    "Years written as bare numbers (`年度 | 21 | 22 | 23`, `30 | 元 | 2`): a run of three or more cells of a row, or down a column, that read as consecutive years in the document's era (and stand beside `年度` or hold 元) heads the columns, or leads the rows, with those years; an era change inside the run continues in the new era.",
  applies: (L) => !!L.ctx.periods.era,
  apply(L) {
    const era = L.ctx.periods.era!;
    for (let r = 0; r < Math.min(4, L.nR - 1); r++) {
      const texts = Array.from({ length: L.nC }, (_, c) => (c > 0 ? L.text(r, c) : ''));
      const run = bareRun(texts, era);
      if (run && saysYears(run, [L.text(r, 0), ...texts.slice(1)])) {
        L.bareYearCols = run;
        L.headerRows = Math.max(L.headerRows, r + 1);
        return true;
      }
    }
    for (let c = 0; c < Math.min(2, L.nC - 1); c++) {
      const texts = Array.from({ length: L.nR }, (_, r) => L.text(r, c));
      const run = bareRun(texts, era);
      if (run && saysYears(run, texts)) {
        L.bareYearRows = run;
        L.bareYearStub = c;
        L.stubCols = Math.max(L.stubCols, c + 1);
        return true;
      }
    }
    return false;
  },
  examples: [
    {
      name: 'example.tsv',
      text: '令和5年2月1日\n\n年度\t元\t2\t3\t4\n要介護認定者数（人）\t3,912\t4,010\t4,122\t4,208\n',
      expect: { fiscal_year: 2021, value: 4122 },
    },
  ],
});

export const bareYearRunPieces = rule<TableLayout>({
  id: 'period.bare-year-run-pieces',
  family: 'period',
  stage: 'headers',
  priority: 25,
  quiet: true,
  summary:
    'The bare numbers of a run of years (`period.bare-year-run`) are years of the columns they head, not their labels; in a stub they label no row.',
  applies: (L) => !!L.bareYearCols || !!L.bareYearRows,
  apply(L) {
    for (const [c, p] of L.bareYearCols ?? []) {
      L.colPieces[c] = (L.colPieces[c] ?? []).map((x) =>
        x.text === p.text ? { text: x.text, period: p, kind: null, label: null, unit: null, unitText: null } : x,
      );
    }
    // (a stub carried down from the row above, `元` over `2`, is blanked as well: the cell is the row's year)
    for (const r of L.bareYearRows?.keys() ?? []) {
      const row = L.rowTexts[r - L.headerRows];
      if (row && L.bareYearStub !== undefined) row[L.bareYearStub] = '';
    }
  },
  examples: [
    {
      name: 'example.tsv',
      text: '令和6年1月10日\n\n年度\t利用者数（人）\n元\t212\n2\t198\n3\t205\n',
      expect: { fiscal_year: 2020, value: 198 },
    },
  ],
});

export const LAYOUT_PERIOD_RULES = [bareYearRun, yearRowEndsHeader];
export const HEADER_PERIOD_RULES = [bareYearRunPieces];
