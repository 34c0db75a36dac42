/**
 * Header reading: from a recovered table, decide for every numeric data cell its indicator, subgroup, measure,
 * unit, period and value kind, and emit observations. Works on the grid alone plus the table's context
 * (caption, headings, plan period): no knowledge of any particular document.
 */
import type { FiscalPeriod, Issue, Observation, Quantity, Table, ValueKind } from '@shiryo/model';
import { tableToGrid } from '@shiryo/model';
import { checkTable } from './checks.js';
import type { TableContext } from './context.js';
import { fiscalYearOfIso } from './dates.js';
import {
  bulletItems,
  compact,
  isGeneric,
  isMeasureOnly,
  isSubgroup,
  measureOf,
  NATIONAL_GUIDELINE,
  stripNumbering,
  stripTags,
} from './labels.js';
import { makeObservation, type ObservationDraft } from './observe.js';
import { findPeriods, fyPeriod, parseColumnHeader } from './period/index.js';
import { type ProseState, proseToObservations } from './prose.js';
import { canonicalUnit, parseQuantity, splitLabelUnit, unitInfo } from './quantity/index.js';
import { normalizeText } from './text/index.js';

/** What one header or stub text says. */
interface Piece {
  text: string;
  period: FiscalPeriod | null;
  kind: ValueKind | null;
  label: string | null;
  unit: string | null;
  unitText: string | null;
  /** Multiply values read under this label by it (`（千円）` → 1000). */
  factor?: number;
}

const SPECIFIC = new Set(['fy', 'fy_end', 'date', 'month', 'year']);

/** Small bounded memo: the same header and stub texts are read many times per table and per document. */
function memo<T>(fn: (s: string) => T, size = 4000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const v = fn(s);
    if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    cache.set(s, v);
    return v;
  };
}

const readPiece = memo(readPieceUncached);
const normalized = memo((s: string) => normalizeText(s).text);
const cellPeriod = memo((s: string) =>
  /\d/.test(s) ? (findPeriods(s).find((x) => x.fiscalYear !== null) ?? null) : null,
);
const dataValue = memo(dataValueUncached);
/** The text states a count with its unit (`・拠点数：令和5年度末 1か所`), not only a number. */
const holdsCount = memo((s: string) => parseQuantity(s).quantities.some((q) => q.unit));

function readPieceUncached(raw: string): Piece {
  const text = normalizeText(raw.replace(/<[^>]+>/g, ' '))
    .text.replace(/\s+/g, ' ')
    .trim();
  // An answer (`有`, `無`, `○`, `×`) reports that something is done: it labels nothing.
  if (!text || /^(?:有|無|○|◯|×|済)$/u.test(text))
    return { text, period: null, kind: null, label: null, unit: null, unitText: null };
  // A cell that is only a unit (`人/月` under 単位) names the unit of its row or column.
  const whole = canonicalUnit(text);
  if (whole && !/[0-9]/.test(text)) return { text, period: null, kind: null, label: null, unit: whole, unitText: text };
  // Unit first (`見込量（人日/月）`), so that the kind word stands alone.
  const split = splitLabelUnit(text);
  // A sentence in a stub (`2025年問題を広報等でとりあげ、…`) is a label, not a header with a year.
  if (text.length > 30 && /[、。]/.test(text)) {
    const label = stripTags(text) || null;
    return { text, period: null, kind: null, label, unit: null, unitText: null };
  }
  const h = parseColumnHeader(split.label ?? text);
  let label: string | null = stripTags(normalized(h.rest ?? '')).trim();
  if (!label || isGeneric(label) || /^[\s()（）/・:：-]*$/.test(label) || /^第\s*\d+\s*期(?:計画)?の?$/.test(label))
    label = null;
  return {
    text,
    period: h.period,
    kind: h.valueKind,
    label,
    unit: split.unit,
    unitText: split.unitText,
    factor: split.factor,
  };
}

