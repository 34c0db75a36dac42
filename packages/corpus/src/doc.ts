/**
 * One document of the corpus, built from its axis values: its city and plan, its sections (tables with notes,
 * prose), and the expected observations, recorded as each number is written — the truth by construction, following
 * docs/OBSERVATIONS.md. Rendering to a file format is separate (render/).
 */
import type { Axes, DocPlan, Mark } from './axes.js';
import { DOMAIN_ITEMS, type Domain, type Item, type Measure, UNITS, type UnitKey } from './catalog.js';
import { buildGrid, type Dim, type DimName, type Entry, type Grid, type Merge, planLayout } from './grid.js';
import { HELDOUT } from './heldout/vocab.js';
import { damageLabel, damageValue, fmt, type NumberStyle, round } from './numbers.js';
import { Rng } from './rng.js';
import type { City, Expected, Fact, Qualifier, ValueKind } from './types.js';
import { type KindWordKey, mixVocab, TUNED, type Vocab, type YearCtx, type YearLabel } from './vocab.js';
import { fyEra, heisei, type PlanTerm, planName, TERMS, termOf } from './years.js';

export interface TableBlock {
  type: 'table';
  caption?: string;
  unitLine?: string;
  grid: Grid;
  notes: string[];
}

export type Block = { type: 'heading'; text: string; level: 1 | 2 | 3 } | { type: 'para'; text: string } | TableBlock;

export interface DocModel {
  plan: DocPlan;
  marks: Mark[];
  city: City;
  /** the document names its city in the title, or only its path does */
  cityIn: 'title' | 'path';
  /** relative path without extension */
  stem: string;
  title: string;
  blocks: Block[];
  expected: Expected[];
  /** which word stated each value kind in this document (for attributing unmatched rows) */
  kindWords: Partial<Record<KindWordKey, string>>;
  term: PlanTerm;
  vocab: Vocab;
}

type FactIn = Omit<Fact, 'indicator'> & { indicator: string };

interface Ctx {
  rng: Rng;
  vocab: Vocab;
  ax: Axes;
  marks: Set<Mark>;
  term: PlanTerm;
  review: number;
  yc: YearCtx;
  year: YearLabel;
  words: Record<KindWordKey, string>;
  numbers: NumberStyle;
  missing: string;
  merge: Merge;
  city: City;
  ocrRate: number;
  ocrSpaces: boolean;
  neg: (d: string) => string;
  cellUnit: Partial<Record<UnitKey, (n: string) => string>>;
  unitTexts: Map<UnitKey, string>;
  wrap: (u: string) => string;
  rateInCell: boolean;
  tableNo: number;
  sectionNo: number;
  blocks: Block[];
  expected: Expected[];
  usedItems: Set<string>;
  heading: (n: number, text: string) => string;
  /** marks the document really shows (a guideline column needs indicators on the rows …) */
  shown: Set<Mark>;
}

const SERVICE_DOMAINS: Domain[] = ['shogai_services', 'kaigo_services', 'chiiki', 'activity'];

/** Marks a document of this domain and these axes can carry. */
export function possibleMarks(ax: Axes): Mark[] {
  const d = ax.domain as Domain;
  const out: Mark[] = [];
  const cell = ax.unit_place === 'cell';
  if (d === 'shogai_services' || d === 'chiiki') out.push('subset');
  if (d === 'outcomes') out.push('qualifier', 'guideline', 'ratio');
  if (SERVICE_DOMAINS.includes(d) && !cell) out.push('negative', 'rate');
  if (SERVICE_DOMAINS.includes(d) || d === 'outcomes') out.push('estimate');
  if (d === 'outcomes' || d === 'activity' || d === 'statistics') out.push('prose');
  if (ax.format === 'converter_md' && SERVICE_DOMAINS.includes(d) && d !== 'activity') out.push('pipe_pair');
  return out;
}

function chooseTerm(ax: Axes, rng: Rng): { term: PlanTerm; review: number; bareEra: 'reiwa' | 'heisei' } {
  const series = ax.domain === 'kaigo_services' ? 'kaigo' : 'shogai';
  const terms = TERMS.filter((t) => t.series === series);
  const early = terms.filter((t) => t.start === 2018);
  const late = terms.filter((t) => t.start >= 2021);
  if (ax.year_form === 'heisei') {
    const term = rng.pick(early);
    return { term, review: rng.int(2019, 2020), bareEra: 'reiwa' };
  }
  if (ax.year_form === 'bare' && rng.chance(0.35)) {
    const term = rng.pick(early);
    return { term, review: 2018, bareEra: 'heisei' };
  }
  const term = rng.pick(late);
  // a review year with at least one finished year of the term
  return { term, review: rng.int(term.start + 1, term.end), bareEra: 'reiwa' };
}

function termLine(term: PlanTerm, bareEra: 'reiwa' | 'heisei'): string {
  const end = bareEra === 'heisei' ? `平成${heisei(term.end)}年度` : fyEra(term.end);
  return `（計画期間：${fyEra(term.start)}～${end}）`;
}

