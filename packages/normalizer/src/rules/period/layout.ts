/**
 * Period rules of a table's layout: which rows head the columns with their years (stage `header-rows`), and years
 * written as bare numbers (`21 | 22 | 23`, `30 | 元 | 2`) in a header row or down a stub column.
 */
import type { FiscalPeriod } from '@shiryo/model';
import { bareEraOf, type Era, type EraAnchor, eraOf, fyPeriod } from '../../period/index.js';
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
/** The first of a run of years naming its era, the rest bare (`令和3 | 4 | 5`, `R元 | 2 | 3`, `令和3年度 | 4 | 5`). */
const ERA_MARKED = /^(令和|平成|昭和|[RHS])\s*(元|\d{1,2})\s*(?:年度)?$/u;
/** A cell saying its row or column counts years (`年度`, `年次`, `年`; not the 年 of a unit, `人/年`). */
const YEAR_WORD = /年度|年次|^\s*年\s*$/u;

/**
 * The longest run (three or more) of neighbouring cells that are bare numbers reading as consecutive years in the
 * document's era (`21 22 23`, `29 30 元 2`): index → period. Null when there is none.
 */
function bareRun(texts: string[], era: EraAnchor | null, named: Era | null = null): Map<number, FiscalPeriod> | null {
  let best = new Map<number, FiscalPeriod>();
  let run = new Map<number, FiscalPeriod>();
  let last: number | null = null;
  // the era the run's first cell writes (`令和3 | 4 | 5`), which the bare numbers after it continue
  let runEra: Era | null = null;
  for (const [i, raw] of texts.entries()) {
    const t = raw.normalize('NFKC').trim();
    const marked = ERA_MARKED.exec(t);
    const m = marked ? null : BARE_NUMBER.exec(t);
    const num = marked?.[2] ?? m?.[1];
    const n = num ? (num === '元' ? 1 : Number(num)) : null;
    const own = marked ? eraOf(marked[1] as string) : null;
    const e: Era | null = n
      ? (own ?? (last !== null ? runEra : null) ?? named ?? (era ? bareEraOf(n, era) : null))
      : null;
    const y: number | null = e && n ? e.firstYear + n - 1 : null;
    if (y === null || own || (last !== null && y !== last + 1)) {
      if (run.size > best.size) best = run;
      run = new Map();
      runEra = own;
    }
    if (y !== null && e && n) {
      const p = fyPeriod(y, t);
      if (!own)
        p.warnings.push(
          runEra
            ? `bare_year: ${t} after ${runEra.name} in a run of years; read as ${e.name}${n === 1 ? '元' : n}年 (${y})`
            : named
              ? `bare_year: ${t} in a run of years under a header naming ${named.name}; read as ${e.name}${n === 1 ? '元' : n}年 (${y})`
              : `bare_year: ${t} in a run of years names no era; read as ${e.name}${n === 1 ? '元' : n}年 (${y}), the era nearest the document's year (${era?.text})`,
        );
      run.set(i, p);
    }
    last = y;
  }
  if (run.size > best.size) best = run;
  return best.size >= 3 ? best : null;
}

/** The run holds 元 or an era-marked first year (a year beyond doubt), or another cell of its row or column says it counts years (`年度`). */
const saysYears = (run: Map<number, FiscalPeriod>, texts: string[]) =>
  [...run.values()].some((p) => !/^\d+$/u.test(p.text)) || texts.some((t, i) => !run.has(i) && YEAR_WORD.test(t));

/** An era named with no year of its own (`令和`, `令和（年度）`, `平成 年度`): the era of the bare years under it. */
const ERA_ALONE = /(令和|平成|昭和)(?!\s*[0-9元一二三四五六七八九十])/u;

/** A header that only says its columns are years of an era (`令和（年度）`, `平成 年度`, `年度`). */
const yearWordsOnly = (t: string) =>
  !/[0-9]/.test(t) && t.normalize('NFKC').replace(/令和|平成|昭和|年度|年次|[\s()（）]/gu, '') === '';

/**
 * The header cells spanning a row's columns from the row right above: each column's own cell, or the nearest written
 * cell to its left (a spanning cell flattened into blanks), not the stub column — only those that write no number
 * (`年度`, `令和（年度）`; a `令和5年度` or `令和元年度` over `1 | 2 | 3` heads counts, not years).
 */
function cellsAbove(L: TableLayout, r: number, cols: number[]): string[] {
  const out: string[] = [];
  for (const c of cols) {
    let k = c;
    while (k > 1 && !L.text(r - 1, k)) k--;
    const t = L.text(r - 1, k).normalize('NFKC');
    // (`令和元年度` names a year with no digit: a cell that reads as a period is no header of bare years)
    if (t && !/[0-9]/.test(t) && !readPiece(t, L.ctx.periods).period && !out.includes(t)) out.push(t);
  }
  return out;
}

export const bareYearRun = rule<TableLayout>({
  id: 'period.bare-year-run',
  family: 'period',
  stage: 'header-rows',
  priority: 5,
  summary:
    "Years written as bare numbers (`年度 | 21 | 22 | 23`, `30 | 元 | 2`): a run of three or more cells of a row, or down a column, that read as consecutive years in the document's era (and stand beside `年度` or hold 元) heads the columns, or leads the rows, with those years; an era change inside the run continues in the new era. Family year forms: a header written once over the run (`年度`, or `令和（年度）` naming the era, a spanning cell) says the same from the row above.",
  applies: () => true,
  apply(L) {
    const era = L.ctx.periods.era ?? null;
    for (let r = 0; r < Math.min(4, L.nR - 1); r++) {
      const texts = Array.from({ length: L.nC }, (_, c) => (c > 0 ? L.text(r, c) : ''));
      // (`年度` or `令和（年度）` spanning the run from the row above: the years' header, and the era it names)
      const candidate = bareRun(texts, era) ?? bareRun(texts, null, eraOf('令和'));
      const above = r > 0 && candidate ? cellsAbove(L, r, [...candidate.keys()]) : [];
      const eraAbove = above.map((t) => ERA_ALONE.exec(t.normalize('NFKC'))?.[1]).find(Boolean);
      const named = eraAbove ? eraOf(eraAbove) : null;
      const run = bareRun(texts, era, named);
      if (run && (saysYears(run, [L.text(r, 0), ...texts.slice(1)]) || named || above.some((t) => YEAR_WORD.test(t)))) {
        L.bareYearCols = run;
        L.headerRows = Math.max(L.headerRows, r + 1);
        return true;
      }
    }
    if (!era) return false;
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
    {
      name: 'example.html',
      text: '<table><tr><th rowspan="2">区分</th><th colspan="3">令和（年度）</th></tr><tr><th>2</th><th>3</th><th>4</th></tr><tr><td>行動援護（時間/月）</td><td>410</td><td>436</td><td>455</td></tr></table>',
      expect: { fiscal_year: 2021, value: 436 },
    },
    {
      // the era written once, on the run's first year
      name: 'example.tsv',
      text: '区分\tR2\t3\t4\n訪問入浴介護（回/月）\t40\t42\t45\n',
      expect: { fiscal_year: 2021, value: 42 },
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
      // (the header over the run that says only that these are years, `令和（年度）`, labels nothing either)
      L.colPieces[c] = L.colPieces[c]!.map((x) => (x.label && yearWordsOnly(x.label) ? { ...x, label: null } : x));
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
