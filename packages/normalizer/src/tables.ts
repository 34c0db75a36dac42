/**
 * Header reading: from a recovered table, decide for every numeric data cell its indicator, subgroup, measure,
 * unit, period and value kind, and emit observations. Works on the grid alone plus the table's context (caption,
 * headings, plan period): no knowledge of any particular document.
 *
 * This reader only gathers evidence; the decisions are the rules of `rules/*\/table.ts`, run by stage through
 * `TABLE_RULES` (see `rules/engine.ts`):
 *
 *   table:  cells → header-rows → stub-columns → skip-table → headers
 *   cell:   skip → row-label → kind → label → skip-unlabelled → unit → period → kind-final → values → value (each)
 *   after:  revisit-table (observations dated from their peers), then the self-checks.
 */

import type { FiscalPeriod, Issue, Observation, Table } from '@shiryo/model';
import { BULLET_MARKS, charClass, tableToGrid, writesBareYears } from '@shiryo/model';
import { checkTable } from './checks.js';
import type { TableContext } from './context.js';
import {
  bulletItems,
  isGuidelineText,
  isMeasureOnly,
  isPerBasis,
  isReportingBody,
  isSubgroup,
  letterDifference,
  measureOf,
  stripNumbering,
} from './labels.js';
import { makeObservation, type ObservationDraft } from './observe.js';
import { findPeriods } from './period/index.js';
import { type ProseState, proseToObservations } from './prose.js';
import { type RuleTrace, recordedRules } from './rules/engine.js';
import { readPartOf, valueLabel } from './rules/label/table.js';
import { observationContext } from './rules/observation-context.js';
import type { CellContext, HeaderBlock, TableLayout } from './rules/table-context.js';
import { TABLE_OBSERVATION_RULES, TABLE_RULES } from './rules/tables.js';
import {
  dataValue,
  holdsCount,
  looksScrambled,
  normalized,
  type Piece,
  pickPeriod,
  readPiece,
  stageColumns,
} from './table/pieces.js';

/** A bullet mark at the start or after a blank starts an item (`• 協議の場の設置 • 退院後の生活日数`). */
const BULLET_ITEM = new RegExp(`(?:^|\\s+)${charClass(BULLET_MARKS)}\\s*`, 'u');

export { continuesSheet, looksScrambled, stageColumns, unitFromLabel } from './table/pieces.js';

export interface TableReading {
  observations: Observation[];
  issues: Issue[];
  /** The latest fiscal year of the table's data cells read as results (not of numbers in its sentences). */
  latestResult?: number | null;
  /** How the table was laid out (null: it holds no grid). */
  layout?: TableLayout | null;
}

/** The x-extent of each column of a PDF table, from its cells of one column (body cells first), or null. */
function columnExtents(t: Table): ({ x0: number; x1: number } | null)[] {
  const out: ({ x0: number; x1: number } | null)[] = Array.from({ length: t.nCols }, () => null);
  for (const role of ['body', 'other'] as const)
    for (const cell of t.cells) {
      if (!cell.bbox || cell.colSpan !== 1 || !cell.text.trim() || (role === 'body') !== (cell.role !== 'header'))
        continue;
      if (role === 'other' && out[cell.col]) continue;
      const e = out[cell.col];
      out[cell.col] = e
        ? { x0: Math.min(e.x0, cell.bbox.x0), x1: Math.max(e.x1, cell.bbox.x1) }
        : { x0: cell.bbox.x0, x1: cell.bbox.x1 };
    }
  return out;
}

/**
 * Where each column of a narrower PDF table stands under a wider one: for every column, the column of `wide` its
 * cells overlap most, left to right and none twice; null when a column has no cell, overlaps none, or the first
 * columns do not match.
 */
function columnsUnder(narrow: Table, wide: Table): number[] | null {
  const mine = columnExtents(narrow);
  const theirs = columnExtents(wide);
  const map: number[] = [];
  for (const e of mine) {
    if (!e) return null;
    let best = -1;
    let most = 0;
    for (let j = (map.at(-1) ?? -1) + 1; j < theirs.length; j++) {
      const o = theirs[j];
      const shared = o ? Math.min(e.x1, o.x1) - Math.max(e.x0, o.x0) : 0;
      if (shared > most) [best, most] = [j, shared];
    }
    if (best < 0) return null;
    map.push(best);
  }
  return map[0] === 0 ? map : null;
}

