/**
 * joinVerticalText: a group label written vertically in the stub column comes out of a converter
 *   - one character per row (`生 | 1-① …`, `活 | 1-② …`, `支 | …`, `援 | …`): the characters, top to bottom, are
 *     joined into the first of those cells (the rows below keep a blank stub, which fillStubSpans then spans);
 *   - or as scrambled pieces (`人本 家族の 選択 ・ 本`) on the rows a page break left to the group: when every
 *     character of the cell belongs to the group label above it (`本人の選択・本人家族の心構え`), the cell is that
 *     label continued, and takes its text (the scrambled original stays in `orig`).
 * Scrambled text that matches no label above is left as it is: its order is unknown and is never guessed; a cell
 * holding a number is never a label's piece.
 * `scrambledCells` lists such cells so the reader can flag them.
 * (Characters spaced out on one line, `住 ま い の 確 保`, are joined earlier by collapseSpacedCharacters.)
 */
import type { Table, TableCell } from '@shiryo/model';
import { withRepair } from '../draft.js';
import { isCjk } from '../text.js';
import { cellIndex } from './cells.js';
import { isScrambledText } from './words.js';

/** Single characters that are labels on their own (`男 / 女 / 計`), never pieces of a vertical word. */
const SINGLE_LABELS = new Set([...'男女計上中下前後東西南北大小高低有無甲乙丙丁一二三四五六七八九十月年日人件回']);
const MIN_RUN = 3;
const MAX_GAP = 2;

const isChar = (c: TableCell | undefined) =>
  !!c && c.rowSpan === 1 && c.colSpan === 1 && [...c.text].length === 1 && isCjk(c.text);
const isPiece = (c: TableCell | undefined) => isChar(c) && !SINGLE_LABELS.has(c!.text);

/**
 * Group labels stacked in one column without a blank between them (`訪 問 系 日 中 活 動 系`) are split after 系,
 * the usual end of a service group's name (訪問系, 日中活動系, 居住系).
 */
function splitGroups(run: TableCell[]): TableCell[][] {
  const out: TableCell[][] = [[]];
  run.forEach((x, i) => {
    out[out.length - 1]!.push(x);
    if (x.text === '系' && run.length - i - 1 >= 2 && out[out.length - 1]!.length >= 2) out.push([]);
  });
  return out.filter((g) => g.length > 0);
}

/** Is `piece` made only of characters of `label` (as a multiset)? */
function charsWithin(piece: string, label: string): boolean {
  const pool = new Map<string, number>();
  for (const ch of label.replace(/\s+/g, '')) pool.set(ch, (pool.get(ch) ?? 0) + 1);
  for (const ch of piece.replace(/\s+/g, '')) {
    const n = pool.get(ch) ?? 0;
    if (n === 0) return false;
    pool.set(ch, n - 1);
  }
  return true;
}

const stubColumns = (t: Table) => [...new Set(t.cells.filter((c) => c.role === 'stub').map((c) => c.col))];

export function joinVerticalText(t: Table): Table {
  const at = cellIndex(t);
  const patch = new Map<TableCell, TableCell>();
  for (const c of stubColumns(t)) {
    // One character per row.
    // A character that is a label on its own (`中`, `日`) belongs to the word when more pieces follow it
    // (`日 中 活 動 系`), not when it ends the run (`介 護 予 防 | 男`).
    for (let r = t.headerRows; r < t.nRows; r++) {
      if (!isChar(at.get(`${r},${c}`))) continue;
      const run: TableCell[] = [at.get(`${r},${c}`)!];
      let gap = 0;
      let k = r + 1;
      for (; k < t.nRows && gap <= MAX_GAP; k++) {
        const x = at.get(`${k},${c}`);
        if (isChar(x)) {
          run.push(x!);
          gap = 0;
        } else if (!x?.text) gap++;
        else break;
      }
      while (run.length && !isPiece(run.at(-1))) run.pop();
      if (run.length >= MIN_RUN && run.filter((x) => isPiece(x)).length >= 2) {
        for (const [head, ...rest] of splitGroups(run)) {
          const all = [head!, ...rest];
          patch.set(head!, {
            ...head!,
            text: all.map((x) => x.text).join(''),
            orig: all.map((x) => x.orig).join('\n'),
          });
          for (const x of rest) patch.set(x, { ...x, text: '', orig: '' });
        }
      }
      r = Math.max(r, (run.at(-1) ?? at.get(`${r},${c}`)!).row);
    }
    // Scrambled pieces of the label above.
    let above: TableCell | null = null;
    for (let r = t.headerRows; r < t.nRows; r++) {
      const x = at.get(`${r},${c}`);
      const text = x ? (patch.get(x)?.text ?? x.text) : '';
      if (!x || !text) continue;
      // (a cell holding a number, `令和 4 年度末 248 人` under `令和4年度末の施設入所者数 248人`, is a value of its own)
      if (above && !/[0-9０-９]/u.test(text) && isScrambledText(text) && charsWithin(text, above.text))
        patch.set(x, { ...x, text: above.text });
      else above = patch.get(x) ?? x;
    }
  }
  if (patch.size === 0) return t;
  return withRepair(t, 'joinVerticalText', { cells: t.cells.map((c) => patch.get(c) ?? c) });
}

/** Cells whose text is still scrambled vertical text (order unknown). */
export function scrambledCells(t: Table): TableCell[] {
  return t.cells.filter((c) => isScrambledText(c.text));
}
