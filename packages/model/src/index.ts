/**
 * @shiryo/model — the typed contracts between shiryo's stages.
 *
 *  source ─► extractor ─► ExtractedDocument ─► normalizer ─► NormalizedDocument (Observation[] + Issue[]) ─► store
 *
 * Extraction structures use camelCase. `Observation` uses the snake_case keys of the export contract
 * (`shiryo export --format jsonl`), so a stored row, an exported line and the in-memory value agree key for key.
 */
import { z } from 'zod';

export * from './bands.js';
export * from './canonical.js';
export * from './distance.js';
export * from './errors.js';
export * from './fact.js';
export * from './grid.js';
export * from './units.js';
export * from './vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Geometry and text
// ---------------------------------------------------------------------------------------------

/** PDF points, top-left origin (the extractor converts pdf.js's bottom-left once). */
export const BBox = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export type BBox = z.infer<typeof BBox>;

export const SpanOrigin = z.enum(['pdf', 'ocr', 'export']);
export type SpanOrigin = z.infer<typeof SpanOrigin>;

export const TextSpan = z.object({
  /** NFKC-normalised text. */
  text: z.string(),
  /** The raw string as the source gave it, before any fix. */
  orig: z.string(),
  bbox: BBox,
  dir: z.enum(['h', 'v']),
  font: z.string().optional(),
  size: z.number().optional(),
  origin: SpanOrigin,
  /** 0..1; 1 for text layers and exports, the engine's confidence for OCR. */
  confidence: z.number().min(0).max(1),
});
export type TextSpan = z.infer<typeof TextSpan>;

export const Ruling = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export type Ruling = z.infer<typeof Ruling>;

export const Page = z.object({
  /** 1-based page number. Text exports have a single page 1. */
  index: z.number().int().min(1),
  width: z.number(),
  height: z.number(),
  rotation: z.number().default(0),
  spans: z.array(TextSpan),
  rulings: z.array(Ruling),
  /** Text lines in reading order (joined spans). */
  lines: z.array(z.string()),
  /** Set when the page has no usable text layer and needs OCR. */
  needsOcr: z.boolean().optional(),
  /**
   * Set when the page's spans come from OCR: why it was OCR'd (`no-text`: no usable text layer; `unusable`: the
   * text layer is mojibake; `stray`: the text layer is mostly characters in no word or number, a scanner's own
   * OCR; `always`: `--ocr always`), how many words, their mean and lowest confidence, seconds.
   */
  ocr: z
    .object({
      reason: z.enum(['no-text', 'unusable', 'stray', 'always']),
      words: z.number().int().min(0),
      meanConfidence: z.number().min(0).max(1),
      minConfidence: z.number().min(0).max(1),
      seconds: z.number().min(0),
    })
    .optional(),
});
export type Page = z.infer<typeof Page>;

// ---------------------------------------------------------------------------------------------
// Tables and blocks
// ---------------------------------------------------------------------------------------------

export const CellRole = z.enum(['header', 'stub', 'body', 'note']);
export type CellRole = z.infer<typeof CellRole>;

export const TableCell = z.object({
  row: z.number().int().min(0),
  col: z.number().int().min(0),
  rowSpan: z.number().int().min(1),
  colSpan: z.number().int().min(1),
  /** Cleaned text (NFKC, whitespace collapsed, repairs applied). */
  text: z.string(),
  /** The cell's text as the source gave it. */
  orig: z.string(),
  bbox: BBox.optional(),
  role: CellRole,
  /** 0..1: the lowest confidence of the OCR'd spans in the cell; absent for text layers and exports (certain). */
  confidence: z.number().min(0).max(1).optional(),
});
export type TableCell = z.infer<typeof TableCell>;