export function buildDoc(plan: DocPlan, cities: City[]): DocModel {
  const rng = new Rng(plan.seed);
  // a held-out document takes each wording slot from the held-out vocabulary or the tuned one, at even odds
  const vocab = plan.part === 'tuned' ? TUNED : mixVocab(HELDOUT, TUNED, rng.fork('vocab'));
  const ax = plan.axes;
  const marks = new Set<Mark>(possibleMarks(ax).filter(() => rng.chance(0.5)));
  const { term, review, bareEra } = chooseTerm(ax, rng.fork('term'));
  const yc: YearCtx = { term, bareEra };
  const year = rng.pick(vocab.years[ax.year_form])(yc);
  const words = Object.fromEntries(Object.entries(vocab.kindWords).map(([k, list]) => [k, rng.pick(list)])) as Record<
    KindWordKey,
    string
  >;
  const city = rng.pick(cities);
  const cityIn = ax.city_in;
  const ctx: Ctx = {
    rng,
    vocab,
    ax,
    marks,
    term,
    review,
    yc,
    year,
    words,
    numbers: ax.numbers as NumberStyle,
    missing: ax.missing === 'blank' ? '' : ax.missing,
    merge: ax.merged as Merge,
    city,
    ocrRate: ax.ocr === 'none' ? 0 : ax.ocr === 'light' ? 0.08 : 0.3,
    ocrSpaces: !ax.format.startsWith('linear'),
    neg: rng.pick(vocab.negative),
    cellUnit: Object.fromEntries(
      (Object.keys(UNITS) as UnitKey[]).filter((u) => UNITS[u].cell).map((u) => [u, rng.pick(UNITS[u].cell ?? [])]),
    ),
    unitTexts: new Map(),
    wrap: rng.pick(vocab.unitWrap),
    rateInCell: rng.chance(0.6),
    tableNo: 0,
    sectionNo: 0,
    blocks: [],
    expected: [],
    usedItems: new Set(),
    heading: rng.pick(vocab.headings),
    shown: new Set(),
  };

  // Title, date, material number; the plan and its period.
  const month = rng.int(5, 15);
  const date: [number, number, number] =
    bareEra === 'heisei'
      ? [2018, rng.int(6, 12), rng.int(1, 28)]
      : month <= 12
        ? [review, month, rng.int(1, 28)]
        : [review + 1, month - 12, rng.int(1, 28)];
  const titleLines = vocab.titles({
    series: term.series,
    city: cityIn === 'title' ? city.name : '',
    fy: review,
    meeting: rng.int(1, 3),
    material: rng.int(1, 6),
    date,
  });
  const title = titleLines[0] ?? '';
  for (const t of titleLines) ctx.blocks.push({ type: 'para', text: t });
  const planText = planName(term, cityIn === 'title' && rng.chance(0.5) ? city.name : '');
  ctx.blocks.push({ type: 'heading', text: `${planText}の進捗状況について`, level: 1 });
  ctx.blocks.push({ type: 'para', text: termLine(term, bareEra) });
  ctx.blocks.push({ type: 'para', text: rng.pick(vocab.intro(planText)) });

  const domain = ax.domain as Domain;
  if (domain === 'outcomes') outcomeSections(ctx);
  else if (domain === 'statistics') statisticsSections(ctx);
  else serviceSections(ctx, domain);
  if (marks.has('prose')) proseSection(ctx, domain);

  // Marks that the document ended up not using are not recorded.
  const usedMarks = new Set<Mark>();
  for (const e of ctx.expected) if (e.tags.mark) usedMarks.add(e.tags.mark as Mark);
  for (const m of ctx.shown) usedMarks.add(m);
  for (const m of [...usedMarks]) if (!marks.has(m)) usedMarks.delete(m);

  const ext = plan.id;
  const name = `${ext}-${term.series === 'kaigo' ? 'kaigo' : 'shogai'}-shiryo${rng.int(1, 9)}`;
  const stem = cityIn === 'path' ? `${plan.part}/${vocab.cityDir(city)}/${name}` : `${plan.part}/${name}`;
  return {
    plan,
    marks: [...usedMarks].sort(),
    city,
    cityIn,
    stem,
    title,
    blocks: ctx.blocks,
    expected: ctx.expected,
    kindWords: words,
    term,
    vocab,
  };
}

// ------------------------------------------------------------------------------------------------------------
// Helpers shared by the sections
// ------------------------------------------------------------------------------------------------------------

function unitText(ctx: Ctx, u: UnitKey): string {
  let t = ctx.unitTexts.get(u);
  if (!t) {
    t = ctx.vocab.unitText(u, ctx.rng);
    ctx.unitTexts.set(u, t);
  }
  return t;
}

/** Label of an item as this document writes it (chosen once per document). */
const itemLabels = new WeakMap<Ctx, Map<string, string>>();
function itemLabel(ctx: Ctx, item: Item): string {
  let m = itemLabels.get(ctx);
  if (!m) {
    m = new Map();
    itemLabels.set(ctx, m);
  }
  let l = m.get(item.id);
  if (!l) {
    const all = ctx.vocab.aliases(item);
    l = ctx.rng.chance(0.5) ? (all[0] as string) : ctx.rng.pick(all);
    // Linearized text separates cells by spaces: labels never carry one.
    l = l.replace(/\s+/g, '');
    m.set(item.id, l);
  }
  return l;
}

const measureLabels = new WeakMap<Ctx, Map<string, string>>();
function measureLabel(ctx: Ctx, m: Measure): string {
  let map = measureLabels.get(ctx);
  if (!map) {
    map = new Map();
    measureLabels.set(ctx, map);
  }
  const key = `${m.key}:${m.unit}`;
  let l = map.get(key);
  if (!l) {
    l = ctx.rng.pick(ctx.vocab.measureLabels(m));
    map.set(key, l);
  }
  return l;
}

function ocrValue(ctx: Ctx, text: string): { text: string; damaged: boolean } {
  if (ctx.ocrRate > 0 && ctx.rng.chance(ctx.ocrRate)) {
    const t = damageValue(text, ctx.rng, { rules: ctx.vocab.ocr, spaces: ctx.ocrSpaces });
    return { text: t, damaged: t !== text };
  }
  return { text, damaged: false };
}

function ocrLabel(ctx: Ctx, text: string): string {
  if (ctx.ocrRate > 0 && ctx.rng.chance(ctx.ocrRate)) return damageLabel(text, ctx.rng, ctx.vocab.ocr);
  return text;
}

/** The number of a value as written, with its sign and (when the cell carries units) its unit. */
function numberText(ctx: Ctx, v: number, decimals: number, unit: UnitKey | null): string {
  const digits = fmt(v, decimals, ctx.numbers);
  const signed = v < 0 ? ctx.neg(digits) : digits;
  if (unit && ctx.ax.unit_place === 'cell') {
    const f = ctx.cellUnit[unit];
    if (f) return f(signed);
  }
  return signed;
}

/** A value with its qualifier as written: 4人以上, 72人を超えない, 5人程度, 約5人. */
function qualified(ctx: Ctx, n: string, q: Qualifier | null): string {
  if (!q) return n;
  const w = ctx.vocab.qualifierWords;
  if (q === 'gte') return n + ctx.rng.pick(w.gte);
  if (q === 'lte') return n + ctx.rng.pick(w.lte);
  if (q === 'approx') return ctx.rng.chance(0.5) ? ctx.rng.pick(w.approxPrefix) + n : n + ctx.rng.pick(w.approx);
  return n;
}