/** A cell reads as data when it holds a quantity and little else (a label with a number inside is not data). */
function dataValueUncached(text: string): { quantities: Quantity[]; missing: boolean } | null {
  // A cell of single digits with blanks between them (`3 3`, OCR) is one number.
  const t = /^[0-9０-９](?: [0-9０-９])+$/u.test(text.trim()) ? text.trim().replace(/ /g, '') : text.trim();
  if (!t) return { quantities: [], missing: true };
  // Numbers that name a group or an ordinal are labels, not data: 65歳以上, 1級, 第6期, 3号認定, 1-①.
  if (/[0-9０-９]\s*(歳|級|号|期|条|節|章|次)|第\s*[0-9０-９]|^[0-9０-９]+\s*[-－]\s*[①-⑳0-9]/u.test(t)) return null;
  const v = parseQuantity(t);
  if (v.missing) return { quantities: [], missing: true };
  if (v.quantities.length === 0) return null;
  const rest = compact(t)
    .replace(/[▲△+\-−－]?[0-9０-９][0-9０-９,，.．]*/g, '')
    .replace(
      /人日|人|名|回|件|時間|日|月|年|か所|箇所|カ所|ヶ所|ケ所|床|円|千円|%|％|割|分|倍|世帯|部|以上|以下|未満|超|を超えない|を超える|程度|約|[<>＜＞()（）・/／:：~～]/g,
      '',
    );
  return rest.length <= 3 ? v : null;
}

function pickPeriod(pieces: Piece[]): FiscalPeriod | null {
  const withPeriod = pieces.filter((p) => p.period);
  return (withPeriod.find((p) => SPECIFIC.has(p.period!.kind)) ?? withPeriod[0])?.period ?? null;
}

/**
 * A comparison written without a year (`比較 | ▲4人`) compares as of the latest result: it takes the latest year
 * of the actual values in its row, or else in its table.
 */
export function datePendingComparisons(observations: Observation[]): void {
  const latest = (os: Observation[]) =>
    os
      .filter((o) => (o.value_kind === 'actual' || o.value_kind === 'estimate') && o.fiscal_year !== null)
      .sort((a, b) => (b.fiscal_year ?? 0) - (a.fiscal_year ?? 0))[0];
  const tableLatest = latest(observations);
  for (const o of observations) {
    if ((o.value_kind !== 'deviation' && o.value_kind !== 'achievement_rate') || o.fiscal_year !== null) continue;
    const ref = latest(observations.filter((x) => x.row === o.row)) ?? tableLatest;
    if (!ref) continue;
    o.fiscal_year = ref.fiscal_year;
    o.period_kind = ref.period_kind;
    o.period_start = ref.period_start;
    o.period_end = ref.period_end;
    o.warnings.push(
      `year of the latest result in the ${ref.row === o.row ? 'row' : 'table'} (the comparison names none)`,
    );
  }
}

/** A unit implied by the measure word when nothing states one: 人数 → person, 世帯数 → household … */
export function unitFromLabel(label: string): string | null {
  const c = compact(label);
  if (/世帯数?$/.test(c)) return 'household';
  if (/(人数|者数|人口|人員)$/.test(c)) return 'person';
  if (/(箇所数|か所数|事業所数|施設数)$/.test(c)) return 'facility';
  if (/(件数)$/.test(c)) return 'case';
  if (/(回数)$/.test(c)) return 'time';
  if (/(割合|率)$/.test(c)) return 'percent';
  if (/(工賃|費用|金額|額)$/.test(c)) return 'yen';
  return null;
}

