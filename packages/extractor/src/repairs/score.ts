/**
 * scoreTable: `quality.emptyRatio` (grid positions no cell text covers) and `quality.score`, a 0..1 blend of
 *   - fill: 1 − emptyRatio,
 *   - numeric-column consistency: in each body column, the share of non-empty cells agreeing with the column's
 *     majority kind (number or text),
 *   - header confidence: how fully the header rows are labelled (low when no header row was found).
 * A table that still shows a breakage the repairs could not undo (`unrecoveredReasons`: side-by-side blocks,
 * columns written line by line, mostly scrambled text) scores at most UNRECOVERED_SCORE − 0.1; the reader reports
 * it as TABLE_UNRECOVERED.
 * Not a repair: it never changes cells and records nothing in `repairs`.
 */
import { type Table, tableToGrid } from '@shiryo/model';
import { isMissingMarker, isNumericData } from '../text.js';
import { looksInterleaved } from './interleave.js';
import { findBlockHeaders } from './sidebyside.js';
import { scrambledCells } from './vertical.js';

/** Below this score a table is reported as not recovered. */
export const UNRECOVERED_SCORE = 0.5;

/** Breakages still visible in a repaired table. */
export function unrecoveredReasons(t: Table): string[] {
  const reasons: string[] = [];
  const texts = tableToGrid(t).map((row) => row.map((c) => c?.text ?? ''));
  if (findBlockHeaders(texts).length > 0) reasons.push('side-by-side blocks not split');
  if (looksInterleaved(t)) reasons.push('columns written line by line');
  const filled = t.cells.filter((c) => c.text).length;
  if (filled > 0 && scrambledCells(t).length >= Math.max(2, 0.2 * filled)) reasons.push('scrambled vertical text');
  return reasons;
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

export function scoreTable(t: Table): Table {
  const positions = t.nRows * t.nCols;
  if (positions === 0) return { ...t, quality: { ...t.quality, score: 0, emptyRatio: 1 } };
  const grid = tableToGrid(t);
  let empty = 0;
  for (const row of grid) for (const cell of row) if (!cell?.text) empty++;
  const emptyRatio = empty / positions;

  // Numeric consistency per body column (a merged cell counts once, at its top-left).
  const cols: { num: number; text: number }[] = Array.from({ length: t.nCols }, () => ({ num: 0, text: 0 }));
  for (const c of t.cells) {
    if (c.row < t.headerRows || c.role === 'stub' || c.role === 'note' || !c.text || isMissingMarker(c.text)) continue;
    const k = cols[c.col]!;
    if (isNumericData(c.text)) k.num++;
    else k.text++;
  }
  const used = cols.filter((k) => k.num + k.text > 0);
  const consistency = used.length
    ? used.reduce((s, k) => s + Math.max(k.num, k.text) / (k.num + k.text), 0) / used.length
    : 0.5;

  let header = 0.3;
  if (t.headerRows > 0 && t.headerRows < t.nRows) {
    let labelled = 0;
    for (let r = 0; r < t.headerRows; r++) for (const cell of grid[r]!) if (cell?.text) labelled++;
    header = 0.5 + 0.5 * (labelled / (t.headerRows * t.nCols));
  }

  let score = 0.4 * (1 - emptyRatio) + 0.35 * consistency + 0.25 * header;
  if (unrecoveredReasons(t).length > 0) score = Math.min(score * 0.5, UNRECOVERED_SCORE - 0.1);
  return { ...t, quality: { ...t.quality, emptyRatio: round(emptyRatio), score: round(score) } };
}
