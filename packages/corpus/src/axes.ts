/**
 * The axes real reports vary on, their values, which combinations make sense, and the plan: one set of axis values
 * per document, chosen so that every value occurs and values vary independently (each axis takes its least-used
 * allowed value, ties broken at random). The held-out part's combinations live in heldout/combos.ts; the tuned part
 * never produces them.
 */
import { HELDOUT_COMBOS } from './heldout/combos.js';
import { Rng } from './rng.js';
import type { Part } from './types.js';

export const AXES = {
  format: [
    'tsv',
    'html',
    'html_in_tsv',
    'markdown',
    'converter_md',
    'linear_row',
    'linear_cell',
    'pdf_ruled',
    'pdf_borderless',
    'pdf_row_ruled',
  ],
  orientation: ['years_cols', 'years_rows'],
  header_levels: ['1', '2', '3'],
  kind_place: ['with_years', 'opposite'],
  merged: ['span', 'repeat', 'blank'],
  domain: ['shogai_services', 'kaigo_services', 'chiiki', 'activity', 'outcomes', 'statistics'],
  year_form: ['R', 'reiwa', 'western', 'western_wareki', 'heisei', 'bare', 'fy_end', 'date', 'plan_term'],
  unit_place: ['row_label', 'col_header', 'cell', 'corner', 'unit_col', 'unit_line', 'caption'],
  missing: ['－', '―', 'blank'],
  numbers: ['comma', 'plain', 'fullwidth'],
  ocr: ['none', 'light', 'heavy'],
  city_in: ['title', 'path'],
} as const;

export type AxisName = keyof typeof AXES;
export type Axes = { [K in AxisName]: (typeof AXES)[K][number] };

/** Marks: features a document may carry, several at once (recorded as a list). */
export const MARKS = [
  'subset',
  'qualifier',
  'negative',
  'guideline',
  'ratio',
  'prose',
  'estimate',
  'rate',
  'pipe_pair',
] as const;
export type Mark = (typeof MARKS)[number];

/**
 * Relative frequencies where values should not be equally common: a city named only in the path makes every
 * number of its document miss (when the path is not read), so it is one document in five, not one in two.
 */
export const AXIS_WEIGHTS: Partial<Record<AxisName, Record<string, number>>> = {
  city_in: { title: 4, path: 1 },
};

export const AXIS_ORDER: AxisName[] = [
  'domain',
  'format',
  'year_form',
  'unit_place',
  'orientation',
  'header_levels',
  'kind_place',
  'merged',
  'missing',
  'numbers',
  'ocr',
  'city_in',
];

/** Partial assignments: a combination is matched when every axis it names has the value it gives. */
export type Combo = Partial<Record<AxisName, string>>;

const LINEAR = ['linear_row', 'linear_cell'];
const PDF = ['pdf_ruled', 'pdf_borderless', 'pdf_row_ruled'];

/** Whether value v of axis a is allowed beside the values chosen so far (validity, not the split). */
export function allowed(a: AxisName, v: string, chosen: Partial<Axes>): boolean {
  const c = { ...chosen, [a]: v } as Partial<Record<AxisName, string>>;
  const has = (x: AxisName) => c[x] !== undefined;
  if (has('year_form') && has('domain')) {
    if (
      (c.year_form === 'fy_end' || c.year_form === 'date') &&
      !['outcomes', 'statistics'].includes(c.domain as string)
    )
      return false;
    if (c.year_form === 'plan_term' && c.domain !== 'outcomes') return false;
  }
  if (has('unit_place') && has('domain')) {
    if (c.unit_place === 'cell' && !['outcomes', 'statistics', 'activity'].includes(c.domain as string)) return false;
  }
  if (has('unit_place') && has('orientation')) {
    if ((c.unit_place === 'row_label' || c.unit_place === 'unit_col') && c.orientation !== 'years_cols') return false;
    if (c.unit_place === 'col_header' && c.orientation !== 'years_rows') return false;
  }
  // a plan term names a target's year only in a header where the kind is named with the year
  if (has('year_form') && has('kind_place') && c.year_form === 'plan_term' && c.kind_place !== 'with_years')
    return false;
  if (has('domain') && has('kind_place')) {
    // statistics have one kind (results): nothing to place
    if (c.domain === 'statistics' && c.kind_place !== 'with_years') return false;
  }
  if (has('format') && has('missing') && LINEAR.includes(c.format as string) && c.missing === 'blank') return false;
  if (has('format') && has('merged')) {
    if (c.format === 'linear_cell' && c.merged !== 'repeat') return false;
    if (c.format === 'linear_row' && c.merged === 'blank') return false;
  }
  if (has('format') && has('ocr') && PDF.includes(c.format as string) && c.ocr !== 'none') return false;
  return true;
}

