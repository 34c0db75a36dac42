// labelled.mjs — which exported observations of a labelled real document are compared with its expectations.
//
// A real PDF (fixtures/real-*, read in place from ../shared/real-pdfs) is labelled on some pages only, and on a page
// sometimes on some tables only. Its fixture.json says which, machine-readably:
//
//   "pages": [1, 3],                          the pages labelled: observations of any other page are not compared
//   "unlabelled": [                           regions of those pages left unlabelled (optional)
//     { "page": 1, "box": [0, 255, 595, 550], "what": "table ２．公営企業会計等の財政状況 and its notes" }
//   ]
//
// `box` is [x0, y0, x1, y1] in PDF points from the page's top-left corner (as `pdftotext -bbox` prints them and as
// the cells' bboxes are stored). An observation read from a table cell whose centre lies inside a box of its page
// is not compared: the numbers there were never labelled, so they are neither right nor wrong. Every other
// observation of a labelled page is compared — one read from prose (no cell), one whose cell has no position, and
// one from a table that also spans labelled ground (its cells outside the box) — so a wrong number in a labelled
// table is never hidden. The evaluation scorer (score.mjs) stays as it is: this only chooses its input.

/**
 * The observations to compare: `rows` are exported observations (page, table_index, row, col), `tables` the
 * document's extracted tables (`index`, `page`, `cells` with row, col, rowSpan, colSpan, bbox), `meta` the
 * fixture.json object.
 */
export function labelledOnly(rows, tables, meta) {
  const pages = Array.isArray(meta?.pages) ? new Set(meta.pages) : null;
  const regions = Array.isArray(meta?.unlabelled) ? meta.unlabelled : [];
  const byIndex = new Map(tables.map((t) => [t.index, t]));
  const centre = (o) => {
    const t = byIndex.get(o.table_index);
    if (!t || o.row == null || o.col == null) return null;
    const c = t.cells.find(
      (x) => x.row <= o.row && o.row < x.row + (x.rowSpan ?? 1) && x.col <= o.col && o.col < x.col + (x.colSpan ?? 1),
    );
    if (!c?.bbox) return null;
    return { page: t.page, x: (c.bbox.x0 + c.bbox.x1) / 2, y: (c.bbox.y0 + c.bbox.y1) / 2 };
  };
  return rows.filter((o) => {
    if (pages && !pages.has(Number(o.page))) return false;
    if (regions.length === 0) return true;
    const at = centre(o);
    if (!at) return true;
    return !regions.some(
      (r) => r.page === at.page && at.x >= r.box[0] && at.x <= r.box[2] && at.y >= r.box[1] && at.y <= r.box[3],
    );
  });
}
