/**
 * A page as the reader saw it, drawn as SVG for debugging table finding (pdfplumber's
 * `page.to_image().debug_tablefinder()`, without a canvas): every text span (a light box and its text), every
 * ruling (red), every table found on the page (its cells in blue, labelled with method and quality). Pure and
 * deterministic: the same page gives the same bytes.
 */
import type { BBox, Page, Table, TextSpan } from '@shiryo/model';

export interface PageSvgOptions {
  /** Text for the `<title>` element (e.g. `source.pdf page 1`). */
  title?: string;
}

/** Characters XML 1.0 does not allow at all (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: `&` and `<` (and `>`, for `]]>`) escaped; characters XML cannot carry become U+FFFD. */
export function escapeXmlText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes: also `"`, `'`, and tab/LF/CR as references (else they read as spaces). */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** A coordinate: at most two decimals, no `-0`, never `NaN`. */
function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  return String(r === 0 ? 0 : r);
}

const rect = (cls: string, b: BBox, extra = '') =>
  `<rect class="${cls}" x="${num(b.x0)}" y="${num(b.y0)}" width="${num(Math.max(0, b.x1 - b.x0))}" height="${num(Math.max(0, b.y1 - b.y0))}"${extra}/>`;

function spanText(sp: TextSpan): string {
  const { x0, y0, x1, y1 } = sp.bbox;
  const w = Math.max(0, x1 - x0);
  const h = Math.max(0, y1 - y0);
  const text = escapeXmlText(sp.text);
  if (sp.dir === 'v') {
    // Glyph under glyph: x is the centre line, y the top; stretched to the box's height.
    const size = sp.size ?? w;
    return (
      `<text class="span-text" x="${num((x0 + x1) / 2)}" y="${num(y0)}" font-size="${num(size)}"` +
      ` textLength="${num(h)}" lengthAdjust="spacingAndGlyphs"` +
      ` style="writing-mode:vertical-rl;text-orientation:upright">${text}</text>`
    );
  }
  // The baseline sits about 12% of the box height above its bottom; the text is stretched to the box's width.
  const size = sp.size ?? h;
  return (
    `<text class="span-text" x="${num(x0)}" y="${num(y1 - h * 0.12)}" font-size="${num(size)}"` +
    ` textLength="${num(w)}" lengthAdjust="spacingAndGlyphs">${text}</text>`
  );
}

function boxOfCells(t: Table): BBox | undefined {
  if (t.bbox) return t.bbox;
  const boxes = t.cells.flatMap((c) => (c.bbox ? [c.bbox] : []));
  if (boxes.length === 0) return undefined;
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

const LABEL_SIZE = 7;

/** A cell is drawn a little inside its box, so that neighbouring cells and the rulings on its edges stay apart. */
function inset(b: BBox): BBox {
  const d = Math.max(0, Math.min(1, (b.x1 - b.x0) / 4, (b.y1 - b.y0) / 4));
  return { x0: b.x0 + d, y0: b.y0 + d, x1: b.x1 - d, y1: b.y1 - d };
}

function tableSvg(t: Table): string[] {
  const out: string[] = [];
  const score = t.quality.score.toFixed(2);
  out.push(
    `<g class="table" data-index="${t.index}" data-method="${escapeXmlAttr(t.method)}" data-quality="${score}">`,
  );
  const box = boxOfCells(t);
  if (box) out.push(rect('table-box', box, ' fill="none" stroke-dasharray="3 2"'));
  for (const c of t.cells) {
    if (!c.bbox) continue;
    out.push(rect('cell', inset(c.bbox), ` data-row="${c.row}" data-col="${c.col}"`));
  }
  if (box) {
    // Above the table's top-left corner, or just inside it when the table starts at the top of the page.
    const y = box.y0 - 2 >= LABEL_SIZE ? box.y0 - 2 : box.y0 + LABEL_SIZE + 1;
    const label = `table ${t.index} · ${t.method} ${t.nRows}×${t.nCols} · quality ${score}`;
    out.push(
      `<text class="table-label" x="${num(box.x0)}" y="${num(y)}" font-size="${LABEL_SIZE}"` +
        ` fill="#1f4fd1" fill-opacity="1" stroke="#ffffff" stroke-width="2" paint-order="stroke">${escapeXmlText(label)}</text>`,
    );
  }
  out.push('</g>');
  return out;
}

/**
 * One page → an SVG document (viewBox in PDF points, top-left origin, as the reader's coordinates). `tables` may
 * be the whole document's: only those with `page === page.index` are drawn. Layers, bottom to top: white page,
 * span boxes, span texts, tables (each cell drawn 1 pt inside its box), rulings. Elements carry classes (`span`,
 * `span-text`, `table`, `table-box`, `cell`, `table-label`, `ruling`) so the file can be inspected or styled.
 */
export function pageToSvg(page: Page, tables: readonly Table[] = [], opts: PageSvgOptions = {}): string {
  const w = page.width > 0 ? page.width : 1;
  const h = page.height > 0 ? page.height : 1;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="0 0 ${num(w)} ${num(h)}" font-family="sans-serif">`,
  ];
  if (opts.title !== undefined) out.push(`<title>${escapeXmlText(opts.title)}</title>`);
  out.push(`<rect class="page" x="0" y="0" width="${num(w)}" height="${num(h)}" fill="#ffffff"/>`);

  out.push('<g class="spans" fill="#fff4c2" fill-opacity="0.6" stroke="#d9b94a" stroke-width="0.3">');
  for (const sp of page.spans) out.push(rect('span', sp.bbox));
  out.push('</g>');

  out.push('<g class="span-texts" fill="#333333" xml:space="preserve">');
  for (const sp of page.spans) out.push(spanText(sp));
  out.push('</g>');

  out.push(
    '<g class="tables" fill="#3b6fe0" fill-opacity="0.08" stroke="#1f4fd1" stroke-width="0.6">',
    ...tables.filter((t) => t.page === page.index).flatMap(tableSvg),
    '</g>',
  );

  out.push('<g class="rulings" stroke="#e00000" stroke-width="0.8" stroke-linecap="square">');
  for (const r of page.rulings)
    out.push(`<line class="ruling" x1="${num(r.x0)}" y1="${num(r.y0)}" x2="${num(r.x1)}" y2="${num(r.y1)}"/>`);
  out.push('</g>');

  if (page.needsOcr)
    out.push(
      `<text class="page-note" x="4" y="${LABEL_SIZE + 4}" font-size="${LABEL_SIZE}" fill="#e00000">no usable text layer: needs OCR</text>`,
    );
  out.push('</svg>', '');
  return out.join('\n');
}
