/** The contexts the table rules read and decide on: a table's layout, and one data cell of it. */
import type { FiscalPeriod, Quantity, Table, TableCell, ValueKind } from '@shiryo/model';
import type { TableContext } from '../context.js';
import type { DataCell, Piece } from '../table/pieces.js';
import type { RuleContext, RuleTrace } from './engine.js';

/** A table as the layout rules see it, and what they decide: header rows, stub columns, column headers. */
export interface TableLayout extends RuleContext {
  table: Table;
  ctx: TableContext;
  grid: (TableCell | null)[][];
  nR: number;
  nC: number;
  text(r: number, c: number): string;
  isTopLeft(r: number, c: number): boolean;
  /** What each cell holds as data (null: not data, a label). */
  data: DataCell[][];
  /** Cells whose OCR'd number was read anew (`35I` → `351`), by `r,c`: the text read (`text` returns it). */
  repaired: Map<string, string>;
  /** Cells whose text was joined with the line under it (`120` over `〈30〉`): a layout, not a misreading. */
  linesJoined?: Set<string>;
  /** A cell's text as written, before any repair. */
  written(r: number, c: number): string;
  hasNumber(r: number, c: number): boolean;
  /** The stage row of a review sheet, the table's own or that of the sheet it continues. */
  stages: string[] | null;
  /**
   * The nearest table before this one, on its page or the page before, as wide as this one and laid out with
   * column headers (`layout.header-of-table-above`); null when none.
   */
  above?: TableLayout | null;
  /** When `above` is wider (a blank column dropped): the column of `above` each column of this table stands under. */
  aboveColumns?: number[];
  headerRows: number;
  stubCols: number;
  /** Set by a skip rule: the table yields no observation. */
  skip?: string;
  /** Header pieces of each column, top to bottom (after `layout.column-headers`). */
  colPieces: Piece[][];
  /** Header pieces over the stub columns. */
  corner: Piece[];
  /** The label texts of each body row (stubs and 区分 cells), after carrying merged labels down. */
  rowTexts: string[][];
  /** The unit a corner cell states for the whole table. */
  tableUnit: Piece | null;
  /** How many columns name a value kind in their headers. */
  kindColumns: number;
  /** Columns of the national guideline (`国の成果目標`, `基本指針`): not the city's numbers. */
  national: boolean[];
  /** Columns headed by a plan term (`第7期…計画`). */
  planColumns: boolean[];
  /** Columns headed by a year (`2019年度の進捗`). */
  yearColumns: boolean[];
  /** A review sheet's columns of what its committee said (`協議会等意見`). */
  opinion: boolean[];
  /** Columns headed, and body rows led, by a run of years written as bare numbers (`21 | 22 | 23`, `30 | 元 | 2`). */
  bareYearCols?: Map<number, FiscalPeriod>;
  bareYearRows?: Map<number, FiscalPeriod>;
  /** The stub column of `bareYearRows`. */
  bareYearStub?: number;
  /**
   * Header rows repeated inside the body (`layout.block-header-rows`), top to bottom: each opens a block of rows read
   * by its own column headers and corner (a table in blocks, each with its unit in its corner cell).
   */
  blocks?: HeaderBlock[];
  trace?: RuleTrace;
}

/** A header repeated inside a table's body: its rows, and the column headers and corner the rows below it read. */
export interface HeaderBlock {
  /** Its first row, and how many rows it spans. */
  row: number;
  rows: number;
  colPieces: Piece[][];
  corner: Piece[];
}

/** One data cell being read: the evidence around it and the decisions the rules take, stage by stage. */
export interface CellContext extends RuleContext {
  L: TableLayout;
  ctx: TableContext;
  r: number;
  c: number;
  /** The row's label texts, and what each says. */
  texts: string[];
  allPieces: (Piece | null)[];
  quantities: Quantity[];
  /** The indicator of the row above (for rows that continue it). */
  prevIndicator: string | null;
  /**
   * The last group row above: a row with no number naming a group of the rows under it (`（2）地域密着型サービス`
   * over its services), else null.
   */
  groupAbove: string | null;
  /** Where the row above's unit came from (for rows that are a part of it: `（再掲）精神障害者` under `…（人/月）`). */
  prevUnitSource: Piece | null;
  /** The label pieces before the cell in its row, and the column's header pieces. */
  stubs: Piece[];
  cols: Piece[];
  skip?: string;
  // label
  rowLabels: string[];
  rowSubgroups: string[];
  rowMeasure: string | null;
  colLabels: string[];
  colSubgroups: string[];
  colMeasure: string | null;
  cornerLabel: string | null;
  cornerMeasure: string | null;
  labels: string[];
  indicator: string;
  subgroup: string | null;
  measure: string | null;
  // kind
  colKind: ValueKind | null;
  rowKind: ValueKind | null;
  kindStub: Piece | undefined;
  kind: ValueKind | null;
  /** The value column names neither year nor kind beside columns that do: it holds the plan's own figure. */
  planColumn: boolean;
  // period
  /** The period the column's (else the row's) headers name. */
  headerPeriod: FiscalPeriod | null;
  /** The caption's or heading's period, where it applies to this kind of value. */
  headingPeriod: FiscalPeriod | null;
  period: FiscalPeriod | null;
  // unit
  unitSource: Piece | null;
  unit: string | null;
  unitText: string | null;
  factor: number;
  // items and subsets
  /** What a bulleted stub lists before its items, and the items (`・65歳以上 ・65歳未満`). */
  itemHead: string;
  items: string[];
  /** The values of the cell, after a bracketed subset was read. */
  values: Quantity[];
  itemLabels: (string | null)[];
  /** The kind of each value when the cell holds one of each kind its header pairs (`計画|実績` over `557 | 598`). */
  valueKinds: (ValueKind | null)[];
  warnings: string[];
  // one value of the cell (stage `value`)
  /** The value being emitted, as written, then scaled. */
  value: Quantity | null;
  valueUnit: string | null;
  valueUnitText: string | null;
}
