/**
 * A comparison sheet whose tabs were lost after its first rows: a table with the national guideline's column
 * (`国の成果目標概要`) beside the plan terms' columns (`第7期…計画 | 第6期…取組状況`), followed by paragraphs and
 * bullets that are the rest of its rows, each column's lines one after another. Under a row number (`③-2 …`,
 * `④…`) the national column's lines come first, then each plan column's, and every plan column states its values
 * after its own kind marker (`【目標値】`). So, in those blocks:
 *   - values before the row's first marker are the national guideline's, not the city's: they are skipped (as the
 *     national column of the table is);
 *   - the k-th marker under a row opens the k-th plan column: its values take that plan's term.
 * The sheet ends at the next table or a heading that is not a row number (`第3章`, `(2)`, `# …`).
 *
 * The lines right after the table continue its last row, whose markers were in the table. There, when the plan
 * columns list the same items (`• 就労継続支援 A 型事業所: 3人 • …B 型事業所:5人` then `• …A 型事業所:3人 • …B 型
 * 事業所: 4人`), the last k equal lists are the k plan columns' (in order), and their items continue the list of
 * the table cell above them; the lines before them are the national column's.
 */
import type { Block, ExtractedDocument, FiscalPeriod, Observation, Table } from '@shiryo/model';
import { tableToGrid } from '@shiryo/model';
import { documentItems } from './context.js';
import { KIND_MARKER, NATIONAL_GUIDELINE } from './labels.js';
import { parseColumnHeader } from './period/index.js';

export interface SheetColumn {
  /** The block is the national guideline's text: its numbers are not the city's. */
  national: boolean;
  /** The plan term of the column the block belongs to. */
  period: FiscalPeriod | null;
  /** The table cell whose list the block continues (the sheet's last row, in the block's plan column). */
  continues?: { table: number; row: number; col: number };
}

const ROW_START = /^\s*[①-⑳]/u;
const OTHER_HEADING = /^\s*(?:#|第\s*\d+\s*[章節部編]|\d{1,2}[\s.．]|[(（]\d{1,2}[)）]|\d{1,2}[)）])/u;

interface Sheet {
  table: Table;
  /** The plan-term columns, left to right. */
  plans: { col: number; period: FiscalPeriod }[];
}

/** The national column and the plan-term columns of a sheet's header, or null when the table is not such a sheet. */
function sheetHeader(t: Table): Sheet | null {
  const header = tableToGrid(t)[0] ?? [];
  let national = false;
  const plans: Sheet['plans'] = [];
  header.forEach((cell, col) => {
    const text = cell?.text ?? '';
    if (NATIONAL_GUIDELINE.test(text)) national = true;
    else {
      const p = parseColumnHeader(text).period;
      if (p?.kind === 'plan_term') plans.push({ col, period: p });
    }
  });
  return national && plans.length > 0 ? { table: t, plans } : null;
}

/** What a line lists: its words before the value (`就労継続支援A型事業所`), compared without spaces. */
const itemOf = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[:：]?[0-9].*$/u, '');

/**
 * The continuation of the sheet's last row: the last k lists of equal items are the k plan columns'. Returns the
 * plan index of each block that belongs to one, or null when the lines show no such lists.
 */
function parallelLists(blocks: Block[], k: number): Map<number, number> | null {
  const valued = blocks.filter((b) => /[0-9０-９]/u.test(b.text));
  const n = valued.length;
  for (let m = Math.floor(n / k); m >= 1; m--) {
    const groups = Array.from({ length: k }, (_, g) => valued.slice(n - (k - g) * m, n - (k - g - 1) * m));
    const items = groups.map((g) => g.map((b) => itemOf(b.text)).join('|'));
    if (items.some((x) => !x || x !== items[0])) continue;
    const out = new Map<number, number>();
    groups.forEach((g, i) => {
      for (const b of g) out.set(b.seq, i);
    });
    return out;
  }
  return null;
}

/** For each block (by seq) that continues a comparison sheet: which column it belongs to. */
export function sheetContinuations(doc: ExtractedDocument): Map<number, SheetColumn> {
  const out = new Map<number, SheetColumn>();
  const items = documentItems(doc);
  let sheet: Sheet | null = null;
  let markers = 0;
  // The lines continuing the table's last row (before the first row number), while they hold no marker.
  let tail: Block[] | null = null;
  const closeTail = () => {
    const lists = sheet && tail ? parallelLists(tail, sheet.plans.length) : null;
    if (sheet && lists)
      for (const [seq, i] of lists) {
        const plan = sheet.plans[i]!;
        out.set(seq, {
          national: false,
          period: plan.period,
          continues: { table: sheet.table.index, row: sheet.table.nRows - 1, col: plan.col },
        });
      }
    tail = null;
  };
  for (const it of items) {
    if (it.table) {
      closeTail();
      sheet = sheetHeader(it.table);
      markers = 0;
      tail = sheet ? [] : null;
      continue;
    }
    const b = it.block!;
    if (!sheet) continue;
    const text = b.text.trim();
    if (ROW_START.test(text)) {
      closeTail();
      markers = 0;
    } else if (b.kind === 'heading' && OTHER_HEADING.test(b.orig)) {
      closeTail();
      sheet = null;
      continue;
    }
    if (KIND_MARKER.test(text.replace(/\s+/gu, ''))) {
      markers++; // `【月 標】`: OCR keeps a space inside
      tail = null;
    }
    tail?.push(b);
    out.set(b.seq, {
      national: markers === 0,
      period: markers > 0 ? (sheet.plans[Math.min(markers, sheet.plans.length) - 1]?.period ?? null) : null,
    });
  }
  closeTail();
  return out;
}

/** The count a table cell's values are of (`一般就労移行者数` in `… • 就労移行支援事業所:1人`), from its observations. */
export function cellCount(observations: Observation[], at: { table: number; row: number; col: number }) {
  const own = observations.filter((o) => o.table_index === at.table && o.row === at.row && o.col === at.col);
  const last = own[own.length - 1];
  if (!last) return null;
  const words = last.indicator_label.split(' ').filter((w) => /(数|率|割合)$/u.test(w));
  return { label: words[words.length - 1] ?? null, kind: last.value_kind };
}
