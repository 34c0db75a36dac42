/** The questions researchers ask, as commands: compare (plans against results), indicators, query, search. */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { catalog, labelKey } from '@shiryo/normalizer';
import {
  openStore,
  type PlanVsActualPerRow,
  type PlanVsActualRow,
  type SearchHit,
  type Store,
  type StoredIndicator,
  searchQuery,
  sqliteReason,
} from '@shiryo/store';
import Database from 'better-sqlite3';
import { formatRows, type OutputFormat, plural } from './format.js';

const EXIT = { OK: 0, ALL_FAILED: 1, USAGE: 2 } as const;
const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** Catalog entries matching a word: its id, or the word inside the id, the label or an alias (NFKC, any case). */
export function matchIndicators<T extends { id: string; label: string; aliases: readonly string[] }>(
  entries: readonly T[],
  word: string,
): T[] {
  const w = fold(word.trim());
  const key = labelKey(word);
  return entries.filter(
    (e) =>
      fold(e.id).includes(w) ||
      fold(e.label).includes(w) ||
      e.aliases.some((a) => fold(a).includes(w)) ||
      (key.length >= 2 && (labelKey(e.label) === key || e.aliases.some((a) => labelKey(a) === key))),
  );
}

type Resolved = { ids: string[]; labels: string[]; name: string } | { problem: string };

/**
 * What `--indicator` names: a catalog id; else the one indicator whose label is the word (in its normal form),
 * else whose alias is; else the one whose id, label or an alias holds it; else the labels as written, without
 * an id, that hold it. Several candidates at one step are bad usage, listing them.
 */
export function resolveIndicator(
  entries: readonly StoredIndicator[],
  unlabelled: readonly string[],
  word: string,
): Resolved {
  const exact = entries.find((e) => e.id === word);
  if (exact) return { ids: [exact.id], labels: [], name: `${exact.label} (${exact.id})` };
  const key = labelKey(word);
  const steps: StoredIndicator[][] = [
    entries.filter((e) => fold(e.label) === fold(word)),
    entries.filter((e) => labelKey(e.label) === key),
    entries.filter((e) => e.aliases.some((a) => fold(a) === fold(word) || labelKey(a) === key)),
    matchIndicators(entries, word),
  ];
  for (const found of steps) {
    if (found.length === 1) return { ids: [found[0]!.id], labels: [], name: `${found[0]!.label} (${found[0]!.id})` };
    if (found.length > 1)
      return {
        problem: `--indicator ${word} names ${found.length} indicators; give one of their ids:\n${found
          .slice(0, 20)
          .map((e) => `  ${e.id}  ${e.label}\n`)
          .join('')}${found.length > 20 ? `  … (shiryo indicators ${word} lists them all)\n` : ''}`,
      };
  }
  const w = fold(word);
  const labels = unlabelled.filter((l) => fold(l).includes(w));
  if (labels.length) return { ids: [], labels, name: `${labels.join(', ')} (no catalog id)` };
  return {
    problem: `--indicator ${word}: no catalog id, label or alias holds it, nor any label without an id in the file (shiryo indicators WORD finds ids)\n`,
  };
}

/** What `--indicator` names in this file (its catalog, and the labels it holds without an id). */
export function indicatorIn(store: Store, word: string): Resolved {
  const unlabelled = store.db
    .prepare('SELECT DISTINCT indicator_label FROM observations WHERE indicator_id IS NULL ORDER BY 1')
    .pluck()
    .all() as string[];
  return resolveIndicator(store.indicators(), unlabelled, word);
}

export interface CompareOptions {
  db: string;
  indicator: string;
  year?: number;
  kind?: 'plan' | 'estimate' | 'actual';
  municipality?: string;
  minConfidence?: number;
  /** Rates per this many inhabitants, from the populations loaded (`plan_vs_actual_per_10000`). */
  per?: number;
  /** At most this many rows (0: every row); the table's default is COMPARE_TABLE_LIMIT, --csv/--json's every row. */
  limit?: number;
  csv?: boolean;
  json?: boolean;
}

/**
 * The rows `compare` shows on a terminal unless `--limit` says otherwise: one indicator across Japan is ~17,000 rows
 * (1,741 cities × 10 years), which nobody reads as a table and which cost ~100 ms of CPU to read at national scale
 * (docs/benchmarks.md); `--csv`/`--json` give every row.
 */
