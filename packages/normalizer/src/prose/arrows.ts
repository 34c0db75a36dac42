/** Values joined by an arrow (`3人→4人`, `78.2％ → 80％以上`): a base and its target, or two results. */
import type { FiscalPeriod, Quantity } from '@shiryo/model';
import type { DocumentContext } from '../context.js';
import { findPeriodSpans } from './words.js';

export interface ArrowSide {
  role: 'from' | 'to';
  /** The pair goes from a base to a target. */
  target: boolean;
  /** The years a `Y1→Y2` caption gives the two sides. */
  years: [FiscalPeriod, FiscalPeriod] | null;
  /** This side has a year of its own. */
  dated: boolean;
}

/**
 * Values joined by an arrow (`3人→4人`, `78.2％（令和4年度調査）→ 80％以上`, `R5：42.6％ → R8：45.0％`): a pair whose
 * right side is bounded (以上, 以下) or lies years ahead of the report is a base and its target; otherwise two results,
 * dated by their own years or by a `令和5年度末→令和6年度末` caption in the text before them or the section.
 */
export function arrowPairs(
  text: string,
  qs: { start: number; end: number; quantity: Quantity }[],
  periods: { start: number; end: number; period: FiscalPeriod }[],
  section: string | null,
  ctx: DocumentContext,
): Map<object, ArrowSide> {
  const out = new Map<object, ArrowSide>();
  const yearPair = (s: string): [FiscalPeriod, FiscalPeriod] | null => {
    const ps = findPeriodSpans(s, ctx.periods);
    // (`令和5年度末→令和6年度末` may read as one span from the one to the other)
    const span = ps.find((p) => p.period.kind === 'range' && /[→⇒]/u.test(p.text));
    if (span) {
      const [from, to] = span.text.split(/[→⇒]/u).map((side) => findPeriodSpans(side, ctx.periods)[0]?.period);
      if (from && to) return [from, to];
    }
    for (let i = 0; i + 1 < ps.length; i++)
      if (/^\s*[→⇒～~]\s*$/u.test(s.slice(ps[i]!.end, ps[i + 1]!.start))) return [ps[i]!.period, ps[i + 1]!.period];
    return null;
  };
  // The first dated period lying wholly between two positions.
  const yearWithin = (from: number, to: number) =>
    periods.find((p) => p.start >= from && p.end <= to && p.period.fiscalYear !== null)?.period ?? null;
  for (let i = 0; i + 1 < qs.length; i++) {
    const [a, b] = [qs[i]!, qs[i + 1]!];
    const between = text.slice(a.end, b.start);
    if (!/^[^→⇒。、]{0,20}[→⇒][^→⇒。、]{0,12}$/u.test(between)) continue;
    const arrowAt = a.end + between.search(/[→⇒]/u);
    const sideStart = Math.max(
      0,
      ...['・', '、', '。', '：', ':', '\n'].map((m) => text.lastIndexOf(m, a.start - 1) + 1),
    );
    const left = yearWithin(sideStart, a.start) ?? yearWithin(a.end, arrowAt);
    const right = yearWithin(arrowAt, b.start) ?? yearWithin(b.end, b.end + 16);
    const report = ctx.reportYear?.fiscalYear ?? left?.fiscalYear ?? null;
    const bounded = ['gte', 'gt', 'lte', 'lt'].includes(b.quantity.qualifier ?? '');
    const ahead = right?.fiscalYear != null && report != null && right.fiscalYear > report;
    const target = bounded || ahead;
    const years = yearPair(text.slice(0, a.start)) ?? yearPair(section ?? '');
    out.set(a, { role: 'from', target, years, dated: !!left });
    out.set(b, { role: 'to', target, years, dated: !!right });
  }
  return out;
}
