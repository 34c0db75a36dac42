/**
 * Limits per document, where the readers read: a line of prose longer than any real document writes is cut into
 * pieces (each its own block), so no reader or prose rule ever scans one huge line; a table wider than any real
 * one keeps its first columns. Each cut is reported as a document issue, never silent.
 */
import type { DocIssue } from './draft.js';

/**
 * Longest prose line read as one (characters). The longest in the fixtures and seeds is 624; pdftotext and web
 * copies stay well under 1,000.
 */
export const MAX_LINE_CHARS = 2000;

/** Widest table kept whole (columns). Real tables stay under 100; HTML itself caps `colspan` at 1,000. */
export const MAX_TABLE_COLS = 1000;

/** Where to cut a long line: after sentence punctuation or at a space, as near the limit as possible. */
const BREAK = /[。．！？!?]|\s/u;

/** A line cut into pieces of at most `max` characters (UTF-16 units), at a break when one is near the end. */
export function cutLine(text: string, max = MAX_LINE_CHARS): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let at = 0;
  while (text.length - at > max) {
    let end = at + max;
    // look back at most a quarter of the limit for a break
    for (let i = end - 1; i > at + max * 0.75; i--) {
      if (BREAK.test(text[i]!)) {
        end = i + 1;
        break;
      }
    }
    // never split a surrogate pair
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    out.push(text.slice(at, end));
    at = end;
  }
  out.push(text.slice(at));
  return out;
}

export function lineCutIssue(line: number, length: number, pieces: number): DocIssue {
  return {
    code: 'LINE_CUT',
    severity: 'warn',
    message: `line ${line} is ${length} characters long (over ${MAX_LINE_CHARS}): read as ${pieces} separate blocks`,
    where: `line ${line}`,
  };
}

/** Widest colspan kept in a table whose rows have fewer cells (HTML's own cap, 1,000, still makes a 1,000-column table). */
export const MAX_COLSPAN = 64;

/** Deepest HTML element nesting read (real pages stay under 100; the readers recurse once per level). */
export const MAX_HTML_DEPTH = 1000;

/** Most grid positions the cells of one HTML table may cover with their spans before placing them is refused. */
export const MAX_SPAN_CELLS = 5_000_000;

/** A limit that refuses the whole document: extractText turns it into a ShiryoError naming the file. */
export class LimitExceeded extends Error {
  override readonly name = 'LimitExceeded';
  constructor(
    readonly code: 'TOO_LARGE',
    readonly reason: string,
  ) {
    super(reason);
  }
}