export const COMPARE_TABLE_LIMIT = 1000;

const COMPARE_COLUMNS = [
  'municipality_code',
  'municipality_name',
  'prefecture',
  'indicator_id',
  'indicator_label',
  'subgroup',
  'measure',
  'unit',
  'fiscal_year',
  'plan',
  'estimate',
  'actual',
  'achievement_rate',
  'computed_rate',
  'shortfall',
  'conflicts',
  'n_observations',
  'n_documents',
  'confidence',
] as const satisfies readonly (keyof PlanVsActualRow)[];

/** `shiryo compare`: cities × fiscal years of one indicator, from the `plan_vs_actual` view. */
export function compare(o: CompareOptions): number {
  const store = openStore(o.db, { readonly: true, migrateOlder: true });
  try {
    const r = indicatorIn(store, o.indicator);
    if ('problem' in r) {
      err(`shiryo compare: ${r.problem}`);
      return EXIT.USAGE;
    }
    if (o.per !== undefined && store.populations().rows === 0) {
      err(
        `shiryo compare: --per needs populations, and ${o.db} holds none: load them with shiryo populations load FILE.csv --db ${o.db} (docs/RESEARCHERS.md)\n`,
      );
      return EXIT.ALL_FAILED;
    }
    const limit = (o.limit ?? (o.csv || o.json ? 0 : COMPARE_TABLE_LIMIT)) || undefined;
    const rows = store.planVsActual({
      indicatorIds: r.ids,
      labels: r.labels,
      fiscalYear: o.year,
      kind: o.kind,
      municipality: o.municipality,
      minConfidence: o.minConfidence,
      withPopulation: o.per !== undefined,
      // (one more than shown: whether rows were left out)
      limit: limit === undefined ? undefined : limit + 1,
    });
    const more = limit !== undefined && rows.length > limit;
    if (more) rows.length = limit;
    const result = (() => {
      if (o.per !== undefined) return comparePer(r.name, rows as PlanVsActualPerRow[], o.per, o);
      if (o.csv || o.json) {
        const values = rows.map((row) => COMPARE_COLUMNS.map((c) => row[c]));
        out(formatRows(o.csv ? 'csv' : 'json', COMPARE_COLUMNS, values));
        return EXIT.OK;
      }
      return compareTable(r.name, rows, more);
    })();
    if (more)
      err(
        `shiryo compare: the first ${plural(limit, 'row')} shown, more left out: --limit 0 shows every row${o.csv || o.json ? '' : ', --csv or --json give every row'}\n`,
      );
    return result;
  } finally {
    store.close();
  }
}

/** The `compare` table (no --per) on a terminal, with its legend. */
function compareTable(name: string, rows: PlanVsActualRow[], more: boolean): number {
  printCompareTable(`${name}: `, more ? ' shown, more left out (--limit)' : '', rows, [
    ['rate(doc)', (x) => x.achievement_rate],
    ['rate(calc)', (x) => x.computed_rate],
    ['shortfall', (x) => (x.shortfall === null ? null : x.shortfall ? 'yes' : 'no')],
    ['conflicts', (x) => x.conflicts],
  ]);
  if (rows.length > 0)
    out(
      '\nrate(doc): the 達成率 the document gives; rate(calc): 100 × actual / plan; shortfall: actual below plan;\nconflicts: the kinds whose observations disagree (their column is left empty); confidence: the lowest of the row.\n',
    );
  return EXIT.OK;
}

/**
 * The `compare` table on a terminal (with or without `--per`): a count line, then the city, the indicator when
 * several are shown, the row's keys, plan / estimate / actual, the columns of the variant, and the confidence.
 */
function printCompareTable<R extends PlanVsActualRow>(
  title: string,
  titleTail: string,
  rows: R[],
  extra: [string, (x: R) => unknown][],
): void {
  const cities = new Set(rows.map((x) => x.municipality_code)).size;
  out(`${title}${plural(rows.length, 'row')}, ${plural(cities, 'city', 'cities')}${titleTail}\n`);
  if (rows.length === 0) return;
  const several = new Set(rows.map((x) => x.indicator_id ?? x.indicator_label)).size > 1;
  const head = [
    'city',
    'code',
    ...(several ? ['indicator'] : []),
    'subgroup',
    'measure',
    'unit',
    'year',
    'plan',
    'estimate',
    'actual',
    ...extra.map(([h]) => h),
    'confidence',
  ];
  const body = rows.map((x) => [
    x.municipality_name,
    x.municipality_code,
    ...(several ? [x.indicator_label] : []),
    x.subgroup,
    x.measure,
    x.unit,
    x.fiscal_year,
    x.plan,
    x.estimate,
    x.actual,
    ...extra.map(([, get]) => get(x)),
    Math.round(x.confidence * 100) / 100,
  ]);
  out(formatRows('table', head, body));
}

