/**
 * The runner: generate a corpus, run the real CLI on it (ingest, then export as JSON lines), split the export by
 * document, score each document with the evaluation scorer (tools/score.mjs) and aggregate: micro P/R/F1 per part
 * and per axis value, precision per confidence band, the commonest miss reasons per axis value (tuned part only —
 * the held-out part's misses are never printed nor written).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIDENCE_BANDS, confidenceBandIndex } from '@shiryo/model';
import { score } from '../../../tools/score.mjs';
import { AXES, type AxisName, MARKS } from './axes.js';
import { generateCorpus, type Manifest, type ManifestDoc } from './generate.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunOptions {
  seed: number;
  docs: number;
  part: 'tuned' | 'heldout' | 'all';
  /** keep the corpus here (else a temporary directory, removed afterwards) */
  out?: string;
  jobs?: number;
  log?: (s: string) => void;
}

export interface Counts {
  docs: number;
  expected: number;
  actual: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface AxisRow {
  value: string;
  /** observation-level axes that cannot attribute unmatched rows: recall only */
  recallOnly?: boolean;
  tuned: Counts;
  heldout: Counts;
  /** tuned part only: reason → number of misses */
  misses: [string, number][];
}

export interface Band {
  band: string;
  tuned: { actual: number; matched: number; precision: number };
  heldout: { actual: number; matched: number; precision: number };
}

export interface Report {
  seed: number;
  docs: number;
  part: string;
  seconds: { generate: number; ingest: number; export: number; score: number; total: number };
  parts: { tuned: Counts; heldout: Counts; all: Counts };
  /** document-level axes: micro scores over the documents with each value */
  axes: Record<string, AxisRow[]>;
  /** observation-level axes: recall over the observations with each value, precision with unmatched rows attributed */
  observations: Record<string, AxisRow[]>;
  bands: Band[];
  /** tuned documents one by one */
  tunedDocs: { id: string; path: string; axes: Record<string, unknown>; marks: string[]; counts: Counts }[];
}

type Row = Record<string, unknown>;

const empty = (): Counts => ({ docs: 0, expected: 0, actual: 0, matched: 0, precision: 0, recall: 0, f1: 0 });

function finish(c: Counts): Counts {
  const precision = c.actual ? c.matched / c.actual : 0;
  const recall = c.expected ? c.matched / c.expected : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { ...c, precision: r(precision), recall: r(recall), f1: r(f1) };
}

function readJsonl(path: string): Row[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** A miss's `differs` as a reason that groups alike misses (years off by how much, not which years). */
export function reason(d: string): string {
  let m = /^fiscal_year (\S+) ≠ (\S+)$/.exec(d);
  if (m) {
    if (m[1] === 'null' || m[1] === 'undefined') return 'fiscal_year missing';
    const off = Number(m[1]) - Number(m[2]);
    return `fiscal_year ${off > 0 ? '+' : ''}${off}`;
  }
  m = /^municipality (\S+) ≠/.exec(d);
  if (m) return m[1] === 'null' || m[1] === 'undefined' ? 'municipality missing' : 'municipality wrong';
  if (d.startsWith('indicator ')) return 'indicator label';
  if (d.startsWith('subgroup ')) return 'subgroup';
  return d.replace(/\s+/g, ' ');
}

const KIND_KEY: Record<string, string> = {
  plan: 'plan',
  estimate: 'estimate',
  actual: 'actual',
  target: 'target',
  baseline: 'baseline',
  deviation: 'deviation',
  achievement_rate: 'achievement_rate',
};

/** Observation-level axes: how an expected observation is tagged, and how an unmatched actual row is attributed. */
const OBS_AXES: Record<
  string,
  {
    of: (e: Row) => string | null;
    attribute: (a: Row, d: ManifestDoc) => string | null;
    /** the whole axis, or the values unmatched rows are never attributed to, have recall only */
    recallOnly?: boolean | ((value: string) => boolean);
  }
> = {
  kind_word: {
    of: (e) => ((e.tags as Row | undefined)?.kind_word as string) ?? null,
    attribute: (a, d) => {
      const k = KIND_KEY[String(a.value_kind)];
      if (a.value_kind === 'subset') return 'bracket';
      return k ? (d.kind_words[k] ?? null) : null;
    },
    // statistics stated as facts and values told in prose have no kind word to attribute a row to
    recallOnly: (v) => v === 'none' || v === 'prose',
  },
  value_kind: { of: (e) => String(e.value_kind), attribute: (a) => String(a.value_kind ?? 'null') },
  unit: { of: (e) => String(e.unit), attribute: (a) => String(a.unit ?? 'null') },
  mark: { of: (e) => ((e.tags as Row | undefined)?.mark as string) ?? null, attribute: () => null, recallOnly: true },
  ocr_cell: {
    of: (e) => ((e.tags as Row | undefined)?.ocr_cell as string) ?? null,
    attribute: () => null,
    recallOnly: true,
  },
};

function recallOnlyValue(axis: string, value: string): boolean {
  const r = OBS_AXES[axis]?.recallOnly;
  return typeof r === 'function' ? r(value) : !!r;
}

/** Run the CLI (asynchronously: a test worker's event loop stays free while it runs). */
function run(cmd: string[], log: (s: string) => void): Promise<void> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, cmd, { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', rej);
    child.on('close', (code) => {
      if (code === 0) return res();
      log(stderr);
      rej(new Error(`shiryo ${cmd[1]} failed with exit code ${code}`));
    });
  });
}

