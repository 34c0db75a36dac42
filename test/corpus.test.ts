/**
 * The generated corpus (packages/corpus): the generator's own invariants — label writers checked by hand against
 * docs/OBSERVATIONS.md, layouts reaching their header levels, arithmetic of the truth, evidence in the text, the
 * same bytes for a seed, every axis value in a default run's plan, held-out combinations only in the held-out part —
 * and a ratchet on the pipeline's scores on a fixed sample, run through the same runner as `pnpm corpus`.
 * `UPDATE_SCORES=1 pnpm vitest run test/corpus.test.ts` rewrites fixtures/corpus-scores.json (refused in CI).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANONICAL_UNITS } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { AXES, type AxisName, completesHeldout, MARKS, makePlan, matches } from '../packages/corpus/src/axes.js';
import { citiesOf } from '../packages/corpus/src/cities.js';
import { DEFAULT_DOCS } from '../packages/corpus/src/cli.js';
import { buildDoc } from '../packages/corpus/src/doc.js';
import { generateDocs } from '../packages/corpus/src/generate.js';
import { buildGrid, type DimName, flatten, planLayout } from '../packages/corpus/src/grid.js';
import { HELDOUT_COMBOS } from '../packages/corpus/src/heldout/combos.js';
import { fmt } from '../packages/corpus/src/numbers.js';
import { fontAvailable } from '../packages/corpus/src/render/pdf.js';
import { Rng } from '../packages/corpus/src/rng.js';
import { runCorpus } from '../packages/corpus/src/runner.js';
import type { Expected } from '../packages/corpus/src/types.js';
import { TUNED_YEARS, type YearCtx } from '../packages/corpus/src/vocab.js';
import { fiscalYearOf, TERMS } from '../packages/corpus/src/years.js';
import { FIXTURES } from './pipeline.js';

const SAMPLE = { seed: 2024, docs: 21 };
/** Let the event loop run (long loops would keep the worker from answering vitest's runner). */
const tick = () => new Promise((r) => setImmediate(r));
const SCORES = join(FIXTURES, 'corpus-scores.json');
const update = process.env.UPDATE_SCORES === '1';
const term6 = TERMS.find((t) => t.series === 'shogai' && t.ordinal === 6);
const yc = (bareEra: 'reiwa' | 'heisei' = 'reiwa'): YearCtx => ({ term: term6 as NonNullable<typeof term6>, bareEra });

