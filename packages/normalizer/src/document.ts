import type {
  ExtractedDocument,
  FiscalPeriod,
  Issue,
  Municipality,
  MunicipalitySource,
  NormalizedDocument,
  Observation,
} from '@shiryo/model';
import { assignConfidence, type ConfidenceModel, warnPoorOcrPages } from './confidence.js';
import { CONFIDENCE_MODEL } from './confidence-model.js';
import {
  accountKindOf,
  type DocumentContext,
  detectPlan,
  documentDate,
  documentEra,
  documentYearOf,
  kindYearsOf,
  planTypeOf,
  planTypeOfWords,
  SectionTracker,
  statedPlanPeriod,
  subsetNoteIn,
  tableContexts,
} from './context.js';
import { detectMunicipality, lookupMunicipality } from './municipality.js';
import { findPeriods, fyPeriod, type PeriodOptions, parseColumnHeader } from './period/index.js';
import { newProseState, proseHeading, proseToObservations } from './prose.js';
import { refusedNumberIssues } from './quantity/index.js';
import type { RuleTrace } from './rules/engine.js';
import { DOCUMENT_RULES } from './rules/index.js';
import { observationContext } from './rules/observation-context.js';
import type { TableLayout } from './rules/table-context.js';
import { cellCount, sheetContinuations } from './sheet.js';
import { continuesSheet, stageColumns, tableToObservations } from './tables.js';
import type { TokenMatcher } from './tokens.js';

/** A municipality given from outside the document's text, and by what. */
export interface GivenMunicipality {
  municipality: Municipality;
  source: Exclude<MunicipalitySource, 'text' | 'metadata'>;
}

export interface NormalizeSettings {
  /**
   * The municipality given from outside the text — the caller resolves `--municipality`, a manifest row or the
   * file's path (`municipalityFromPath`) and passes the one that wins, with its source — or a code or name (read
   * as `--municipality`). It wins over the text; the text is read only when none is given.
   */
  municipality?: string | GivenMunicipality;
  /** A plan given from outside (a manifest row), read like the text's own: `第7期障害福祉計画`. */
  plan?: string;
  /** Skip numbers in prose and bullets (tables only). */
  tablesOnly?: boolean;
  /** Morpheme-based indicator matching (build once with `tokenMatcher(await loadTokenizer())`). */
  tokens?: TokenMatcher;
  /** Called for every rule that fires (tests, `shiryo trace`). */
  trace?: RuleTrace;
  /** The confidence model (default: the one fitted on the corpus and fixtures, `confidence-model.ts`). */
  confidence?: ConfidenceModel;
}

/** The settings a caller gets when it gives none (reference data and models are code, read by nothing). */
export const DEFAULT_NORMALIZE_SETTINGS = {
  tablesOnly: false,
  confidence: CONFIDENCE_MODEL,
} as const satisfies NormalizeSettings;

function givenMunicipality(given: NormalizeSettings['municipality'], issues: Issue[]): GivenMunicipality | null {
  if (given === undefined || given === '') return null;
  if (typeof given !== 'string') return given;
  const found = lookupMunicipality(given);
  if (found.kind === 'found') return { municipality: found.municipality, source: 'option' };
  issues.push({
    code: 'MUNICIPALITY_UNKNOWN',
    severity: 'warn',
    stage: 'normalize',
    message: `--municipality ${given} is ${found.kind === 'ambiguous' ? 'ambiguous' : 'not in the code list'}`,
    where: null,
  });
  return null;
}

