import { sql as init } from './001_init.js';
import { sql as views } from './002_views.js';
import { sql as sources } from './003_sources.js';
import { sql as rules } from './004_rules.js';
import { sql as planVsActual } from './005_plan_vs_actual.js';
import { sql as subsetOfKind } from './006_subset_of_kind.js';
import { sql as canonicalNames } from './007_canonical_names.js';
import { sql as nationalScale } from './008_national_scale.js';
import { sql as restatements } from './009_restatements.js';
import { sql as search } from './010_search.js';
import { sql as summaries } from './011_summaries.js';
import { sql as populations } from './012_populations.js';
import { sql as doubted } from './013_doubted.js';
import { sql as groupNames } from './014_group_names.js';
import { sql as groupYears } from './015_group_years.js';

export interface Migration {
  /** 1, 2, 3 …: applied in this order, recorded in `migrations` and `PRAGMA user_version`. */
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. Append only: never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'init', sql: init },
  { id: 2, name: 'views', sql: views },
  { id: 3, name: 'sources', sql: sources },
  { id: 4, name: 'observation rules', sql: rules },
  { id: 5, name: 'plan vs actual', sql: planVsActual },
  { id: 6, name: 'subset of kind', sql: subsetOfKind },
  { id: 7, name: 'canonical subgroups and measures', sql: canonicalNames },
  { id: 8, name: 'national scale', sql: nationalScale },
  { id: 9, name: 'restatements', sql: restatements },
  { id: 10, name: 'search', sql: search },
  { id: 11, name: 'summaries', sql: summaries },
  { id: 12, name: 'populations', sql: populations },
  { id: 13, name: 'doubted counts', sql: doubted },
  { id: 14, name: 'group names', sql: groupNames },
  { id: 15, name: 'group years', sql: groupYears },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
