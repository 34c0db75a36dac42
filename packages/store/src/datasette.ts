/**
 * Datasette metadata for a shiryo database: what each table, view and column means, and saved ("canned") queries
 * for the questions researchers ask first. `datasette shiryo.sqlite -m shiryo.metadata.json` shows the descriptions
 * above each table and under each column heading, and lists the queries on the database page.
 *
 * Format: Datasette's metadata JSON (`databases.<name>.tables.<table>.{description, columns}` and
 * `databases.<name>.queries.<name>.{title, description, sql}`; parameters are `:name`, which Datasette turns into
 * form fields). The descriptions are the export contract's and docs/OBSERVATIONS.md's, shortened; a test checks
 * that every column described exists and that every column of `observations_flat` is described, so a migration
 * that adds a column without a description fails.
 */

/** The export contract's columns, in `observations_flat`'s order, and the view's extra columns. */
export const OBSERVATION_COLUMNS: Readonly<Record<string, string>> = {
  document_sha256: 'SHA-256 of the source file (a document is its bytes)',
  document_path: 'the first path the source file was stored from (document_paths has every path)',
  municipality_code: '全国地方公共団体コード (6 digits, with check digit); NULL when the city is unknown',
  municipality_name: 'the municipality as in the code list',
  prefecture: 'the prefecture of the municipality',
  plan: 'the plan the document belongs to, e.g. 第7期障害福祉計画・第3期障害児福祉計画',
  plan_period: 'the plan term in fiscal years, e.g. 2024-2026',
  section: 'the heading the number sits under',
  indicator_id: 'national catalog id (NULL when the label matches no catalog entry; never forced)',
  indicator_label: 'the indicator as written in the document',
  subgroup: 'breakdown: 身体, 知的, 精神, 65歳以上, an area, a service type …',
  measure: 'kind of count: 利用者数, 利用実人数, 利用日数, 利用時間 …',
  unit: 'canonical unit: person, person/month, person_day/month, hour/month, case/year, time/year, facility, percent, yen …',
  unit_text: 'the unit as written (人／月, 時間/年, 千円 …)',
  period_kind: 'fy (a fiscal year), fy_end (年度末), date, month, year, range, plan_term',
  fiscal_year: 'western year in which the fiscal year starts (令和3年度 → 2021, H29年度末 → 2017)',
  period_start: 'ISO date the period starts, when known',
  period_end: 'ISO date the period ends, when known',
  value_kind:
    'plan, estimate, actual, target, baseline, deviation, achievement_rate or subset (docs/OBSERVATIONS.md: which written words give each)',
  value: 'the number, scaled to the canonical unit (percent in percent: 2割5分 → 25; 千円 → yen)',
  value_text: 'the cell or phrase as written',
  qualifier: 'gte (以上), lte (以下, を超えない), gt, lt, approx (約) or NULL',
  page: 'page of the source (1-based; a text export is page 1)',
  table_index: 'index of the table in the document (tables.table_index); NULL for a number read from prose',
  row: 'row of the cell in its table',
  col: 'column of the cell in its table',
  confidence:
    'calibrated 0–1: among numbers at or above 0.9, at least 99 in 100 were right on documents with known truth (docs/confidence.md)',
  warnings: 'JSON array: what the self-checks or the reader doubted',
  rules: "JSON array: ids of the normalizer's rules that made the number, in the order they fired",
  subset_of_kind: 'for a subset: the kind of the figure it is part of (plan, estimate, actual …); NULL otherwise',
  subgroup_canonical:
    'the subgroup in one wording for all cities (精神障がい者の利用者数(再掲) → 精神障害者), for grouping',
  measure_canonical: 'the measure in one wording (利用実人数, 利用者数 → 利用者数), for grouping',
  restatement:
    '1 when the document stated this fact before, in another table or a sentence (counted once: left out of city_comparison and plan_vs_actual)',
  document_title: 'title of the source document',
  indicator_canonical_label: "the catalog's label for indicator_id",
  observation_id: 'observations.id',
  document_id: 'documents.id',
  restates: 'for a restatement: the observation_id of the first statement of the fact in the document; NULL otherwise',
};

const PLAN_VS_ACTUAL: Readonly<Record<string, string>> = {
  municipality_code: OBSERVATION_COLUMNS.municipality_code as string,
  municipality_name: OBSERVATION_COLUMNS.municipality_name as string,
  prefecture: OBSERVATION_COLUMNS.prefecture as string,
  indicator_id: 'catalog id; rows of one id merge label variants',
  indicator_label: 'a label as written (the catalog id, when there is one, is what groups the row)',
  subgroup: OBSERVATION_COLUMNS.subgroup as string,
  measure: OBSERVATION_COLUMNS.measure as string,
  unit: OBSERVATION_COLUMNS.unit as string,
  fiscal_year: OBSERVATION_COLUMNS.fiscal_year as string,
  plan: 'the planned value (NULL when the plans stored disagree: see conflicts)',
  estimate: 'the estimated value (見込)',
  actual: 'the result (実績)',
  achievement_rate: "the document's own 達成率, in percent",
  computed_rate: '100 × actual / plan, one decimal',
  shortfall: '1 when actual is below plan, 0 when not, NULL when either is missing',
  conflicts: 'the kinds whose stored values disagree (two tables of one city, or breakdown rows not told apart)',
  n_observations: 'observations behind the row (restatements left out)',
  n_documents: 'documents behind the row',
  confidence: 'the lowest confidence of the observations behind the row',
};