/** A value per `per` inhabitants (two decimals), where the view gives a rate (a count or an amount). */
function perInhabitants(value: number | null, rate10000: number | null, population: number | null, per: number) {
  if (value === null || rate10000 === null || population === null) return null;
  return Math.round((value * per * 100) / population) / 100;
}

/** `compare --per N`: the rows with their city's population nearest to the year, and plan, estimate, actual per N. */
function comparePer(
  name: string,
  rows: PlanVsActualPerRow[],
  per: number,
  o: Pick<CompareOptions, 'csv' | 'json'>,
): number {
  const rated = rows.map((x) => ({
    ...x,
    plan_per: perInhabitants(x.plan, x.plan_per_10000, x.population, per),
    estimate_per: perInhabitants(x.estimate, x.estimate_per_10000, x.population, per),
    actual_per: perInhabitants(x.actual, x.actual_per_10000, x.population, per),
  }));
  if (o.csv || o.json) {
    const head = [
      ...COMPARE_COLUMNS,
      'population',
      'population_year',
      'population_source',
      `plan_per_${per}`,
      `estimate_per_${per}`,
      `actual_per_${per}`,
    ];
    const values = rated.map((x) => [
      ...COMPARE_COLUMNS.map((c) => x[c]),
      x.population,
      x.population_year,
      x.population_source,
      x.plan_per,
      x.estimate_per,
      x.actual_per,
    ]);
    out(formatRows(o.csv ? 'csv' : 'json', head, values));
    return EXIT.OK;
  }
  printCompareTable(`${name}: `, `, per ${per.toLocaleString('en')} inhabitants`, rated, [
    ['population', (x) => x.population],
    ['(year)', (x) => x.population_year],
    [`plan/${per}`, (x) => x.plan_per],
    [`estimate/${per}`, (x) => x.estimate_per],
    [`actual/${per}`, (x) => x.actual_per],
  ]);
  if (rows.length > 0)
    out(
      `\npopulation: the city's population loaded for the year nearest to the row's fiscal year ((year); its source: --csv/--json);\nno rate for a share (percent, ratio), a unit not known, or a city without a population.\n`,
    );
  return EXIT.OK;
}

/** `shiryo indicators [word]`: catalog ids by id, label or alias; with --db, how many observations carry each. */
export function indicators(word: string | undefined, o: { db?: string; json?: boolean }): number {
  let entries: (Omit<StoredIndicator, 'observations'> & { observations: number | null })[];
  if (o.db) {
    const store = openStore(o.db, { readonly: true, migrateOlder: true });
    try {
      entries = store.indicators();
    } finally {
      store.close();
    }
  } else {
    entries = catalog().map((e) => ({
      id: e.id,
      label: e.label,
      plan: e.plan,
      goal_area: e.group,
      aliases: e.aliases,
      observations: null,
    }));
  }
  const found = word ? matchIndicators(entries, word) : entries;
  if (found.length === 0) {
    err(`shiryo indicators: no indicator id, label or alias holds ${word}\n`);
    return EXIT.ALL_FAILED;
  }
  const cols = ['id', 'label', 'plan', 'group', ...(o.db ? ['observations'] : []), 'aliases'];
  const rows = found.map((e) => [
    e.id,
    e.label,
    e.plan,
    e.goal_area,
    ...(o.db ? [e.observations] : []),
    o.json ? e.aliases : e.aliases.join(' / '),
  ]);
  out(formatRows(o.json ? 'json' : 'table', cols, rows));
  return EXIT.OK;
}

/**
 * `shiryo query "SQL"`: one statement that returns rows, on a read-only connection (`query_only` too), in the
 * style of sqlite-utils: JSON (default), CSV or an aligned table. A statement that would write, or bad SQL, is bad
 * usage.
 */
