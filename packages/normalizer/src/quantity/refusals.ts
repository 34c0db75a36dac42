/**
 * Issues for numbers the quantity reader refused rather than half-read (`18億5,000`: was its 万 cut off?
 * `1億二千万円`: arabic and kanji digits in one number). No value is stored for such a number; the issue says
 * where it is, so a reader can look (docs/OBSERVATIONS.md, "Large numbers").
 */
import type { ExtractedDocument, Issue } from '@shiryo/model';
import { parseQuantity, scanQuantities } from './parse.js';

/** Only a text with a place character can hold a refused number (`readNumeral`'s refusals all involve one). */
const PLACE = /[十百千万億兆]/u;

export const NUMBER_REFUSED = 'NUMBER_REFUSED';

/** One `NUMBER_REFUSED` warning per refused number in the document's table cells and (unless `tablesOnly`) blocks. */
export function refusedNumberIssues(doc: ExtractedDocument, tablesOnly = false): Issue[] {
  const issues: Issue[] = [];
  const issue = (text: string, reason: string, where: string) =>
    issues.push({
      code: NUMBER_REFUSED,
      severity: 'warn',
      stage: 'normalize',
      message: `number not read (no value kept): ${text} — ${reason}`,
      where,
    });
  for (const t of doc.tables)
    for (const c of t.cells) {
      if (!PLACE.test(c.text)) continue;
      for (const r of parseQuantity(c.text).refused ?? [])
        issue(r.text, r.reason, `table ${t.index} r${c.row}c${c.col}`);
    }
  if (!tablesOnly)
    for (const b of doc.blocks) {
      if (!PLACE.test(b.text)) continue;
      for (const r of scanQuantities(b.text).refused)
        issue(r.text, r.reason, b.line ? `line ${b.line}` : `block ${b.seq}`);
    }
  return issues;
}
