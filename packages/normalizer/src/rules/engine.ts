/**
 * The rule engine: the normalizer's decisions as named rules, run in stages, each firing recorded.
 *
 * A rule is data with code — `{ id, family, stage, priority, applies, apply, examples }` — in the manner of
 * rule-based extractors that keep an example corpus per rule (Duckling's rules and their corpus) and of parser
 * registries (Camelot's lattice/stream flavors): the readers (`tables.ts`, `prose.ts`) only gather the evidence
 * (cells, headers, the words around a number) into a context object and run the stages; every decision about
 * what a number is — skip it, its label, kind, year, unit — is taken by a rule of `rules/<family>/`, and the ids of
 * the rules that fired travel with the observation (`Observation.rules`), so a wrong number can be traced to the
 * rule that made it (`shiryo inspect`, the `rules` column of the store).
 *
 * Within a stage, rules run in priority order (lower first) and each applicable rule applies; a later rule may
 * override what an earlier one decided, exactly as the order of the statements did before the move. A `skip` stage
 * stops at the first rule that applies.
 *
 * Every rule has at least one example: a short document, in words other than any fixture's, in which the rule
 * fires. `test/rules.test.ts` reads each example through the whole pipeline and checks that its rule fired.
 */
import type { ValueKind } from '@shiryo/model';

export const FAMILIES = ['layout', 'skip', 'label', 'kind', 'period', 'unit', 'subset', 'check', 'document'] as const;
export type Family = (typeof FAMILIES)[number];

/** What an example's observation must hold (only the keys given are checked). */
export interface ExampleExpectation {
  label?: string;
  fiscal_year?: number | null;
  value_kind?: ValueKind;
  value?: number;
  unit?: string | null;
  subgroup?: string | null;
  measure?: string | null;
  qualifier?: string | null;
}

export interface RuleExample {
  /** A short document in which the rule fires. */
  text: string;
  /** The name it is read under (its extension picks the reader: `.tsv`, `.md`, `.html`, `.txt`). Default `.txt`. */
  name?: string;
  /**
   * An observation of the example that the rule took part in must hold these. Skip rules state none: they make no
   * observation (the meta-test checks that they fired, through the trace).
   */
  expect?: ExampleExpectation;
}

/** A context the engine can run rules on: it records the rules that fired. */
export interface RuleContext {
  fired: string[];
  /** The quiet rules that fired: recorded on an observation only when no other rule did (see `recordedRules`). */
  quietlyFired?: string[];
}

/**
 * The rules an observation records: those that fired, or, when only quiet ones did (a value whose label, kind and
 * unit all came from the defaults), those quiet ones, so that every observation names at least one rule.
 */
export function recordedRules(c: RuleContext): string[] {
  return c.fired.length > 0 ? [...c.fired] : [...new Set(c.quietlyFired ?? [])];
}

export interface Rule<C extends RuleContext> {
  /** `<family>.<what it does>`, unique. */
  id: string;
  family: Family;
  /** The stage of its reader the rule runs in (`skip`, `label`, `kind` …). */
  stage: string;
  /** Order inside the stage: lower runs first. */
  priority: number;
  /** One sentence: when it applies and what it decides. */
  summary: string;
  /** A step most readings take (finding the stub columns): traced, but not recorded on every observation. */
  quiet?: boolean;
  applies(c: C): boolean;
  /** Decide; return `false` when, on a closer look, there was nothing to change (the rule is then not recorded). */
  // biome-ignore lint/suspicious/noConfusingVoidType: most rules decide and return nothing; `false` undoes the firing
  apply(c: C): void | boolean;
  examples: RuleExample[];
}

/** Receives every firing, for tests and for tracing one document (`NormalizeSettings.trace`). */
export type RuleTrace = (ruleId: string, where: string | null) => void;

/** A reader's rules, grouped by stage and sorted once. */
export class RuleSet<C extends RuleContext> {
  private readonly byStage = new Map<string, Rule<C>[]>();

  constructor(
    readonly name: string,
    readonly rules: readonly Rule<C>[],
  ) {
    const ids = new Set<string>();
    for (const r of rules) {
      if (ids.has(r.id)) throw new Error(`rule ${r.id} is registered twice in ${name}`);
      ids.add(r.id);
      const list = this.byStage.get(r.stage) ?? [];
      list.push(r);
      this.byStage.set(r.stage, list);
    }
    for (const list of this.byStage.values()) list.sort((a, b) => a.priority - b.priority);
  }

  /** Run every applicable rule of a stage in order; returns the ids that fired. */
  run(stage: string, c: C, trace?: RuleTrace, where: string | null = null): string[] {
    const fired: string[] = [];
    for (const r of this.byStage.get(stage) ?? []) {
      if (!r.applies(c) || r.apply(c) === false) continue;
      fired.push(r.id);
      if (!r.quiet) c.fired.push(r.id);
      else c.quietlyFired = [...(c.quietlyFired ?? []), r.id];
      trace?.(r.id, where);
    }
    return fired;
  }

  /** Run a stage until the first rule applies (skip stages): its id, or null when none applied. */
  first(stage: string, c: C, trace?: RuleTrace, where: string | null = null): string | null {
    for (const r of this.byStage.get(stage) ?? []) {
      if (!r.applies(c) || r.apply(c) === false) continue;
      if (!r.quiet) c.fired.push(r.id);
      else c.quietlyFired = [...(c.quietlyFired ?? []), r.id];
      trace?.(r.id, where);
      return r.id;
    }
    return null;
  }

  stages(): string[] {
    return [...this.byStage.keys()];
  }
}

/** Shorthand to declare a rule with its type checked against its reader's context. */
export function rule<C extends RuleContext>(r: Rule<C>): Rule<C> {
  if (r.examples.length === 0) throw new Error(`rule ${r.id} has no example`);
  if (!r.id.startsWith(`${r.family}.`)) throw new Error(`rule ${r.id} must start with its family ${r.family}`);
  return r;
}
