/**
 * splitGluedHeaderWords: header words set close together in a PDF (`目標　実績` over two value columns) can come out as
 * one cell (`目標実績`) over the first column, the next header cell empty. When a header cell is two or more value
 * kind words and as many cells to its right are empty, each word goes back over its own column.
 */

import type { Table, TableCell } from '@shiryo/model';
import { GLUED_KIND_WORDS, wordsPattern } from '@shiryo/model';
import { withRepair } from '../draft.js';

const WORD = `(?:${wordsPattern(GLUED_KIND_WORDS)})`;
const GLUED = new RegExp(`^(?:${WORD}\\s*){2,4}$`, 'u');
const ONE = new RegExp(WORD, 'gu');

export function splitGluedHeaderWords(t: Table): Table {
  if (t.headerRows === 0) return t;
  let cells = t.cells;
  let changed = false;
  for (const cell of t.cells) {
    if (cell.row >= t.headerRows || cell.colSpan !== 1 || !GLUED.test(cell.text.replace(/\s+/gu, ''))) continue;
    const words = cell.text.replace(/\s+/gu, '').match(ONE) ?? [];
    const right = words.slice(1).map((_, i) => cells.find((c) => c.row === cell.row && c.col === cell.col + 1 + i));
    if (right.some((c) => !c || c.text.trim() || c.rowSpan !== 1 || c.colSpan !== 1)) continue;
    const patch = new Map<TableCell, TableCell>([[cell, { ...cell, text: words[0]! }]]);
    right.forEach((c, i) => {
      patch.set(c!, { ...c!, text: words[i + 1]!, orig: c!.orig || cell.orig });
    });
    cells = cells.map((c) => patch.get(c) ?? c);
    changed = true;
  }
  return changed ? withRepair(t, 'splitGluedHeaderWords', { cells }) : t;
}