/**
 * How a table was found: `lattice`/`stream` (PDF, from rulings / from span alignment), `tsv`, `markdown`, `html`,
 * `prose` (columns written in turn, cycled.ts), `aligned` (a text export whose columns are only space-aligned:
 * `pdftotext -layout`, fixed-width listings), `linearized` (a text export that lost the table's structure: a row per
 * line with single spaces, a cell per line, header words repeated inside each row), `drawn` (a ruled table drawn
 * with characters in a text export: box-drawing characters, a pandoc grid table; drawn.ts).
 */
export const TableMethod = z.enum([
  'lattice',
  'stream',
  'tsv',
  'markdown',
  'html',
  'prose',
  'aligned',
  'linearized',
  'drawn',
]);
export type TableMethod = z.infer<typeof TableMethod>;

export const TableQuality = z.object({
  /** 0..1: how much the table can be trusted as read. */
  score: z.number().min(0).max(1),
  /** Share of grid positions covered by no cell text. */
  emptyRatio: z.number().min(0).max(1),
  /** Names of the repairs applied, in order (e.g. `dropFlattenedDuplicate`). */
  repairs: z.array(z.string()),
});
export type TableQuality = z.infer<typeof TableQuality>;

export const Table = z.object({
  /** 1-based page number (1 for text exports). */
  page: z.number().int().min(1),
  /** 0-based index of the table in the document. */
  index: z.number().int().min(0),
  /** Position in document order, shared with blocks (`Block.seq`), so context can be found. */
  seq: z.number().int().min(0),
  /** 1-based source line for text exports. */
  line: z.number().int().min(1).optional(),
  bbox: BBox.optional(),
  method: TableMethod,
  /**
   * Cells in row-major order. A merged cell appears once, at its top-left position, with its span.
   * Positions covered by a span have no cell of their own.
   */
  cells: z.array(TableCell),
  nRows: z.number().int().min(0),
  nCols: z.number().int().min(0),
  /** Number of leading header rows, when known. */
  headerRows: z.number().int().min(0).default(0),
  caption: z.string().optional(),
  /** A unit stated for the whole table (corner cell, caption, a `(人)` line just above). */
  unitHint: z.string().optional(),
  /** Index of the table this one was embedded in (HTML inside a TSV cell). */
  parent: z.number().int().optional(),
  quality: TableQuality,
});
export type Table = z.infer<typeof Table>;

export const BlockKind = z.enum(['heading', 'paragraph', 'bullet', 'caption', 'note']);
export type BlockKind = z.infer<typeof BlockKind>;

export const Block = z.object({
  kind: BlockKind,
  text: z.string(),
  orig: z.string(),
  /** Heading level (1 = `#`) when the source says it; numbered headings get an inferred level. */
  level: z.number().int().min(1).optional(),
  page: z.number().int().min(1),
  seq: z.number().int().min(0),
  line: z.number().int().min(1).optional(),
});
export type Block = z.infer<typeof Block>;

// ---------------------------------------------------------------------------------------------
// Issues: problems that did not stop a document
// ---------------------------------------------------------------------------------------------

export const Severity = z.enum(['info', 'warn', 'error']);
export type Severity = z.infer<typeof Severity>;

export const Stage = z.enum(['read', 'extract', 'repair', 'normalize', 'store', 'cli']);
export type Stage = z.infer<typeof Stage>;

export const Issue = z.object({
  code: z.string(),
  severity: Severity,
  stage: Stage,
  message: z.string(),
  /** Where in the document: e.g. `table 3 r2c4`, `line 120`, `page 5`. */
  where: z.string().nullable().default(null),
});
export type Issue = z.infer<typeof Issue>;

// ---------------------------------------------------------------------------------------------
// The extracted document
// ---------------------------------------------------------------------------------------------

