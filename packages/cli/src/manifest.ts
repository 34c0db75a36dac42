/**
 * `ingest --manifest files.csv`: what a person knows about files their text may not say. A CSV (RFC 4180: quoted
 * fields may hold commas, doubled quotes and line breaks; UTF-8, a BOM allowed) with a header row naming the
 * columns `path` (required), `municipality` (a 6-digit code or a name, optionally with its prefecture:
 * 広島県府中市), `plan` (第7期障害福祉計画) and `date` (2024-03-15, 2024/3/15, 令和6年3月15日, or a month). A path
 * is relative to the manifest's folder and may be a folder: its row then holds for every file under it (the
 * nearest row wins). Every problem is found before anything is ingested.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { Municipality } from '@shiryo/model';
import { detectPlan, isValidDate, parsePeriod } from '@shiryo/normalizer';
import { resolveMunicipality } from './given.js';

export interface ManifestRow {
  /** The line of the manifest the row starts on. */
  line: number;
  /** The path as ingest reads it (joined to the manifest's folder). */
  path: string;
  municipality?: Municipality;
  /** The plan's canonical name (`第7期障害福祉計画`). */
  plan?: string;
  /** ISO: `2024-03-15`, or `2024-03` for a month. */
  date?: string;
}

export interface Manifest {
  file: string;
  rows: ManifestRow[];
  /** Columns the manifest has that shiryo does not read. */
  ignored: string[];
}

/** A manifest that cannot be used; `problems` names every one, by line. */
export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

const COLUMNS = ['path', 'municipality', 'plan', 'date'] as const;

/** RFC 4180 records, each with the line it starts on. Throws on a quote left open. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  const s = text.replace(/^\uFEFF/, '');
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
    i++;
  }
  if (quoted) throw new Error(`line ${start}: a quoted field is not closed`);
  endRecord();
  return records;
}

/** A date as a person writes it → ISO (`2024-03-15`, or `2024-03` for a month); null when it is neither. */
export function manifestDate(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), iso[3] === undefined ? 1 : Number(iso[3])];
    return isValidDate(y, m, d) ? t : null;
  }
  const p = parsePeriod(t);
  if (p?.kind === 'date') return p.start;
  if (p?.kind === 'month') return p.start.slice(0, 7);
  return null;
}

/** Read and check a manifest. Throws `ManifestError` listing every problem, or a plain Error when unreadable. */
export function readManifest(file: string): Manifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ManifestError(file, [`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
  }
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (e) {
    throw new ManifestError(file, [e instanceof Error ? e.message : String(e)]);
  }
  const header = records.shift();
  const names = (header?.fields ?? []).map((h) => h.trim().toLowerCase());
  if (!names.includes('path'))
    throw new ManifestError(file, [`the first line must name the columns, path among them (${COLUMNS.join(', ')})`]);
  const col = (name: string) => names.indexOf(name);
  const problems: string[] = [];
  const rows: ManifestRow[] = [];
  const seen = new Map<string, number>();
  for (const r of records) {
    const cell = (name: (typeof COLUMNS)[number]) => (col(name) >= 0 ? (r.fields[col(name)] ?? '').trim() : '');
    const at = `line ${r.line}`;
    const given = cell('path');
    if (!given) {
      problems.push(`${at}: no path`);
      continue;
    }
    const path = isAbsolute(given) ? given : join(dirname(file), given);
    const key = resolve(path);
    const before = seen.get(key);
    if (before !== undefined) problems.push(`${at}: ${given} is also on line ${before}`);
    seen.set(key, r.line);
    const row: ManifestRow = { line: r.line, path };
    const city = cell('municipality');
    if (city) {
      const found = resolveMunicipality(city);
      if ('problem' in found) problems.push(`${at}: ${found.problem}`);
      else row.municipality = found.municipality;
    }
    const plan = cell('plan');
    if (plan) {
      const p = detectPlan(plan);
      if (p) row.plan = p.plan;
      else problems.push(`${at}: plan ${plan} names no plan shiryo knows (write it like 第7期障害福祉計画)`);
    }
    const date = cell('date');
    if (date) {
      const d = manifestDate(date);
      if (d) row.date = d;
      else problems.push(`${at}: date ${date} is no date (2024-03-15, 2024/3/15, 令和6年3月15日 or 2024-03)`);
    }
    rows.push(row);
  }
  if (problems.length) throw new ManifestError(file, problems);
  const ignored = names.filter((n) => n && !(COLUMNS as readonly string[]).includes(n));
  return { file, rows, ignored };
}

/**
 * The columns of a CSV whose first line names those of a manifest — `path` and at least one of `municipality`,
 * `plan`, `date` (any case, a BOM allowed) — else null: such a file is a list of files, never a document, so a walk
 * that meets one (with `--manifest` or without) does not ingest it. Reads the first 64 kB at most.
 */
export function manifestColumns(file: string): string[] | null {
  if (!file.toLowerCase().endsWith('.csv')) return null;
  let head: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(64 * 1024);
      head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let names: string[];
  try {
    names = (parseCsv(first)[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  } catch {
    return null;
  }
  return names.includes('path') && names.some((n) => n === 'municipality' || n === 'plan' || n === 'date')
    ? names
    : null;
}

/** The manifest row for a file: its own, else the nearest folder row above it. */
export function manifestRowFor(manifest: Manifest | null, file: string): ManifestRow | undefined {
  if (!manifest) return undefined;
  const abs = resolve(file);
  let best: ManifestRow | undefined;
  for (const r of manifest.rows) {
    const p = resolve(r.path);
    if (p === abs) return r;
    if (abs.startsWith(p + sep) && (!best || p.length > resolve(best.path).length)) best = r;
  }
  return best;
}
