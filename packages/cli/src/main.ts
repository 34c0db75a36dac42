import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  createWriteStream,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import {
  DEFAULT_MAX_BYTES,
  extractDocument,
  isPdfFile,
  type OcrMode,
  pageToSvg,
  tableToMarkdown,
} from '@shiryo/extractor';
import {
  type ExtractedDocument,
  type Municipality,
  type MunicipalitySource,
  ShiryoError,
  toShiryoError,
  ValueKind,
} from '@shiryo/model';
import {
  catalog,
  lazyTokenMatcher,
  municipalities,
  municipalityFromPath,
  normalizeDocument,
  normalizeInputs,
  type TokenMatcher,
} from '@shiryo/normalizer';
import {
  datasetteMetadata,
  datasetteName,
  type ExportFilter,
  openStore,
  type Store,
  sqliteReason,
} from '@shiryo/store';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import PQueue from 'p-queue';
import { plural } from './format.js';
import { decide, type FileFacts, resolveMunicipality, storedAsDecided } from './given.js';
import { Extractors } from './isolate.js';
import { type Manifest, ManifestError, manifestColumns, manifestRowFor, readManifest } from './manifest.js';
import { populationsLoad } from './populations.js';
import { Progress } from './progress.js';
import { writeReport } from './report.js';
import { COMPARE_TABLE_LIMIT, compare, indicatorIn, indicators, query, searchCommand } from './research.js';
import { traceCommand } from './trace.js';
import { expandPaths } from './walk.js';

/**
 * Default --timeout: 10 minutes per file. The slowest real document of ../shared/real-pdfs (fuji_r6_budget.pdf,
 * 612 pages) extracts in well under that on a loaded 2-core machine.
 */
export const DEFAULT_TIMEOUT_S = 600;

/** Exit codes: 0 something was done, 1 every file failed, 2 bad usage. */
export const EXIT = { OK: 0, ALL_FAILED: 1, USAGE: 2 } as const;

const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

function year(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1900 || n > 2200) throw new InvalidArgumentError('a western fiscal year: 2021');
  return n;
}

function positiveInteger(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n <= 0)
    throw new InvalidArgumentError('a whole number > 0: 10000');
  return n;
}

function wholeNumber(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('a whole number: 1000, or 0');
  return n;
}

function fraction(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('a number from 0 to 1');
  return n;
}

/** The smallest `--max-memory`: an extraction worker needs about 20 MB of heap just to load the readers (below
 * that it cannot start, and every file would fail alike). */
const MIN_MAX_MEMORY_MB = 64;

function maxMemoryMb(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < MIN_MAX_MEMORY_MB)
    throw new InvalidArgumentError(
      `must be a whole number of MB ≥ ${MIN_MAX_MEMORY_MB} (an extraction worker needs about 20 MB to start)`,
    );
  return n;
}

function positiveSeconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number of seconds > 0');
  return n;
}

/** `--ocr`: which PDF pages are read by OCR (progress per page on stderr). */
function ocrOption(): Option {
  return new Option(
    '--ocr <mode>',
    'OCR of PDF pages: auto (pages without a usable text layer), always (every page), never',
  )
    .choices(['auto', 'always', 'never'])
    .default('auto');
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
}

/** `--municipality`: a code or name the code list knows, or bad usage naming the candidates. */
function municipalityOption(v: string): Municipality {
  const r = resolveMunicipality(v);
  if ('problem' in r) throw new InvalidArgumentError(r.problem);
  return r.municipality;
}

const SOURCE_WORDS: Record<MunicipalitySource, string> = {
  option: '--municipality',
  manifest: 'the manifest',
  path: 'the path',
  text: 'the text',
  metadata: 'the title in its metadata',
};

function cityText(m: { name: string; code: string } | null, source: MunicipalitySource | null | undefined): string {
  return m
    ? `${m.name} ${m.code}, from ${source ? SOURCE_WORDS[source] : 'an unrecorded source'}`
    : 'municipality unknown';
}

/** Why a file system call failed, in words. */
function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'ENOSPC') return 'no space left on the device';
  return e instanceof Error ? e.message : String(e);
}

function failLine(e: ShiryoError): string {
  return `✗ ${e.file}: ${e.code}: ${e.reason}`;
}

function seedReferenceData(store: Store): void {
  store.upsertMunicipalities(municipalities());
  store.upsertCatalog(
    catalog().map((e) => ({
      id: e.id,
      label: e.label,
      plan: e.plan,
      goal_area: e.group ?? undefined,
      units: e.units,
      aliases: e.aliases,
    })),
  );
}