function resolveMunicipality(
  doc: ExtractedDocument,
  settings: NormalizeSettings,
  issues: Issue[],
): { municipality: Municipality | null; source: MunicipalitySource | null } {
  const given = givenMunicipality(settings.municipality, issues);
  // (a table's caption counts: a spreadsheet saved as HTML names its city only in the title row over the table,
  // which the extractor lifts into the caption — `表3 介護給付費の計画値と実績値（第9期倉敷市介護保険事業計画）`)
  const text = [
    ...doc.blocks.map((b) => b.text),
    ...doc.tables.flatMap((t) => [t.caption ?? '', ...t.cells.map((c) => c.text)]),
  ].join('\n');
  const firstLines = doc.pages[0]?.lines.slice(0, 30).join('\n') ?? '';
  // A document whose text never names its city may still carry it in its metadata title (a PDF's /Title, an HTML
  // <title>): read only when the text names none, and recorded as such.
  const fromText = detectMunicipality(`${firstLines}\n${text}`);
  const metaTitle = doc.meta.title?.trim() ?? '';
  const fromMeta = !fromText && metaTitle ? detectMunicipality(metaTitle) : null;
  const guess = fromText ?? fromMeta;
  if (given) {
    const m = given.municipality;
    if (guess && guess.municipality.code !== m.code)
      issues.push({
        code: 'MUNICIPALITY_TEXT_DIFFERS',
        severity: 'warn',
        stage: 'normalize',
        message: `the text names ${guess.municipality.prefecture}${guess.municipality.name} (weight ${guess.mentions}); kept ${m.prefecture}${m.name} from the ${given.source}`,
        where: null,
      });
    return { municipality: m, source: given.source };
  }
  if (!guess) {
    issues.push({
      code: 'MUNICIPALITY_NOT_FOUND',
      severity: 'warn',
      stage: 'normalize',
      message: 'the text names no municipality and none was given (--municipality, a manifest row, the path)',
      where: null,
    });
    return { municipality: null, source: null };
  }
  for (const w of guess.warnings)
    issues.push({ code: 'MUNICIPALITY_AMBIGUOUS', severity: 'warn', stage: 'normalize', message: w, where: null });
  return { municipality: guess.municipality, source: fromText ? 'text' : 'metadata' };
}

const FY_WORD = '((?:令和|平成|R|H)\\s*[0-9元]+\\s*年度|20\\d\\d\\s*年度)';
/**
 * The title of one year's work: `令和3年度実績`, and (family "a web page of one year's results") the work's state
 * with its year in brackets, `地域支援事業の実施状況（令和6年度）`, `重点施策の取組状況（2024年度）`.
 */
const REPORT_TITLE = [
  new RegExp(`${FY_WORD}\\s*(?:の)?\\s*実績`, 'u'),
  new RegExp(`(?:実施|取組|進捗)状況\\s*[(（]\\s*${FY_WORD}\\s*[)）]`, 'u'),
];

/**
 * `令和3年度実績について` / `令和3年度実績 要旨` / `…の実施状況（令和6年度）` in a heading or title line: the year a
 * results report covers.
 */
function detectReportYear(doc: ExtractedDocument): FiscalPeriod | null {
  for (const b of doc.blocks) {
    if (b.text.length > 80) continue;
    const text = b.text.normalize('NFKC');
    const m = REPORT_TITLE.map((re) => re.exec(text)).find(Boolean);
    if (!m) continue;
    const p = findPeriods(m[1]!).find((x) => x.fiscalYear !== null);
    if (p) return p;
  }
  return null;
}

/** The latest `…時点` date a table header states: the document's as-of date. */
function reportAsOf(doc: ExtractedDocument): FiscalPeriod | null {
  let best: FiscalPeriod | null = null;
  for (const t of doc.tables)
    for (const c of t.cells) {
      if (c.row >= Math.max(1, t.headerRows) || !/時点/.test(c.text)) continue;
      for (const p of findPeriods(c.text))
        if ((p.kind === 'month' || p.kind === 'date') && (!best || p.end > best.end)) best = p;
    }
  return best;
}

/** The last year of the three-year term the tables' year columns cover, or null. */
function inferPlanTerm(doc: ExtractedDocument, opts: PeriodOptions): number | null {
  const years = new Set<number>();
  for (const t of doc.tables)
    for (const c of t.cells) {
      // Cells that are only a year label (`2021年度`, `R3`, `令和3年度 (見込)`).
      if (c.text.length > 16) continue;
      const p = parseColumnHeader(c.text, opts);
      if (p.period?.fiscalYear != null && p.period.kind !== 'date' && p.rest.length <= 4)
        years.add(p.period.fiscalYear);
    }
  const sorted = [...years].sort((a, b) => a - b);
  for (let i = sorted.length - 1; i >= 2; i--) {
    const y = sorted[i]!;
    if (y % 3 === 1 && years.has(y - 1) && years.has(y - 2)) return y;
  }
  return null;
}

/** The issue for a table or paragraph whose reading threw: the document goes on without it. */
function unreadable(code: string, e: unknown, where: string): Issue {
  return { code, severity: 'warn', stage: 'normalize', message: e instanceof Error ? e.message : String(e), where };
}

