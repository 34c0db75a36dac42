/** The prose reader's rules: one value of a paragraph, bullet or table cell at a time. */
import { RuleSet } from './engine.js';
import { PROSE_KIND_RULES } from './kind/prose.js';
import { PROSE_LABEL_RULES } from './label/prose.js';
import { PROSE_PERIOD_RULES } from './period/prose.js';
import type { ProseValueContext } from './prose-context.js';
import { PROSE_SKIP_RULES } from './skip/prose.js';
import { PROSE_SUBSET_RULES } from './subset/prose.js';
import { PROSE_UNIT_RULES } from './unit/prose.js';

export const PROSE_RULES = new RuleSet<ProseValueContext>('prose value', [
  ...PROSE_SKIP_RULES,
  ...PROSE_SUBSET_RULES,
  ...PROSE_LABEL_RULES,
  ...PROSE_UNIT_RULES,
  ...PROSE_KIND_RULES,
  ...PROSE_PERIOD_RULES,
]);
