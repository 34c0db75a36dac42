/**
 * Tables written again the ways a table comes out of a PDF viewer or a web page (scripts/measure-linearized.mjs,
 * scripts/confidence-sets.mjs): `spaced` a row per line, cells one space apart; `cells` one cell per line; `aligned`
 * cells padded to their column's width. `runs` finds the tables of a text source (tab lines, markdown pipe rows).
 */
const width = (s) =>
  [...s].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
        ? 2
        : 1),
    0,
  );
const isNum = (s) => /^[▲△\-−]?[0-9０-９]/u.test(s.trim());
const pipeCells = (l) =>
  l
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
const clean = (c) =>
  c
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Table runs of a text source: tab lines, or markdown pipe rows (separator dropped). */
export function runs(lines) {
  const out = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].includes('\t')) {
      const start = i;
      while (i < lines.length && lines[i].includes('\t')) i++;
      out.push({ start, end: i, rows: lines.slice(start, i).map((l) => l.split('\t').map(clean)) });
    } else if (/^\s*\|/.test(lines[i]) && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      const start = i;
      const rows = [pipeCells(lines[i]).map(clean)];
      i += 2;
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(pipeCells(lines[i++]).map(clean));
      out.push({ start, end: i, rows });
    } else i++;
  }
  return out;
}

export function rewrite(text, version) {
  const lines = text.split('\n');
  const out = [];
  let i = 0;
  for (const run of runs(lines)) {
    out.push(...lines.slice(i, run.start));
    if (version === 'spaced') for (const r of run.rows) out.push(r.filter(Boolean).join(' '));
    else if (version === 'cells') for (const r of run.rows) out.push(...r.filter(Boolean));
    else {
      const n = Math.max(...run.rows.map((r) => r.length));
      const w = Array.from({ length: n }, (_, c) => Math.max(0, ...run.rows.map((r) => width(r[c] ?? ''))));
      for (const r of run.rows) {
        const cells = Array.from({ length: n }, (_, c) => {
          const s = r[c] ?? '';
          const pad = ' '.repeat(w[c] - width(s));
          return isNum(s) ? pad + s : s + pad;
        });
        out.push(cells.join('  ').trimEnd());
      }
    }
    out.push('');
    i = run.end;
  }
  out.push(...lines.slice(i));
  return out.join('\n');
}