/** Numbers of two digits or more (`1,459,000`, `12.5`), the kind a table's values are. */
const VALUE_RE = /[0-9][0-9,.]*[0-9]/g;
/** A page with this many numbers and nothing read from it is reported (`PAGE_NUMBERS_UNREAD`). */
export const UNREAD_PAGE_NUMBERS = 8;

/**
 * PDF pages whose text holds numbers (`UNREAD_PAGE_NUMBERS` or more) but that gave no table, no observation and
 * no issue of their own: a table no finder recognized, a contents page, prose with article and phone numbers.
 * Reported, so that no page's numbers are dropped without a word.
 */
function unreadPageIssues(doc: ExtractedDocument, observations: Observation[], issues: Issue[]): Issue[] {
  if (doc.mediaType !== 'application/pdf') return [];
  const read = new Set<number>();
  for (const t of doc.tables) if (t.page != null) read.add(t.page);
  for (const o of observations) if (o.page != null) read.add(o.page);
  for (const i of [...doc.issues, ...issues]) {
    const m = /^page (\d+)$/.exec(i.where ?? '');
    if (m) read.add(Number(m[1]));
  }
  const out: Issue[] = [];
  for (const p of doc.pages) {
    if (read.has(p.index) || p.needsOcr) continue;
    const n = p.lines.join('\n').normalize('NFKC').match(VALUE_RE)?.length ?? 0;
    if (n >= UNREAD_PAGE_NUMBERS)
      out.push({
        code: 'PAGE_NUMBERS_UNREAD',
        severity: 'warn',
        stage: 'normalize',
        message: `${n} numbers on the page, but no table was found and no observation read there (a table no finder recognized, a contents page, or prose)`,
        where: `page ${p.index}`,
      });
  }
  return out;
}