/** A fact whose value is what the written number says (scaled: 千円 → yen). */
function makeFact(
  indicator: string,
  measure: string | null,
  unitKey: UnitKey,
  fy: number | null,
  kind: ValueKind,
  written: number,
  decimals: number,
  extra: Partial<Fact> = {},
): FactIn {
  const u = UNITS[unitKey];
  const value = round(round(written, decimals) * u.scale, decimals + 3);
  return {
    indicator,
    subgroup: null,
    measure,
    unit: u.canonical,
    fiscal_year: fy,
    value_kind: kind,
    value,
    qualifier: null,
    ...extra,
  };
}

function pushExpected(ctx: Ctx, f: FactIn, evidence: string, where: string, tags: Record<string, string>) {
  ctx.expected.push({ municipality: ctx.city.name, ...f, evidence, where, tags });
}

function kindLabel(ctx: Ctx, k: string): string {
  if (k === 'pair') return `${ctx.words.plan}|${ctx.words.actual}`;
  const w = ctx.words[k as KindWordKey] ?? k;
  if (k === 'achievement_rate' && !ctx.rateInCell) return `${w}${ctx.wrap(ctx.rng.pick(['%', '％']))}`;
  return w;
}

interface TableSpec {
  heading?: string;
  topic: string;
  dims: Dim[];
  entries: Entry[];
  notes: string[];
  /** the single unit of the table, when it has one */
  unit: UnitKey | null;
  unitOf: (k: Partial<Record<DimName, string>>) => UnitKey | null;
  labelOf: (dim: 'ind' | 'meas', key: string) => string;
  groupable: DimName[];
  banner: string;
  guide?: (k: Partial<Record<DimName, string>>) => string;
}

/** Lay a table out by the document's axes and add it (with its caption, unit line and notes) to the document. */
function emitTable(ctx: Ctx, spec: TableSpec) {
  const { rng, ax, vocab } = ctx;
  if (spec.entries.length === 0) return;
  const place = ax.unit_place;
  const dimN = (d: DimName) => spec.dims.find((x) => x.name === d)?.values.length ?? 0;
  const unitDim: DimName = dimN('meas') > 1 ? 'meas' : dimN('ind') > 1 ? 'ind' : dimN('meas') >= 1 ? 'meas' : 'ind';
  const keepRows: DimName[] = place === 'row_label' || place === 'unit_col' ? [unitDim] : [];
  const keepCols: DimName[] = place === 'col_header' ? [unitDim] : [];
  const layout = planLayout({
    dims: spec.dims,
    yearsOn: ax.orientation === 'years_cols' ? 'cols' : 'rows',
    kindWithYears: ax.kind_place === 'with_years',
    levels: Number(ax.header_levels),
    keepRows,
    keepCols,
    groupable: spec.groupable,
    banner: spec.banner,
    banner2: rng.pick(ctx.vocab.banners.second),
    rng: rng.fork(`layout${ctx.tableNo}`),
  });
  const unitSuffix = (dim: DimName, full: Partial<Record<DimName, string>>) => {
    if (dim !== unitDim || (place !== 'row_label' && place !== 'col_header')) return '';
    const u = spec.unitOf(full);
    return u ? ctx.wrap(unitText(ctx, u)) : '';
  };
  const labelCache = new Map<string, string>();
  const label = (dim: DimName, key: string, full: Partial<Record<DimName, string>>): string => {
    const cacheKey = `${dim}|${key}|${full.kind ?? ''}|${full.ind ?? ''}|${full.meas ?? ''}`;
    const hit = labelCache.get(cacheKey);
    if (hit !== undefined) return hit;
    let l: string;
    if (dim === 'year') l = ctx.year(Number(key), full.kind as ValueKind | undefined);
    else if (dim === 'kind') l = ocrLabel(ctx, kindLabel(ctx, key));
    else l = spec.labelOf(dim, key) + unitSuffix(dim, full);
    labelCache.set(cacheKey, l);
    return l;
  };
  const fuseYK = rng.pick(vocab.fuseYearKind);
  const fuseIM = rng.pick(vocab.fuseItemMeasure);
  const fuse = (dims: DimName[], labels: string[]) => {
    if (dims.length === 1) return labels[0] ?? '';
    if (dims.length === 2 && dims.includes('year') && dims.includes('kind')) {
      const y = labels[dims.indexOf('year')] ?? '';
      const k = labels[dims.indexOf('kind')] ?? '';
      return fuseYK(y, k);
    }
    if (dims.length === 2 && dims[0] === 'ind' && dims[1] === 'meas') return fuseIM(labels[0] ?? '', labels[1] ?? '');
    return labels.join('\n');
  };
  const stubHeader = (d: DimName) =>
    d === 'ind'
      ? rng.pick(vocab.stubHeaders.item)
      : d === 'meas'
        ? rng.pick(vocab.stubHeaders.measure)
        : d === 'year'
          ? rng.pick(vocab.stubHeaders.year)
          : rng.pick(vocab.stubHeaders.kind);
  const stubHeads = new Map<DimName, string>();
  const stubHeaderOnce = (d: DimName) => {
    let s = stubHeads.get(d);
    if (s === undefined) {
      s = stubHeader(d);
      stubHeads.set(d, s);
    }
    return s;
  };
  const single = spec.unit ? unitText(ctx, spec.unit) : null;
  // a guideline column stands beside the indicators: only when they are the rows
  const guide = spec.guide && layout.rows.includes('ind') ? spec.guide : undefined;
  if (guide) ctx.shown.add('guideline');
  const kinds = spec.dims.find((d) => d.name === 'kind')?.values.map((v) => v.key) ?? [];
  if (kinds.includes('deviation')) ctx.shown.add('negative');
  if (kinds.includes('achievement_rate')) ctx.shown.add('rate');
  if (kinds.includes('estimate')) ctx.shown.add('estimate');
  const built = buildGrid({
    dims: spec.dims,
    layout,
    entries: spec.entries,
    label,
    fuse,
    stubHeader: stubHeaderOnce,
    merge: ctx.merge,
    missing: ctx.missing,
    unitCol:
      place === 'unit_col'
        ? {
            header: rng.pick(vocab.stubHeaders.unit),
            text: (k) => {
              // a rate row's unit is its own
              const u = k.kind === 'achievement_rate' ? '%' : spec.unitOf(k);
              return u ? unitText(ctx, u) : '';
            },
          }
        : undefined,
    guideCol: guide ? { header: rng.pick(vocab.guidelineHeaders), text: guide } : undefined,
    corner: place === 'corner' && single ? rng.pick(vocab.cornerUnit)(single) : undefined,
  });
  ctx.tableNo++;
  let caption: string | undefined;
  let unitLine: string | undefined;
  const topic = spec.topic;
  if (place === 'caption' && single) caption = rng.pick(vocab.captions)(`${topic}${ctx.wrap(single)}`, ctx.tableNo);
  else if (rng.chance(0.4)) caption = rng.pick(vocab.captions)(topic, ctx.tableNo);
  if (place === 'unit_line' && single) unitLine = rng.pick(vocab.unitLine)(single);
  if (spec.heading) {
    ctx.sectionNo++;
    ctx.blocks.push({ type: 'heading', text: ctx.heading(ctx.sectionNo, spec.heading), level: 2 });
  }
  ctx.blocks.push({ type: 'table', caption, unitLine, grid: built.grid, notes: spec.notes });
  const section = spec.heading ?? topic;
  for (const { entry, where } of built.placed) {
    entry.facts.forEach((f, i) => {
      const evidence = entry.evidence?.[i] ?? entry.text;
      ctx.expected.push({ ...f, evidence, where: `${section} | ${where}` });
    });
  }
}