describe('corpus generator: building blocks, checked by hand', () => {
  it('writes fiscal year 2021 in each tuned year form', () => {
    const labels = (form: keyof typeof TUNED_YEARS, fy: number, era: 'reiwa' | 'heisei' = 'reiwa') =>
      TUNED_YEARS[form].map((style) => style(yc(era))(fy));
    expect(labels('R', 2021)).toEqual(['R3', 'R3年度']);
    expect(labels('reiwa', 2021)).toEqual(['令和3年度']);
    expect(labels('western', 2021)).toEqual(['2021年度']);
    expect(labels('western_wareki', 2021)).toEqual(['2021（令和3）年度']);
    expect(labels('fy_end', 2021)).toEqual(['R3年度末', '令和3年度末']);
    // a date is of the fiscal year containing it: 令和4年3月31日 and 令和3年10月1日 are both in FY2021
    expect(labels('date', 2021)).toEqual(['令和4年3月31日時点', '令和4年3月31日現在', 'R4.3.31', '令和3年10月1日現在']);
    expect(labels('bare', 2021)).toEqual(['3年度']);
    expect(labels('bare', 2017, 'heisei')).toEqual(['29年度']);
    expect(labels('heisei', 2019)).toEqual(['令和元年度', 'R1', '平成31年度']);
    expect(labels('heisei', 2018)).toEqual(['平成30年度', 'H30', '平成30年度']);
  });

  it('names a target of a plan term by the term ending that year (第6期 ends in FY2023)', () => {
    const label = (TUNED_YEARS.plan_term[0] as (y: YearCtx) => (fy: number, k?: string) => string)(yc());
    expect(label(2023, 'target')).toBe('第6期');
    expect(label(2020, 'target')).toBe('第5期');
    expect(label(2022, 'target')).toBe('R4');
    expect(label(2023, 'actual')).toBe('R5');
  });

  it('dates fall in the fiscal year that starts in April', () => {
    expect(fiscalYearOf(2022, 3)).toBe(2021);
    expect(fiscalYearOf(2022, 4)).toBe(2022);
  });

  it('writes numbers with commas, without, or in full width', () => {
    expect(fmt(1234, 0, 'comma')).toBe('1,234');
    expect(fmt(-1234, 0, 'plain')).toBe('1234');
    expect(fmt(1234.5, 1, 'fullwidth')).toBe('１，２３４．５');
  });

  it('lays a table out in exactly the header levels asked for, whatever the orientation', () => {
    const dims = [
      {
        name: 'ind' as DimName,
        values: [
          { key: 'a', group: 'G' },
          { key: 'b', group: 'G' },
        ],
      },
      { name: 'meas' as DimName, values: [{ key: 'users' }, { key: 'hours' }] },
      { name: 'year' as DimName, values: [{ key: '2021' }, { key: '2022' }] },
      { name: 'kind' as DimName, values: [{ key: 'plan' }, { key: 'actual' }] },
    ];
    for (const levels of [1, 2, 3])
      for (const yearsOn of ['cols', 'rows'] as const)
        for (const kindWithYears of [true, false])
          for (let seed = 0; seed < 5; seed++) {
            const l = planLayout({
              dims,
              yearsOn,
              kindWithYears,
              levels,
              keepRows: [],
              keepCols: [],
              groupable: ['ind', 'year'],
              banner: 'B',
              rng: new Rng(seed),
            });
            expect(l.header.length, `${levels} ${yearsOn} ${kindWithYears}`).toBe(levels);
            expect(l.rows.length).toBeGreaterThan(0);
            const placed = [...l.rows, ...l.header.flatMap((h) => ('dims' in h ? h.dims : []))];
            // every dimension with several values is on the rows or the columns, once
            for (const d of ['ind', 'meas', 'year', 'kind'] as DimName[])
              expect(placed.filter((x) => x === d)).toHaveLength(1);
            const cols = l.header.flatMap((h) => ('dims' in h ? h.dims : []));
            expect(yearsOn === 'rows' ? l.rows : cols).toContain('year');
          }
  });

  it('builds a grid with merged year headers and holes for unwritten cells', () => {
    const entry = (ind: string, year: string, kind: string, text: string) => ({
      k: { ind, year, kind },
      text,
      facts: [],
    });
    const built = buildGrid({
      dims: [
        { name: 'ind', values: [{ key: 'a' }, { key: 'b' }] },
        { name: 'year', values: [{ key: '2021' }, { key: '2022' }] },
        { name: 'kind', values: [{ key: 'plan' }, { key: 'actual' }] },
      ],
      layout: { rows: ['ind'], header: [{ dims: ['year'] }, { dims: ['kind'] }] },
      entries: [
        entry('a', '2021', 'plan', '10'),
        entry('a', '2021', 'actual', '9'),
        entry('a', '2022', 'plan', '11'),
        entry('b', '2021', 'plan', '20'),
        entry('b', '2022', 'plan', '21'),
      ],
      label: (dim, key) =>
        dim === 'year' ? `R${Number(key) - 2018}` : dim === 'kind' ? (key === 'plan' ? '見込' : '実績') : key,
      fuse: (_d, l) => l.join(''),
      stubHeader: () => '区分',
      merge: 'span',
      missing: '－',
    });
    expect(built.grid.headerRows).toBe(2);
    // R4 has no result: its 実績 column is not there at all
    expect(flatten(built.grid, 'first')).toEqual([
      ['区分', 'R3', '', 'R4'],
      ['', '見込', '実績', '見込'],
      ['a', '10', '9', '11'],
      ['b', '20', '－', '21'],
    ]);
    expect(built.grid.cells[0]?.[1]).toMatchObject({ text: 'R3', cs: 2 });
    expect(built.grid.cells[0]?.[0]).toMatchObject({ text: '区分', rs: 2 });
    expect(built.placed.map((p) => p.entry.text)).toEqual(['10', '9', '11', '20', '21']);
  });
});