function printSummary(store: Store): void {
  const rows = store.summary();
  const head = ['municipality', 'code', 'prefecture', 'documents', 'tables', 'observations', 'from'];
  const body = rows.map((r) => [
    r.municipality_name ?? '(unknown)',
    r.municipality_code ?? '',
    r.prefecture ?? '',
    String(r.documents),
    String(r.tables),
    String(r.observations),
    Object.entries(r.sources)
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  ]);
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i] ?? ''))));
  const numeric = (i: number) => i >= 3 && i <= 5;
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric(i) ? ' '.repeat(widths[i]! - width(c)) + c : c + ' '.repeat(widths[i]! - width(c))))
      .join('  ')
      .trimEnd();
  out(`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const b of body) out(`${line(b)}\n`);
  const total = rows.reduce((a, r) => [a[0]! + r.documents, a[1]! + r.tables, a[2]! + r.observations], [0, 0, 0]);
  out(`total: ${plural(total[0]!, 'document')}, ${plural(total[1]!, 'table')}, ${plural(total[2]!, 'observation')}\n`);
  const unplaced = store.documentsWithoutMunicipality();
  if (unplaced.length === 0) return;
  out(`\ndocuments without a municipality (${unplaced.length}; pass --municipality or a manifest row):\n`);
  for (const d of unplaced) {
    out(`  ${d.path} (${plural(d.observations, 'observation')})\n`);
    for (const p of d.paths) if (p !== d.path) out(`    also at ${p}\n`);
    for (const r of d.reasons) out(`    ${r}\n`);
  }
}

interface IngestOptions {
  db: string;
  jobs: number;
  timeout: number;
  maxMemory?: number;
  ocr: OcrMode;
  municipality?: Municipality;
  manifest?: string;
  force?: boolean;
  quiet?: boolean;
  summary: boolean;
}

/** The sha256 of a file's bytes, or null when it cannot be read or is too large (extraction then says why). */
async function hashOf(file: string): Promise<string | null> {
  try {
    const st = await stat(file);
    // a named pipe or device is never opened here (reading it could block forever); extraction says why
    if (!st.isFile() || st.size > DEFAULT_MAX_BYTES) return null;
    return createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  } catch {
    return null;
  }
}

interface IngestRun {
  store: Store;
  /** Extraction in killable workers (--timeout, --max-memory). */
  extractors: Extractors;
  /** Morpheme matching; kuromoji's dictionary is loaded on the first label that needs it, then shared. */
  tokens: TokenMatcher;
  force: boolean;
  /** Files not yet extracted nor found stored: at 0 no worker is needed any more (see `readOne`). */
  unread: number;
}

/** One file of the run needs no more reading: after the last one the extraction workers are ended. */
async function readOne(run: IngestRun): Promise<void> {
  if (--run.unread === 0) await run.extractors.retire();
}

/**
 * One file: bytes stored already and nothing new to give them → only the path is recorded (no reading);
 * otherwise extract, decide the municipality against what is stored, normalize, store. Everything after the
 * extraction is synchronous, so two copies of the same bytes in one batch see each other's paths.
 */
async function ingestFile(run: IngestRun, facts: FileFacts): Promise<{ status: string; line: string }> {
  const { store, force } = run;
  const file = facts.path;
  if (!force) {
    const sha = await hashOf(file);
    const stored = sha ? store.storedDocument(sha) : null;
    const d = stored ? decide(facts, stored) : null;
    if (sha && stored && d && storedAsDecided(d, stored)) {
      const r = store.recordPath(sha, file, d.pathCode);
      if (r) {
        await readOne(run);
        const city = stored.municipality_code
          ? { name: stored.municipality_name ?? '', code: stored.municipality_code }
          : null;
        return {
          status: r.status,
          line: `${file} (${cityText(city, stored.municipality_source)}; ${plural(stored.n_tables, 'table')}, ${plural(stored.n_observations, 'observation')})`,
        };
      }
    }
  }
  let doc: ExtractedDocument;
  try {
    doc = await run.extractors.extract(file);
  } finally {
    await readOne(run);
  }
  const tokens = run.tokens;
  try {
    const d = decide(facts, store.storedDocument(doc.sha256));
    const norm = normalizeDocument(doc, { municipality: d.municipality ?? undefined, plan: d.plan, tokens });
    norm.issues.push(...d.issues);
    const r = store.ingestDocument(doc, norm, {
      force,
      pathMunicipalityCode: d.pathCode,
      planGiven: d.plan !== undefined,
      documentDate: d.date,
    });
    return {
      status: r.status,
      line: `${file} (${cityText(norm.municipality, norm.municipalitySource)}; ${plural(doc.tables.length, 'table')}, ${plural(norm.observations.length, 'observation')})`,
    };
  } catch (e) {
    const code = String((e as { code?: unknown } | undefined)?.code ?? '');
    const se = code.startsWith('SQLITE_')
      ? new ShiryoError('STORE_FAILED', file, `not stored in ${store.file}: ${sqliteReason(e)}`, { cause: e })
      : toShiryoError(e, file);
    throw Object.assign(se, { sha256: doc.sha256 });
  }
}

/**
 * The files to ingest: those under the paths given and those the manifest lists, once each, in that order; and the
 * folders the walk could not read.
 */
function filesToIngest(
  paths: string[],
  manifest: Manifest | null,
  quiet = false,
): { files: string[]; problems: ShiryoError[] } {
  const { files, problems } = expandPaths([...paths, ...(manifest?.rows.map((r) => r.path) ?? [])]);
  const seen = new Set<string>();
  if (manifest) seen.add(resolve(manifest.file));
  const once = files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    // a manifest (another one, or one given as a path) lists files: it is not a document
    const columns = manifestColumns(f);
    if (columns) {
      if (!quiet)
        err(
          `shiryo ingest: ${f} is a manifest (its first line names ${columns.filter(Boolean).join(', ')}), not a document: not ingested; give it with --manifest to use it\n`,
        );
      return false;
    }
    return true;
  });
  return { files: once, problems: problems.map((p) => new ShiryoError(p.code, p.path, p.reason)) };
}

async function ingest(paths: string[], opts: IngestOptions): Promise<number> {
  let manifest: Manifest | null = null;
  if (opts.manifest) {
    try {
      manifest = readManifest(opts.manifest);
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      err(`shiryo ingest: the manifest ${e.file} cannot be used:\n${e.problems.map((p) => `  ${p}\n`).join('')}`);
      return EXIT.USAGE;
    }
    if (manifest.ignored.length)
      err(`shiryo ingest: ${manifest.file}: columns not read: ${manifest.ignored.join(', ')}\n`);
  }
  if (paths.length === 0 && !manifest) {
    err('shiryo ingest: give files or folders to ingest, or --manifest FILE\n');
    return EXIT.USAGE;
  }
  const { files, problems } = filesToIngest(paths, manifest, opts.quiet);
  if (files.length === 0 && problems.length === 0) {
    err(
      `shiryo ingest: no files to ingest under ${[...paths, ...(opts.manifest ? [opts.manifest] : [])].join(', ')}\n`,
    );
    return EXIT.ALL_FAILED;
  }
  const store = openStore(opts.db);
  const extractors = new Extractors({
    timeoutMs: opts.timeout * 1000,
    ...(opts.maxMemory ? { maxMemoryMb: opts.maxMemory } : {}),
    ocr: opts.ocr,
    ...(opts.quiet ? {} : { onProgress: (line: string) => err(line) }),
  });
  try {
    seedReferenceData(store);
    const run: IngestRun = {
      store,
      extractors,
      tokens: lazyTokenMatcher(),
      force: opts.force === true,
      unread: files.length,
    };
    for (const p of problems) {
      try {
        store.recordFailure(p.file, p, null);
      } catch (e2) {
        err(`✗ ${p.file}: could not record the failure: ${e2 instanceof Error ? e2.message : String(e2)}\n`);
      }
      err(`${failLine(p)}\n`);
    }
    const progress = new Progress(files.length, process.stderr, opts.quiet);
    const queue = new PQueue({ concurrency: opts.jobs });
    const counts = { inserted: 0, replaced: 0, updated: 0, unchanged: 0, failed: 0 };
    for (const file of files) {
      const row = manifestRowFor(manifest, file);
      const facts: FileFacts = {
        path: file,
        ...(opts.municipality ? { option: opts.municipality } : {}),
        ...(row ? { manifest: row } : {}),
        fromPath: municipalityFromPath(resolve(file)),
      };
      queue.add(async () => {
        try {
          const r = await ingestFile(run, facts);
          counts[r.status as keyof typeof counts]++;
          progress.tick(`${r.status.padEnd(9)} ${r.line}`);
        } catch (e) {
          const se = toShiryoError(e, file);
          counts.failed++;
          try {
            store.recordFailure(file, se, (e as { sha256?: string }).sha256 ?? null);
          } catch (e2) {
            err(`✗ ${file}: could not record the failure: ${e2 instanceof Error ? e2.message : String(e2)}\n`);
          }
          progress.tick(failLine(se), true);
        }
      });
    }
    await queue.onIdle();
    if (!opts.quiet || counts.failed > 0 || problems.length > 0)
      err(
        `ingested ${files.length - counts.failed}/${files.length} files into ${opts.db} (inserted ${counts.inserted}, replaced ${counts.replaced}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}${problems.length ? `; ${problems.length} not read` : ''})\n`,
      );
    if (counts.inserted + counts.replaced + counts.updated > 0) store.optimize();
    if (opts.summary) printSummary(store);
    return counts.failed === files.length ? EXIT.ALL_FAILED : EXIT.OK;
  } finally {
    await extractors.close();
    store.close();
  }
}

async function extractOrFail(file: string, ocr: OcrMode): Promise<ExtractedDocument | null> {
  try {
    return await extractDocument(file, { ocr, onProgress: (line) => err(line) });
  } catch (e) {
    err(`${failLine(toShiryoError(e, file))}\n`);
    return null;
  }
}

/** The first KiB of a file, or null when it cannot be read (extraction then reports why). */
function headOf(file: string): Uint8Array | null {
  try {
    if (!statSync(file).isFile()) return null;
    const fd = openSync(file, 'r');
    try {
      const buf = new Uint8Array(1024);
      return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/**
 * Write a file of our own: never through a symbolic link (O_NOFOLLOW), into a named pipe or device (O_NONBLOCK,
 * then a regular file only), or into a file hard-linked elsewhere — what a path already holds is refused, not
 * followed, and nothing is truncated before the checks pass.
 */
function writeInside(path: string, text: string): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw new Error(`${path} is a symbolic link: not written through`);
    if (code === 'ENXIO') throw new Error(`${path} is a named pipe: not written`);
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error(`${path} is not a regular file: not written`);
    if (st.nlink > 1) throw new Error(`${path} is a hard link to another file: not written`);
    ftruncateSync(fd, 0);
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** `tables --svg`: one SVG per page of a PDF, `<dir>/<basename>-p<N>.svg`; prints the paths written. */
async function tablesSvg(file: string, dir: string, ocr: OcrMode): Promise<number> {
  const first = headOf(file);
  if (first && !isPdfFile(file, first)) {
    err(`shiryo tables: --svg draws PDF pages, and ${file} is not a PDF\n`);
    return EXIT.USAGE;
  }
  const doc = await extractOrFail(file, ocr);
  if (!doc) return EXIT.ALL_FAILED;
  const stem = basename(file, extname(file));
  try {
    mkdirSync(dir, { recursive: true });
    for (const page of doc.pages) {
      const path = join(dir, `${stem}-p${page.index}.svg`);
      writeInside(path, pageToSvg(page, doc.tables, { title: `${basename(file)} page ${page.index}` }));
      out(`${path}\n`);
    }
  } catch (e) {
    err(`✗ ${dir}: could not write the SVG files: ${e instanceof Error && !('code' in e) ? e.message : fsReason(e)}\n`);
    return EXIT.ALL_FAILED;
  }
  return EXIT.OK;
}

/** `shiryo export`: the export contract to stdout or a file; CSV with a BOM for Excel when asked or when --out is .csv. */
interface ExportOptions {
  db: string;
  format: 'jsonl' | 'csv' | 'parquet';
  out?: string;
  municipality?: string;
  indicator?: string;
  year?: number;
  kind?: string;
  minConfidence?: number;
  bom?: boolean;
}

async function exportCommand(o: ExportOptions): Promise<number> {
  if (o.bom === true && o.format !== 'csv') {
    err('shiryo export: --bom is for --format csv\n');
    return EXIT.USAGE;
  }
  if (o.format === 'parquet' && (o.out === undefined || o.out === '-')) {
    err('shiryo export: --format parquet writes a file: give --out FILE.parquet\n');
    return EXIT.USAGE;
  }
  const store = openStore(o.db, { readonly: true, migrateOlder: true });
  try {
    const filter: ExportFilter = {
      municipality: o.municipality,
      fiscalYear: o.year,
      valueKind: o.kind,
      minConfidence: o.minConfidence,
    };
    if (o.indicator !== undefined) {
      const r = indicatorIn(store, o.indicator);
      if ('problem' in r) {
        err(`shiryo export: ${r.problem}`);
        return EXIT.USAGE;
      }
      filter.indicatorIds = r.ids;
      filter.labels = r.labels;
    }
    return await exportTo(store, o, filter);
  } finally {
    store.close();
  }
}

async function exportTo(store: Store, o: ExportOptions, filter: ExportFilter): Promise<number> {
  const bom = o.format === 'csv' && (o.bom ?? (o.out !== undefined && extname(o.out).toLowerCase() === '.csv'));
  let fd: number | undefined;
  if (o.out) {
    try {
      fd = openSync(o.out, 'w');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? `the folder ${dirname(o.out)} does not exist`
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'EISDIR'
              ? 'it is a folder'
              : e instanceof Error
                ? e.message
                : String(e);
      err(`shiryo export: cannot write ${o.out}: ${why}\n`);
      return EXIT.ALL_FAILED;
    }
  }
  if (o.format === 'parquet') {
    store.exportParquet(fd!, filter);
    return EXIT.OK;
  }
  if (fd !== undefined) {
    const ws = createWriteStream(o.out!, { fd });
    if (bom) ws.write('\uFEFF');
    store.exportObservations(o.format, (chunk) => ws.write(chunk), filter);
    await new Promise<void>((res, rej) => ws.end((e?: Error | null) => (e ? rej(e) : res())));
  } else {
    if (bom) out('\uFEFF');
    store.exportObservations(o.format, out, filter);
  }
  return EXIT.OK;
}

export function buildProgram(): Command {
  const program = new Command('shiryo')
    .description('Extract typed indicator observations from Japanese municipal welfare-plan documents into SQLite')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err });

  program
    .command('ingest')
    .description('extract, normalize and store documents (files or directories) into a SQLite file')
    .argument('[paths...]', 'files or directories (walked recursively; .shiryoignore honoured)')
    .requiredOption('--db <file>', 'SQLite file to create or update')
    .addOption(new Option('--jobs <n>', 'files processed at once').argParser(positiveInt).default(2))
    .addOption(
      new Option('--timeout <seconds>', 'longest one file may take to extract; then it fails with TIMEOUT')
        .argParser(positiveSeconds)
        .default(DEFAULT_TIMEOUT_S),
    )
    .addOption(
      new Option(
        '--max-memory <MB>',
        'heap ceiling of the extraction of one file; over it the file fails with TOO_LARGE',
      ).argParser(maxMemoryMb),
    )
    .addOption(ocrOption())
    .option(
      '--municipality <code|name>',
      'the municipality of every file (全国地方公共団体コード, name, or prefecture and name: 広島県府中市)',
      municipalityOption,
    )
    .option('--manifest <file>', 'CSV: path, municipality, plan, date per file or folder (its files are ingested too)')
    .option('--force', 'read and store files anew even when their bytes are stored')
    .option('--no-summary', 'do not print the per-city summary on stdout')
    .option('-q, --quiet', 'print only failures on stderr')
    .action(async (paths: string[], o: IngestOptions) => {
      program.setOptionValue('exit', await ingest(paths, o));
    });

  program
    .command('tables')
    .description('print the tables recovered from one document')
    .argument('<file>')
    .option('--json', 'JSON (default)')
    .option('--md', 'markdown, for eyes')
    .addOption(
      new Option(
        '--svg <dir>',
        'PDF only: draw each page (spans, rulings, table cells) to <dir>/<name>-p<N>.svg',
      ).conflicts(['json', 'md']),
    )
    .addOption(ocrOption())
    .action(async (file: string, o: { json?: boolean; md?: boolean; svg?: string; ocr: OcrMode }) => {
      if (o.svg !== undefined) {
        program.setOptionValue('exit', await tablesSvg(file, o.svg, o.ocr));
        return;
      }
      const doc = await extractOrFail(file, o.ocr);
      if (!doc) {
        program.setOptionValue('exit', EXIT.ALL_FAILED);
        return;
      }
      if (o.md) {
        for (const t of doc.tables) {
          out(
            `### table ${t.index} (${t.method}, ${t.nRows}×${t.nCols}, quality ${t.quality.score.toFixed(2)}${t.quality.repairs.length ? `, repairs: ${t.quality.repairs.join(', ')}` : ''})\n\n`,
          );
          if (t.caption) out(`${t.caption}\n\n`);
          out(`${tableToMarkdown(t)}\n\n`);
        }
      } else out(`${JSON.stringify(doc.tables, null, 2)}\n`);
      program.setOptionValue('exit', EXIT.OK);
    });

  program
    .command('inspect')
    .description('what shiryo sees in one document: encoding, blocks, tables and their repairs, observations, issues')
    .argument('<file>')
    .option('--json', 'machine-readable')
    .option('--observations', 'also list every observation with the rules that made it')
    .option(
      '--municipality <code|name>',
      'the municipality (code, name, or prefecture and name); else the path, else the text',
      municipalityOption,
    )
    .addOption(ocrOption())
    .action(
      async (
        file: string,
        o: { json?: boolean; observations?: boolean; municipality?: Municipality; ocr: OcrMode },
      ) => {
        const doc = await extractOrFail(file, o.ocr);
        if (!doc) {
          program.setOptionValue('exit', EXIT.ALL_FAILED);
          return;
        }
        const d = decide(
          {
            path: file,
            ...(o.municipality ? { option: o.municipality } : {}),
            fromPath: municipalityFromPath(resolve(file)),
          },
          null,
        );
        const norm = normalizeDocument(doc, {
          municipality: d.municipality ?? undefined,
          tokens: lazyTokenMatcher(),
        });
        norm.issues.push(...d.issues);
        const perTable = new Map<number, number>();
        for (const ob of norm.observations)
          if (ob.table_index !== null) perTable.set(ob.table_index, (perTable.get(ob.table_index) ?? 0) + 1);
        const report = {
          path: doc.path,
          sha256: doc.sha256,
          mediaType: doc.mediaType,
          encoding: doc.encoding ?? null,
          bytes: doc.bytes,
          pages: doc.pages.length,
          blocks: doc.blocks.length,
          municipality: norm.municipality,
          municipalitySource: norm.municipalitySource ?? null,
          plan: norm.plan,
          planPeriod: norm.planPeriod,
          tables: doc.tables.map((t) => ({
            index: t.index,
            method: t.method,
            line: t.line ?? null,
            shape: `${t.nRows}x${t.nCols}`,
            headerRows: t.headerRows,
            caption: t.caption ?? null,
            quality: Number(t.quality.score.toFixed(3)),
            emptyRatio: Number(t.quality.emptyRatio.toFixed(3)),
            repairs: t.quality.repairs,
            observations: perTable.get(t.index) ?? 0,
          })),
          observations: norm.observations.length,
          issues: [...doc.issues, ...norm.issues],
          ...(o.observations ? { observationList: norm.observations } : {}),
        };
        if (o.json) {
          out(`${JSON.stringify(report, null, 2)}\n`);
        } else {
          out(
            `${report.path}\n  ${report.mediaType} ${report.encoding ?? ''} ${report.bytes} bytes, sha256 ${report.sha256.slice(0, 12)}…\n`,
          );
          out(
            `  municipality: ${report.municipality ? `${report.municipality.prefecture}${report.municipality.name} (${report.municipality.code}), from ${report.municipalitySource ? SOURCE_WORDS[report.municipalitySource] : '?'}` : 'not found'}\n`,
          );
          out(`  plan: ${report.plan ?? '—'} ${report.planPeriod ? `(FY${report.planPeriod})` : ''}\n`);
          out(`  blocks: ${report.blocks}, tables: ${report.tables.length}, observations: ${report.observations}\n`);
          for (const t of report.tables)
            out(
              `  table ${t.index}: ${t.method} ${t.shape}${t.line ? ` line ${t.line}` : ''} quality ${t.quality} → ${t.observations} obs${t.repairs.length ? ` [${t.repairs.join(', ')}]` : ''}\n`,
            );
          for (const i of report.issues)
            out(`  ${i.severity} ${i.code}${i.where ? ` (${i.where})` : ''}: ${i.message}\n`);
          if (o.observations)
            for (const ob of norm.observations) {
              const at = ob.table_index !== null ? `t${ob.table_index} r${ob.row}c${ob.col}` : `p${ob.page ?? '?'}`;
              const sub = ob.subgroup ? ` / ${ob.subgroup}` : '';
              out(
                `  ${at}  ${ob.indicator_label}${sub}  FY${ob.fiscal_year ?? '?'} ${ob.value_kind} ${ob.value} ${ob.unit ?? ''}  «${ob.value_text}» conf ${ob.confidence.toFixed(2)}  [${ob.rules.join(', ')}]\n`,
              );
            }
        }
        program.setOptionValue('exit', EXIT.OK);
      },
    );

  program
    .command('export')
    .description('write every stored observation (the export contract) as JSON lines, CSV or Parquet')
    .requiredOption('--db <file>', 'SQLite file written by ingest')
    .addOption(
      new Option('--format <format>', 'output format (parquet: to --out)')
        .choices(['jsonl', 'csv', 'parquet'])
        .default('jsonl'),
    )
    .option('--out <file>', 'write here instead of stdout')
    .option('--municipality <code>', 'only this municipality')
    .option('--indicator <id|label>', 'only this indicator: a catalog id, a label or an alias (as for compare)')
    .option('--year <fy>', 'only this fiscal year (western: 2021 for 令和3年度)', year)
    .addOption(new Option('--kind <kind>', 'only this value_kind').choices(ValueKind.options))
    .option('--min-confidence <c>', 'only observations of at least this confidence (0–1)', fraction)
    .option('--bom', 'CSV: begin with a UTF-8 BOM, for Excel (the default when --out ends in .csv)')
    .option('--no-bom', 'CSV: no BOM, even when --out ends in .csv')
    .action(async (o: ExportOptions) => {
      program.setOptionValue('exit', await exportCommand(o));
    });

  program
    .command('normalize')
    .description('read periods and quantities from text, e.g. shiryo normalize --json 令和3年度 "72人を超えない"')
    .argument('<text...>')
    .option('--json', 'JSON array, one object per argument (default)')
    .action((texts: string[]) => {
      out(`${JSON.stringify(normalizeInputs(texts), null, 2)}\n`);
      program.setOptionValue('exit', EXIT.OK);
    });

  program
    .command('summary')
    .description('documents, tables and observations per city in a SQLite file')
    .requiredOption('--db <file>', 'SQLite file written by ingest')
    .action((o: { db: string }) => {
      const store = openStore(o.db, { readonly: true, migrateOlder: true });
      try {
        printSummary(store);
      } finally {
        store.close();
      }
      program.setOptionValue('exit', EXIT.OK);
    });

  program
    .command('compare')
    .description('plans against results of one indicator: cities × fiscal years (the plan_vs_actual view)')
    .requiredOption('--db <file>', 'SQLite file written by ingest')
    .requiredOption('--indicator <id|label>', 'a catalog id or a label or alias (shiryo indicators WORD finds ids)')
    .option('--year <fy>', 'only this fiscal year (western: 2021 for 令和3年度)', year)
    .addOption(
      new Option('--kind <kind>', 'only rows with a value of this kind').choices(['plan', 'estimate', 'actual']),
    )
    .option('--municipality <code|name>', 'only this municipality')
    .option('--min-confidence <c>', 'only rows whose every observation has at least this confidence (0–1)', fraction)
    .option(
      '--per <n>',
      'rates per N inhabitants (10000), from the populations loaded (shiryo populations load)',
      positiveInteger,
    )
    .option(
      '--limit <n>',
      `at most n rows, then a line saying more rows were left out (the table: ${COMPARE_TABLE_LIMIT.toLocaleString('en')} unless given; --csv/--json: every row unless given; 0: every row)`,
      wholeNumber,
    )
    .option('--csv', 'CSV, every column of the view')
    .addOption(new Option('--json', 'JSON, every column of the view').conflicts('csv'))
    .action((o: Parameters<typeof compare>[0]) => {
      program.setOptionValue('exit', compare(o));
    });

  const populations = program
    .command('populations')
    .description('population denominators for rates per 10,000 inhabitants (compare --per)')
    .action(() => {
      // a group without its subcommand is bad usage, as bare shiryo is
      err(populations.helpInformation());
      program.setOptionValue('exit', EXIT.USAGE);
    });
  populations
    .command('load')
    .description(
      'store populations from a CSV: code, year, population, source (each row checked; none stored if one is bad)',
    )
    .argument('<file>', 'CSV with the columns code, year, population, source')
    .requiredOption('--db <file>', 'SQLite file written by ingest')
    .option('-q, --quiet', 'print only problems')
    .action((file: string, o: { db: string; quiet?: boolean }) => {
      program.setOptionValue('exit', populationsLoad(file, o));
    });

  program
    .command('indicators')
    .description('find catalog ids by id, label or alias (NFKC, any case)')
    .argument('[word]', 'a word of the id, label or an alias; none lists the whole catalog')
    .option('--db <file>', 'the catalog stored in this file, with how many observations carry each id')
    .option('--json', 'JSON')
    .action((word: string | undefined, o: { db?: string; json?: boolean }) => {
      program.setOptionValue('exit', indicators(word, o));
    });

  program
    .command('search')
    .description('blocks, table captions and cells holding every word (拠点, 就労 too): city, document, page, snippet')
    .argument('<words...>', 'words that must all occur in one block, caption or cell (NFKC, any case)')
    .requiredOption('--db <file>', 'SQLite file written by ingest')
    .option('--municipality <code|name>', 'only documents of this municipality')
    .option('--limit <n>', 'at most this many hits (default 50)', positiveInt)
    .option('--csv', 'CSV, every field')
    .addOption(new Option('--json', 'JSON, every field').conflicts('csv'))
    .action((words: string[], o: Parameters<typeof searchCommand>[1]) => {
      program.setOptionValue('exit', searchCommand(words, o));
    });

  program
    .command('trace')
    .description('where one stored number came from: its cell, header path, rules and source lines')
    .argument('<observation_id>', 'observations_flat.observation_id (shiryo query or search finds it)')
    .requiredOption('--db <file>', 'SQLite file written by ingest')
    .option('--json', 'JSON: the observation, table, cell, headers, rules and source lines')
    .action((id: string, o: { db: string; json?: boolean }) => {
      program.setOptionValue('exit', traceCommand(id, o));
    });

  program
    .command('report')
    .description(
      'write a review page per document (HTML, self-contained): tables coloured by confidence, observations, issues, charts',
    )
    .argument('[paths...]', 'documents to read first (into DIR/report.sqlite); none: every document of --db')
    .option('--db <file>', 'SQLite file written by ingest (with paths: the file to ingest them into)')
    .requiredOption('--out <dir>', 'folder to write index.html and one page per document into')
    .option('--no-pages', 'leave out the drawings of PDF pages holding tables (read again from the documents)')
    .addOption(ocrOption())
    .action(async (paths: string[], o: { db?: string; out: string; pages: boolean; ocr: OcrMode }) => {
      program.setOptionValue('exit', await report(paths, o));
    });

  program
    .command('metadata')
    .description('write Datasette metadata (table and column descriptions, saved queries) beside the database')
    .requiredOption('--db <file>', 'SQLite file written by ingest')
    .option('--out <file>', 'write here (- for stdout) instead of <db without extension>.metadata.json')
    .action((o: { db: string; out?: string }) => {
      program.setOptionValue('exit', writeMetadata(o));
    });

  program
    .command('query')
    .description('run one SQL query on a read-only connection and print its rows (as sqlite-utils does)')
    .argument('<sql>', 'one statement that returns rows: SELECT, WITH …')
    .requiredOption('--db <file>', 'SQLite file written by ingest')
    .option('--json', 'a JSON array of objects (default)')
    .addOption(new Option('--csv', 'CSV with a header').conflicts(['json', 'table']))
    .addOption(new Option('--table', 'an aligned text table').conflicts(['json', 'csv']))
    .action((sql: string, o: { db: string; csv?: boolean; json?: boolean; table?: boolean }) => {
      program.setOptionValue('exit', query(sql, o));
    });
  return program;
}