// ------------------------------------------------------------------------------------------------------------
// Services: 障害福祉サービス, 介護サービス, 地域生活支援事業, 活動指標 (plans against results per year)
// ------------------------------------------------------------------------------------------------------------

interface Series {
  plan: Map<number, number>;
  actual: Map<number, number>;
  estimate: Map<number, number>;
}

function makeSeries(rng: Rng, m: Measure, planYears: number[], actualYears: number[], estYear: number | null): Series {
  const d = m.decimals ?? 0;
  const base = m.lo + rng.next() * (m.hi - m.lo);
  const growth = -0.02 + rng.next() * 0.08;
  const first = Math.min(...planYears, ...actualYears);
  const at = (y: number) => base * (1 + growth) ** (y - first);
  const clean = (v: number) => Math.max(d ? 0.1 : 1, round(v, d));
  const plan = new Map(planYears.map((y) => [y, clean(at(y))]));
  const actual = new Map(actualYears.map((y) => [y, clean(at(y) * (0.78 + rng.next() * 0.38))]));
  const estimate = new Map<number, number>();
  if (estYear !== null) estimate.set(estYear, clean(at(estYear) * (0.85 + rng.next() * 0.25)));
  return { plan, actual, estimate };
}

function serviceSections(ctx: Ctx, domain: Domain) {
  const { rng, ax, term, review, marks } = ctx;
  const all = DOMAIN_ITEMS[domain];
  const cellPlace = ax.unit_place === 'cell';
  const singleUnit = ['corner', 'unit_line', 'caption'].includes(ax.unit_place);
  let items = all.filter((it) => !cellPlace || it.measures.every((m) => UNITS[m.unit].cell));
  // pick groups, then items in them
  const groups = [...new Set(items.map((i) => i.group))];
  const nGroups = Math.min(groups.length, rng.int(2, 3));
  let chosenGroups = rng.sample(groups, nGroups);
  if (marks.has('subset')) {
    const subGroup = items.find((i) => i.subset)?.group;
    if (subGroup && !chosenGroups.includes(subGroup)) chosenGroups = [subGroup, ...chosenGroups.slice(1)];
  }
  items = items.filter((i) => chosenGroups.includes(i.group));
  const picked: Item[] = [];
  for (const g of chosenGroups) {
    const inGroup = items.filter((i) => i.group === g);
    let take = rng.sample(inGroup, Math.min(inGroup.length, rng.int(2, 4)));
    const sub = inGroup.find((i) => i.subset);
    if (marks.has('subset') && sub && !take.includes(sub)) take = [sub, ...take.slice(0, -1)];
    picked.push(...take);
  }
  for (const it of picked) ctx.usedItems.add(it.id);

  // years: results of up to two years before the term, plans of the term
  const minYear = ax.year_form === 'heisei' || ctx.yc.bareEra === 'heisei' ? 2016 : 2019;
  const inTermActuals = review > term.start;
  const prior = Array.from({ length: rng.int(inTermActuals ? 0 : 1, 2) }, (_, i) => term.start - 1 - i)
    .filter((y) => y >= minYear)
    .reverse();
  const termYears = [term.start, term.start + 1, term.start + 2];
  const withEstimate = marks.has('estimate') && review <= term.end;
  const actualYears = [...prior, ...termYears.filter((y) => y < review)];
  const withDev = marks.has('negative');
  const withRate = marks.has('rate');
  const pipePair = marks.has('pipe_pair');

  type Unit = { item: Item; measures: Measure[] };
  const tables: { units: Unit[]; heading: string; topic: string; perItem: boolean }[] = [];
  const perItem = domain === 'shogai_services' && !singleUnit && rng.chance(0.35);
  const headingOf = (g: string) =>
    domain === 'kaigo_services' ? `${g}の計画値と実績値` : domain === 'activity' ? g : `${g}の見込量と実績`;
  for (const g of chosenGroups) {
    const its = picked.filter((i) => i.group === g);
    if (perItem) {
      for (const it of its)
        tables.push({
          units: [{ item: it, measures: it.measures }],
          heading: itemLabel(ctx, it),
          topic: itemLabel(ctx, it),
          perItem: true,
        });
    } else if (singleUnit) {
      // one table per unit: a table with a single unit can say it once
      const byUnit = new Map<UnitKey, Unit[]>();
      for (const it of its)
        for (const m of it.measures) {
          const list = byUnit.get(m.unit) ?? [];
          list.push({ item: it, measures: [m] });
          byUnit.set(m.unit, list);
        }
      for (const [u, units] of byUnit) {
        const m0 = units[0]?.measures[0] as Measure;
        const topic = `${g}の${measureLabel(ctx, m0)}`;
        tables.push({ units, heading: `${headingOf(g)}（${measureLabel(ctx, m0)}）`, topic, perItem: false });
        void u;
      }
    } else {
      tables.push({
        units: its.map((it) => ({ item: it, measures: it.measures })),
        heading: headingOf(g),
        topic: headingOf(g),
        perItem: false,
      });
    }
  }
  // A table of one indicator names it in its heading (else nothing in the document would say what it counts).
  for (const t of tables)
    if (!t.perItem && t.units.length === 1) {
      const u = t.units[0] as Unit;
      t.perItem = true;
      t.heading = singleUnit
        ? `${itemLabel(ctx, u.item)}（${measureLabel(ctx, u.measures[0] as Measure)}）`
        : itemLabel(ctx, u.item);
    }
  let subsetUsed = false;
  for (const t of tables.slice(0, 6)) {
    const entries: Entry[] = [];
    const notes: string[] = [];
    const indValues = t.units.map((u) => ({ key: u.item.id, group: u.item.group }));
    const measKeys = new Map<string, Measure>();
    for (const u of t.units) for (const m of u.measures) measKeys.set(`${m.key}:${m.unit}`, m);
    const kinds: string[] = [];
    let subsetItem: Item | null = null;
    for (const u of t.units) {
      const label = itemLabel(ctx, u.item);
      const subsetHere = marks.has('subset') && !subsetUsed && !subsetItem && u.item.subset ? u.item.subset : null;
      if (subsetHere) subsetItem = u.item;
      for (const m of u.measures) {
        const s = makeSeries(rng, m, termYears, actualYears, withEstimate ? review : null);
        const mLabel = measureLabel(ctx, m);
        const d = m.decimals ?? 0;
        const mk = `${m.key}:${m.unit}`;
        const subShare = subsetHere?.measures.includes(m.key) ? subsetHere : null;
        const add = (
          fy: number,
          kind: string,
          facts: FactIn[],
          text: string,
          tags: Record<string, string>[],
          evidence?: string[],
        ) => {
          const o = ocrValue(ctx, text);
          // two values in one cell: each is its own evidence, as written after any misreading
          const ev = evidence ? o.text.split(' | ') : undefined;
          entries.push({
            k: { ind: u.item.id, meas: mk, year: String(fy), kind },
            text: o.text,
            facts: facts.map((f, i) => ({
              municipality: ctx.city.name,
              ...f,
              tags: { ...(tags[i] ?? {}), ocr_cell: o.damaged ? 'damaged' : 'clean', unit: f.unit ?? '' },
            })),
            evidence: ev,
          });
          if (!kinds.includes(kind)) kinds.push(kind);
        };
        const dropped = new Set<string>();
        const valueCell = (fy: number, kind: ValueKind, v: number) => {
          // a cell may go missing (not yet reported): written as the document's missing marker, no observation
          if (rng.chance(0.03)) {
            dropped.add(`${fy}:${kind}`);
            return;
          }
          const f = makeFact(label, mLabel, m.unit, fy, kind, v, d);
          let text = numberText(ctx, v, d, m.unit);
          const facts = [f];
          const tags: Record<string, string>[] = [{ kind_word: ctx.words[kind as KindWordKey] }];
          if (subShare && (kind === 'plan' || kind === 'actual' || kind === 'estimate')) {
            const sv = Math.max(
              1,
              round(v * (subShare.share[0] + rng.next() * (subShare.share[1] - subShare.share[0])), d),
            );
            const sub = makeFact(label, mLabel, m.unit, fy, 'subset', sv, d, { subgroup: subShare.subgroup });
            text = rng.pick(ctx.vocab.subsetCell)(text, numberText(ctx, sv, d, null));
            facts.push(sub);
            tags.push({ kind_word: 'bracket', mark: 'subset' });
          }
          add(fy, kind, facts, text, tags);
        };
        for (const y of termYears) {
          const p = s.plan.get(y) as number;
          const a = s.actual.get(y);
          if (pipePair && a !== undefined) {
            const pf = makeFact(label, mLabel, m.unit, y, 'plan', p, d);
            const af = makeFact(label, mLabel, m.unit, y, 'actual', a, d);
            const pt = numberText(ctx, p, d, m.unit);
            const at = numberText(ctx, a, d, m.unit);
            add(
              y,
              'pair',
              [pf, af],
              `${pt} | ${at}`,
              [
                { kind_word: ctx.words.plan, mark: 'pipe_pair' },
                { kind_word: ctx.words.actual, mark: 'pipe_pair' },
              ],
              [pt, at],
            );
            continue;
          }
          valueCell(y, 'plan', p);
        }
        for (const y of actualYears) {
          if (pipePair && termYears.includes(y)) continue;
          valueCell(y, 'actual', s.actual.get(y) as number);
        }
        for (const [y, v] of s.estimate) valueCell(y, 'estimate', v);
        for (const y of termYears) {
          const p = s.plan.get(y) as number;
          const a = s.actual.get(y);
          // no difference or rate beside a plan or result that is not written
          if (a === undefined || dropped.has(`${y}:plan`) || dropped.has(`${y}:actual`)) continue;
          if (withDev) {
            const dv = round(a - p, d);
            const f = makeFact(label, mLabel, m.unit, y, 'deviation', dv, d);
            add(y, 'deviation', [f], numberText(ctx, dv, d, m.unit), [
              { kind_word: ctx.words.deviation, ...(dv < 0 ? { mark: 'negative' } : {}) },
            ]);
          }
          if (withRate) {
            const r = round((a / p) * 100, 1);
            const f = makeFact(label, mLabel, '%', y, 'achievement_rate', r, 1);
            const digits = fmt(r, 1, ctx.numbers);
            add(y, 'achievement_rate', [f], ctx.rateInCell ? `${digits}%` : digits, [
              { kind_word: ctx.words.achievement_rate },
            ]);
          }
        }
      }
    }
    if (subsetItem?.subset) {
      subsetUsed = true;
      notes.push(rng.pick(ctx.vocab.subsetNote(itemLabel(ctx, subsetItem), subsetItem.subset.subgroup)));
    }
    const kindOrder = ['plan', 'pair', 'actual', 'estimate', 'deviation', 'achievement_rate'].filter((k) =>
      kinds.includes(k),
    );
    const years = [...new Set([...prior, ...termYears])].sort();
    const dims: Dim[] = [
      { name: 'ind', values: indValues },
      { name: 'meas', values: [...measKeys.keys()].map((key) => ({ key })) },
      {
        name: 'year',
        values: years.map((y) => ({
          key: String(y),
          group: ctx.vocab.termGroup(termOf(term.series, y) ?? term, y < term.start),
        })),
      },
      { name: 'kind', values: kindOrder.map((key) => ({ key })) },
    ];
    const unitKeys = [...new Set([...measKeys.values()].map((m) => m.unit))];
    const spec: TableSpec = {
      heading: t.heading,
      topic: t.topic,
      dims: t.perItem ? dims.filter((x) => x.name !== 'ind') : dims,
      // per-item tables: the indicator is the heading
      entries: t.perItem
        ? entries.map((e) => ({ ...e, k: { meas: e.k.meas, year: e.k.year, kind: e.k.kind } }))
        : entries,
      notes,
      unit: unitKeys.length === 1 ? (unitKeys[0] as UnitKey) : null,
      unitOf: (k) => {
        if (k.meas) return measKeys.get(k.meas)?.unit ?? null;
        if (k.ind) {
          const u = t.units.find((x) => x.item.id === k.ind);
          return u?.measures.length === 1 ? (u.measures[0]?.unit ?? null) : null;
        }
        return unitKeys.length === 1 ? (unitKeys[0] as UnitKey) : null;
      },
      labelOf: (dim, key) => {
        if (dim === 'ind') {
          const it = t.units.find((x) => x.item.id === key)?.item;
          return it ? ocrLabel(ctx, itemLabel(ctx, it)) : key;
        }
        const m = measKeys.get(key);
        return m ? ocrLabel(ctx, measureLabel(ctx, m)) : key;
      },
      groupable: ax.year_form === 'plan_term' ? ['ind'] : ['ind', 'year'],
      banner: rng.pick(ctx.vocab.banners.services),
    };
    emitTable(ctx, spec);
  }
}

