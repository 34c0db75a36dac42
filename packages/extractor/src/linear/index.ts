/**
 * Readers of tables whose structure a text export lost (method `linearized` or `aligned`). Each finds its tables
 * in the lines it is given and says how sure it is; lines no reader takes stay prose.
 *   - readSpacedRows (spaced.ts): a row per line, cells set apart by single spaces (PDF viewer copy);
 *   - readAlignedColumns (aligned.ts): columns aligned with spaces (`pdftotext -layout`, fixed-width listings);
 *   - readCellLines (celllines.ts): one cell per line (web-page copy of an HTML table);
 *   - readRepeatedHeads (repeatedheads.ts): the header words repeated inside each row.
 */
import type { SourceLine } from '../blocks.js';
import { findAlignedTables } from './aligned.js';
import { findCellLineTables } from './celllines.js';
import type { LinearFind } from './grid.js';
import { findRepeatedHeadTables } from './repeatedheads.js';
import { findSpacedTables } from './spaced.js';

export type { LinearFind } from './grid.js';

/** Tables in a group of consecutive non-blank prose lines, in order, not overlapping. */
export function findGroupTables(group: SourceLine[]): LinearFind[] {
  return disjoint([...findSpacedTables(group), ...findRepeatedHeadTables(group)]);
}

/** Finds in order of their start, none overlapping an earlier one. */
function disjoint(finds: LinearFind[]): LinearFind[] {
  const out: LinearFind[] = [];
  for (const f of [...finds].sort((a, b) => a.start - b.start || b.confidence - a.confidence)) {
    const last = out[out.length - 1];
    if (!last || f.start >= last.end) out.push(f);
  }
  return out;
}

/** Tables across a run of prose lines (blank lines and form feeds included), in order, not overlapping. */
export function findRunTables(run: SourceLine[]): LinearFind[] {
  return disjoint([...findAlignedTables(run), ...findCellLineTables(run)]);
}
