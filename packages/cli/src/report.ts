/**
 * `shiryo report`: a self-contained HTML review page per stored document, and an index of them — what a maintainer
 * or a researcher opens to check what shiryo read before trusting it.
 *
 * Each page shows the document (its text per page, and for a PDF whose file is still at its path an SVG of every
 * page holding a table: text spans, rulings and the cells found), each table found with its method, quality and
 * repairs and its cells coloured by the lowest confidence of the numbers read from them, every observation with
 * its provenance, warnings and the rules that made it (filterable by confidence), the document's issues, and a
 * small chart per indicator of plans, estimates and results by fiscal year. No script, style or image is loaded
 * from anywhere: one file per document, readable offline and attachable to a review.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { escapeXmlAttr, extractDocument, pageToSvg } from '@shiryo/extractor';
import { type ConfidenceBand, confidenceBand } from '@shiryo/model';
import type { Store } from '@shiryo/store';

interface DocRow {
  id: number;
  sha256: string;
  path: string;
  title: string | null;
  media_type: string;
  municipality_code: string | null;
  municipality_name: string | null;
  prefecture: string | null;
  municipality_source: string | null;
  plan: string | null;
  plan_period: string | null;
  status: string;
  n_pages: number;
  n_tables: number;
  n_observations: number;
  ingested_at: string;
}

interface TableRow {
  id: number;
  table_index: number;
  page: number;
  method: string;
  n_rows: number;
  n_cols: number;
  header_rows: number;
  caption: string | null;
  unit_hint: string | null;
  quality_score: number;
  repairs: string;
}

interface CellRow {
  table_id: number;
  row: number;
  col: number;
  row_span: number;
  col_span: number;
  role: string;
  text: string;
}

interface ObsRow {
  observation_id: number;
  page: number | null;
  table_index: number | null;
  row: number | null;
  col: number | null;
  section: string | null;
  indicator_id: string | null;
  indicator_label: string;
  subgroup: string | null;
  measure: string | null;
  unit: string | null;
  unit_text: string | null;
  fiscal_year: number | null;
  period_kind: string | null;
  value_kind: string;
  value: number;
  value_text: string;
  qualifier: string | null;
  confidence: number;
  warnings: string;
  rules: string;
  subset_of_kind: string | null;
}

interface IssueRow {
  code: string;
  severity: string;
  stage: string;
  message: string;
  where: string | null;
}

export interface ReportOptions {
  /** Write an SVG of each PDF page holding a table, read again from the document's path when it is still there. */
  pages?: boolean;
  /** At most this many page drawings per document. */
  maxPages?: number;
}

export interface ReportResult {
  index: string;
  documents: { id: number; path: string; file: string; observations: number }[];
}

/** Text or an attribute value of the page, escaped as the page drawings are (`escapeXmlAttr`). */
const esc = (s: unknown): string => escapeXmlAttr(String(s ?? ''));

/** The CSS class of the band a confidence falls in, as docs/confidence.md publishes them. */
export const band = (c: number): ConfidenceBand['cls'] => confidenceBand(c).cls;

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000));

const STYLE = `
body{font-family:system-ui,"Noto Sans CJK JP","IPAexGothic",sans-serif;margin:1.5rem;color:#222;line-height:1.45}
h1{font-size:1.35rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.85rem}
td,th{border:1px solid #bbb;padding:2px 6px;vertical-align:top}
th{background:#f0f0f0}.role-header{background:#eef2f7;font-weight:600}.role-stub{background:#f7f7f2}
.high{background:#c9efc9}.good{background:#e6f5c4}.fair{background:#ffe7b3}.doubt{background:#ffc4c4}
.meta td:first-child{font-weight:600;background:#f7f7f7}
.legend span{display:inline-block;padding:0 .5rem;margin-right:.3rem;border:1px solid #bbb}
.small{font-size:.8rem;color:#555}.warn{color:#a40000}
pre{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:.5rem;font-size:.8rem;max-height:30rem;overflow:auto}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{border:1px solid #ddd;padding:.3rem}
.pagesvg svg{max-width:100%;height:auto;border:1px solid #ccc}
`;