/**
 * `shiryo report`: review pages. Paths given are ingested first (into --db, else DIR/report.sqlite), then every
 * document of the database gets its page.
 */
async function report(paths: string[], o: { db?: string; out: string; pages: boolean; ocr: OcrMode }): Promise<number> {
  if (paths.length === 0 && !o.db) {
    err('shiryo report: give documents to read, or --db with a database written by ingest\n');
    return EXIT.USAGE;
  }
  const db = o.db ?? join(o.out, 'report.sqlite');
  if (paths.length > 0) {
    try {
      mkdirSync(o.out, { recursive: true });
    } catch (e) {
      err(`✗ ${o.out}: cannot create the folder: ${fsReason(e)}\n`);
      return EXIT.ALL_FAILED;
    }
    const code = await ingest(paths, {
      db,
      jobs: 2,
      timeout: DEFAULT_TIMEOUT_S,
      ocr: o.ocr,
      summary: false,
      quiet: true,
    });
    if (code !== EXIT.OK) return code;
  }
  const store = openStore(db, { readonly: true, migrateOlder: true });
  try {
    const r = await writeReport(store, o.out, { pages: o.pages });
    out(`${r.index}\n  ${plural(r.documents.length, 'document page')} in ${o.out}\n`);
  } catch (e) {
    // the database failing under the read (damaged) is the database's fault, said as for every reader
    if (String((e as { code?: unknown }).code ?? '').startsWith('SQLITE_')) throw e;
    err(`✗ ${o.out}: could not write the report: ${e instanceof Error && !('code' in e) ? e.message : fsReason(e)}\n`);
    return EXIT.ALL_FAILED;
  } finally {
    store.close();
  }
  return EXIT.OK;
}

