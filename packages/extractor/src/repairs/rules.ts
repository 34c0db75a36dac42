/**
 * dropRuleRows: a row whose every non-empty cell is a line drawn with characters (`---------`, `=====`, `───`)
 * is a converter's rendering of a table rule, not data. Such rows are removed.
 */
import type { Table } from '@shiryo/model';
import { withRepair } from '../draft.js';

const RULE = /^:?[-=_─━―—‐]{3,}:?$/;

export function dropRuleRows(t: Table): Table {
  const rows = new Map<number, { rule: number; other: number }>();
  for (const c of t.cells) {
    if (!c.text) continue;
    const s = rows.get(c.row) ?? { rule: 0, other: 0 };
    if (RULE.test(c.text.replace(/\s+/g, ''))) s.rule++;
    else s.other++;
    rows.set(c.row, s);
  }
  const drop = new Set([...rows].filter(([, s]) => s.rule > 0 && s.other === 0).map(([r]) => r));
  if (drop.size === 0) return t;
  // Only rows whose cells span nothing else can go; that is always so for TSV and markdown, which have no spans.
  const spanning = t.cells.some((c) => c.rowSpan > 1 && [...drop].some((r) => r >= c.row && r < c.row + c.rowSpan));
  if (spanning) return t;
  const shift = (r: number) => r - [...drop].filter((d) => d < r).length;
  const cells = t.cells.filter((c) => !drop.has(c.row)).map((c) => ({ ...c, row: shift(c.row) }));
  return withRepair(t, 'dropRuleRows', {
    cells,
    nRows: t.nRows - drop.size,
    headerRows: shift(Math.min(t.headerRows, t.nRows)),
  });
}
