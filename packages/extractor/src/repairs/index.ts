/**
 * Table repairs: each a pure `Table → Table` named for the breakage it fixes, recording its name in
 * `quality.repairs` only when it changed something. `repairTable` runs the standard chain, then scores.
 */
import type { Table } from '@shiryo/model';
import { collapseSpacedCharacters } from './collapse.js';
import { detectHeaderRows } from './header.js';
import { dropRuleRows } from './rules.js';
import { scoreTable } from './score.js';
import { trimEmptyRowsCols } from './trim.js';

export { collapseSpacedCharacters, collapseSpacedText } from './collapse.js';
export { detectHeaderRows, isHeaderLikeRow } from './header.js';
export { dropRuleRows } from './rules.js';
export { scoreTable } from './score.js';
export { trimEmptyRowsCols } from './trim.js';

export type Repair = (t: Table) => Table;

/** Structural repairs that change rows and columns; run before row-level issues are computed. */
export const SHAPE_REPAIRS: readonly Repair[] = [trimEmptyRowsCols, dropRuleRows];
/** Repairs of cell text and roles; they keep every cell's row and column. */
export const TEXT_REPAIRS: readonly Repair[] = [collapseSpacedCharacters, detectHeaderRows];

export function applyRepairs(t: Table, repairs: readonly Repair[]): Table {
  return repairs.reduce((acc, f) => f(acc), t);
}

/** The full chain: shape repairs, text repairs, then the quality score. */
export function repairTable(t: Table): Table {
  return scoreTable(applyRepairs(applyRepairs(t, SHAPE_REPAIRS), TEXT_REPAIRS));
}