/** Lay a table out: data cells, header rows, stub columns, column headers and row labels (the layout rules). */
export function layoutTable(
  table: Table,
  ctx: TableContext,
  stages: string[] | null,
  trace?: RuleTrace,
  above: TableLayout | null = null,
  aboveColumns?: number[],
): TableLayout | null {
  const grid = tableToGrid(table);
  const nR = table.nRows;
  const nC = table.nCols;
  if (nR === 0 || nC === 0) return null;
  const written = (r: number, c: number) => grid[r]?.[c]?.text ?? '';
  const repaired = new Map<string, string>();
  const text = (r: number, c: number) => repaired.get(`${r},${c}`) ?? written(r, c);
  const data = Array.from({ length: nR }, (_, r) => Array.from({ length: nC }, (_, c) => dataValue(text(r, c))));
  const L: TableLayout = {
    fired: [],
    table,
    ctx,
    grid,
    nR,
    nC,
    text,
    isTopLeft: (r, c) => {
      const cell = grid[r]?.[c];
      return !!cell && cell.row === r && cell.col === c;
    },
    data,
    repaired,
    written,
    hasNumber: (r, c) => (data[r]?.[c]?.quantities.length ?? 0) > 0,
    stages,
    headerRows: table.headerRows ?? 0,
    stubCols: 0,
    colPieces: [],
    corner: [],
    rowTexts: [],
    tableUnit: null,
    kindColumns: 0,
    national: [],
    planColumns: [],
    yearColumns: [],
    opinion: [],
    trace,
    above,
    ...(aboveColumns ? { aboveColumns } : {}),
  };
  const where = `table ${table.index}`;
  TABLE_RULES.layout.run('cells', L, trace, where);
  TABLE_RULES.layout.run('header-rows', L, trace, where);
  TABLE_RULES.layout.run('stub-columns', L, trace, where);
  if (TABLE_RULES.layout.first('skip-table', L, trace, where)) return L;
  TABLE_RULES.layout.run('headers', L, trace, where);
  readHeaders(L);
  L.opinion = Array.from({ length: nC }, (_, c) => c > 0 && !!stages && /意見/u.test(stages[c] ?? ''));
  return L;
}

/** What a layout's column headers and corner say of the whole table: its unit, kind, guideline, plan and year columns. */
function readHeaders(L: TableLayout): void {
  L.tableUnit = L.corner.find((p) => p.unit) ?? null;
  L.kindColumns = L.colPieces.filter((ps) => ps.some((p) => p.kind)).length;
  L.national = L.colPieces.map((ps) => ps.some((p) => isGuidelineText(p.text)));
  L.planColumns = L.colPieces.map((ps) => ps.some((p) => p.period?.kind === 'plan_term'));
  // A column headed by a year (`2019年度の進捗`, `2018 | 2019 | 2020` under `年度の進捗目標`) holds that year's values
  // or results in words: its text labels no number in a later column.
  L.yearColumns = L.colPieces.map((ps) =>
    ps.some((p) => p.period?.fiscalYear != null && p.period.kind !== 'plan_term'),
  );
}

/** The layout the rows of a block read (`layout.block-header-rows`): the table's, with the block's headers and corner. */
function blockLayout(L: TableLayout, block: HeaderBlock): TableLayout {
  const B: TableLayout = {
    ...L,
    colPieces: block.colPieces,
    corner: block.corner,
  };
  readHeaders(B);
  return B;
}