/** Generate, ingest, export, score. */
export async function runCorpus(o: RunOptions): Promise<Report> {
  const log = o.log ?? (() => {});
  const dir = o.out ? resolve(o.out) : mkdtempSync(join(tmpdir(), 'shiryo-corpus-'));
  const cli = join(REPO, 'packages/cli/bin/shiryo.mjs');
  if (!existsSync(join(REPO, 'packages/cli/dist/main.js')))
    throw new Error('the CLI is not built: run `pnpm build` first');
  const t0 = Date.now();
  try {
    if (o.out) for (const sub of ['docs', 'expected']) rmSync(join(dir, sub), { recursive: true, force: true });
    const manifest: Manifest = await generateCorpus({ seed: o.seed, docs: o.docs, part: o.part, out: dir });
    const tGen = Date.now();
    log(`generated ${manifest.docs.length} documents in ${dir} (${((tGen - t0) / 1000).toFixed(1)} s)`);
    const db = join(dir, 'corpus.sqlite');
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    await run([cli, 'ingest', join(dir, 'docs'), '--db', db, '-q', '--no-summary', '--jobs', String(o.jobs ?? 2)], log);
    const tIngest = Date.now();
    log(`ingested (${((tIngest - tGen) / 1000).toFixed(1)} s)`);
    const exportPath = join(dir, 'export.jsonl');
    await run([cli, 'export', '--db', db, '--format', 'jsonl', '--out', exportPath], log);
    const tExport = Date.now();
    const report = scoreCorpus(dir, manifest, o);
    const tScore = Date.now();
    report.seconds = {
      generate: (tGen - t0) / 1000,
      ingest: (tIngest - tGen) / 1000,
      export: (tExport - tIngest) / 1000,
      score: (tScore - tExport) / 1000,
      total: (tScore - t0) / 1000,
    };
    return report;
  } finally {
    if (!o.out) rmSync(dir, { recursive: true, force: true });
  }
}