/** ExtractedDocument → observations and issues. Pure: no filesystem, no SQLite. */
export function normalizeDocument(doc: ExtractedDocument, settings: NormalizeSettings = {}): NormalizedDocument {
  const issues: Issue[] = [];
  const { municipality, source: municipalitySource } = resolveMunicipality(doc, settings, issues);
  const allText = [...doc.pages.flatMap((p) => p.lines)].join('\n');
  const plan = (settings.plan ? detectPlan(settings.plan) : null) ?? detectPlan(allText);
  const title =
    doc.blocks.find((b) => b.kind === 'heading')?.text ?? doc.blocks.find((b) => b.text.length > 4)?.text ?? null;
  // Without a 第N期 mention, the years the tables are laid out over give the term: every plan of these kinds
  // runs three fiscal years ending in a year ≡ 1 (mod 3) (2020, 2023, 2026).
  // The year the document is about: years written without their era (`3年度`) are read in the era nearest it.
  const era = documentEra(doc, plan);
  // (a document naming its plan without the term, `障害福祉計画の進捗`: a bare `第6期` in it is that plan's term)
  const planType = planTypeOf(plan?.plan ?? null) ?? planTypeOfWords(allText);
  const periods = { ...(planType ? { planType } : {}), ...(era ? { era } : {}) };
  // A budget book or settlement report (`accountKindOf`) is about its one year, whatever years its tables show.
  const accountKind = accountKindOf(doc);
  // (a period the document states, `（計画期間：令和6年度～令和8年度）`, before one inferred from its tables)
  const stated = plan || accountKind ? null : statedPlanPeriod(doc);
  const inferred = plan || accountKind || stated ? null : inferPlanTerm(doc, periods);
  const ctx: DocumentContext = {
    title,
    municipality,
    plan: plan?.plan ?? null,
    planPeriod: plan
      ? `${plan.start}-${plan.end}`
      : stated
        ? `${stated.start}-${stated.end}`
        : inferred
          ? `${inferred - 2}-${inferred}`
          : null,
    planEnd: plan
      ? fyPeriod(plan.end, `${plan.plan}の最終年度`)
      : stated
        ? fyPeriod(stated.end, `計画期間（${stated.text}）の最終年度`)
        : inferred
          ? fyPeriod(inferred, `${inferred}年度 (表の年度から推定した計画期間の最終年度)`)
          : null,
    reportYear: detectReportYear(doc),
    tokens: settings.tokens ?? null,
    era,
    periods,
    kindYears: kindYearsOf(doc, periods),
    documentYear: documentYearOf(doc, periods),
    accountKind,
  };
  const observations: Observation[] = [];
  const contexts = tableContexts(doc, ctx);
  let latestResult: number | null = null;
  // The stage row of the last review sheet (`区分 | 評価 (C) | 協議会等意見 | 改善 (A)`), for its continuations.
  let stages: string[] | null = null;
  // The tables laid out last with header rows, on the page before and this one, for a table continuing one of them
  // without its header (a budget book's 項 blocks): kept by page, not by count, as a budget page sets a 節 and a 説明
  // table beside every 項 block, each found as a table of its own (a dozen tables between a block and the header
  // at the top of its page); only a headed table is ever continued (`tableToObservations`).
  let layouts: TableLayout[] = [];
  for (const t of doc.tables) {
    const tctx = contexts.get(t.index);
    if (!tctx) continue;
    try {
      const own = stageColumns(t);
      if (own) stages = own;
      const r = tableToObservations(
        t,
        tctx,
        own ?? (continuesSheet(t, stages) ? stages : null),
        settings.trace,
        layouts,
      );
      if (r.layout && r.layout.headerRows > 0) layouts.push(r.layout);
      layouts = layouts.filter((l) => l.table.page >= t.page - 1);
      if (layouts.length > 8) layouts.shift();
      observations.push(...r.observations);
      if (r.latestResult != null) latestResult = Math.max(latestResult ?? r.latestResult, r.latestResult);
      issues.push(...r.issues);
    } catch (e) {
      issues.push(unreadable('TABLE_UNREADABLE', e, `table ${t.index}`));
    }
  }
  if (!settings.tablesOnly) {
    const state = newProseState();
    const sheets = sheetContinuations(doc);
    const sections = new SectionTracker();
    const blocks = [...doc.blocks].sort((a, c) => a.seq - c.seq);
    for (const [bi, b] of blocks.entries()) {
      sections.see(b);
      const section = sections.path();
      if (b.kind === 'heading') {
        const hs = sections.headings();
        proseHeading(state, b.text, hs[hs.length - 1] === b.text.trim() ? hs.slice(0, -1) : hs, ctx.plan, ctx.periods);
      }
      // The rest of a comparison sheet whose tabs were lost (sheet.ts): the national guideline's lines state no
      // number of the city's, and a plan column's values fall in that plan's term.
      const sheet = sheets.get(b.seq);
      if (sheet?.national) continue;
      // (a plan term set for the column before does not hold in the next one)
      if (sheet?.period && (!state.period || state.period.kind === 'plan_term')) state.period = sheet.period;
      // A line continuing a table cell's list breaks down the count that list is of, with that count's kind.
      if (sheet?.continues) {
        const count = cellCount(observations, sheet.continues);
        state.itemLabel = count?.label ?? null;
        if (count) state.kind = count.kind;
      }
      try {
        observations.push(
          ...proseToObservations(
            {
              text: b.text,
              page: b.page,
              section,
              table_index: null,
              row: null,
              col: null,
              bullet: b.kind === 'bullet',
              subsetNote: subsetNoteAfter(blocks, bi),
            },
            state,
            ctx,
            settings.trace,
          ),
        );
      } catch (e) {
        // One unreadable paragraph must not cost the document: it is reported and skipped.
        issues.push(unreadable('PROSE_UNREADABLE', e, b.line ? `line ${b.line}` : `block ${b.seq}`));
      }
    }
  }
  // Rules that need the whole document: results after its as-of date, results no text dates.
  // (the latest `…時点` of the tables' headers, else the date on the document's first lines)
  const date = documentDate(doc);
  const asOf = reportAsOf(doc) ?? date;
  // The one year a document that is no plan is about: its title's, else its date's.
  const documentYear =
    ctx.planPeriod !== null
      ? null
      : (ctx.documentYear ?? (date?.fiscalYear != null ? fyPeriod(date.fiscalYear, date.text) : null));
  for (const o of observations)
    DOCUMENT_RULES.run(
      'revisit-document',
      observationContext(o, observations, { asOf, latestResult, documentYear, accountBook: ctx.accountKind !== null }),
      settings.trace,
      o.table_index !== null ? `table ${o.table_index}` : null,
    );
  // Values the document restates (a budget book's 款/項 captions printed above every block): read once.
  // (where each table observation's cell lies on its page: a 説明 line restates the 節 left of it on its line)
  const tableByIndex = new Map(doc.tables.map((t) => [t.index, t]));
  const cellBox = (o: Observation) => {
    const t = o.table_index === null ? undefined : tableByIndex.get(o.table_index);
    const c = t?.cells.find(
      (x) =>
        x.row <= (o.row ?? -1) &&
        (o.row ?? -1) < x.row + (x.rowSpan ?? 1) &&
        x.col <= (o.col ?? -1) &&
        (o.col ?? -1) < x.col + (x.colSpan ?? 1),
    );
    return t && c?.bbox ? { page: t.page, x0: c.bbox.x0, x1: c.bbox.x1, y0: c.bbox.y0, y1: c.bbox.y1 } : null;
  };
  const rowLabel = (o: Observation) => {
    const t = o.table_index === null ? undefined : tableByIndex.get(o.table_index);
    if (!t || o.row === null || o.col === null) return null;
    const left = t.cells
      .filter((x) => x.row <= o.row! && o.row! < x.row + (x.rowSpan ?? 1) && x.col < o.col! && /\p{L}{2}/u.test(x.text))
      .sort((a, b) => b.col - a.col)[0];
    return left ? { text: left.text, table: t.index, row: left.row, col: left.col } : null;
  };
  const restated = new Set(
    observations.filter((o) =>
      DOCUMENT_RULES.first(
        'skip-document',
        observationContext(o, observations, { accountBook: ctx.accountKind !== null, cellBox, rowLabel }),
        settings.trace,
        o.table_index !== null ? `table ${o.table_index}` : null,
      ),
    ),
  );
  if (restated.size) {
    const kept = observations.filter((o) => !restated.has(o));
    observations.length = 0;
    observations.push(...kept);
  }
  // Numbers refused rather than half-read (`18億5,000`): no value, one warning each.
  issues.push(...refusedNumberIssues(doc, settings.tablesOnly));
  // Confidence from evidence (confidence.ts): the calibrated model, or the readers' scores when none is fitted.
  const model = settings.confidence ?? DEFAULT_NORMALIZE_SETTINGS.confidence;
  // (pages read by OCR, with the mean confidence of their words: their numbers are capped, a poor page's warned)
  const ocrPages = new Map(doc.pages.filter((p) => p.ocr).map((p) => [p.index, p.ocr!.meanConfidence]));
  warnPoorOcrPages(observations, ocrPages);
  if (model.calibration.length > 0)
    assignConfidence(observations, new Map(doc.tables.map((t) => [t.index, t])), model, ocrPages);
  else for (const o of observations) if (o.warnings.length) o.confidence = Math.min(o.confidence, 0.5);
  issues.push(...unreadPageIssues(doc, observations, issues));
  // A value that is no finite number (a scale that overflowed) is never stored: it is reported instead. (It made
  // the whole document fail to store: the column is NOT NULL and SQLite stores NaN as NULL.)
  const finite = observations.filter((o) => {
    if (Number.isFinite(o.value)) return true;
    issues.push({
      code: 'NUMBER_OUT_OF_RANGE',
      severity: 'warn',
      stage: 'normalize',
      message: `${o.value_text}: not read as a number (${o.value})`,
      where:
        o.table_index !== null
          ? `table ${o.table_index} r${o.row}c${o.col}`
          : o.page !== null
            ? `page ${o.page}`
            : null,
    });
    return false;
  });
  return {
    title,
    municipality,
    municipalitySource,
    plan: ctx.plan,
    planPeriod: ctx.planPeriod,
    observations: finite,
    issues,
  };
}

/**
 * Family "a note saying what a bracket holds", in lines of text (a table linearized into lines, records): the name a
 * note in the next few blocks, before any heading, gives the bracketed parts of a line's values
 * (`令和6年度計画 120〈30〉 …` over `※〈　〉内は精神障害者の人数`). Only for a line with a bracketed number.
 */
function subsetNoteAfter(blocks: readonly { kind: string; text: string }[], i: number): string | null {
  if (!/[<〈《く]\s*[0-9０-９]/u.test(blocks[i]!.text)) return null;
  for (const b of blocks.slice(i + 1, i + 4)) {
    if (b.kind === 'heading') break;
    const note = subsetNoteIn(b.text);
    if (note) return note.label;
  }
  return null;
}