const LEGEND = `<p class="legend small">Confidence: <span class="high">≥ 0.9</span><span class="good">0.7–0.9</span><span class="fair">0.5–0.7</span><span class="doubt">&lt; 0.5</span> (precision per band: docs/confidence.md)</p>`;

/** Show only the observations at or above a confidence: the one script of the page, inline. */
const FILTER_SCRIPT = `
document.getElementById('min-confidence').addEventListener('change', function (e) {
  var min = Number(e.target.value); var shown = 0;
  document.querySelectorAll('tr.obs').forEach(function (tr) {
    var ok = Number(tr.getAttribute('data-confidence')) >= min; tr.hidden = !ok; if (ok) shown++;
  });
  document.getElementById('shown').textContent = String(shown);
});
`;

function page(title: string, body: string, data: Record<string, string | number>, script = ''): string {
  const attrs = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body${attrs}>
${body}
${script ? `<script>${script}</script>` : ''}
</body></html>
`;
}

/** A small SVG chart: one line per kind (plan, estimate, actual) over the fiscal years. */
export function chartSvg(series: Map<string, Map<number, number>>, title: string): string {
  const years = [...new Set([...series.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const values = [...series.values()].flatMap((m) => [...m.values()]);
  const W = 260;
  const H = 140;
  const L = 44;
  const B = 22;
  const T = 30;
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const x = (y: number) =>
    L + (years.length === 1 ? (W - L - 24) / 2 : (years.indexOf(y) * (W - L - 24)) / (years.length - 1));
  const yv = (v: number) => T + (1 - (v - min) / span) * (H - T - B);
  const colors: Record<string, string> = { plan: '#2a6fd6', estimate: '#888888', actual: '#e07000' };
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">`,
    `<text x="4" y="12" font-size="10">${esc(title.length > 40 ? `${title.slice(0, 39)}…` : title)}</text>`,
    `<line x1="${L}" y1="${H - B}" x2="${W - 4}" y2="${H - B}" stroke="#999"/>`,
    `<text x="${L - 4}" y="${yv(max) + 4}" font-size="9" text-anchor="end">${esc(fmt(max))}</text>`,
    `<text x="${L - 4}" y="${yv(min) + 4}" font-size="9" text-anchor="end">${esc(fmt(min))}</text>`,
  ];
  for (const y of years) parts.push(`<text x="${x(y)}" y="${H - 8}" font-size="9" text-anchor="middle">${y}</text>`);
  let legendX = L;
  for (const [kind, points] of series) {
    const color = colors[kind] ?? '#444';
    const pts = [...points.entries()].sort((a, b) => a[0] - b[0]);
    if (pts.length > 1)
      parts.push(
        `<polyline fill="none" stroke="${color}" stroke-width="1.5"${kind === 'plan' ? ' stroke-dasharray="4 2"' : ''} points="${pts.map(([y, v]) => `${x(y).toFixed(1)},${yv(v).toFixed(1)}`).join(' ')}"/>`,
      );
    for (const [y, v] of pts)
      parts.push(
        `<circle cx="${x(y).toFixed(1)}" cy="${yv(v).toFixed(1)}" r="2.5" fill="${color}"><title>${kind} ${y}: ${esc(fmt(v))}</title></circle>`,
      );
    parts.push(`<text x="${legendX}" y="24" font-size="9" fill="${color}">${kind}</text>`);
    legendX += 48;
  }
  parts.push('</svg>');
  return parts.join('');
}

