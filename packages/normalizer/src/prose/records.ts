/**
 * Record lines: a year followed by pairs of a kind word and a number, one line per year, under a line naming what is
 * counted — a plan/result comparison written as text instead of a table:
 *
 *     ◇通所介護（単位：回／月）
 *     令和6年度　計画値　19,020　実績値　18,396　達成率　96.7%　差　△624
 *     R6 計画：120人 / 実績：118人 / 対計画比：98.3
 *
 * This module only finds them (evidence); the rules of `rules/*\/prose.ts` decide what each number is.
 */
import type { ValueKind } from '@shiryo/model';
import { charClass, KIND_COMPOUND_SOURCE, kindOfWord, RECORD_PAIR_MARKS } from '@shiryo/model';
import type { PeriodSpan, QuantitySpan } from './words.js';

/** The record lines of an item: the words before its first year, and the kind word of each of its numbers. */
export interface RecordLines {
  /** What the item says before the first year (the name of what is counted, with its unit), '' when nothing. */
  head: string;
  /** Each number of the item, with the kind its word states. */
  kinds: Map<QuantitySpan, ValueKind>;
}

const MARK = charClass(RECORD_PAIR_MARKS, '\\s');
/** What stands between one number and the next: marks, a year (marked `\0`) opening a new record, a kind word. */
const GAP = new RegExp(`^${MARK}*(?:\\u0000${MARK}*)?(${KIND_COMPOUND_SOURCE})${MARK}*$`, 'u');
const TAIL = new RegExp(`^${MARK}*[。.]?\\s*$`, 'u');

/**
 * The item read as record lines, or null when it is not one: every number follows a kind word (after marks only),
 * the first and every later year opens a record, nothing but marks follow the last number, and at least two numbers
 * are read so (one `目標：12人` is an ordinary labelled value).
 */
export function recordLines(
  text: string,
  qs: readonly QuantitySpan[],
  periods: readonly PeriodSpan[],
): RecordLines | null {
  if (qs.length < 2) return null;
  const years = periods.filter((p) => p.period.fiscalYear !== null);
  const first = years[0];
  if (!first || first.start >= qs[0]!.start) return null;
  const kinds = new Map<QuantitySpan, ValueKind>();
  let from = first.start;
  for (const q of qs) {
    const inGap = years.filter((p) => p.start >= from && p.end <= q.start);
    if (inGap.length > 1) return null;
    // (a period overlapping the gap's edges is part of a number or a word: no record)
    if (periods.some((p) => p.start < q.start && p.end > from && !inGap.includes(p))) return null;
    let gap = text.slice(from, q.start);
    if (inGap[0]) gap = `${gap.slice(0, inGap[0].start - from)}\u0000${gap.slice(inGap[0].end - from)}`;
    const m = GAP.exec(gap.normalize('NFKC'));
    const kind = m ? kindOfWord(m[1]!) : null;
    if (!kind) return null;
    kinds.set(q, kind);
    from = q.end;
  }
  if (!TAIL.test(text.slice(from))) return null;
  return { head: text.slice(0, first.start).trim(), kinds };
}
