/**
 * HELD-OUT PART — the rules' author does not read this file. Axis combinations only the held-out part produces:
 * the tuned planner rejects any document completing one of them; the held-out planner starts every other document
 * from one of them.
 */
import type { Combo } from '../axes.js';

export const HELDOUT_COMBOS: Combo[] = [
  { format: 'linear_cell', orientation: 'years_rows' },
  { format: 'pdf_borderless', header_levels: '3' },
  { format: 'html_in_tsv', orientation: 'years_rows' },
  { year_form: 'western_wareki', orientation: 'years_rows' },
  { unit_place: 'unit_col', format: 'linear_row' },
  { domain: 'kaigo_services', year_form: 'heisei' },
  { format: 'converter_md', header_levels: '3', merged: 'repeat' },
  { domain: 'outcomes', format: 'pdf_row_ruled' },
  { year_form: 'bare', ocr: 'heavy' },
  { domain: 'statistics', orientation: 'years_rows', header_levels: '3' },
];