export function query(sql: string, o: { db: string; csv?: boolean; json?: boolean; table?: boolean }): number {
  if (!existsSync(o.db)) {
    err(`shiryo query: no database at ${o.db}\n`);
    return EXIT.ALL_FAILED;
  }
  if (!statSync(o.db).isFile()) {
    err(`shiryo query: ${o.db}: STORE_FAILED: is not a database file\n`);
    return EXIT.ALL_FAILED;
  }
  let db: Database.Database;
  try {
    db = new Database(o.db, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    // read the schema now: a file that is not a database, or a damaged one, is the file's fault, not the SQL's
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    err(`shiryo query: ${o.db}: STORE_FAILED: ${sqliteReason(e)}\n`);
    return EXIT.ALL_FAILED;
  }
  try {
    let stmt: Database.Statement;
    try {
      stmt = db.prepare(sql);
    } catch (e) {
      err(`shiryo query: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.USAGE;
    }
    if (!stmt.reader) {
      err(
        'shiryo query: only statements that return rows (SELECT, WITH …, PRAGMA) run here; the file is opened read-only\n',
      );
      return EXIT.USAGE;
    }
    const columns = stmt.columns().map((c) => c.name);
    let rows: unknown[][];
    try {
      rows = stmt.raw(true).all() as unknown[][];
    } catch (e) {
      const code = String((e as { code?: unknown }).code ?? '');
      if (/^SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN)/.test(code)) {
        err(`shiryo query: ${o.db}: STORE_FAILED: ${sqliteReason(e)}\n`);
        return EXIT.ALL_FAILED;
      }
      err(`shiryo query: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.USAGE;
    }
    const format: OutputFormat = o.csv ? 'csv' : o.table ? 'table' : 'json';
    out(formatRows(format, columns, rows));
    return EXIT.OK;
  } finally {
    db.close();
  }
}

/** A stored path as a person reads it: relative to the current folder when it lies under it, else as stored. */
function shownPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : path;
}

/** Where a hit sits: the text, a table's caption, a table's cell. */
function hitPlace(h: SearchHit): string {
  if (h.source === 'block') return 'text';
  if (h.source === 'caption') return `table ${h.table_index} caption`;
  return `table ${h.table_index} r${h.row}c${h.col}`;
}

/**
 * `shiryo search --db F <words…>`: the blocks, table captions and cells holding every word (two-character words
 * too: 拠点, 就労, 相談), by city and document, with the page and a snippet. Table (default; a document under the
 * current folder is shown by its relative path), `--csv` or `--json` (every field, paths as stored). Exit 1 when
 * nothing is found.
 */
export function searchCommand(
  words: string[],
  o: { db: string; municipality?: string; limit?: number; csv?: boolean; json?: boolean },
): number {
  const query = searchQuery(words);
  if (!query) {
    err('shiryo search: give a word to search for (letters or digits, not only punctuation)\n');
    return EXIT.USAGE;
  }
  const store = openStore(o.db, { readonly: true, migrateOlder: true });
  let found: ReturnType<Store['search']>;
  try {
    found = store.search(words, { limit: o.limit ?? 50, municipality: o.municipality });
  } finally {
    store.close();
  }
  if (found.total === 0) {
    err(`shiryo search: nothing holds ${words.join(' ')}\n`);
    return EXIT.ALL_FAILED;
  }
  if (o.csv || o.json) {
    const cols = [
      'municipality_code',
      'municipality_name',
      'document_path',
      'page',
      'source',
      'table_index',
      'row',
      'col',
      'snippet',
    ] as const;
    out(
      formatRows(
        o.csv ? 'csv' : 'json',
        cols,
        found.hits.map((h) => cols.map((c) => h[c])),
      ),
    );
    return EXIT.OK;
  }
  const shown = found.hits.length < found.total ? ` (the first ${found.hits.length}: --limit N for more)` : '';
  out(`${words.join(' ')}: ${plural(found.total, 'hit')}${shown}\n`);
  out(
    formatRows(
      'table',
      ['city', 'document', 'page', 'where', 'snippet'],
      found.hits.map((h) => [h.municipality_name, shownPath(h.document_path), h.page, hitPlace(h), h.snippet]),
    ),
  );
  return EXIT.OK;
}
