/**
 * Text formats: TSV (tabs), an HTML page, HTML tables inside a TSV cell followed by their flattened copy, a markdown
 * pipe table, a converter's markdown (page markers, <br>, escaped pipes), and linearized text as copied from a PDF
 * viewer (one table row a line, cells separated by spaces) or a web page (one cell a line).
 */
import type { Block, DocModel, TableBlock } from '../doc.js';
import { flatten, type Grid } from '../grid.js';
import type { Rng } from '../rng.js';

export type TextFormat = 'tsv' | 'html' | 'html_in_tsv' | 'markdown' | 'converter_md' | 'linear_row' | 'linear_cell';

export const EXTENSION: Record<TextFormat, string> = {
  tsv: 'tsv',
  html: 'html',
  html_in_tsv: 'txt',
  markdown: 'md',
  converter_md: 'md',
  linear_row: 'txt',
  linear_cell: 'txt',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const oneLine = (s: string) => s.replace(/\n/g, ' ');

function htmlTable(grid: Grid, rng: Rng, inline: boolean): string {
  const th = rng.chance(0.6);
  const thead = th && rng.chance(0.7);
  const nl = inline ? ' ' : '\n';
  const rows = grid.cells.map((row, r) => {
    const head = r < grid.headerRows;
    const tag = head && th ? 'th' : 'td';
    const cells = row
      .map((cell) => {
        if (!cell) return null;
        const attrs = `${cell.rs > 1 ? ` rowspan="${cell.rs}"` : ''}${cell.cs > 1 ? ` colspan="${cell.cs}"` : ''}`;
        const text = esc(cell.text).replace(/\n/g, '<br>');
        return `<${tag}${attrs}>${text}</${tag}>`;
      })
      .filter((x): x is string => x !== null);
    return `<tr>${cells.join(inline ? ' ' : '')}</tr>`;
  });
  const head = rows.slice(0, grid.headerRows);
  const body = rows.slice(grid.headerRows);
  const parts = thead
    ? [`<thead>`, ...head, `</thead>`, `<tbody>`, ...body, `</tbody>`]
    : [`<tbody>`, ...head, ...body, `</tbody>`];
  return `<table border="1">${nl}${parts.join(nl)}${nl}</table>`;
}

function tsvRows(grid: Grid, merge: string): string[] {
  return flatten(grid, merge === 'repeat' ? 'repeat' : 'first').map((r) => r.map(oneLine).join('\t'));
}

function mdTable(grid: Grid, merge: string, br: boolean): string[] {
  // a converter repeats a merged cell's text across the columns it spanned and leaves the rows under it empty
  const rows = flatten(grid, merge === 'blank' ? 'first' : 'repeat', merge === 'repeat' ? 'repeat' : 'first');
  const cell = (s: string) => (br ? s.replace(/\n/g, '<br>') : oneLine(s)).replace(/\|/g, '\\|');
  const line = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
  const [first, ...rest] = rows;
  return [line(first ?? []), `| ${(first ?? []).map(() => '---').join(' | ')} |`, ...rest.map(line)];
}

function linearRows(grid: Grid): string[] {
  return flatten(grid, 'first').map((r) =>
    r
      .map(oneLine)
      .filter((s) => s !== '')
      .join(' '),
  );
}

function linearCells(grid: Grid): string[] {
  return flatten(grid, 'first')
    .flat()
    .map(oneLine)
    .filter((s) => s !== '');
}

function tableLines(t: TableBlock, format: TextFormat, merge: string, rng: Rng): string[] {
  const out: string[] = [];
  const cap = t.caption;
  if (format === 'html_in_tsv') {
    if (t.unitLine) out.push(t.unitLine);
    const html = `${cap ? `<p>${esc(cap)}</p> ` : ''}${htmlTable(t.grid, rng, true)}`;
    const flat = tsvRows(t.grid, merge);
    const label = cap ?? '';
    // the converter wrote the table into a cell, then its flattened copy; the copy's first row runs on in the line
    out.push(`${label}\t${html}\t\t${flat[0] ?? ''}`);
    for (const r of flat.slice(1)) out.push(`\t${r}`);
    out.push(...t.notes);
    return out;
  }
  if (cap) out.push(format === 'converter_md' && rng.chance(0.5) ? `*${cap}*` : cap);
  if (t.unitLine) out.push(t.unitLine);
  if (format === 'tsv') out.push(...tsvRows(t.grid, merge));
  else if (format === 'markdown') out.push('', ...mdTable(t.grid, merge, false), '');
  else if (format === 'converter_md') out.push('', ...mdTable(t.grid, merge, true), '');
  else if (format === 'linear_row') out.push(...linearRows(t.grid));
  else if (format === 'linear_cell') out.push(...linearCells(t.grid));
  out.push(...t.notes);
  return out;
}

function blockLines(b: Block, format: TextFormat, merge: string, rng: Rng): string[] {
  if (b.type === 'table') return tableLines(b, format, merge, rng);
  const md = format === 'markdown' || format === 'converter_md';
  if (b.type === 'heading') {
    if (!md) return [b.text];
    const text = format === 'converter_md' && rng.chance(0.3) ? `**${b.text}**` : b.text;
    return [`${'#'.repeat(b.level)} ${text}`];
  }
  // markdown: a bullet or note line as written
  return [b.text];
}

/** Render a document to one of the text formats. */
export function renderText(doc: DocModel, format: TextFormat, rng: Rng): { text: string; plain: string } {
  const merge = doc.plan.axes.merged;
  if (format === 'html') {
    const parts: string[] = [
      '<!DOCTYPE html>',
      '<html lang="ja">',
      '<head>',
      '<meta charset="utf-8">',
      `<title>${esc(doc.title)}</title>`,
      '</head>',
      '<body>',
    ];
    for (const b of doc.blocks) {
      if (b.type === 'heading') parts.push(`<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`);
      else if (b.type === 'para') parts.push(`<p>${esc(b.text)}</p>`);
      else {
        if (b.caption) parts.push(`<p class="caption">${esc(b.caption)}</p>`);
        if (b.unitLine) parts.push(`<p class="unit">${esc(b.unitLine)}</p>`);
        parts.push(htmlTable(b.grid, rng, false));
        for (const n of b.notes) parts.push(`<p class="note">${esc(n)}</p>`);
      }
    }
    parts.push('</body>', '</html>', '');
    const text = parts.join('\n');
    return { text, plain: unescapeHtml(text) };
  }
  const lines: string[] = [];
  let page = 1;
  let sincePage = 0;
  const marker = rng.pick(doc.vocab.pageMarker);
  if (format === 'converter_md') lines.push(marker(page), '');
  doc.blocks.forEach((b, i) => {
    if (format === 'converter_md' && b.type === 'heading' && sincePage >= 3 && i > 0) {
      page++;
      lines.push(marker(page), '');
      sincePage = 0;
    }
    if (format === 'linear_row' && b.type === 'heading' && sincePage >= 4) {
      lines.push(`- ${page} -`);
      page++;
      sincePage = 0;
    }
    lines.push(...blockLines(b, format, merge, rng));
    if (format !== 'linear_row' && format !== 'linear_cell') lines.push('');
    sincePage++;
  });
  const text = `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
  return { text, plain: format === 'html_in_tsv' ? unescapeHtml(text) : text };
}