/**
 * `shiryo metadata`: Datasette metadata for a database, written beside it (`data/shiryo.sqlite` →
 * `data/shiryo.metadata.json`) so that `datasette data/shiryo.sqlite -m data/shiryo.metadata.json` shows what every
 * table and column means and offers the saved queries. The database is opened first: a file that is not a shiryo
 * database is an error, not a metadata file for nothing.
 */
function writeMetadata(o: { db: string; out?: string }): number {
  const store = openStore(o.db, { readonly: true, migrateOlder: true });
  store.close();
  const text = `${JSON.stringify(datasetteMetadata(datasetteName(o.db)), null, 2)}\n`;
  if (o.out === '-') {
    out(text);
    return EXIT.OK;
  }
  const target = o.out ?? join(dirname(o.db), `${datasetteName(o.db)}.metadata.json`);
  try {
    writeFileSync(target, text);
  } catch (e) {
    err(`✗ ${target}: cannot write: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.ALL_FAILED;
  }
  out(`${target}\n  datasette ${o.db} -m ${target}\n`);
  return EXIT.OK;
}

/** Run the CLI; resolves to the exit code. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    program.outputHelp({ error: true });
    return EXIT.USAGE;
  }
  try {
    await program.parseAsync(argv);
    return (program.getOptionValue('exit') as number | undefined) ?? EXIT.OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return EXIT.OK;
      return EXIT.USAGE;
    }
    // an SQLite error met after the database opened (a damaged page, a file made read-only): name the file
    const code = String((e as { code?: unknown } | undefined)?.code ?? '');
    const cmd = program.commands.find((c) => c.opts().db !== undefined);
    if (code.startsWith('SQLITE_') && cmd) {
      err(`shiryo ${cmd.name()}: ${cmd.opts().db}: STORE_FAILED: ${sqliteReason(e)}\n`);
      return EXIT.ALL_FAILED;
    }
    err(`shiryo: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.ALL_FAILED;
  }
}
