/** HTML pieces (html.ts) → document items (draft.ts). */
import type { DocItem, TableItem } from './draft.js';
import type { HtmlPiece } from './html.js';

/** Convert pieces, giving each the source line `lineOf` finds for its offset. */
export function piecesToItems(pieces: HtmlPiece[], lineOf: (offset: number) => number): DocItem[] {
  return pieces.map((p): DocItem => {
    if (p.kind === 'table') {
      const table = p.table.line === undefined ? { ...p.table, line: lineOf(p.offset) } : p.table;
      const item: TableItem = { kind: 'table', key: p.key, table, issues: p.issues };
      if (p.parentKey !== undefined) item.parentKey = p.parentKey;
      return item;
    }
    const block: DocItem = {
      kind: 'block',
      block: { kind: p.blockKind, text: p.text, orig: p.orig, line: lineOf(p.offset) },
    };
    if (p.level !== undefined) block.block.level = p.level;
    return block;
  });
}

/** 1-based line of a character offset in `text`. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