/** `(人・世帯)` over a table: the unit of a column is the one its label names. */
function unitFromCompositeHint(hint: string, label: string): string | null {
  const parts = hint
    .replace(/[()（）]/g, '')
    .split(/[・、,／/]/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  const named = parts.find((u) => label.includes(u));
  return canonicalUnit(named ?? parts[0]!) ?? null;
}

/** Vertical text split into single characters and shuffled (`て社第 計1回 画実 績報`): no sentence to read. */
export function looksScrambled(t: string): boolean {
  const tokens = t.split(/\s+/).filter(Boolean);
  return tokens.length >= 6 && tokens.filter((x) => [...x].length <= 3).length / tokens.length > 0.6;
}

export interface TableReading {
  observations: Observation[];
  issues: Issue[];
  /** The latest fiscal year of the table's data cells read as results (not of numbers in its sentences). */
  latestResult?: number | null;
}

/** A stage of a PDCA cycle with its letter: `計画 (P)`, `実施(D)`, `評価（Ｃ）`, `改善 (A)` (NFKC). */
const PDCA_STAGE = /(?:計画|実施|実行|評価|点検|改善|見直し)\s*\(\s*[PDCA]\s*\)/u;

/**
 * The row of a review sheet that names its stages across the columns (`区分 | 評価 (C) | 協議会等意見 | 改善 (A)`),
 * one text per column, or null when the table has none.
 */
export function stageColumns(table: Table): string[] | null {
  const grid = tableToGrid(table);
  for (const row of grid) {
    const texts = Array.from({ length: table.nCols }, (_, c) => (row[c]?.text ?? '').normalize('NFKC'));
    if (texts.some((t, c) => c > 0 && PDCA_STAGE.test(t))) return texts;
  }
  return null;
}

/**
 * A table that continues a review sheet on the next page (`成果目標 | 1 施設入所者の… ` then `令和4年度 | … | … | …`)
 * repeats the sheet's title row but not the row naming its stages: with as many columns, and every row below the
 * title a year (or nothing) in its first cell, its columns are the sheet's.
 */
export function continuesSheet(table: Table, stages: string[] | null): boolean {
  if (!stages || stages.length !== table.nCols || table.nRows < 2 || stageColumns(table)) return false;
  const grid = tableToGrid(table);
  for (let r = 1; r < table.nRows; r++) {
    const first = (grid[r]?.[0]?.text ?? '').trim();
    if (
      first &&
      !/^(?:令和|平成|R|H)\s*(?:\d{1,2}|元)\s*年度?$|^(?:19|20)\d{2}\s*年度?$/u.test(first.normalize('NFKC'))
    )
      return false;
  }
  return true;
}

/** Read one table into observations. */
export function tableToObservations(
  table: Table,
  ctx: TableContext,
  /**
   * The stage row of the review sheet: the table's own (`stageColumns`), or that of the sheet it continues (see
   * `continuesSheet`). Found here when not given.
   */
  sheetStages: string[] | null = stageColumns(table),
): TableReading {
  const issues: Issue[] = [];
  const grid = tableToGrid(table);
  const nR = table.nRows;
  const nC = table.nCols;
  if (nR === 0 || nC === 0) return { observations: [], issues };
  const text = (r: number, c: number) => grid[r]?.[c]?.text ?? '';
  const isTopLeft = (r: number, c: number) => {
    const cell = grid[r]?.[c];
    return !!cell && cell.row === r && cell.col === c;
  };

  // Which cells are data?
  const data: ({ quantities: Quantity[]; missing: boolean } | null)[][] = [];
  for (let r = 0; r < nR; r++) {
    const row: ({ quantities: Quantity[]; missing: boolean } | null)[] = [];
    for (let c = 0; c < nC; c++) row.push(dataValue(text(r, c)));
    data.push(row);
  }
  const hasNumber = (r: number, c: number) => (data[r]?.[c]?.quantities.length ?? 0) > 0;

  // Header rows: leading rows with no data in any column but the first; capped.
  // Header rows: the extractor's, extended by leading rows with no data but period or kind words (a second
  // header row `計画 | 実績 | 計画 | 実績` under `令和6年度 | | 令和7年度 |`).
  let headerRows = table.headerRows ?? 0;
  const rowHasNumbers = (r: number) => {
    for (let c = 1; c < nC; c++) if (hasNumber(r, c) && !readPiece(text(r, c)).period) return true;
    return false;
  };
  // A row with a sentence that reports numbers (`…事務連絡会6回、事例検討会6回…を開催し、…。`) is a body row of
  // a sheet, not a header, though no cell of it is a number alone.
  const rowReports = (r: number) => {
    for (let c = 1; c < nC; c++) {
      const t = text(r, c);
      if (t.length > 30 && /。/.test(t) && /[0-9０-９]/.test(t)) return true;
    }
    return false;
  };
  // A row whose first cell names a stage of a PDCA cycle (`計画 (P) ↓ 実施 (D)`, `評価（Ｃ）`) is a part of a review
  // sheet: what the plan set and did, then what was found. Its cells (`目標値`) are that stage's, not headers of the
  // rows below; stages named across a row (`区分 | 評価 (C) | 改善 (A)`) do head columns.
  const stageRow = (r: number) => PDCA_STAGE.test(text(r, 0).normalize('NFKC'));
  if (!headerRows) {
    while (
      headerRows < Math.min(4, nR - 1) &&
      !rowHasNumbers(headerRows) &&
      !rowReports(headerRows) &&
      !stageRow(headerRows)
    )
      headerRows++;
  } else {
    while (headerRows < Math.min(4, nR - 1) && !rowHasNumbers(headerRows) && !stageRow(headerRows)) {
      let words = 0;
      let counts = 0;
      for (let c = 1; c < nC; c++) {
        const p = readPiece(text(headerRows, c));
        if (p.kind || p.period) words++;
        // `11人（基準値の入所者数の6％以上）`, `5人（令和4年度末までの累計）`: a count with its unit is a value
        if (holdsCount(text(headerRows, c))) counts++;
      }
      if (words === 0 || counts > 0) break;
      headerRows++;
    }
  }
  // Stub columns: leading columns whose body cells are mostly labels.
  let stubCols = 0;
  while (stubCols < nC - 1) {
    let labels = 0;
    let numbers = 0;
    for (let r = headerRows; r < nR; r++) {
      const t = text(r, stubCols);
      if (!t) continue;
      if (hasNumber(r, stubCols) && !readPiece(t).period) numbers++;
      else labels++;
    }
    if (numbers > 0 && numbers >= labels) break;
    if (labels === 0 && numbers === 0 && stubCols > 0) break;
    stubCols++;
  }
  // A column headed by a year or a value kind whose cells mostly hold counts written in words
  // (`・地域生活移行者数：10人` under `第6期計画の目標値（令和5年度）`) holds values: it is not a stub.
  for (let c = 1; c < stubCols; c++) {
    let valued = false;
    for (let r = 0; r < headerRows; r++) {
      const p = readPiece(text(r, c));
      if (p.period || p.kind) valued = true;
    }
    let filled = 0;
    let counts = 0;
    for (let r = headerRows; r < nR && valued; r++) {
      const t = text(r, c);
      if (!t || !isTopLeft(r, c)) continue;
      filled++;
      if (/[0-9０-９]/.test(t) && holdsCount(t)) counts++;
    }
    if (valued && filled > 0 && counts * 2 >= filled) {
      stubCols = c;
      break;
    }
  }
  // A column under a stage's name in the body (`区分 | 評価 (C) | 協議会等意見 | 改善 (A)` below the sheet's
  // `計画 (P)` row) holds what that stage reports: it is not a stub, nor is any column right of it.
  for (let c = 1; c < stubCols; c++) {
    let stage = false;
    for (let r = headerRows; r < nR; r++) if (PDCA_STAGE.test(text(r, c).normalize('NFKC'))) stage = true;
    if (stage) {
      stubCols = c;
      break;
    }
  }
  if (stubCols === 0 && headerRows === 0) return { observations: [], issues };

  // Column descriptors (top to bottom). A blank header cell right of a filled one, over a column whose lower
  // header rows have text, is a flattened column span: it repeats the cell on its left.
  const headerText = (r: number, c: number): string => {
    const t = text(r, c);
    if (t || c === 0 || (c <= stubCols && stubCols < nC - 1)) return t;
    let below = false;
    for (let rr = r + 1; rr < headerRows; rr++) if (text(rr, c)) below = true;
    return below ? headerText(r, c - 1) : '';
  };
  const colPieces: Piece[][] = [];
  for (let c = 0; c < nC; c++) {
    const seen = new Set<string>();
    const ps: Piece[] = [];
    for (let r = 0; r < headerRows; r++) {
      const t = headerText(r, c);
      if (!t || seen.has(t)) continue;
      seen.add(t);
      ps.push(readPiece(t));
    }
    colPieces.push(ps);
  }
  const corner: Piece[] = [];
  for (let r = 0; r < headerRows; r++)
    for (let c = 0; c < stubCols; c++) if (text(r, c)) corner.push(readPiece(text(r, c)));
  if (headerRows === 0 && stubCols === 0) return { observations: [], issues };

  // Row labels: every non-data cell of the row (stubs, and 区分 columns between data columns). Blank leading
  // stub cells take the label above them (a row span flattened into blanks), unless a cell to their left is new.
  const rowTexts: string[][] = [];
  for (let r = headerRows; r < nR; r++) {
    const row: string[] = [];
    const prev = rowTexts[rowTexts.length - 1];
    let leftIsNew = false;
    for (let c = 0; c < nC; c++) {
      const d = data[r]?.[c];
      let t = d === null ? text(r, c) : '';
      if (d !== null && c < stubCols && !text(r, c)) t = '';
      if (c < stubCols && !t && !leftIsNew && prev && rowHasData(r)) t = prev[c] ?? '';
      else if (c < stubCols && t && t !== prev?.[c]) leftIsNew = true;
      row.push(t);
    }
    rowTexts.push(row);
  }
  // `利用実人数 | 見込 | …` over `（人／年） | 実績 | …`: a label's unit written on the next line, in the next row's
  // stub, is the unit of both rows.
  for (let i = 1; i < rowTexts.length; i++) {
    for (let c = 0; c < stubCols; c++) {
      const [above, here] = [rowTexts[i - 1]![c] ?? '', rowTexts[i]![c] ?? ''];
      const unitOnly = canonicalUnit(here.replace(/^[(（]\s*|\s*[)）]$/gu, ''));
      if (!above || !unitOnly || !/^[(（].*[)）]$/u.test(here.trim()) || splitLabelUnit(above).unit) continue;
      rowTexts[i - 1]![c] = `${above}${here}`;
      rowTexts[i]![c] = `${above}${here}`;
    }
  }
  function rowHasData(r: number): boolean {
    for (let c = stubCols; c < nC; c++) if (hasNumber(r, c)) return true;
    return false;
  }

  const tableUnit = corner.find((p) => p.unit) ?? null;
  const kindColumns = colPieces.filter((ps) => ps.some((p) => p.kind)).length;
  // A column of the national guideline (`国の成果目標概要`, `基本指針`) states the country's targets, not the city's.
  const national = colPieces.map((ps) => ps.some((p) => NATIONAL_GUIDELINE.test(p.text)));
  const planColumns = colPieces.map((ps) => ps.some((p) => p.period?.kind === 'plan_term'));
  // A column headed by a year (`2019年度の進捗`, `2018 | 2019 | 2020` under `年度の進捗目標`) holds that year's values
  // or results in words: its text labels no number in a later column.
  const yearColumns = colPieces.map((ps) =>
    ps.some((p) => p.period?.fiscalYear != null && p.period.kind !== 'plan_term'),
  );
  // A review sheet's column of what its committee said (`協議会等意見`, `委員の意見`) asks and suggests (`2床程度
  // 確保してほしい`): its numbers are not the city's.
  const stages = sheetStages;
  const opinion = Array.from({ length: nC }, (_, c) => c > 0 && !!stages && /意見/u.test(stages[c] ?? ''));
  const draftBase = {
    page: table.page,
    table_index: table.index,
    section: ctx.section,
    confidence: table.quality.score,
  };
  const observations: Observation[] = [];
  let prevIndicator: string | null = null;
  let latestResult: number | null = null;

  for (let r = headerRows; r < nR; r++) {
    const texts = rowTexts[r - headerRows] ?? [];
    // Label cells: stubs, and short cells between data columns (区分). Long descriptive cells (考え方) are not labels.
    const labelLike = (t: string, c: number) =>
      !!t && (c < stubCols ? t.length <= 80 : t.length <= 16 && !/[。]/.test(t));
    const allPieces = texts.map((t, c) => (labelLike(t, c) ? readPiece(t) : null));
    const rowStart = observations.length;
    for (let c = stubCols; c < nC; c++) {
      const cell = data[r]?.[c];
      if (!cell || cell.missing || cell.quantities.length === 0) continue;
      if (!isTopLeft(r, c) || national[c] || opinion[c]) continue;
      // (a cell before this one holding a count of its own, `38人（令和元年度）` under 基準値, is a value: it neither
      // labels nor dates this one)
      const stubs = allPieces
        .slice(0, c)
        .filter((p, i): p is Piece => p !== null && p.text !== '' && !(i >= stubCols && holdsCount(p.text)));
      let rowLabels = stubs
        .filter((p) => p.label && !isMeasureOnly(p.label) && !isSubgroup(p.label))
        .map((p) => p.label!);
      const rowSubgroups = stubs.filter((p) => p.label && isSubgroup(p.label)).map((p) => p.label!);
      // `うち精神障害者` under `共同生活援助`: a part of the service above, by the group it counts.
      // (`内部` is a 障害部位, not 内 + 部: a bare 内 counts only in brackets, `（内 精神）`)
      const partOf =
        rowLabels.length === 1 ? /^(?:うち\s*(.+)|[(（]\s*(?:うち|内)\s*([^)）]+)[)）])$/u.exec(rowLabels[0]!) : null;
      const part = partOf ? (partOf[1] ?? partOf[2])?.trim() : undefined;
      if (part && prevIndicator) {
        rowLabels = [prevIndicator];
        rowSubgroups.push(part);
      }
      const rowMeasure = stubs.map((p) => (p.label ? measureOf(p.label) : null)).find(Boolean) ?? null;
      const onlyBracket = stubs.length > 0 && stubs.every((p) => /^[(（][^)）]*[)）]$/.test(p.text));
      const cols = colPieces[c] ?? [];
      const period = pickPeriod(cols) ?? pickPeriod(stubs) ?? null;
      const colKind = [...cols].reverse().find((p) => p.kind)?.kind ?? null;
      const kindStub = [...stubs].reverse().find((p) => p.kind);
      const rowKind = kindStub?.kind ?? null;
      // The column's kind, unless the row is a kind word alone that says the value is a target, a base, a
      // difference or a rate: a `目標値` or `差` row in a `2023（令和5）年度（見込）` column is no estimate of a result
      // (a row labelled `【目標値】 地域生活移行者数` names the target whose results an `R1 実績` column holds).
      let kind: ValueKind | null =
        (colKind === 'plan' || colKind === 'actual') &&
        !kindStub?.label &&
        (rowKind === 'target' || rowKind === 'deviation' || rowKind === 'baseline' || rowKind === 'achievement_rate')
          ? rowKind
          : (colKind ?? rowKind);
      // A row that names a time point (`令和2年3月31日時点の入所者数`) read in a column that names no period:
      // the value at that point is the base of the comparison.
      if (!kind && !pickPeriod(cols) && stubs.some((p) => p.period && p.label)) kind = 'baseline';
      // `項目 | 数値 | R1実績 | R2実績`: a value column that names neither period nor kind, beside columns that
      // do, holds the plan's own figure (a 【目標値】 row makes it a target, through the row's kind above).
      let planColumn = false;
      if (!kind && !pickPeriod(cols) && kindColumns > 0 && cols.every((p) => !p.kind)) {
        kind = stubs.some((p) => /^目標/.test(p.label ?? '')) ? 'target' : 'plan';
        planColumn = true;
      }
      kind ??= ctx.kind;
      // The caption's or heading's year applies to levels, not to differences or rates against a target.
      // A base value takes the heading's year only when that year is a point in time (令和元年度末の…).
      const headingPeriod =
        kind === 'deviation' || kind === 'achievement_rate'
          ? null
          : kind === 'baseline' && ctx.period && !['fy_end', 'date'].includes(ctx.period.kind)
            ? null
            : ctx.period;
      const colLabels = cols
        .filter((p) => p.label && !isMeasureOnly(p.label) && !isSubgroup(p.label))
        .map((p) => p.label!);
      const colSubgroups = cols.filter((p) => p.label && isSubgroup(p.label)).map((p) => p.label!);
      const colMeasure = cols.map((p) => (p.label ? measureOf(p.label) : null)).find(Boolean) ?? null;
      const cornerLabel = corner.find((p) => p.label && !isMeasureOnly(p.label))?.label ?? null;
      const cornerMeasure = corner.map((p) => (p.label ? measureOf(p.label) : null)).find(Boolean) ?? null;

      // `障害部位 | 人数 | 構成比` over `視覚 | 120 | 8.0`: rows named under a classification (部位, 等級, 種別…) are
      // groups of what the table's heading counts, not indicators of their own.
      const classified =
        !!ctx.heading &&
        rowLabels.length <= 1 &&
        corner.some((p) =>
          /^(?:(?:障害|障がい|障碍)の?(?:部位|等級|種別|種類|程度)(?:等級)?|手帳の種類|部位|等級|種別|判定|程度|年齢|年齢区分|性別)$/u.test(
            compact(p.text).replace(/[・･]/gu, ''),
          ),
        );
      if (classified && rowLabels.length === 1) {
        rowSubgroups.push(rowLabels[0]!);
        rowLabels = [];
      }
      let labels = [...rowLabels, ...colLabels];
      if (classified && labels.length === 0)
        labels = [ctx.heading!.replace(/[(（][^()（）]*(?:現在|時点)[)）]\s*$/u, '')];
      // `(件数)` under `排せつ管理支援用具 (実人数)`, or a `福祉` row under `協議の場への参加者数 / 保健`: the row
      // continues the indicator above it.
      // So does a row that is a kind word alone (`前年度比（％）` under `相談件数（件）`).
      const continues =
        onlyBracket ||
        (rowSubgroups.length > 0 && !rowSubgroups.some((g) => /^(計|小計|合計|総数|総計)$/.test(g))) ||
        (stubs.length > 0 && stubs.every((p) => !p.label) && stubs.some((p) => p.kind));
      if (labels.length === 0 && continues && prevIndicator) labels = [prevIndicator];
      if (labels.length === 0 && cornerLabel) labels = [cornerLabel];
      let indicator = labels.map(stripNumbering).filter(Boolean).join(' ');
      // `手帳所持者数` spanning `身体 | 療育 | 精神 | 小計`: a group header that reads like a measure names the
      // indicator of its sub-columns.
      if (!indicator && colSubgroups.length > 0) {
        const group = cols.find((p) => p.label && isMeasureOnly(p.label))?.label;
        if (group) indicator = stripNumbering(group);
      }
      if (!indicator) indicator = ctx.heading ?? '';
      if (!indicator) continue;
      const subgroup = [...rowSubgroups, ...colSubgroups].join(' ') || null;
      const measure =
        rowMeasure ??
        colMeasure ??
        cornerMeasure ??
        stubs.find((p) => p.label && isMeasureOnly(p.label))?.label ??
        null;

      // The row's unit, else the column's; but a rate column (`対計画比（％）`, `達成率(%)`) gives its rate unit to
      // every row, whatever the row counts (`給付費（千円）`).
      const colRate = [...cols].reverse().find((p) => p.unit === 'percent' || p.unit === 'ratio');
      const unitSource =
        (colRate && (kind === 'achievement_rate' || kind === 'deviation' || !colKind) ? colRate : null) ??
        [...stubs].reverse().find((p) => p.unit) ??
        [...cols].reverse().find((p) => p.unit) ??
        tableUnit ??
        null;
      let factor = unitSource?.factor ?? 1;
      let unit = unitSource?.unit ?? null;
      let unitText = unitSource?.unitText ?? null;
      if (!unit && ctx.unitHint) {
        const whole = unitInfo(ctx.unitHint);
        const hint = whole
          ? { unit: whole.unit, unitText: ctx.unitHint, factor: whole.factor }
          : splitLabelUnit(ctx.unitHint);
        unit = hint.unit ?? unitFromCompositeHint(ctx.unitHint, `${indicator}${measure ?? ''}`);
        unitText = unit ? (hint.unitText ?? ctx.unitHint) : null;
        if (hint.unit) factor = hint.factor ?? 1;
      }
      if (!unit) {
        unit = unitFromLabel(`${measure ?? ''}`) ?? unitFromLabel(indicator);
        if (unit) unitText = null;
      } else if (!stubs.some((p) => p.unit) && rowMeasure) {
        // A table-wide unit (corner `(件/年)`) yields to what the row says it counts (`(実人数)` → people).
        const base = unitFromLabel(rowMeasure);
        const [ub, per] = unit.split('/');
        if (base && ub !== base && !(base === 'person' && ub === 'person_day')) unit = per ? `${base}/${per}` : base;
      }
      // A date written in the cell itself (`・23% … 令和2年6月から1年間での退院率`) beats the column's year.
      const own = cellPeriod(text(r, c));
      let p: FiscalPeriod | null = own ?? period ?? headingPeriod;
      // Targets without a year of their own fall on the plan's last year; a range target on its last year.
      if (kind === 'target' && p && p.fiscalYear === null && p.end) p = fyPeriod(fiscalYearOfIso(p.end), p.text);
      if (!p && (kind === 'target' || planColumn) && ctx.planEnd) p = ctx.planEnd;
      if (!p && kind === 'actual' && ctx.reportYear) p = ctx.reportYear;
      if (!kind) kind = 'actual';
      // `前年度比（％）` 104.2: a ratio to last year in percent is a level of this year's, not a difference (a signed
      // `前年比 ▲16` is one).
      if (
        kind === 'deviation' &&
        unit === 'percent' &&
        // (the 前年度比 header itself in percent: under a plain `前年度比` a `認定率(%)` row's 0.4 is points of change)
        [...cols, ...stubs].some((p) => /前年度?比|対前年/u.test(p.text) && p.unit === 'percent') &&
        !/^[▲△+＋\-−－]/u.test(text(r, c).trim())
      )
        kind = 'actual';

      const { head, items } = bulletItems(
        texts
          .slice(0, c)
          .filter((t, i) => labelLike(t, i))
          .join(' '),
      );
      // `142（4）` under a note that the bracketed numbers are a part (`※（ ）内は医療的ケア児…で、内数`).
      const bracketed = ctx.subsetNote
        ? /^\s*[0-9０-９,，.．]+\s*[(（]\s*([0-9０-９,，.．]+)\s*[)）]\s*$/u.exec(text(r, c))
        : null;
      const qs =
        bracketed && cell.quantities.length === 1 && cell.quantities[0]!.subset === undefined
          ? [{ ...cell.quantities[0]!, subset: Number(normalized(bracketed[1]!).replace(/,/g, '')) }]
          : cell.quantities;
      const itemLabels: (string | null)[] =
        items.length > 0 && qs.length === items.length + 1
          ? [null, ...items]
          : items.length > 0 && qs.length === items.length
            ? items
            : qs.map(() => null);
      const warnings: string[] = [];
      if (qs.length > 1 && itemLabels.every((x) => x === null))
        warnings.push(`cell holds ${qs.length} values but the row label lists ${items.length} items`);
      qs.forEach((written, i) => {
        // A value under `（千円）` is stored in yen; value_text keeps what was written.
        const q =
          factor !== 1 && !written.unit
            ? {
                ...written,
                value: written.value * factor,
                ...(written.subset === undefined ? {} : { subset: written.subset * factor }),
              }
            : written;
        const item = itemLabels[i] ?? null;
        const base = stripNumbering(stripTags(normalized(head))) || indicator;
        const label = item ? `${base} ${item}`.trim() : indicator;
        // `1 1 人` in a row counted in 人/年: the row says per what the cell's 人 are.
        const ownUnit = !!q.unit && !unit?.startsWith(`${q.unit}/`);
        const d: ObservationDraft = {
          ...draftBase,
          indicator_label: label,
          subgroup: item && isSubgroup(item) ? [item, subgroup].filter(Boolean).join(' ') : subgroup,
          measure,
          row: r,
          col: c,
          period: p,
          value_kind: kind!,
          quantity: q,
          unit: ownUnit ? q.unit : (unit ?? q.unit),
          unit_text: ownUnit ? q.unitText : (unitText ?? q.unitText),
          value_text: text(r, c),
          warnings: [...warnings],
          subsetLabel: ctx.subsetNote,
        };
        observations.push(...makeObservation(d, ctx));
        if (kind === 'actual' && p?.fiscalYear != null && p.kind !== 'plan_term')
          latestResult = Math.max(latestResult ?? p.fiscalYear, p.fiscalYear);
      });
      prevIndicator = indicator;
    }
    // Numbers written in sentences inside text cells (`市内に2カ所以上…整備する`, `・事業所数 3か所`).
    // A sentence that repeats a value of the row's own cells restates it: the same kind of the same year, or any
    // value under a header that says how the targets were set (`4人 (5.6%)` | 目標値設定の考え方 `…のうち、4人が
    // グループホーム等へ移行することを基本とする`). Only a base it names in brackets (`…時点の施設入所者数(72人)`) is new.
    const rowData = observations.slice(rowStart);
    const restates = (o: Observation, t: string, reasoning: boolean) =>
      o.value_kind !== 'baseline' &&
      !t.includes(`(${o.value_text}`) &&
      rowData.some(
        (d) =>
          d.col !== o.col &&
          d.value === o.value &&
          d.unit === o.unit &&
          (reasoning || (d.value_kind === o.value_kind && d.fiscal_year === o.fiscal_year)),
      );
    for (let c = 0; c < nC; c++) {
      const t = text(r, c);
      if ((c < stubCols && t.length < 12) || national[c] || opinion[c]) continue;
      if (data[r]?.[c] !== null || t.length < 8 || !/[0-9０-９]/.test(t) || !isTopLeft(r, c) || looksScrambled(t))
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
              .split(/(?:^|\s+)[•・●○◆■◇□]\s*/u)
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
        },
        state,
        reportRow ? { ...ctx, reportYear: reportRow } : ctx,
      );
      const reasoning = cols.some((p) => /考え方|根拠|算出/u.test(p.text));
      observations.push(...said.filter((o) => !restates(o, normalized(t), reasoning)));
    }
    const own = allPieces.filter(
      (p): p is Piece =>
        !!p?.label &&
        !isMeasureOnly(p.label) &&
        !isSubgroup(p.label) &&
        !/^(?:うち|[(（]\s*(?:うち|内))/u.test(p.label),
    );
    if (own.length) prevIndicator = own.map((p) => stripNumbering(p.label!)).join(' ');
  }
  datePendingComparisons(observations);
  issues.push(
    ...checkTable({
      tableIndex: table.index,
      observations,
      rowLabels: (r) => (rowTexts[r - headerRows] ?? []).filter((t) => t && t.length <= 80),
      colLabels: (c) => (colPieces[c] ?? []).map((p) => p.label ?? p.text),
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
  return { observations, issues, latestResult };
}
