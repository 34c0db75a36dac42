/**
 * A table's unit line and caption, from the text right around it on its page (any finder's table):
 *
 * - above: the nearest line over the table (within 2.5 font sizes, overlapping it across the page) that is a unit
 *   line (`（単位：千円）`), or ends in one (`水道事業 収益的収支の推移    （単位：千円）`; any bracket after a gap, one
 *   with 単位 right after the title). The title before the unit on that line, or else the line right above a unit
 *   line of its own, is the caption;
 * - below: a unit line right under the table (within 1.5 font sizes), when none is above and no other table is
 *   nearer to it.
 *
 * The lines stay text (the blocks before a table name it for the normalizer too); the table gets `unitHint` (the
 * unit as written, without `単位：` and brackets: `千円`, `千円,%`) and `caption`.
 */
import { isNumericData, SENTENCE_PUNCT } from '../text.js';
import type { FoundTable } from './lattice.js';
import { type Line, lineSegments } from './lines.js';
import { unitOfText } from './units.js';

/** A title line ending in a unit bracket with 単位. */
const TITLE_UNIT = /^(.*?\S)\s*([(（]\s*単位\s*[:：]?[^()（）]{1,16}[)）])\s*$/u;

/** A line that may be a table's title: short, no sentence, no note, not a number. */
function titleOf(text: string): string | null {
  const t = text.trim();
  if (!t || t.length > 60 || SENTENCE_PUNCT.test(t) || /^[※注*＊]/u.test(t) || isNumericData(t)) return null;
  return t;
}

const overlapsAcross = (l: Line, t: FoundTable, pad: number) =>
  l.bbox.x1 >= (t.table.bbox?.x0 ?? 0) - pad && l.bbox.x0 <= (t.table.bbox?.x1 ?? 0) + pad;

export function attachCaptions(found: FoundTable[], rest: Line[], cellGap: number): void {
  const lines = rest.filter((l) => l.dir === 'h');
  for (const f of found) {
    const box = f.table.bbox;
    if (!box || f.table.unitHint) continue;
    const size = Math.max(...[...f.spans].map((s) => s.size ?? s.bbox.y1 - s.bbox.y0), 1);
    const above = lines
      .filter((l) => l.bbox.y1 <= box.y0 + 0.5 * size && box.y0 - l.bbox.y1 <= 2.5 * size && overlapsAcross(l, f, size))
      .sort((a, b) => b.bbox.y1 - a.bbox.y1);
    const near = above[0];
    let unit: string | null = null;
    let caption: string | null = null;
    if (near) {
      unit = unitOfText(near.text);
      if (unit) {
        const up = lines
          .filter((l) => l.bbox.y1 <= near.bbox.y0 + 0.5 * size && near.bbox.y0 - l.bbox.y1 <= 2 * size)
          .sort((a, b) => b.bbox.y1 - a.bbox.y1)[0];
        caption = up && overlapsAcross(up, f, size) ? titleOf(up.text) : null;
      } else if (TITLE_UNIT.test(near.text)) {
        // `表2-1 …の推移 （単位：人、％）`: the unit at the end of the title line, set close to it.
        const m = TITLE_UNIT.exec(near.text)!;
        unit = unitOfText(m[2]!);
        caption = unit ? titleOf(m[1]!) : null;
      } else {
        const segs = lineSegments(near, cellGap);
        const last = segs[segs.length - 1];
        if (segs.length >= 2 && last) {
          unit = unitOfText(last.text);
          if (unit)
            caption = titleOf(
              segs
                .slice(0, -1)
                .map((g) => g.text)
                .join(' '),
            );
        }
      }
    }
    if (!unit) {
      const below = lines
        .filter(
          (l) => l.bbox.y0 >= box.y1 - 0.5 * size && l.bbox.y0 - box.y1 <= 1.5 * size && overlapsAcross(l, f, size),
        )
        .sort((a, b) => a.bbox.y0 - b.bbox.y0)[0];
      const nearer =
        below &&
        found.some(
          (o) =>
            o !== f &&
            o.table.bbox &&
            o.table.bbox.y0 >= below.bbox.y1 &&
            o.table.bbox.y0 - below.bbox.y1 < below.bbox.y0 - box.y1,
        );
      if (below && !nearer) unit = unitOfText(below.text);
    }
    if (unit) f.table.unitHint = unit;
    if (unit && caption && !f.table.caption) f.table.caption = caption;
  }
}