// ------------------------------------------------------------------------------------------------------------
// 成果目標: baselines, targets (with qualifiers, bracketed shares), results; the national guideline beside them
// ------------------------------------------------------------------------------------------------------------

function outcomeSections(ctx: Ctx) {
  const { rng, ax, term, review, marks } = ctx;
  let items = [...DOMAIN_ITEMS.outcomes];
  if (['corner', 'unit_line', 'caption'].includes(ax.unit_place))
    items = items.filter((i) => i.measures[0]?.unit === '人');
  const picked = rng.sample(items, Math.min(items.length, rng.int(3, 6)));
  for (const it of picked) ctx.usedItems.add(it.id);
  const base = term.start - 2;
  const actualYears = Array.from({ length: review - term.start }, (_, i) => term.start + i);
  const withEstimate = marks.has('estimate') && review <= term.end;
  const prevTerm = TERMS.find((t) => t.series === term.series && t.end === term.start - 1);
  const entries: Entry[] = [];
  const kinds = new Set<string>();
  const years = new Set<number>();
  const qualifiers = marks.has('qualifier');
  for (const it of picked) {
    const m = it.measures[0] as Measure;
    const o = it.outcome;
    if (!o) continue;
    const label = itemLabel(ctx, it);
    const d = m.decimals ?? 0;
    const mLabel = measureLabel(ctx, m);
    const add = (fy: number, kind: ValueKind, facts: FactIn[], text: string, tags: Record<string, string>[]) => {
      if (rng.chance(0.03)) return;
      const oc = ocrValue(ctx, text);
      entries.push({
        k: { ind: it.id, year: String(fy), kind },
        text: oc.text,
        facts: facts.map((f, i) => ({
          municipality: ctx.city.name,
          ...f,
          tags: { ...(tags[i] ?? {}), ocr_cell: oc.damaged ? 'damaged' : 'clean', unit: f.unit ?? '' },
        })),
      });
      kinds.add(kind);
      years.add(fy);
    };
    const span = m.hi - m.lo;
    const baseV = round(m.lo + rng.next() * span, d);
    const hiddenBase = round(baseV * (10 + rng.next() * 20), 0);
    if (o.baseline) {
      add(
        base,
        'baseline',
        [makeFact(label, mLabel, m.unit, base, 'baseline', baseV, d)],
        numberText(ctx, baseV, d, m.unit),
        [{ kind_word: ctx.words.baseline }],
      );
    }
    const targets: { fy: number; v: number }[] = [];
    const tv =
      o.qualifier === 'lte'
        ? round(baseV * (0.9 + rng.next() * 0.08), d)
        : round(Math.max(m.lo, baseV * (1.1 + rng.next() * 0.4)), d);
    targets.push({ fy: term.end, v: tv });
    if (ax.year_form === 'plan_term' && prevTerm) targets.unshift({ fy: prevTerm.end, v: round(tv * 0.9, d) || tv });
    for (const t of targets) {
      const q: Qualifier | null = qualifiers ? (rng.chance(0.2) ? 'approx' : o.qualifier) : null;
      const fact = makeFact(label, mLabel, m.unit, t.fy, 'target', t.v, d, { qualifier: q });
      let text = qualified(ctx, numberText(ctx, t.v, d, m.unit), q);
      const facts = [fact];
      const tags: Record<string, string>[] = [{ kind_word: ctx.words.target, ...(q ? { mark: 'qualifier' } : {}) }];
      if (marks.has('ratio') && o.bracket) {
        if (o.bracket === 'ratio' && o.baseline) {
          const r = round(t.v / baseV, 2);
          text = rng.pick(ctx.vocab.ratioCell)(text, `${fmt(r, 2, ctx.numbers)}倍`);
          facts.push(makeFact(label, mLabel, '%', t.fy, 'target', r, 2, { unit: 'ratio' }));
          tags.push({ kind_word: ctx.words.target, mark: 'ratio' });
        } else if (o.bracket === 'percent') {
          const pc = round((t.v / hiddenBase) * 100, 1);
          text = rng.pick(ctx.vocab.ratioCell)(text, `${fmt(pc, 1, ctx.numbers)}%`);
          facts.push(makeFact(label, mLabel, '%', t.fy, 'target', pc, 1));
          tags.push({ kind_word: ctx.words.target, mark: 'ratio' });
        }
      }
      add(t.fy, 'target', facts, text, tags);
    }
    for (const y of actualYears) {
      const v = round(o.qualifier === 'lte' ? baseV * (0.93 + rng.next() * 0.1) : baseV * (0.6 + rng.next() * 0.8), d);
      add(y, 'actual', [makeFact(label, mLabel, m.unit, y, 'actual', v, d)], numberText(ctx, v, d, m.unit), [
        { kind_word: ctx.words.actual },
      ]);
    }
    if (withEstimate) {
      const v = round(baseV * (0.7 + rng.next() * 0.7), d);
      add(
        review,
        'estimate',
        [makeFact(label, mLabel, m.unit, review, 'estimate', v, d)],
        numberText(ctx, v, d, m.unit),
        [{ kind_word: ctx.words.estimate }],
      );
    }
  }
  const kindOrder = ['baseline', 'target', 'actual', 'estimate'].filter((k) => kinds.has(k));
  const yearList = [...years].sort();
  const units = [...new Set(picked.map((i) => i.measures[0]?.unit as UnitKey))];
  const guideIdx = term.start >= 2024 ? 1 : 0;
  const spec: TableSpec = {
    heading: rng.pick(['成果目標の達成状況', '成果目標の進捗状況', '成果目標と実績']),
    topic: '成果目標と実績',
    dims: [
      { name: 'ind', values: picked.map((i) => ({ key: i.id, group: i.group })) },
      {
        name: 'year',
        values: yearList.map((y) => ({
          key: String(y),
          group: ctx.vocab.termGroup(termOf(term.series, y) ?? term, y < term.start),
        })),
      },
      { name: 'kind', values: kindOrder.map((key) => ({ key })) },
    ],
    entries,
    notes: [],
    unit: units.length === 1 ? (units[0] as UnitKey) : null,
    unitOf: (k) => (k.ind ? (picked.find((i) => i.id === k.ind)?.measures[0]?.unit ?? null) : null),
    labelOf: (_dim, key) => {
      const it = picked.find((i) => i.id === key);
      return it ? ocrLabel(ctx, itemLabel(ctx, it)) : key;
    },
    groupable: ax.year_form === 'plan_term' ? ['ind'] : ['ind', 'year'],
    banner: rng.pick(ctx.vocab.banners.outcomes),
    guide: marks.has('guideline')
      ? (k) => {
          const it = picked.find((i) => i.id === k.ind);
          const g = it?.outcome?.guideline ?? [];
          return g[Math.min(guideIdx, g.length - 1)] ?? '';
        }
      : undefined,
  };
  emitTable(ctx, spec);
}