function tableHtml(t: TableRow, cells: CellRow[], obs: ObsRow[]): string {
  const byCell = new Map<string, ObsRow[]>();
  for (const o of obs) {
    const k = `${o.row}/${o.col}`;
    const list = byCell.get(k) ?? [];
    list.push(o);
    byCell.set(k, list);
  }
  const rows = new Map<number, CellRow[]>();
  for (const c of cells) {
    const list = rows.get(c.row) ?? [];
    list.push(c);
    rows.set(c.row, list);
  }
  const repairs = JSON.parse(t.repairs || '[]') as unknown[];
  const out = [
    `<h3 id="t${t.table_index}">Table ${t.table_index} · page ${t.page} · ${esc(t.method)} · ${t.n_rows}×${t.n_cols} · quality ${t.quality_score.toFixed(2)}</h3>`,
  ];
  if (t.caption) out.push(`<p class="small">caption: ${esc(t.caption)}</p>`);
  if (t.unit_hint) out.push(`<p class="small">unit: ${esc(t.unit_hint)}</p>`);
  if (repairs.length)
    out.push(
      `<p class="small">repairs: ${repairs.map((r) => esc(typeof r === 'string' ? r : JSON.stringify(r))).join('; ')}</p>`,
    );
  out.push(`<table class="found" data-table="${t.table_index}">`);
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    out.push('<tr>');
    for (const c of rows.get(r)!.sort((a, b) => a.col - b.col)) {
      const from = byCell.get(`${c.row}/${c.col}`) ?? [];
      const conf = from.length ? Math.min(...from.map((o) => o.confidence)) : null;
      const cls = [`role-${c.role}`, conf === null ? '' : band(conf)].filter(Boolean).join(' ');
      const tip = from
        .map(
          (o) =>
            `#${o.observation_id} ${o.indicator_label} ${o.fiscal_year ?? ''} ${o.value_kind} ${fmt(o.value)} ${o.unit ?? ''} (${o.confidence.toFixed(2)})`,
        )
        .join('\n');
      const span = `${c.row_span > 1 ? ` rowspan="${c.row_span}"` : ''}${c.col_span > 1 ? ` colspan="${c.col_span}"` : ''}`;
      const tag = c.role === 'header' ? 'th' : 'td';
      out.push(
        `<${tag}${span} class="${cls}"${tip ? ` title="${esc(tip)}"` : ''}${conf === null ? '' : ` data-confidence="${conf}"`}>${esc(c.text)}</${tag}>`,
      );
    }
    out.push('</tr>');
  }
  out.push('</table>');
  return out.join('\n');
}

