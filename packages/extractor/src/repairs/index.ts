/**
 * Table repairs: each a pure `Table → Table` named for the breakage it fixes, recording its name in
 * `quality.repairs` only when it changed something. `repairTable` runs the standard chain, then scores.
 */
import type { Table } from '@shiryo/model';
import { collapseSpacedCharacters } from './collapse.js';
import { joinCycledGroupLabels } from './cycled.js';
import { splitGluedHeaderWords } from './glued.js';
import { detectHeaderRows } from './header.js';
import { deinterleaveColumns } from './interleave.js';
import { dropRepeatedHeaderRows } from './repeated.js';
import { dropRuleRows } from './rules.js';
import { scoreTable } from './score.js';
import { fixShiftedRow } from './shifted.js';
import { fillHeaderSpans, fillStubSpans } from './spans.js';
import { joinStrayQualifiers } from './stray.js';
import { trimEmptyRowsCols } from './trim.js';
import { joinVerticalText } from './vertical.js';
import { joinSplitHeaderWords } from './words.js';
import { joinWrappedLabels } from './wrapped.js';

export { collapseSpacedCharacters, collapseSpacedText } from './collapse.js';
export { joinCycledGroupLabels } from './cycled.js';
export { splitGluedHeaderWords } from './glued.js';
export { detectHeaderRows, isHeaderLikeRow } from './header.js';
export { deinterleaveColumns, looksInterleaved } from './interleave.js';
export { dropRepeatedHeaderRows } from './repeated.js';
export { dropRuleRows } from './rules.js';
export { scoreTable, UNRECOVERED_SCORE, unrecoveredReasons } from './score.js';
export { fixShiftedRow } from './shifted.js';
export { type BlockHeader, findBlockHeaders, type SideBySide, splitSideBySideTables } from './sidebyside.js';
export { fillHeaderSpans, fillStubSpans } from './spans.js';
export { joinStrayQualifiers } from './stray.js';
export { trimEmptyRowsCols } from './trim.js';
export { joinVerticalText, scrambledCells } from './vertical.js';
export { isScrambledText, joinSplitHeaderWords, joinSplitWords } from './words.js';
export { joinWrappedLabels } from './wrapped.js';

export type Repair = (t: Table) => Table;

/** Structural repairs that change rows and columns; run by the readers, before row-level issues are computed. */
export const SHAPE_REPAIRS: readonly Repair[] = [trimEmptyRowsCols, dropRuleRows, deinterleaveColumns, fixShiftedRow];
/** Repairs of cell text and roles; they keep every cell's row and column. */
export const TEXT_REPAIRS: readonly Repair[] = [
  collapseSpacedCharacters,
  detectHeaderRows,
  joinSplitHeaderWords,
  splitGluedHeaderWords,
  joinStrayQualifiers,
];
/**
 * Repairs that need roles and the whole table (after joinContinuedTables): repeated headers, vertical labels (and
 * the rows that held nothing but one of their characters), flattened spans.
 */
export const SPAN_REPAIRS: readonly Repair[] = [
  dropRepeatedHeaderRows,
  joinVerticalText,
  trimEmptyRowsCols,
  joinWrappedLabels,
  joinCycledGroupLabels,
  fillHeaderSpans,
  fillStubSpans,
];

export function applyRepairs(t: Table, repairs: readonly Repair[]): Table {
  return repairs.reduce((acc, f) => f(acc), t);
}

/** The full chain for one table: shape, text and span repairs, then the quality score. */
export function repairTable(t: Table): Table {
  return scoreTable(applyRepairs(applyRepairs(applyRepairs(t, SHAPE_REPAIRS), TEXT_REPAIRS), SPAN_REPAIRS));
}
