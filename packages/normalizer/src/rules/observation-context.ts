/** The context of rules that revisit finished observations (a table's, or a document's): one observation at a time. */
import type { FiscalPeriod, Observation } from '@shiryo/model';
import type { RuleContext } from './engine.js';

export interface ObservationContext extends RuleContext {
  o: Observation;
  /** The observations it is read among (its table's, or the document's). */
  peers: Observation[];
  /** The document's as-of date (`…時点` in a table header), when it states one. */
  asOf?: FiscalPeriod | null;
  /** The latest year of the document's table results, for results no text dates. */
  latestResult?: number | null;
  /** The one year a document that is no plan is about (its title's, else its date's), for values no text dates. */
  documentYear?: FiscalPeriod | null;
  /**
   * The document is a budget book or settlement report (`accountKindOf`): its one year is the fiscal year its
   * appropriations or results are of, not only the year it is about.
   */
  accountBook?: boolean;
  /** Where a table observation's cell is on its page (PDF points), when the extractor gave the cell a box. */
  cellBox?: (o: Observation) => { page: number; x0: number; x1: number; y0: number; y1: number } | null;
  /** The nearest cell left of a table observation's cell, in its row, that holds words: its text and position. */
  rowLabel?: (o: Observation) => { text: string; table: number; row: number; col: number } | null;
  /** A sentence's observation: the (normalized) text of the table cell it was read in. */
  cellText?: string;
  /** A sentence's observation: its column says how the targets were set (`目標値設定の考え方`). */
  reasoning?: boolean;
}

/** A context whose firings are recorded on the observation itself. */
export function observationContext(o: Observation, peers: Observation[], extra: Partial<ObservationContext> = {}) {
  return { ...extra, o, peers, fired: o.rules } satisfies ObservationContext;
}