/** The evidence around one data cell, before any rule decides. */
function cellContext(
  L: TableLayout,
  r: number,
  c: number,
  texts: string[],
  allPieces: (Piece | null)[],
  prevIndicator: string | null,
  prevUnitSource: Piece | null,
  groupAbove: string | null = null,
): CellContext {
  const cols = L.colPieces[c] ?? [];
  // (a cell before this one holding a count of its own, `38人（令和元年度）` under 基準値, is a value: it neither
  // labels nor dates this one)
  const stubs = allPieces
    .slice(0, c)
    .filter((p, i): p is Piece => p !== null && p.text !== '' && !(i >= L.stubCols && holdsCount(p.text)));
  // (`当該団体` over a column beside `類似団体平均`: whose figures, not what they are of — no label)
  const labelled = (ps: Piece[]) =>
    ps.filter(
      (p) =>
        p.label &&
        !isMeasureOnly(p.label) &&
        !isSubgroup(p.label) &&
        !isReportingBody(p.label) &&
        // (`A-B` over a difference of lettered columns: a formula, no name)
        !letterDifference(p.label),
    );
  const kindStub = [...stubs].reverse().find((p) => p.kind);
  return {
    fired: [...L.fired],
    L,
    ctx: L.ctx,
    r,
    c,
    texts,
    allPieces,
    quantities: L.data[r]?.[c]?.quantities ?? [],
    prevIndicator,
    prevUnitSource,
    groupAbove,
    stubs,
    cols,
    rowLabels: labelled(stubs).map((p) => p.label!),
    rowSubgroups: stubs.filter((p) => p.label && isSubgroup(p.label)).map((p) => p.label!),
    rowMeasure: stubs.map((p) => (p.label ? measureOf(p.label) : null)).find(Boolean) ?? null,
    colLabels: labelled(cols).map((p) => p.label!),
    colSubgroups: cols.filter((p) => p.label && isSubgroup(p.label)).map((p) => p.label!),
    // (a column headed by a basis alone, `人口1人当たり`, is measured so: its measure)
    colMeasure:
      cols
        .map((p) => (p.label ? (measureOf(p.label) ?? (isPerBasis(p.label) ? p.label : null)) : null))
        .find(Boolean) ?? null,
    cornerLabel: L.corner.find((p) => p.label && !isMeasureOnly(p.label))?.label ?? null,
    cornerMeasure: L.corner.map((p) => (p.label ? measureOf(p.label) : null)).find(Boolean) ?? null,
    labels: [],
    indicator: '',
    subgroup: null,
    measure: null,
    colKind: [...cols].reverse().find((p) => p.kind)?.kind ?? null,
    rowKind: kindStub?.kind ?? null,
    kindStub,
    kind: null,
    planColumn: false,
    headerPeriod: pickPeriod(cols) ?? pickPeriod(stubs) ?? null,
    headingPeriod: null,
    period: null,
    unitSource: null,
    unit: null,
    unitText: null,
    factor: 1,
    itemHead: '',
    items: [],
    values: [],
    itemLabels: [],
    valueKinds: [],
    warnings: [],
    value: null,
    valueUnit: null,
    valueUnitText: null,
  };
}

/**
 * The confidence an OCR'd table allows the number at (r, c): the lowest of its cell's, its row's stub cells' and its
 * column's header cells' (`TableCell.confidence`, set from the OCR spans in them; 1 where absent: a text layer).
 */
export function cellConfidenceOf(table: Table, headerRows: number, stubCols: number): (r: number, c: number) => number {
  if (!table.cells.some((c) => c.confidence !== undefined)) return () => 1;
  const at = new Map<string, number>();
  for (const cell of table.cells) {
    if (cell.confidence === undefined) continue;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++)
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) at.set(`${r},${c}`, cell.confidence);
  }
  const conf = (r: number, c: number) => at.get(`${r},${c}`) ?? 1;
  return (r, c) => {
    let min = conf(r, c);
    for (let k = 0; k < Math.min(stubCols, c); k++) min = Math.min(min, conf(r, k));
    for (let k = 0; k < Math.min(headerRows, r); k++) min = Math.min(min, conf(k, c));
    return min;
  };
}

const WITHOUT_BARE_YEARS = new WeakMap<TableContext['periods'], TableContext['periods']>();