describe('corpus generator: invariants', () => {
  const plan = makePlan(SAMPLE.seed, SAMPLE.docs, 'all');

  it('every expected observation is in the export contract and its evidence is in its document', async () => {
    if (plan.some((p) => p.axes.format.startsWith('pdf')) && !fontAvailable())
      throw new Error('install fonts-ipaexfont');
    let n = 0;
    for await (const { model, file } of generateDocs(plan)) {
      for (const e of model.expected) {
        n++;
        expect(file.plain, `${model.plan.id}: evidence «${e.evidence}» (${e.where})`).toContain(e.evidence);
        expect(e.municipality).toBe(model.city.name);
        expect(Number.isFinite(e.value)).toBe(true);
        expect(Object.keys(CANONICAL_UNITS)).toContain(e.unit);
        expect(e.fiscal_year).toBeGreaterThanOrEqual(2015);
        expect(e.fiscal_year).toBeLessThanOrEqual(2026);
      }
      // a city named only in the path is named nowhere in the text
      if (model.cityIn === 'path') expect(file.plain).not.toContain(model.city.name);
      else expect(file.plain).toContain(model.city.name);
      if (model.cityIn === 'path') expect(file.path).toContain(model.city.name);
    }
    expect(n).toBeGreaterThan(500);
  }, 120_000);

  it('the truth adds up: differences are result − plan, rates result / plan, subsets below their total', async () => {
    const plans = makePlan(11, 120, 'all');
    let checked = 0;
    for (const p of plans) {
      await tick();
      const doc = buildDoc(p, citiesOf(p.part));
      const key = (e: Expected, fy = e.fiscal_year) => `${e.indicator}|${e.measure}|${fy}`;
      const plan = new Map<string, number>();
      const actual = new Map<string, number>();
      for (const e of doc.expected)
        if (!e.tags.mark?.startsWith('prose')) {
          if (e.value_kind === 'plan') plan.set(`${key(e)}|${e.unit}`, e.value);
          if (e.value_kind === 'actual') actual.set(`${key(e)}|${e.unit}`, e.value);
        }
      for (const e of doc.expected) {
        if (e.tags.mark === 'prose') continue;
        if (e.value_kind === 'deviation') {
          const pv = plan.get(`${key(e)}|${e.unit}`);
          const av = actual.get(`${key(e)}|${e.unit}`);
          expect(pv, `${p.id} ${e.where}`).toBeDefined();
          expect(Math.abs((av as number) - (pv as number) - e.value)).toBeLessThan(
            1e-6 * Math.max(1, Math.abs(e.value)),
          );
          checked++;
        }
        if (e.value_kind === 'achievement_rate') {
          const base = [...plan.keys()].find((k) => k.startsWith(`${key(e)}|`)) as string;
          const pv = plan.get(base) as number;
          const av = actual.get(base) as number;
          expect(Math.abs(Math.round((av / pv) * 1000) / 10 - e.value)).toBeLessThan(1e-9);
          expect(e.unit).toBe('percent');
          checked++;
        }
      }
      doc.expected.forEach((e, i) => {
        if (e.value_kind !== 'subset') return;
        // the bracketed subset follows the total it is part of, in the same cell
        const total = doc.expected[i - 1] as Expected;
        expect(e.subgroup).toBeTruthy();
        expect(total.evidence).toBe(e.evidence);
        expect([total.indicator, total.fiscal_year, total.unit]).toEqual([e.indicator, e.fiscal_year, e.unit]);
        expect(['plan', 'actual', 'estimate']).toContain(total.value_kind);
        expect(e.value).toBeLessThanOrEqual(total.value);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('gives the same bytes for the same seed', async () => {
    const first = new Map<string, Uint8Array>();
    for await (const { file } of generateDocs(plan)) first.set(file.path, file.bytes);
    let same = 0;
    for await (const { file } of generateDocs(plan)) {
      expect(Buffer.from(file.bytes).equals(Buffer.from(first.get(file.path) ?? new Uint8Array())), file.path).toBe(
        true,
      );
      same++;
    }
    expect(same).toBe(SAMPLE.docs);
    expect([...first.keys()].some((p) => p.endsWith('.pdf'))).toBe(true);
  }, 120_000);

  it("a default run's plan has every axis value (in the tuned part too) and every mark", async () => {
    const full = makePlan(1, DEFAULT_DOCS, 'all');
    for (const part of ['tuned', 'heldout'] as const) {
      const docs = full.filter((d) => d.part === part);
      for (const [axis, values] of Object.entries(AXES))
        for (const v of values)
          expect(
            docs.some((d) => d.axes[axis as AxisName] === v),
            `${part} ${axis}=${v}`,
          ).toBe(true);
    }
    const marks = new Set<string>();
    for (const d of full.filter((x) => x.part === 'tuned')) {
      await tick();
      for (const m of buildDoc(d, citiesOf(d.part)).marks) marks.add(m);
    }
    for (const m of MARKS) expect(marks.has(m), `mark ${m}`).toBe(true);
  }, 60_000);

  it('held-out combinations occur in the held-out part only', () => {
    const full = makePlan(1, DEFAULT_DOCS, 'all');
    expect(full.filter((d) => d.part === 'tuned').some((d) => completesHeldout(d.axes))).toBe(false);
    for (const combo of HELDOUT_COMBOS)
      expect(
        full.some((d) => d.part === 'heldout' && matches(combo, d.axes)),
        JSON.stringify(combo),
      ).toBe(true);
    // and the held-out part writes for other cities
    const tunedCities = new Set(citiesOf('tuned').map((c) => c.code));
    expect(citiesOf('heldout').some((c) => tunedCities.has(c.code))).toBe(false);
  });
});

describe('corpus scores (ratchet)', () => {
  it('is not asked to update in CI', () => {
    expect(update && !!process.env.CI, 'UPDATE_SCORES must not be set in CI').toBe(false);
  });

  it('the pipeline scores the sample no lower than recorded, tuned and held-out', async () => {
    const report = await runCorpus({ ...SAMPLE, part: 'all' });
    const now = {
      seed: SAMPLE.seed,
      docs: SAMPLE.docs,
      tuned: { ...report.parts.tuned },
      heldout: { ...report.parts.heldout },
    };
    console.log(
      `corpus sample: tuned F1 ${now.tuned.f1} (${now.tuned.matched}/${now.tuned.expected}), held-out F1 ${now.heldout.f1} (${now.heldout.matched}/${now.heldout.expected})`,
    );
    expect(now.tuned.expected).toBeGreaterThan(300);
    expect(now.heldout.expected).toBeGreaterThan(100);
    if (update) {
      writeFileSync(SCORES, `${JSON.stringify(now, null, 2)}\n`);
      return;
    }
    expect(existsSync(SCORES), 'fixtures/corpus-scores.json (record it with UPDATE_SCORES=1)').toBe(true);
    const before = JSON.parse(readFileSync(SCORES, 'utf8'));
    // the same sample, else the comparison means nothing: a change to the generator re-records the scores
    expect([now.tuned.expected, now.heldout.expected], 'the sample changed: re-record with UPDATE_SCORES=1').toEqual([
      before.tuned.expected,
      before.heldout.expected,
    ]);
    expect(now.tuned.f1, 'tuned F1 fell').toBeGreaterThanOrEqual(before.tuned.f1 - 1e-9);
    expect(now.heldout.f1, 'held-out F1 fell').toBeGreaterThanOrEqual(before.heldout.f1 - 1e-9);
  }, 180_000);
});