// ------------------------------------------------------------------------------------------------------------
// Statistics: 手帳所持者数 and 受給者数 at each year's end (results stated as facts)
// ------------------------------------------------------------------------------------------------------------

function statisticsSections(ctx: Ctx) {
  const { rng, review, ax } = ctx;
  const minYear = ax.year_form === 'heisei' || ctx.yc.bareEra === 'heisei' ? 2016 : 2019;
  const n = rng.int(3, 5);
  const years = Array.from({ length: n }, (_, i) => review - n + i).filter((y) => y >= minYear);
  const groups = [...new Set(DOMAIN_ITEMS.statistics.map((i) => i.group))];
  for (const g of rng.shuffle(groups)) {
    const picked = DOMAIN_ITEMS.statistics.filter((i) => i.group === g);
    const entries: Entry[] = [];
    for (const it of picked) {
      ctx.usedItems.add(it.id);
      const m = it.measures[0] as Measure;
      const label = itemLabel(ctx, it);
      const mLabel = measureLabel(ctx, m);
      let v = m.lo + rng.next() * (m.hi - m.lo);
      for (const y of years) {
        v *= 0.98 + rng.next() * 0.07;
        const w = round(v, 0);
        if (rng.chance(0.03)) continue;
        const oc = ocrValue(ctx, numberText(ctx, w, 0, m.unit));
        const f = makeFact(label, mLabel, m.unit, y, 'actual', w, 0);
        entries.push({
          k: { ind: it.id, year: String(y) },
          text: oc.text,
          facts: [
            {
              ...f,
              municipality: ctx.city.name,
              tags: { kind_word: 'none', ocr_cell: oc.damaged ? 'damaged' : 'clean', unit: f.unit ?? '' },
            },
          ],
        });
      }
    }
    emitTable(ctx, {
      heading: `${g}の推移`,
      topic: `${g}の推移`,
      dims: [
        { name: 'ind', values: picked.map((i) => ({ key: i.id, group: g })) },
        { name: 'meas', values: [{ key: `${picked[0]?.measures[0]?.key}:人` }] },
        { name: 'year', values: years.map((y) => ({ key: String(y) })) },
      ],
      entries: entries.map((e) => ({ ...e, k: { ...e.k, meas: `${picked[0]?.measures[0]?.key}:人` } })),
      notes: [],
      unit: '人',
      unitOf: () => '人',
      labelOf: (dim, key) => {
        if (dim === 'meas') return measureLabel(ctx, picked[0]?.measures[0] as Measure);
        const it = picked.find((i) => i.id === key);
        return it ? ocrLabel(ctx, itemLabel(ctx, it)) : key;
      },
      groupable: ['ind'],
      banner: rng.pick(ctx.vocab.banners.statistics),
    });
  }
}