/** Read one table into observations. */
export function tableToObservations(
  table: Table,
  given: TableContext,
  /**
   * The stage row of the review sheet: the table's own (`stageColumns`), or that of the sheet it continues (see
   * `continuesSheet`). Found here when not given.
   */
  sheetStages: string[] | null = stageColumns(table),
  trace?: RuleTrace,
  /** The tables read before this one, latest last, for a table continuing one above (`TableLayout.above`). */
  before: readonly TableLayout[] = [],
): TableReading {
  const issues: Issue[] = [];
  let ctx = given;
  if (!writesBareYears(table)) {
    // (one options object per document's options, so that the readers' memos are shared by its tables)
    let periods = WITHOUT_BARE_YEARS.get(given.periods);
    if (!periods) {
      periods = { ...given.periods, bareWesternYears: false };
      WITHOUT_BARE_YEARS.set(given.periods, periods);
    }
    ctx = { ...given, periods };
  }
  const near = [...before]
    .reverse()
    .filter((b) => b.headerRows > 0 && (b.table.page === table.page || b.table.page === table.page - 1));
  let above = near.find((b) => b.nC === table.nCols) ?? null;
  // (a PDF block whose blank column the table finder dropped — no 地方債 amount on any of its rows — is narrower than
  // the table it continues: its columns are matched to that table's by where they stand on the page)
  let aboveColumns: number[] | undefined;
  if (!above && table.headerRows === 0)
    for (const b of near) {
      if (b.nC <= table.nCols) continue;
      const map = columnsUnder(table, b.table);
      if (map) {
        above = b;
        aboveColumns = map;
        break;
      }
    }
  const L = layoutTable(table, ctx, sheetStages, trace, above, aboveColumns);
  if (!L || L.skip) return { observations: [], issues, layout: L };
  const { nR, nC, headerRows, stubCols, text, rowTexts, opinion } = L;
  // (a table in blocks reads each block's rows by that block's headers; the block's header rows are no body rows)
  let view = L;
  const rules = TABLE_RULES.cell;
  const draftBase = {
    page: table.page,
    table_index: table.index,
    section: ctx.section,
    confidence: table.quality.score,
    ocr: table.cells.some((cell) => cell.confidence !== undefined),
  };
  const ocrConfidence = cellConfidenceOf(table, headerRows, stubCols);
  const observations: Observation[] = [];
  let prevIndicator: string | null = null;
  // (the row above of a cell is the cell above it: what each column's last data row was of, so that a part row
  // under a row whose columns name different items, `H17 | 決算額 | 人口1人当たり | 類似団体平均`, is a part of
  // each column's item, not of the item its own left neighbour just took)
  let aboveByCol: (string | null)[] = [];
  let prevUnitSource: Piece | null = null;
  let unitAboveByCol: (Piece | null)[] = [];
  let latestResult: number | null = null;
  // (the last row that names a group and holds no number: what a 小計 below it totals)
  let groupAbove: string | null = null;

  for (let r = headerRows; r < nR; r++) {
    const block = L.blocks?.find((b) => r >= b.row && r < b.row + b.rows);
    if (block) {
      view = blockLayout(L, block);
      continue;
    }
    const { colPieces, national, planColumns, yearColumns } = view;
    const texts = rowTexts[r - headerRows] ?? [];
    // Label cells: stubs, and short cells between data columns (区分). Long descriptive cells (考え方) are not labels.
    // The guideline's column beside the row's own label (`一般就労移行者数 | 目標 | 人 | 令和3年度実績の1.28倍以上`) labels
    // nothing and names no kind: its words are the country's (family "a guideline set above the city").
    const guidelineBeside = (c: number) => !!national[c] && texts.slice(0, c).some((u, j) => !!u && !national[j]);
    const labelLike = (t: string, c: number) =>
      !!t && !guidelineBeside(c) && (c < stubCols ? t.length <= 80 : t.length <= 16 && !/[。]/.test(t));
    const allPieces = texts.map((t, c) => (labelLike(t, c) ? readPiece(t, ctx.periods) : null));
    const rowStart = observations.length;
    const rowAbove = prevIndicator;
    const rowUnitAbove = prevUnitSource;
    const rowByCol: (string | null)[] = [];
    const rowUnitByCol: (Piece | null)[] = [];
    // (a row read as a breakdown of the row above by its indent leaves the indicator above to the rows after it)
    let indentedPart = false;
    for (let c = stubCols; c < nC; c++) {
      const cell = L.data[r]?.[c];
      if (!cell || cell.missing || cell.quantities.length === 0) continue;
      const x = cellContext(
        view,
        r,
        c,
        texts,
        allPieces,
        aboveByCol[c] ?? rowAbove,
        c in unitAboveByCol ? unitAboveByCol[c]! : rowUnitAbove,
        groupAbove,
      );
      const where = `table ${table.index} r${r}c${c}`;
      if (rules.first('skip', x, trace, where)) continue;
      rules.run('row-label', x, trace, where);
      rules.run('kind', x, trace, where);
      x.labels = [...x.rowLabels, ...x.colLabels];
      rules.run('label', x, trace, where);
      if (rules.first('skip-unlabelled', x, trace, where)) continue;
      x.subgroup = [...x.rowSubgroups, ...x.colSubgroups].join(' ') || null;
      x.measure =
        x.rowMeasure ??
        x.colMeasure ??
        x.cornerMeasure ??
        x.stubs.find((p) => p.label && isMeasureOnly(p.label))?.label ??
        null;
      rules.run('unit', x, trace, where);
      rules.run('period', x, trace, where);
      rules.run('kind-final', x, trace, where);
      const { head, items } = bulletItems(
        texts
          .slice(0, c)
          .filter((t, i) => labelLike(t, i))
          .join(' '),
      );
      x.itemHead = head;
      x.items = items;
      x.values = cell.quantities;
      x.itemLabels = cell.quantities.map(() => null);
      rules.run('values', x, trace, where);
      const cellFired = [...x.fired];
      x.values.forEach((written, i) => {
        x.fired = [...cellFired];
        x.value = written;
        x.valueUnit = null;
        x.valueUnitText = null;
        rules.run('value', x, trace, where);
        const q = x.value;
        const { label, subgroup } = valueLabel(x, i);
        const d: ObservationDraft = {
          ...draftBase,
          confidence: Math.min(draftBase.confidence, ocrConfidence(r, c)),
          indicator_label: label,
          subgroup,
          measure: x.measure,
          row: r,
          col: c,
          period: x.period,
          value_kind: x.valueKinds[i] ?? x.kind!,
          quantity: q,
          unit: x.valueUnit ?? x.unit ?? q.unit,
          unit_text: x.valueUnit ? x.valueUnitText : (x.unitText ?? q.unitText),
          value_text: L.written(r, c),
          warnings: [...x.warnings],
          subsetLabel: q.subsetLabel ?? ctx.subsetNote,
          rules: recordedRules(x),
          reader: 'table',
        };
        observations.push(...makeObservation(d, ctx));
        const p: FiscalPeriod | null = x.period;
        if (x.kind === 'actual' && p?.fiscalYear != null && p.kind !== 'plan_term')
          latestResult = Math.max(latestResult ?? p.fiscalYear, p.fiscalYear);
      });
      prevIndicator = x.indicator;
      rowByCol[c] = x.indicator;
      rowUnitByCol[c] = x.unitSource;
      prevUnitSource = x.unitSource;
      if (x.fired.includes('label.indented-part-of-row-above')) indentedPart = true;
    }
    if (rowByCol.length) {
      aboveByCol = rowByCol;
      unitAboveByCol = rowUnitByCol;
    }
    // Numbers written in sentences inside text cells (`市内に2カ所以上…整備する`, `・事業所数 3か所`).
    const rowData = observations.slice(rowStart);
    for (let c = 0; c < nC; c++) {
      const t = text(r, c);
      if ((c < stubCols && t.length < 12) || national[c] || opinion[c]) continue;
      if (L.data[r]?.[c] !== null || t.length < 8 || !/[0-9０-９]/.test(t) || !L.isTopLeft(r, c) || looksScrambled(t))
        continue;
      const cols = colPieces[c] ?? [];
      // A column headed by a plan term (`第7期…計画`) holds that plan's values in words: not a label of the next.
      // A stub holding a count of its own (`・拠点数：令和5年度末 1か所`) labels and dates that count, not this
      // cell's: such a stub after the first is no label here, and none gives this cell its year.
      const stubs = allPieces
        .slice(0, Math.min(c, stubCols))
        .filter(
          (p, i): p is Piece =>
            p !== null &&
            p.text !== '' &&
            !national[i] &&
            !planColumns[i] &&
            !(i > 0 && (holdsCount(p.text) || yearColumns[i])),
        );
      const lead =
        stubs
          .map((p) => p.label)
          .filter(Boolean)
          .map((l) => stripNumbering(l!))
          .join(' ') || null;
      const colPeriod = pickPeriod(cols);
      // What the national guideline's cells of the row list (`• 保健・医療・福祉関係者による協議の場の設置`).
      const rowItems = texts.flatMap((x, i) =>
        national[i] && x
          ? x
              .split(BULLET_ITEM)
              .map((s) => s.trim())
              .filter(Boolean)
          : [],
      );
      // A stub that is a year alone (`令和3年度`) under a national guideline's header (`基本指針の目標 | … | 1 障害児
      // 支援…`, a review sheet whose first rows restate the guideline) is the year the row reports on: results
      // without a year of their own fall on it, targets (`1か所以上の設置に向け`) still on the plan's end.
      const reportRow = pickPeriod(
        allPieces
          .slice(0, Math.min(c, stubCols))
          .filter((p, i): p is Piece => !!p && national[i]! && p.period?.fiscalYear != null && !p.label),
      );
      // `　うち就労移行支援事業` (or `（再掲）…`) under `(7) 福祉施設から一般就労への移行者数`: a part of the row above.
      const part = lead && prevIndicator ? readPartOf(lead) : null;
      const partOf = part ? { indicator: prevIndicator!, part: part.part } : null;
      const state: ProseState = {
        lead,
        // Values written in a plan's own column (`第7期…計画`) are that plan's targets unless they say otherwise.
        kind:
          [...cols].reverse().find((p) => p.kind)?.kind ??
          [...stubs].reverse().find((p) => p.kind)?.kind ??
          (colPeriod?.kind === 'plan_term' ? 'target' : null),
        period: colPeriod ?? pickPeriod(stubs.filter((p) => !holdsCount(p.text))),
      };
      const said = proseToObservations(
        {
          text: t,
          page: table.page,
          section: ctx.section,
          table_index: table.index,
          row: r,
          col: c,
          alwaysLead: true,
          rowItems,
          header: cols.map((p) => p.text).join(' '),
          rowPartOf: partOf,
        },
        state,
        reportRow ? { ...ctx, reportYear: reportRow } : ctx,
        trace,
      );
      const cellText = normalized(t);
      const reasoning = cols.some((p) => /考え方|根拠|算出/u.test(p.text));
      for (const o of said) {
        const x = observationContext(o, rowData, { cellText, reasoning });
        if (!TABLE_OBSERVATION_RULES.first('sentence', x, trace, `table ${table.index} r${r}c${c}`))
          observations.push(o);
      }
    }
    // (the stubs' labels: a data cell's words, `令和8年度中に16人以上`, name no indicator)
    const own = allPieces
      .slice(0, stubCols)
      .filter(
        (p): p is Piece =>
          !!p?.label &&
          !isMeasureOnly(p.label) &&
          !isSubgroup(p.label) &&
          !/^(?:うち|[(（]\s*(?:うち|内))/u.test(p.label),
      );
    const numbered = (L.data[r] ?? []).some((d, c) => c >= stubCols && !!d && d.quantities.length > 0);
    if (own.length && !numbered) groupAbove = own.map((p) => stripNumbering(p.label!)).join(' ');
    if (own.length && !indentedPart) {
      prevIndicator = own.map((p) => stripNumbering(p.label!)).join(' ');
      aboveByCol = [];
      unitAboveByCol = [];
    }
  }
  for (const o of observations)
    TABLE_OBSERVATION_RULES.run('revisit-table', observationContext(o, observations), trace, `table ${table.index}`);
  issues.push(
    ...checkTable({
      tableIndex: table.index,
      observations,
      rowLabels: (r) => (rowTexts[r - headerRows] ?? []).filter((t) => t && t.length <= 80),
      colLabels: (c) => (L.colPieces[c] ?? []).map((p) => p.label ?? p.text),
    }),
  );
  if (observations.length === 0 && table.cells.some((c) => findPeriods(c.text).length > 0 && /\d/.test(c.text))) {
    issues.push({
      code: 'TABLE_NO_DATA',
      severity: 'info',
      stage: 'normalize',
      message: 'table has years but no numeric data cells were read',
      where: `table ${table.index}`,
    });
  }
  return { observations, issues, latestResult, layout: L };
}