const TABLES: Readonly<Record<string, { description: string; columns?: Readonly<Record<string, string>> }>> = {
  observations_flat: {
    description:
      'One row per number read from a document: the export contract (shiryo export) plus the document title and the catalog label. Start here.',
    columns: OBSERVATION_COLUMNS,
  },
  plan_vs_actual: {
    description:
      'Plans against results: one row per city × indicator × subgroup × measure × unit × fiscal year. Subsets and numbers without a city or year are left out.',
    columns: PLAN_VS_ACTUAL,
  },
  plan_vs_actual_per_10000: {
    description:
      "plan_vs_actual with each city's population (loaded with shiryo populations load; none is bundled) for the year nearest to the fiscal year, and plan, estimate and actual per 10,000 inhabitants.",
    columns: {
      population: 'the population loaded for the city and population_year (NULL when the city has none)',
      population_year: 'the calendar year of that population: the one nearest to fiscal_year (a tie to the later)',
      population_source: 'where that population comes from, as loaded (survey, table, date)',
      plan_per_10000: '10,000 × plan / population, two decimals; NULL for a share (percent, ratio) or an unknown unit',
      estimate_per_10000: '10,000 × estimate / population, as plan_per_10000',
      actual_per_10000: '10,000 × actual / population, as plan_per_10000',
    },
  },
  populations: {
    description:
      'Population denominators a person loaded (shiryo populations load FILE.csv): one row per city and calendar year, with its source.',
  },
  city_comparison: {
    description: 'One row per indicator, fiscal year, value kind and city, with the spread of the values stored.',
    columns: {
      value: 'the value when every stored value agrees, else NULL (see min_value, max_value)',
      n_values: 'observations behind the row',
      n_documents: 'documents behind the row',
    },
  },
  documents_summary: { description: 'Documents, tables and observations per city.' },
  doubted_by_municipality: {
    description:
      'How many numbers the pipeline doubted (confidence below 0.6 or a warning: the rows of observations_flat to check by hand), per municipality name.',
  },
  observations: {
    description:
      'The numbers, as stored (observations_flat joins them with their document and catalog label: query that instead).',
  },
  documents: {
    description: 'One row per distinct source file (by SHA-256).',
    columns: {
      path: 'the first path the file was stored from',
      status: 'ok, or partial when a part of it could not be read (see issues)',
      municipality_source: 'where the municipality came from: option (--municipality), manifest, path, text, metadata',
      plan_source: 'where the plan came from: manifest or text',
      document_date: 'the date a manifest gave (ISO)',
      meta: 'JSON: what the extractor recorded about the file',
    },
  },
  document_paths: { description: 'Every path a document was seen at, and the municipality the path names.' },
  pages: {
    description: 'Pages of each document with their text; needs_ocr = 1 for a page without a usable text layer.',
  },
  tables: {
    description: 'Tables recovered from each document, with how they were found and repaired.',
    columns: {
      method:
        'how the table was found: lattice (rulings), stream (text positions), aligned, linearized, drawn (a table ruled with characters in a text), html, tsv, markdown, prose',
      quality_score: '0–1: how sure the extractor is of the grid',
      repairs: 'JSON array: what the extractor repaired (merged cells, split headers, a flattened duplicate …)',
    },
  },
  cells: { description: 'Cells of the tables, with their row and column span and role (header, stub, body).' },
  blocks: { description: 'Headings, paragraphs and list items of each document (search them with blocks_fts).' },
  search_items: {
    description:
      'Every block, table caption and table cell with words, for search (shiryo search): two-character words such as 拠点 are found through search_items_fts, which indexes the text as character pairs.',
    columns: {
      source: 'block (heading, paragraph, list item), caption (a table caption) or cell (a table cell with words)',
      table_index: 'the table of a caption or cell (tables.table_index)',
      row: 'row of the cell in its table',
      col: 'column of the cell in its table',
      text: 'the text as stored',
      bigrams: 'the text as overlapping character pairs (NFKC, lower case): what search_items_fts indexes',
    },
  },
  plan_vs_actual_groups: {
    description:
      'What plan_vs_actual shows, kept by shiryo in the transaction of every document written or dropped (one row per city × indicator × subgroup × measure × unit × year, with the minimum and maximum of each kind): query plan_vs_actual instead.',
  },
  doubted_counts: {
    description:
      'How many numbers of each document the pipeline doubted (confidence below 0.6 or a warning), per municipality name, kept by shiryo with the document: query doubted_by_municipality instead.',
  },
  indicators: { description: 'The national catalog of plan indicators.' },
  indicator_aliases: { description: 'Other names of the catalog indicators.' },
  municipalities: { description: '全国地方公共団体コード list (code4fukui/localgovjp, CC0).' },
  issues: {
    description: 'What went wrong or was doubted, per file: errors (a file not read), warnings, notes.',
    columns: { severity: 'info, warn or error', stage: 'extract, normalize or store', where: 'page, table or cell' },
  },
};

