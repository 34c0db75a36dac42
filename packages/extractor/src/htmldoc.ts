/** A whole HTML document → document items: its tables and the text of its paragraphs, items and headings. */
import type { DocItem, KeySource } from './draft.js';
import { htmlToPieces } from './html.js';
import { lineFinder, piecesToItems } from './pieces.js';

export function readHtmlDocument(html: string, keys: KeySource): DocItem[] {
  return piecesToItems(htmlToPieces(html, keys), lineFinder(html));
}
