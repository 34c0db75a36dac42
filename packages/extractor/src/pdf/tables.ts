/**
 * Table finders behind one interface (Camelot's parsers): `lattice` (rulings) and `stream` (text alignment),
 * picked by name, or `auto`: lattice where the page draws enough rulings, then stream on the text left over.
 */
import type { Ruling, TextSpan } from '@shiryo/model';
import { type FoundTable, latticeTables } from './lattice.js';
import { spansToLines } from './lines.js';
import type { PdfSettings, TableMethodChoice } from './settings.js';
import { streamTables } from './stream.js';

/** What a finder sees of a page. */
export interface PageContent {
  spans: TextSpan[];
  rulings: Ruling[];
}

export interface TableFinder {
  readonly name: 'lattice' | 'stream';
  /** Tables on the page, each with the spans it took. */
  find(page: PageContent, settings: PdfSettings): FoundTable[];
}

export const TABLE_FINDERS: Readonly<Record<'lattice' | 'stream', TableFinder>> = {
  lattice: { name: 'lattice', find: (p, s) => latticeTables(p.spans, p.rulings, s.lattice, s.stream) },
  stream: { name: 'stream', find: (p, s) => streamTables(spansToLines(p.spans), s.stream) },
};

/** The finders `choice` runs, in order. */
export function findersFor(choice: TableMethodChoice, page: PageContent, settings: PdfSettings): TableFinder[] {
  if (choice === 'none') return [];
  if (choice === 'lattice' || choice === 'stream') return [TABLE_FINDERS[choice]];
  return page.rulings.length >= settings.minRulings
    ? [TABLE_FINDERS.lattice, TABLE_FINDERS.stream]
    : [TABLE_FINDERS.stream];
}

/** Run the chosen finders; each later finder sees only the spans no earlier table took. */
export function findTables(page: PageContent, settings: PdfSettings): { tables: FoundTable[]; rest: TextSpan[] } {
  const tables: FoundTable[] = [];
  let rest = page.spans;
  for (const finder of findersFor(settings.tables, page, settings)) {
    const found = finder.find({ spans: rest, rulings: page.rulings }, settings);
    tables.push(...found);
    const taken = new Set(found.flatMap((f) => [...f.spans]));
    rest = rest.filter((s) => !taken.has(s));
  }
  return { tables: tables.sort((a, b) => (a.table.bbox?.y0 ?? 0) - (b.table.bbox?.y0 ?? 0)), rest };
}
