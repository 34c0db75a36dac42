/**
 * The PDF reader's settings, with every default in one place. Distances are in font sizes (`× size`) where the
 * layout scales with the text, in PDF points otherwise.
 */

/** Which table finder to run: one by name, both (`auto`: lattice where there are rulings, stream elsewhere), none. */
export type TableMethodChoice = 'auto' | 'lattice' | 'stream' | 'none';

export interface LatticeSettings {
  /** Rulings closer than this (pt) on the cross axis are one line; also the tolerance of intersections. */
  snap: number;
  /** Collinear rulings with gaps up to this (pt) are joined (dashed lines, lines broken at every cell). */
  join: number;
  /** Grid lines closer than this (pt) collapse (double rules), so no hair-thin rows or columns appear. */
  minCell: number;
  /** An inner edge counts as drawn when rulings cover this share of it; else the two cells merge. */
  edgeCover: number;
  /**
   * Grids already judged ruled tables, not list frames (the boxes of the tables read from them, pt; a grid holding
   * one is judged): an OCR'd page read again from the cells
   * recognised one by one keeps the first reading's judgement (see ocr/read.ts). Unset: every grid is judged.
   */
  ruledGrids?: { x0: number; y0: number; x1: number; y1: number }[];
}

export interface StreamSettings {
  /** A horizontal gap wider than this (× size) between spans of a line separates two cells. */
  cellGap: number;
  /** A vertical gap wider than this (× size) between two lines ends a table. */
  maxRowGap: number;
  /** Fewest rows (lines with at least two cells) a stream table needs. */
  minRows: number;
  /** A one-cell line in the stub column closer than this (× size) to the row above continues its label. */
  wrapGap: number;
  /** At most this many leading rows are header rows. */
  maxHeaderRows: number;
  /**
   * A row's numbers line up with a column of the numbers above when the edge they share lies within this (× size);
   * a row whose numbers mostly do not starts another table.
   */
  alignTol: number;
  /**
   * A one-cell line right above a table's first row, centred over its cells, is a banner of its header (`第6期計画`
   * over three years). Off for text, where a one-cell line is as often several heads one space apart (`訪問介護
   * 訪問看護 通所介護` over their columns) that a banner would make one.
   */
  banners: boolean;
}

export interface PdfSettings {
  tables: TableMethodChoice;
  /** Read rulings from the operator list: on pages that look tabular (`auto`), on every page, or never. */
  rulings: 'auto' | 'always' | 'never';
  /** Lattice tables need at least this many rulings on the page (`auto` only). */
  minRulings: number;
  /** A page whose text is mostly U+FFFD, private-use or control characters (this share or more) needs OCR. */
  garbageRatio: number;
  /**
   * A page whose non-ASCII text is this share or more of characters outside the blocks Japanese uses (mojibake from
   * a broken ToUnicode map), with at least `mojibakeMin` of them, is unusable as text and needs OCR.
   */
  mojibakeRatio: number;
  mojibakeMin: number;
  /**
   * A page whose letters and digits are this share or more outside words (numbers, Japanese words of two or more
   * characters, Latin words), with at least `strayMin` of them, has a scanner's garbage OCR layer and needs OCR
   * (`strayShare`; measured on the real PDFs: ScanSnap's layer 0.52, every producer's text layer 0.18 or less).
   */
  strayRatio: number;
  strayMin: number;
  /** Recognise the cells of tables ruled in an OCR'd page's image one by one (`ocr/cells.ts`). */
  ocrCells: boolean;
  /** A line this much larger than the body text (ratio of font sizes) is a heading. */
  headingScale: number;
  lattice: LatticeSettings;
  stream: StreamSettings;
}

export const DEFAULT_PDF_SETTINGS: PdfSettings = {
  tables: 'auto',
  rulings: 'auto',
  minRulings: 4,
  garbageRatio: 0.5,
  mojibakeRatio: 0.3,
  mojibakeMin: 8,
  strayRatio: 0.35,
  strayMin: 100,
  ocrCells: true,
  headingScale: 1.08,
  lattice: { snap: 2, join: 3, minCell: 3, edgeCover: 0.6 },
  stream: { cellGap: 0.75, maxRowGap: 2.2, minRows: 3, wrapGap: 0.5, maxHeaderRows: 4, alignTol: 0.3, banners: true },
};

export type PdfSettingsInput = Partial<Omit<PdfSettings, 'lattice' | 'stream'>> & {
  lattice?: Partial<LatticeSettings>;
  stream?: Partial<StreamSettings>;
};

/** Defaults overlaid with what the caller set. */
export function resolvePdfSettings(input: PdfSettingsInput = {}): PdfSettings {
  const d = DEFAULT_PDF_SETTINGS;
  return {
    ...d,
    ...input,
    lattice: { ...d.lattice, ...input.lattice },
    stream: { ...d.stream, ...input.stream },
  };
}