function observationsHtml(obs: ObsRow[]): string {
  const out = [
    `<p><label>Show observations of confidence at least <select id="min-confidence"><option value="0">0 (all)</option><option value="0.5">0.5</option><option value="0.7">0.7</option><option value="0.9">0.9</option></select></label> — <span id="shown">${obs.length}</span> shown.</p>`,
    '<table class="observations"><thead><tr><th>id</th><th>where</th><th>indicator</th><th>subgroup</th><th>measure</th><th>fiscal year</th><th>kind</th><th>value</th><th>unit</th><th>as written</th><th>confidence</th><th>warnings</th><th>rules</th></tr></thead><tbody>',
  ];
  for (const o of obs) {
    const warnings = JSON.parse(o.warnings || '[]') as string[];
    const rules = JSON.parse(o.rules || '[]') as string[];
    const where =
      o.table_index === null
        ? `p${o.page ?? '?'} text`
        : `<a href="#t${o.table_index}">p${o.page ?? '?'} t${o.table_index} r${o.row} c${o.col}</a>`;
    const kind = o.value_kind === 'subset' && o.subset_of_kind ? `subset of ${o.subset_of_kind}` : o.value_kind;
    out.push(
      `<tr class="obs" data-id="${o.observation_id}" data-confidence="${o.confidence}"><td>${o.observation_id}</td><td>${where}</td><td>${esc(o.indicator_label)}${o.indicator_id ? `<br><span class="small">${esc(o.indicator_id)}</span>` : ''}</td><td>${esc(o.subgroup)}</td><td>${esc(o.measure)}</td><td>${o.fiscal_year ?? ''}${o.period_kind && o.period_kind !== 'fy' ? ` <span class="small">${esc(o.period_kind)}</span>` : ''}</td><td>${esc(kind)}</td><td>${o.qualifier ? `${esc(o.qualifier)} ` : ''}${esc(fmt(o.value))}</td><td>${esc(o.unit)}</td><td>${esc(o.value_text)}</td><td class="${band(o.confidence)}">${o.confidence.toFixed(2)}</td><td class="warn">${warnings.map(esc).join('<br>')}</td><td class="small">${rules.map(esc).join(' ')}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function chartsHtml(obs: ObsRow[], limit = 60): string {
  const groups = new Map<string, { title: string; series: Map<string, Map<number, number>> }>();
  for (const o of obs) {
    if (o.fiscal_year === null || !['plan', 'estimate', 'actual'].includes(o.value_kind)) continue;
    const key = [o.indicator_id ?? o.indicator_label, o.subgroup, o.measure, o.unit].join('|');
    const title = [o.indicator_label, o.subgroup, o.measure, o.unit].filter(Boolean).join(' · ');
    const g = groups.get(key) ?? { title, series: new Map() };
    const s = g.series.get(o.value_kind) ?? new Map<number, number>();
    if (!s.has(o.fiscal_year)) s.set(o.fiscal_year, o.value);
    g.series.set(o.value_kind, s);
    groups.set(key, g);
  }
  const charts = [...groups.values()].filter(
    (g) => new Set([...g.series.values()].flatMap((m) => [...m.keys()])).size >= 2,
  );
  if (charts.length === 0) return '<p class="small">No indicator has values for two fiscal years or more.</p>';
  const shown = charts.slice(0, limit);
  return `<div class="charts">${shown.map((g) => `<div class="chart">${chartSvg(g.series, g.title)}</div>`).join('')}</div>${
    charts.length > limit ? `<p class="small">${charts.length - limit} more indicators not drawn.</p>` : ''
  }`;
}

async function pageDrawings(doc: DocRow, tables: TableRow[], max: number): Promise<string> {
  if (!doc.media_type.includes('pdf') || !existsSync(doc.path)) return '';
  const wanted = [...new Set(tables.map((t) => t.page))].sort((a, b) => a - b).slice(0, max);
  if (wanted.length === 0) return '';
  try {
    const extracted = await extractDocument(doc.path, { ocr: 'never' });
    const out = [
      '<h2>Pages with tables</h2>',
      '<p class="small">Text spans (yellow), rulings (red) and the cells found (blue), as `shiryo tables --svg` draws them.</p>',
    ];
    for (const p of extracted.pages) {
      if (!wanted.includes(p.index)) continue;
      const svg = pageToSvg(p, extracted.tables, { title: `page ${p.index}` }).replace(/^<\?xml[^>]*>\s*/, '');
      out.push(`<h3>Page ${p.index}</h3><div class="pagesvg">${svg}</div>`);
    }
    return out.join('\n');
  } catch (e) {
    return `<p class="warn">The page drawings could not be made: ${esc(e instanceof Error ? e.message : String(e))}</p>`;
  }
}

/** A file name for a document's page: its folder and file name (fixtures are all `<name>/source.*`). */
function slug(path: string): string {
  const s = path
    .split(/[\\/]/)
    .slice(-2)
    .join('-')
    .replace(/\.[^.]+$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .slice(0, 60);
  return s || 'document';
}

/** Write `DIR/index.html` and one page per document of the store; returns what was written. */
export async function writeReport(store: Store, dir: string, opts: ReportOptions = {}): Promise<ReportResult> {
  const db = store.db;
  mkdirSync(dir, { recursive: true });
  const docs = db
    .prepare(
      `SELECT id, sha256, path, title, media_type, municipality_code, municipality_name, prefecture, municipality_source,
              plan, plan_period, status, n_pages, n_tables, n_observations, ingested_at
       FROM documents ORDER BY path`,
    )
    .all() as DocRow[];
  const tablesOf = db.prepare(
    `SELECT id, table_index, page, method, n_rows, n_cols, header_rows, caption, unit_hint, quality_score, repairs
     FROM tables WHERE document_id = ? ORDER BY table_index`,
  );
  const cellsOf = db.prepare(
    'SELECT table_id, row, col, row_span, col_span, role, text FROM cells WHERE table_id = ? ORDER BY row, col',
  );
  const obsOf = db.prepare(
    `SELECT observation_id, page, table_index, row, col, section, indicator_id, indicator_label, subgroup, measure, unit,
            unit_text, fiscal_year, period_kind, value_kind, value, value_text, qualifier, confidence, warnings, rules,
            subset_of_kind
     FROM observations_flat WHERE document_id = ? ORDER BY page, table_index, row, col, observation_id`,
  );
  const issuesOf = db.prepare(
    'SELECT code, severity, stage, message, "where" FROM issues WHERE document_id = ? ORDER BY id',
  );
  const textOf = db.prepare('SELECT page, text FROM pages WHERE document_id = ? ORDER BY page');
  const result: ReportResult = { index: join(dir, 'index.html'), documents: [] };

  for (const doc of docs) {
    const tables = tablesOf.all(doc.id) as TableRow[];
    const obs = obsOf.all(doc.id) as ObsRow[];
    const issues = issuesOf.all(doc.id) as IssueRow[];
    const pages = textOf.all(doc.id) as { page: number; text: string }[];
    const file = `${doc.id}-${slug(doc.path)}.html`;
    const city = doc.municipality_name
      ? `${esc(doc.prefecture ?? '')}${esc(doc.municipality_name)} (${esc(doc.municipality_code)}, from ${esc(doc.municipality_source ?? 'unrecorded')})`
      : '<span class="warn">unknown</span>';
    const doubted = obs.filter((o) => o.confidence < 0.5).length;
    const body: string[] = [
      `<p class="small"><a href="index.html">← all documents</a></p>`,
      `<h1>${esc(doc.title ?? basename(doc.path))}</h1>`,
      '<table class="meta">',
      `<tr><td>file</td><td>${esc(doc.path)}</td></tr>`,
      `<tr><td>sha256</td><td class="small">${esc(doc.sha256)}</td></tr>`,
      `<tr><td>municipality</td><td>${city}</td></tr>`,
      `<tr><td>plan</td><td>${esc(doc.plan ?? '')} ${esc(doc.plan_period ?? '')}</td></tr>`,
      `<tr><td>read</td><td>${doc.n_pages} pages, ${tables.length} tables, ${obs.length} observations (${doubted} below 0.5), ${issues.length} issues; status ${esc(doc.status)}; ${esc(doc.ingested_at)}</td></tr>`,
      '</table>',
      LEGEND,
      '<h2>Charts: plans, estimates and results by fiscal year</h2>',
      chartsHtml(obs),
      `<h2>Observations (${obs.length})</h2>`,
      observationsHtml(obs),
      `<h2>Tables found (${tables.length})</h2>`,
    ];
    for (const t of tables) {
      const cells = cellsOf.all(t.id) as CellRow[];
      body.push(
        tableHtml(
          t,
          cells,
          obs.filter((o) => o.table_index === t.table_index),
        ),
      );
    }
    body.push(`<h2>Issues (${issues.length})</h2>`);
    body.push(
      issues.length
        ? `<table><tr><th>severity</th><th>stage</th><th>code</th><th>where</th><th>message</th></tr>${issues
            .map(
              (i) =>
                `<tr class="issue"><td>${esc(i.severity)}</td><td>${esc(i.stage)}</td><td>${esc(i.code)}</td><td>${esc(i.where)}</td><td>${esc(i.message)}</td></tr>`,
            )
            .join('')}</table>`
        : '<p class="small">None.</p>',
    );
    if (opts.pages !== false) body.push(await pageDrawings(doc, tables, opts.maxPages ?? 30));
    body.push('<h2>Text</h2>');
    for (const p of pages)
      body.push(
        `<details${pages.length === 1 ? ' open' : ''}><summary>page ${p.page}</summary><pre>${esc(p.text)}</pre></details>`,
      );
    writeFileSync(
      join(dir, file),
      page(
        `shiryo review: ${doc.title ?? basename(doc.path)}`,
        body.join('\n'),
        { observations: obs.length, tables: tables.length, issues: issues.length },
        FILTER_SCRIPT,
      ),
    );
    result.documents.push({ id: doc.id, path: doc.path, file, observations: obs.length });
  }

  const rows = docs
    .map((d, i) => {
      const r = result.documents[i]!;
      return `<tr class="doc"><td><a href="${esc(r.file)}">${esc(d.title ?? basename(d.path))}</a><br><span class="small">${esc(d.path)}</span></td><td>${esc(d.prefecture ?? '')}${esc(d.municipality_name ?? '—')}</td><td>${d.n_tables}</td><td>${r.observations}</td><td>${esc(d.status)}</td></tr>`;
    })
    .join('\n');
  writeFileSync(
    result.index,
    page(
      'shiryo review',
      `<h1>shiryo review: ${docs.length} documents</h1>${LEGEND}<table><tr><th>document</th><th>municipality</th><th>tables</th><th>observations</th><th>status</th></tr>${rows}</table>`,
      { documents: docs.length },
    ),
  );
  return result;
}