// ------------------------------------------------------------------------------------------------------------
// Prose: targets and results told in sentences (items the tables do not show, so nothing is restated)
// ------------------------------------------------------------------------------------------------------------

/** A year label that ends a period (…年度末) for targets. */
function endLabel(y: string): string {
  if (/年度$/.test(y)) return `${y}末`;
  if (/^[RH]\d+$/.test(y)) return `${y}年度末`;
  return y;
}

function proseSection(ctx: Ctx, domain: Domain) {
  const { rng, vocab, term, review, marks } = ctx;
  const candidates = [
    ...DOMAIN_ITEMS.outcomes,
    ...DOMAIN_ITEMS.activity,
    ...(domain === 'statistics' ? DOMAIN_ITEMS.statistics : []),
  ]
    .filter((i) => !ctx.usedItems.has(i.id))
    .filter((i) => ['人', '回/年', 'か所', '%'].includes(i.measures[0]?.unit as string));
  const picked = rng.sample(candidates, Math.min(candidates.length, rng.int(2, 4)));
  if (picked.length === 0) return;
  const qualifiers = marks.has('qualifier') || rng.chance(0.5);
  const lines: { text: string; facts: { f: FactIn; ev: string }[] }[] = [];
  const written = (u: UnitKey, v: number, d: number) => {
    const n = fmt(v, d, ctx.numbers);
    if (u === '回/年') return `年${n}回`;
    if (u === '%') return `${n}%`;
    return `${n}${u}`;
  };
  const planTerm = ctx.ax.year_form === 'plan_term';
  // a neutral heading: one naming a kind (今後の目標) would make the results under it targets
  let heading = rng.pick(vocab.proseHeadings);
  if (planTerm) heading = rng.pick(vocab.prose.termHeading)(`第${term.ordinal}期`);
  for (const it of picked) {
    ctx.usedItems.add(it.id);
    const m = it.measures[0] as Measure;
    const d = m.decimals ?? 0;
    const label = itemLabel(ctx, it);
    const mLabel = measureLabel(ctx, m);
    const own = it.outcome?.qualifier ?? (m.unit === '回/年' ? 'gte' : null);
    const q: Qualifier | null = qualifiers && own ? (rng.chance(0.2) ? 'approx' : own) : null;
    const v = round(m.lo + rng.next() * (m.hi - m.lo), d);
    const vText = written(m.unit, v, d);
    // the target with its qualifier as written (the whole of it is the evidence)
    const tq = qualified(ctx, vText, q);
    if (planTerm) {
      const text = rng.pick(vocab.prose.termBullet)({ label, v: tq, q: '', y: '' });
      lines.push({
        text,
        facts: [{ f: makeFact(label, mLabel, m.unit, term.end, 'target', v, d, { qualifier: q }), ev: tq }],
      });
      continue;
    }
    const changeOk = ['人', 'か所', '%'].includes(m.unit);
    const kinds = it.id.startsWith('stats.')
      ? ['series', 'result', 'change']
      : it.outcome
        ? ['target', 'targetResult', 'arrow', 'result', ...(it.outcome.stock ? ['series'] : [])]
        : ['result', 'targetResult', ...(changeOk ? ['change'] : [])];
    const kind = rng.pick(kinds);
    const yl = (fy: number) => ctx.year(fy);
    if (kind === 'target') {
      const y = endLabel(yl(term.end));
      const text = rng.pick(vocab.prose.target)({ label, v: tq, q: '', y });
      lines.push({
        text,
        facts: [{ f: makeFact(label, mLabel, m.unit, term.end, 'target', v, d, { qualifier: q }), ev: tq }],
      });
    } else if (kind === 'result') {
      const fy = review - 1;
      const text = rng.pick(vocab.prose.result)({ label, v: vText, q: '', y: yl(fy) });
      lines.push({ text, facts: [{ f: makeFact(label, mLabel, m.unit, fy, 'actual', v, d), ev: vText }] });
    } else if (kind === 'targetResult') {
      const fy = review - 1;
      const a = round(v * (0.6 + rng.next() * 0.6), d) || v;
      const aText = written(m.unit, a, d);
      const text = rng.pick(vocab.prose.targetResult)({ label, v: vText, q: '', y: yl(fy), t: tq, a: aText });
      lines.push({
        text,
        facts: [
          { f: makeFact(label, mLabel, m.unit, fy, 'target', v, d, { qualifier: q }), ev: tq },
          { f: makeFact(label, mLabel, m.unit, fy, 'actual', a, d), ev: aText },
        ],
      });
    } else if (kind === 'arrow') {
      const b = round(v * (q === 'lte' ? 1.05 + rng.next() * 0.25 : 0.6 + rng.next() * 0.3), d) || v;
      const bText = written(m.unit, b, d);
      const fb = review - 1;
      const text = rng.pick(vocab.prose.arrow)({
        label,
        v: tq,
        q: '',
        y: endLabel(yl(term.end)),
        b: bText,
        yb: yl(fb),
      });
      lines.push({
        text,
        facts: [
          { f: makeFact(label, mLabel, m.unit, fb, 'baseline', b, d), ev: bText },
          { f: makeFact(label, mLabel, m.unit, term.end, 'target', v, d, { qualifier: q }), ev: tq },
        ],
      });
    } else if (kind === 'change') {
      const fy = review - 1;
      const dv = round((rng.chance(0.5) ? -1 : 1) * Math.max(1, v * 0.1 * rng.next()), d) || 1;
      const dText = dv < 0 ? ctx.neg(written(m.unit, -dv, d)) : `+${written(m.unit, dv, d)}`;
      const text = rng.pick(vocab.prose.change)({ label, v: vText, q: '', y: yl(fy), d: dText });
      lines.push({
        text,
        facts: [
          { f: makeFact(label, mLabel, m.unit, fy, 'actual', v, d), ev: vText },
          { f: makeFact(label, mLabel, m.unit, fy, 'deviation', dv, d), ev: dText },
        ],
      });
    } else {
      // series of year-end values
      const n = rng.int(2, 4);
      const parts: string[] = [];
      const facts: { f: FactIn; ev: string }[] = [];
      let x = v;
      for (let i = 0; i < n; i++) {
        const fy = review - n + i;
        x = round(x * (0.97 + rng.next() * 0.08), d);
        const item = rng.pick(vocab.prose.seriesItem)(endLabel(yl(fy)), written(m.unit, x, d));
        parts.push(item);
        facts.push({ f: makeFact(label, mLabel, m.unit, fy, 'actual', x, d), ev: item });
      }
      lines.push({ text: `・${label}`, facts: [] });
      lines.push({ text: parts.join(' '), facts });
    }
  }
  ctx.sectionNo++;
  ctx.blocks.push({ type: 'heading', text: ctx.heading(ctx.sectionNo, heading), level: 2 });
  for (const l of lines) {
    ctx.blocks.push({ type: 'para', text: l.text });
    for (const { f, ev } of l.facts)
      pushExpected(ctx, f, ev, `${heading} | ${l.text}`, {
        kind_word: 'prose',
        mark: 'prose',
        ocr_cell: 'clean',
        unit: f.unit ?? '',
      });
  }
}