export const MediaType = z.enum([
  'text/plain',
  'text/markdown',
  'text/html',
  'text/tab-separated-values',
  'application/pdf',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);
export type MediaType = z.infer<typeof MediaType>;

export const ExtractedDocument = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  path: z.string(),
  mediaType: MediaType,
  /** The character encoding detected for text sources (`UTF8`, `SJIS`, `EUCJP`, …). */
  encoding: z.string().optional(),
  bytes: z.number().int().min(0),
  pages: z.array(Page),
  tables: z.array(Table),
  blocks: z.array(Block),
  meta: z.record(z.string(), z.string()).default({}),
  issues: z.array(Issue).default([]),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;

// ---------------------------------------------------------------------------------------------
// Periods and quantities
// ---------------------------------------------------------------------------------------------

export const PeriodKind = z.enum(['fy', 'fy_end', 'year', 'month', 'date', 'plan_term', 'range']);
export type PeriodKind = z.infer<typeof PeriodKind>;

export const FiscalPeriod = z.object({
  kind: PeriodKind,
  /** ISO date (YYYY-MM-DD) of the first day. */
  start: z.string(),
  /** ISO date of the last day. */
  end: z.string(),
  /** Western year in which the Japanese fiscal year (April–March) starts; null for multi-year ranges. */
  fiscalYear: z.number().int().nullable(),
  text: z.string(),
  warnings: z.array(z.string()).default([]),
});
export type FiscalPeriod = z.infer<typeof FiscalPeriod>;

export const Qualifier = z.enum(['gte', 'lte', 'gt', 'lt', 'approx']);
export type Qualifier = z.infer<typeof Qualifier>;

export const Quantity = z.object({
  value: z.number(),
  /** Canonical unit string (see `CANONICAL_UNITS`), null when none was written. */
  unit: z.string().nullable(),
  unitText: z.string().nullable(),
  qualifier: Qualifier.nullable(),
  text: z.string(),
  /** A subset value written beside it (`191 <116>`). */
  subset: z.number().optional(),
  /** What the subset is, when written with it (`100（うち精神 20）` → `精神`). */
  subsetLabel: z.string().optional(),
  /** A ratio written beside it (`17人 (1.31倍)`), in the ratio's own unit. */
  ratio: z.object({ value: z.number(), unit: z.string() }).optional(),
});
export type Quantity = z.infer<typeof Quantity>;

export const ValueKind = z.enum([
  'plan',
  'estimate',
  'actual',
  'target',
  'baseline',
  'deviation',
  'achievement_rate',
  'subset',
]);
export type ValueKind = z.infer<typeof ValueKind>;

// ---------------------------------------------------------------------------------------------
// Observations (keys = the export contract)
// ---------------------------------------------------------------------------------------------

export const Observation = z.object({
  municipality_code: z.string().nullable(),
  municipality_name: z.string().nullable(),
  prefecture: z.string().nullable(),
  plan: z.string().nullable(),
  plan_period: z.string().nullable(),
  section: z.string().nullable(),
  indicator_id: z.string().nullable(),
  indicator_label: z.string(),
  subgroup: z.string().nullable(),
  measure: z.string().nullable(),
  unit: z.string().nullable(),
  unit_text: z.string().nullable(),
  period_kind: PeriodKind.nullable(),
  fiscal_year: z.number().int().nullable(),
  period_start: z.string().nullable(),
  period_end: z.string().nullable(),
  value_kind: ValueKind,
  value: z.number(),
  value_text: z.string(),
  qualifier: Qualifier.nullable(),
  page: z.number().int().nullable(),
  table_index: z.number().int().nullable(),
  row: z.number().int().nullable(),
  col: z.number().int().nullable(),
  confidence: z.number().min(0).max(1),
  warnings: z.array(z.string()),
  /** The ids of the normalizer's rules that made this observation, in the order they fired (provenance). */
  rules: z.array(z.string()).default([]),
  /**
   * For a subset (`value_kind` `subset`: `191 <116>`, `142（4）` under a note): the kind of the figure it is part of
   * (`plan`, `actual` …), so a part of a plan is never compared with a part of a result. Null for every other kind.
   */
  subset_of_kind: ValueKind.nullable().optional(),
  /** `subgroup` under one name (`精神障がい者の利用者数(再掲)` → `精神障害者`): see `canonicalSubgroup`. Set by the store. */
  subgroup_canonical: z.string().nullable().optional(),
  /** `measure` under one name (`利用実人数` → `利用者数`; none in `person/month` → `利用者数`): see `canonicalMeasure`. */
  measure_canonical: z.string().nullable().optional(),
  /**
   * Set by the store: the document stated this fact (indicator, subgroup, measure, unit, year, kind, value) before,
   * in another table or a sentence; the views that count or compare leave it out.
   */
  restatement: z.boolean().optional(),
  /** Which reader made it: a table's data cell, or a sentence (of a paragraph, a bullet or a table's text cell). */
  reader: z.enum(['table', 'prose']).optional(),
});
export type Observation = z.infer<typeof Observation>;

/** Keys of one exported observation, in order. Kept stable: evaluation reads them. */
export const EXPORT_KEYS = [
  'document_sha256',
  'document_path',
  'municipality_code',
  'municipality_name',
  'prefecture',
  'plan',
  'plan_period',
  'section',
  'indicator_id',
  'indicator_label',
  'subgroup',
  'measure',
  'unit',
  'unit_text',
  'period_kind',
  'fiscal_year',
  'period_start',
  'period_end',
  'value_kind',
  'value',
  'value_text',
  'qualifier',
  'page',
  'table_index',
  'row',
  'col',
  'confidence',
  'warnings',
  'rules',
  'subset_of_kind',
  'subgroup_canonical',
  'measure_canonical',
  'restatement',
] as const;
export type ExportKey = (typeof EXPORT_KEYS)[number];
export type ExportedObservation = Observation & { document_sha256: string; document_path: string };

/**
 * One population a person loads (`shiryo populations load FILE.csv`): the municipality's 6-digit 全国地方公共団体コード,
 * the calendar year of the count, the number of inhabitants, and where it comes from (survey, table, date).
 */
export const PopulationRow = z.object({
  code: z.string().regex(/^\d{6}$/, 'a 6-digit 全国地方公共団体コード (112089)'),
  year: z.coerce
    .number({ error: 'a year (2020)' })
    .int('a year (2020)')
    .min(1920, 'a year from 1920')
    .max(2100, 'a year up to 2100'),
  population: z.coerce
    .number({ error: 'a whole number of inhabitants' })
    .int('a whole number of inhabitants')
    .positive('more than 0 inhabitants'),
  source: z.string().trim().min(1, 'the source (survey, table, date): 令和2年国勢調査 人口等基本集計 2020-10-01'),
});
export type PopulationRow = z.infer<typeof PopulationRow>;

export const Municipality = z.object({
  code: z.string(),
  name: z.string(),
  prefecture: z.string(),
  kana: z.string().optional(),
});
export type Municipality = z.infer<typeof Municipality>;

/**
 * Where a document's municipality came from, by precedence: the caller's `--municipality` option, a manifest
 * row, the file's path (a folder or file name naming the city or its code), the document's text.
 */
/** Where a document's municipality came from: given (option, manifest), its path, its text, or its metadata title. */
export const MunicipalitySource = z.enum(['option', 'manifest', 'path', 'text', 'metadata']);
export type MunicipalitySource = z.infer<typeof MunicipalitySource>;

/** What the normalizer makes of one document. */
export const NormalizedDocument = z.object({
  title: z.string().nullable(),
  municipality: Municipality.nullable(),
  /** Where `municipality` came from (null when there is none). */
  municipalitySource: MunicipalitySource.nullable().optional(),
  plan: z.string().nullable(),
  planPeriod: z.string().nullable(),
  observations: z.array(Observation),
  issues: z.array(Issue),
});
export type NormalizedDocument = z.infer<typeof NormalizedDocument>;