/** Score a generated corpus whose export is in DIR/export.jsonl. */
export function scoreCorpus(dir: string, manifest: Manifest, o: Pick<RunOptions, 'seed' | 'docs' | 'part'>): Report {
  const rows = readJsonl(join(dir, 'export.jsonl'));
  const byPath = new Map<string, Row[]>();
  const docsRoot = resolve(dir, 'docs');
  for (const r of rows) {
    const p = resolve(REPO, String(r.document_path ?? ''));
    const rel = p.startsWith(`${docsRoot}/`) ? p.slice(docsRoot.length + 1) : String(r.document_path);
    const list = byPath.get(rel) ?? [];
    list.push(r);
    byPath.set(rel, list);
  }
  const parts = { tuned: empty(), heldout: empty(), all: empty() };
  const axisCounts = new Map<string, { tuned: Counts; heldout: Counts; misses: Map<string, number> }>();
  const obsCounts = new Map<string, { tuned: Counts; heldout: Counts; misses: Map<string, number> }>();
  const bandNames = CONFIDENCE_BANDS.map((b) => b.name);
  const bands = bandNames.map(() => ({ tuned: { actual: 0, matched: 0 }, heldout: { actual: 0, matched: 0 } }));
  const tunedDocs: Report['tunedDocs'] = [];
  const slot = (m: typeof axisCounts, key: string) => {
    let s = m.get(key);
    if (!s) {
      s = { tuned: empty(), heldout: empty(), misses: new Map() };
      m.set(key, s);
    }
    return s;
  };
  const add = (c: Counts, e: number, a: number, mt: number, docs = 1) => {
    c.docs += docs;
    c.expected += e;
    c.actual += a;
    c.matched += mt;
  };

  for (const d of manifest.docs) {
    const expected = readJsonl(join(dir, 'expected', `${d.id}.jsonl`));
    const actual = byPath.get(d.path) ?? [];
    const res = score(expected, actual);
    const part = d.part;
    add(parts[part], res.expected, res.actual, res.matched);
    add(parts.all, res.expected, res.actual, res.matched);
    const missReasons = new Map<string, number>();
    for (const m of res.misses)
      for (const r of new Set(m.differs.map(reason))) missReasons.set(r, (missReasons.get(r) ?? 0) + 1);
    const keys: string[] = [];
    for (const a of Object.keys(AXES) as AxisName[]) keys.push(`${a}=${d.axes[a]}`);
    for (const mk of d.marks) keys.push(`marks=${mk}`);
    for (const k of keys) {
      const s = slot(axisCounts, k);
      add(s[part], res.expected, res.actual, res.matched);
      if (part === 'tuned') for (const [r, n] of missReasons) s.misses.set(r, (s.misses.get(r) ?? 0) + n);
    }
    // observation-level axes
    const missed = new Map(res.misses.map((m) => [m.expected, m]));
    for (const [axis, def] of Object.entries(OBS_AXES)) {
      for (const e of expected) {
        const v = def.of(e);
        if (v === null) continue;
        const s = slot(obsCounts, `${axis}=${v}`);
        const miss = missed.get(e);
        add(s[part], 1, miss ? 0 : 1, miss ? 0 : 1, 0);
        if (miss && part === 'tuned')
          for (const r of new Set(miss.differs.map(reason))) s.misses.set(r, (s.misses.get(r) ?? 0) + 1);
      }
      for (const x of res.extras) {
        const v = def.attribute(x, d);
        if (v === null) continue;
        add(slot(obsCounts, `${axis}=${v}`)[part], 0, 1, 0, 0);
      }
    }
    const extras = new Set(res.extras);
    for (const a of actual) {
      const b = bands[confidenceBandIndex(Number(a.confidence ?? 0))];
      if (!b) continue;
      b[part].actual++;
      if (!extras.has(a)) b[part].matched++;
    }
    if (part === 'tuned')
      tunedDocs.push({
        id: d.id,
        path: d.path,
        axes: d.axes,
        marks: d.marks,
        counts: finish({
          docs: 1,
          expected: res.expected,
          actual: res.actual,
          matched: res.matched,
          precision: 0,
          recall: 0,
          f1: 0,
        }),
      });
  }

  const axisRows = (m: typeof axisCounts, order: Record<string, readonly string[]>): Record<string, AxisRow[]> => {
    const out: Record<string, AxisRow[]> = {};
    const names = [...new Set([...m.keys()].map((k) => k.slice(0, k.indexOf('='))))];
    for (const name of [
      ...Object.keys(order).filter((n) => names.includes(n)),
      ...names.filter((n) => !(n in order)),
    ]) {
      const values = [...m.keys()].filter((k) => k.startsWith(`${name}=`)).map((k) => k.slice(name.length + 1));
      const known = order[name] ?? [];
      values.sort((a, b) => {
        const ia = known.indexOf(a);
        const ib = known.indexOf(b);
        if (ia >= 0 && ib >= 0) return ia - ib;
        if (ia >= 0) return -1;
        if (ib >= 0) return 1;
        return a.localeCompare(b);
      });
      out[name] = values.map((v) => {
        const s = m.get(`${name}=${v}`) as { tuned: Counts; heldout: Counts; misses: Map<string, number> };
        return {
          value: v,
          ...(m === obsCounts && recallOnlyValue(name, v) ? { recallOnly: true } : {}),
          tuned: finish(s.tuned),
          heldout: finish(s.heldout),
          misses: [...s.misses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5),
        };
      });
    }
    return out;
  };
  const p = (b: { actual: number; matched: number }) => ({
    ...b,
    precision: b.actual ? Math.round((b.matched / b.actual) * 1000) / 1000 : 0,
  });
  return {
    seed: o.seed,
    docs: o.docs,
    part: o.part,
    seconds: { generate: 0, ingest: 0, export: 0, score: 0, total: 0 },
    parts: { tuned: finish(parts.tuned), heldout: finish(parts.heldout), all: finish(parts.all) },
    axes: axisRows(axisCounts, { ...AXES, marks: MARKS }),
    observations: axisRows(obsCounts, {}),
    bands: bandNames.map((band, i) => ({
      band,
      tuned: p(bands[i]?.tuned ?? { actual: 0, matched: 0 }),
      heldout: p(bands[i]?.heldout ?? { actual: 0, matched: 0 }),
    })),
    tunedDocs,
  };
}

