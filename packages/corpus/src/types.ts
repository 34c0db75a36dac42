/** The generator's vocabulary of types: facts (what a number means), expected observations, documents. */

export type Part = 'tuned' | 'heldout';

export type ValueKind =
  | 'plan'
  | 'estimate'
  | 'actual'
  | 'target'
  | 'baseline'
  | 'deviation'
  | 'achievement_rate'
  | 'subset';

export type Qualifier = 'gte' | 'lte' | 'gt' | 'lt' | 'approx';

/** What one number means — the expected observation without its provenance. */
export interface Fact {
  indicator: string;
  subgroup: string | null;
  measure: string | null;
  /** canonical unit of the export contract (person, person/month, …) */
  unit: string | null;
  fiscal_year: number | null;
  value_kind: ValueKind;
  value: number;
  qualifier: Qualifier | null;
}

/** One expected observation in the format of tools/score.mjs, with the generator's own keys (ignored by it). */
export interface Expected extends Fact {
  municipality: string;
  /** text of the document the value is read from, exactly as written there (a substring of the document) */
  evidence: string;
  /** where it sits, for people: section | row | column */
  where: string;
  /** observation-level axis values (kind_word, unit, ocr_cell, mark …) */
  tags: Record<string, string>;
}

export interface City {
  code: string;
  prefecture: string;
  name: string;
}

/** One rendered file of the corpus. */
export interface RenderedFile {
  /** path relative to the corpus's docs directory */
  path: string;
  bytes: Uint8Array;
  /** the text a reader sees (HTML decoded, PDF strings drawn), for the evidence invariant */
  plain: string;
}