/** Saved queries: each runs on any shiryo database; `:name` parameters become form fields in Datasette. */
export const CANNED_QUERIES: Readonly<Record<string, { title: string; description: string; sql: string }>> = {
  plan_vs_actual_for_indicator: {
    title: 'Plan against result of one indicator, per city and year',
    description: 'indicator: a catalog id (service.kyodo_seikatsu_enjo) or a label as written (共同生活援助).',
    sql: `SELECT municipality_name, prefecture, indicator_label, subgroup, measure, unit, fiscal_year,
  plan, estimate, actual, achievement_rate, computed_rate, shortfall, conflicts, confidence
FROM plan_vs_actual
WHERE indicator_id = :indicator OR indicator_label = :indicator
ORDER BY municipality_code, subgroup, measure, fiscal_year`,
  },
  doubted_numbers: {
    title: 'Numbers to check by hand',
    description:
      'Observations below a confidence (0.5 by default in the form: 0.5) or with a warning, with the page and cell to look at.',
    sql: `SELECT municipality_name, document_path, page, table_index, row, col, indicator_label, fiscal_year,
  value_kind, value_text, value, confidence, warnings
FROM observations_flat
WHERE confidence < CAST(coalesce(nullif(:below, ''), '0.5') AS REAL) OR warnings <> '[]'
ORDER BY confidence, document_path, page, table_index, row, col`,
  },
  documents_without_city: {
    title: 'Documents whose municipality is unknown',
    description: 'Give them one with shiryo ingest --municipality or --manifest.',
    sql: `SELECT d.id, d.path, d.title, d.n_observations, group_concat(p.path, ' | ') AS seen_at
FROM documents d LEFT JOIN document_paths p ON p.document_id = d.id
WHERE d.municipality_code IS NULL
GROUP BY d.id
ORDER BY d.path`,
  },
  cities_by_year: {
    title: 'One indicator across cities and years',
    description: 'indicator: a catalog id or a label as written; kind: plan, estimate, actual, target …',
    sql: `SELECT municipality_name, prefecture, fiscal_year, subgroup, measure, unit, value, n_values, min_value, max_value
FROM city_comparison
WHERE (indicator_id = :indicator OR indicator_label = :indicator) AND value_kind = :kind
ORDER BY municipality_code, fiscal_year`,
  },
};

export interface DatasetteMetadata {
  title: string;
  description: string;
  source: string;
  databases: Record<
    string,
    {
      description: string;
      tables: Record<string, { description: string; columns?: Record<string, string> }>;
      queries: Record<string, { title: string; description: string; sql: string }>;
    }
  >;
}

/**
 * Datasette metadata for the database Datasette will call `databaseName` (the file name without `.sqlite`/`.db`:
 * `data/shiryo.sqlite` → `shiryo`).
 */
export function datasetteMetadata(databaseName: string): DatasetteMetadata {
  const tables: DatasetteMetadata['databases'][string]['tables'] = {};
  for (const [name, t] of Object.entries(TABLES)) {
    tables[name] = t.columns
      ? { description: t.description, columns: { ...t.columns } }
      : { description: t.description };
  }
  const queries: DatasetteMetadata['databases'][string]['queries'] = {};
  for (const [name, q] of Object.entries(CANNED_QUERIES)) queries[name] = { ...q };
  return {
    title: 'shiryo: municipal welfare-plan indicators',
    description:
      'Numbers read from the committee documents Japanese municipalities publish about their welfare plans (障害福祉計画・障害児福祉計画, 介護保険事業計画): one typed observation per number, with its city, indicator, fiscal year, kind, unit, confidence and provenance back to page and cell.',
    source: 'shiryo',
    databases: {
      [databaseName]: {
        description: 'Start with observations_flat (one row per number) or plan_vs_actual (plans against results).',
        tables,
        queries,
      },
    },
  };
}

/** The name Datasette gives a database file: its base name without the extension. */
export function datasetteName(dbPath: string): string {
  const base = dbPath.split(/[\\/]/).pop() ?? dbPath;
  return base.replace(/\.[^.]+$/, '');
}