// ------------------------------------------------------------------------------------------------------------
// Printing
// ------------------------------------------------------------------------------------------------------------

const width = (s: string) =>
  [...s].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;
const f3 = (x: number) => x.toFixed(3);

function table(head: string[], rows: string[][], right: (i: number) => boolean): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right(i) ? padStart(c, widths[i] as number) : padEnd(c, widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const countCells = (c: Counts, withDocs = true, recallOnly = false) => [
  ...(withDocs ? [String(c.docs)] : []),
  String(c.expected),
  recallOnly ? '—' : String(c.actual),
  String(c.matched),
  !recallOnly && (c.actual || c.expected) ? f3(c.precision) : '—',
  c.expected ? f3(c.recall) : '—',
  !recallOnly && (c.actual || c.expected) ? f3(c.f1) : '—',
];

/** The report as printed tables. */
export function formatReport(r: Report): string {
  const out: string[] = [];
  const s = r.seconds;
  out.push(
    `shiryo corpus — seed ${r.seed}, ${r.parts.all.docs} documents (${r.parts.tuned.docs} tuned, ${r.parts.heldout.docs} held-out), ${r.parts.all.expected} expected observations`,
  );
  out.push(
    `time: generate ${s.generate.toFixed(1)} s, ingest ${s.ingest.toFixed(1)} s, export ${s.export.toFixed(1)} s, score ${s.score.toFixed(1)} s, total ${s.total.toFixed(1)} s`,
  );
  out.push('');
  out.push(
    table(
      ['part', 'docs', 'expected', 'actual', 'matched', 'P', 'R', 'F1'],
      (['tuned', 'heldout', 'all'] as const).map((p) => [p, ...countCells(r.parts[p])]),
      (i) => i > 0,
    ),
  );
  out.push('');
  out.push('precision per confidence band (matched actual rows / actual rows)');
  out.push(
    table(
      ['confidence', 'tuned rows', 'tuned P', 'held-out rows', 'held-out P'],
      r.bands.map((b) => [
        b.band,
        String(b.tuned.actual),
        b.tuned.actual ? f3(b.tuned.precision) : '—',
        String(b.heldout.actual),
        b.heldout.actual ? f3(b.heldout.precision) : '—',
      ]),
      (i) => i > 0,
    ),
  );
  const axisBlock = (title: string, rows: Record<string, AxisRow[]>, withDocs: boolean) => {
    for (const [name, list] of Object.entries(rows)) {
      out.push('');
      out.push(`${title} ${name}`);
      const head = withDocs
        ? [
            'value',
            'docs',
            'exp',
            'act',
            'match',
            'P',
            'R',
            'F1',
            '|',
            'h.docs',
            'h.exp',
            'h.act',
            'h.match',
            'h.P',
            'h.R',
            'h.F1',
          ]
        : ['value', 'exp', 'act', 'match', 'P', 'R', 'F1', '|', 'h.exp', 'h.act', 'h.match', 'h.P', 'h.R', 'h.F1'];
      out.push(
        table(
          head,
          list.map((a) => {
            return [
              a.value,
              ...countCells(a.tuned, withDocs, a.recallOnly),
              '|',
              ...countCells(a.heldout, withDocs, a.recallOnly),
            ];
          }),
          (i) => i > 0,
        ),
      );
      const withMisses = list.filter((a) => a.misses.length);
      if (withMisses.length) {
        out.push(`  top miss reasons (tuned):`);
        for (const a of withMisses)
          out.push(
            `    ${padEnd(a.value, 16)} ${a.misses
              .slice(0, 3)
              .map(([m, n]) => `${m} (${n})`)
              .join('; ')}`,
          );
      }
    }
  };
  out.push('');
  out.push('Document axes: micro P/R/F1 over the documents with each value (tuned | held-out)');
  axisBlock('axis', r.axes, true);
  out.push('');
  out.push('Observation axes: recall over the expected observations with each value; unmatched rows attributed by');
  out.push('their own value kind / unit (kind_word, value_kind, unit) — mark and ocr_cell have recall only');
  axisBlock('observations by', r.observations, false);
  return `${out.join('\n')}\n`;
}

/** The report without anything that would let the held-out part be debugged (its misses are never kept). */
export function reportJson(r: Report): string {
  return `${JSON.stringify(r, null, 1)}\n`;
}

export function docsByPath(manifest: Manifest): Map<string, ManifestDoc> {
  return new Map(manifest.docs.map((d) => [d.path, d]));
}