export function matches(combo: Combo, chosen: Partial<Record<AxisName, string>>): boolean {
  return Object.entries(combo).every(([k, v]) => chosen[k as AxisName] === v);
}

/** Whether a full or partial assignment already completes a held-out combination. */
export function completesHeldout(chosen: Partial<Record<AxisName, string>>): boolean {
  return HELDOUT_COMBOS.some(
    (combo) => Object.keys(combo).every((k) => chosen[k as AxisName] !== undefined) && matches(combo, chosen),
  );
}

export interface DocPlan {
  id: string;
  part: Part;
  index: number;
  axes: Axes;
  /** the document's own random stream's label */
  seed: string;
}

/** Split of a run: how many documents of each part. */
export function partCounts(docs: number, part: 'tuned' | 'heldout' | 'all'): { tuned: number; heldout: number } {
  if (part === 'tuned') return { tuned: docs, heldout: 0 };
  if (part === 'heldout') return { tuned: 0, heldout: docs };
  const heldout = Math.round(docs / 3);
  return { tuned: docs - heldout, heldout };
}

/**
 * The plan of a run: axis values per document. Tuned documents never complete a held-out combination; held-out
 * documents start from one (in turn) half of the time and fill the other axes like the tuned ones.
 */
export function makePlan(seed: number, docs: number, part: 'tuned' | 'heldout' | 'all'): DocPlan[] {
  const counts = partCounts(docs, part);
  const out: DocPlan[] = [];
  for (const p of ['tuned', 'heldout'] as const) {
    const rng = new Rng(`plan/${seed}/${p}`);
    const used = new Map<string, number>();
    const n = counts[p];
    for (let i = 0; i < n; i++) {
      let axes: Partial<Record<AxisName, string>> = {};
      let start: Combo = {};
      if (p === 'heldout' && i % 2 === 0) start = HELDOUT_COMBOS[(i / 2) % HELDOUT_COMBOS.length] as Combo;
      const ok = (a: AxisName, v: string, partial: Partial<Record<AxisName, string>>) =>
        allowed(a, v, partial as Partial<Axes>) && (p === 'heldout' || !completesHeldout({ ...partial, [a]: v }));
      let done = false;
      for (let attempt = 0; attempt < 50 && !done; attempt++) {
        axes = { ...start };
        done = true;
        for (const [i, a] of AXIS_ORDER.entries()) {
          if (axes[a] !== undefined) continue;
          // a value is a candidate when every axis still to choose keeps a value it may take beside it
          const values = (AXES[a] as readonly string[]).filter((v) => {
            if (!ok(a, v, axes)) return false;
            const next = { ...axes, [a]: v };
            return AXIS_ORDER.slice(i + 1).every(
              (b) => next[b] !== undefined || (AXES[b] as readonly string[]).some((w) => ok(b, w, next)),
            );
          });
          if (values.length === 0) {
            done = false;
            break;
          }
          const load = (v: string) => (used.get(`${a}=${v}`) ?? 0) / (AXIS_WEIGHTS[a]?.[v] ?? 1);
          const least = Math.min(...values.map(load));
          // the first attempt takes the least-used value; a retry after a dead end takes any allowed one
          axes[a] = rng.pick(attempt === 0 ? values.filter((v) => load(v) === least) : values);
        }
      }
      if (!done) throw new Error(`no allowed axis values for document ${i + 1} of the ${p} part`);
      for (const a of AXIS_ORDER) used.set(`${a}=${axes[a]}`, (used.get(`${a}=${axes[a]}`) ?? 0) + 1);
      const id = `${p === 'tuned' ? 't' : 'h'}${String(i + 1).padStart(4, '0')}`;
      out.push({ id, part: p, index: i, axes: axes as Axes, seed: `doc/${seed}/${id}` });
    }
  }
  return out;
}
