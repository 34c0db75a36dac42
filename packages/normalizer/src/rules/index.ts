/**
 * The registry: every rule of the normalizer, by the reader that runs it. `test/rules.test.ts` checks that every
 * rule has examples and that each example fires its rule; `shiryo rules` lists them.
 */
import { EMIT_RULES } from '../observe.js';
import { DOCUMENT_OBSERVATION_RULES } from './document/observations.js';
import { type Rule, type RuleContext, RuleSet } from './engine.js';
import type { ObservationContext } from './observation-context.js';
import { PROSE_RULES } from './prose.js';
import { TABLE_OBSERVATION_RULES, TABLE_RULES } from './tables.js';

export const DOCUMENT_RULES = new RuleSet<ObservationContext>('document observations', DOCUMENT_OBSERVATION_RULES);

/** Every rule set, by name. */
export const RULE_SETS = [
  TABLE_RULES.layout,
  TABLE_RULES.cell,
  TABLE_OBSERVATION_RULES,
  PROSE_RULES,
  EMIT_RULES,
  DOCUMENT_RULES,
] as const;

/** Every rule of the normalizer. */
export function allRules(): Rule<RuleContext>[] {
  return RULE_SETS.flatMap((s) => s.rules as unknown as Rule<RuleContext>[]);
}

export { FAMILIES, type Family, type Rule, type RuleExample, type RuleTrace } from './engine.js';
