/**
 * The fixture ratchet: run the pipeline on every fixture as the CLI does (kuromoji tokens, the store, the JSONL
 * export), score it against its hand-checked expectations with the evaluation scorer, and fail if any fixture's F1
 * fell below `fixtures/scores.json`, or if a fixture has no recorded score at all. Each entry also shows the F1 the
 * fixture scored when it arrived (blind fixtures: before any rule was written for it; see its fixture.json), and,
 * where the expectations name catalog ids, how many of those the matched observations carry.
 * `UPDATE_SCORES=1 pnpm test:unit test/scores.test.ts` rewrites the file (refused in CI).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelledOnly } from '../tools/labelled.mjs';
import { score } from '../tools/score.mjs';
import { exportFixtureWithTables, FIXTURES, fixtures, ROOT, readJsonl } from './pipeline.js';

const SCORES = join(FIXTURES, 'scores.json');
const update = process.env.UPDATE_SCORES === '1';

interface Arrival {
  f1: number;
  precision?: number;
  recall?: number;
  commit?: string;
}
interface Row {
  expected: number;
  actual: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  /** Expected observations that name an `indicator_id`, and how many of them an actual observation matches with it. */
  ids?: { named: number; matched: number };
  /** The score on arrival (fixture.json), null for fixtures written with or before the rules they exercise. */
  arrival: Arrival | null;
}

/**
 * How long one fixture may take: 300 s, and for a labelled real PDF 1 s more per page of the whole document (the
 * ratchet reads the document as `shiryo ingest` does, every page, and scores the labelled ones: the 612-page budget
 * book of real-fuji-r6-minsei took 250-300 s on a loaded 2-core machine, against a flat 300 s). The page count is the
 * largest `/Count` of the file's page tree where it is written uncompressed, else the last labelled page.
 */
function fixtureTimeout(f: { external: boolean; source: string; pages?: number[] }): number {
  if (!f.external || !existsSync(f.source)) return 300_000;
  const counts = [...readFileSync(f.source, 'latin1').matchAll(/\/Count\s+(\d+)/gu)].map((m) => Number(m[1]));
  const pages = Math.max(1, ...counts, ...(f.pages ?? []));
  return 300_000 + 1_000 * pages;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const kindClass = (k: unknown) => (k === 'estimate' ? 'plan' : k);

/**
 * The expected observations that name a catalog id, and those an exported observation with the same value, year
 * and kind carries the id of.
 */
function idScore(expected: Record<string, unknown>[], actual: Record<string, unknown>[]) {
  const named = expected.filter((e) => typeof e.indicator_id === 'string');
  const matched = named.filter((e) =>
    actual.some(
      (a) =>
        a.indicator_id === e.indicator_id &&
        Math.abs(Number(a.value) - Number(e.value)) <= 1e-6 * Math.max(1, Math.abs(Number(e.value))) &&
        (a.fiscal_year ?? null) === (e.fiscal_year ?? null) &&
        kindClass(a.value_kind) === kindClass(e.value_kind),
    ),
  );
  return { named: named.length, matched: matched.length };
}

describe('fixture scores (ratchet)', () => {
  it('is not asked to update in CI', () => {
    expect(update && !!process.env.CI, 'UPDATE_SCORES must not be set in CI').toBe(false);
    expect(process.env.UPDATE_GOLDEN === '1' && !!process.env.CI, 'UPDATE_GOLDEN must not be set in CI').toBe(false);
  });

  it('the tools/score.mjs copy is the shared evaluation scorer', () => {
    const shared = join(ROOT, '..', 'shared', 'tools', 'score.mjs');
    if (!existsSync(shared)) return;
    expect(readFileSync(join(ROOT, 'tools', 'score.mjs'), 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  // One test per fixture: a single test scoring them all ran for over a minute on a loaded 2-core machine, and
  // vitest's worker RPC (onTaskUpdate) times out after 60 s of a busy test.
  const recorded: Record<string, Row> = existsSync(SCORES) ? JSON.parse(readFileSync(SCORES, 'utf8')) : {};
  const now: Record<string, Row> = {};
  /** Observations of confidence ≥ 0.9 over all fixtures, and how many of them are right (matched). */
  const confident = { rows: 0, right: 0 };
  for (const f of fixtures()) {
    if (!existsSync(f.expectedPath)) continue;
    const expected = readJsonl(f.expectedPath);
    if (expected.length === 0) continue;
    // A labelled external document (a real PDF in ../shared) is scored where it is present, on what was labelled:
    // its `pages`, less its `unlabelled` regions (tools/labelled.mjs).
    const absent = f.external && !existsSync(f.source);
    it.skipIf(absent)(
      `${f.name} scores no lower than recorded`,
      async () => {
        const { rows: all, tables } = await exportFixtureWithTables(f.source, f.meta);
        // (a real document: its labelled pages, less the regions fixture.json says were left unlabelled)
        const actual = f.external ? labelledOnly(all, tables, f.meta) : all;
        const { misses: _m, extras, ...r } = score(expected, actual);
        const wrong = new Set(extras);
        for (const o of actual)
          if (Number(o.confidence) >= 0.9) {
            confident.rows++;
            if (!wrong.has(o)) confident.right++;
          }
        const meta = f.meta as { arrival?: Arrival; source?: string };
        const ids = idScore(expected, actual);
        const row: Row = {
          ...r,
          precision: round(r.precision),
          recall: round(r.recall),
          f1: round(r.f1),
          ...(ids.named > 0 ? { ids } : {}),
          arrival: meta.arrival ?? null,
        };
        now[f.name] = row;
        const arrived = row.arrival ? ` (arrived at ${row.arrival.f1.toFixed(3)})` : '';
        console.log(
          `${f.name.padEnd(36)} P ${row.precision.toFixed(3)} R ${row.recall.toFixed(3)} F1 ${row.f1.toFixed(3)}${arrived} (${row.matched}/${row.expected} expected, ${row.actual} actual)${ids.named ? ` ids ${ids.matched}/${ids.named}` : ''}`,
        );
        if (update) return;
        const before = recorded[f.name];
        expect(before, `fixture ${f.name} has no recorded score: run UPDATE_SCORES=1 and commit it`).toBeDefined();
        expect(row.f1, `F1 of ${f.name} fell`).toBeGreaterThanOrEqual(before!.f1 - 1e-9);
        if (before?.ids)
          expect(ids.matched, `catalog ids of ${f.name} fell`).toBeGreaterThanOrEqual(before.ids.matched);
        // A blind fixture keeps the score it arrived with, whatever the rules do later.
        if (/blind/u.test(meta.source ?? ''))
          expect(meta.arrival, `blind fixture ${f.name} has no arrival score in fixture.json`).toBeDefined();
        expect(before?.arrival ?? null, `arrival of ${f.name} differs from its fixture.json`).toEqual(row.arrival);
      },
      fixtureTimeout(f),
    );
  }

  it('observations of confidence 0.9 or more are right at least 99 times in 100 over the fixtures', () => {
    const p = confident.rows ? confident.right / confident.rows : 1;
    console.log(
      `confidence ≥ 0.9: ${confident.rows} observations, ${confident.right} right (precision ${p.toFixed(3)})`,
    );
    expect(p).toBeGreaterThanOrEqual(0.99);
  });

  it('every fixture with a recorded score was scored', () => {
    if (update) {
      writeFileSync(SCORES, `${JSON.stringify(Object.fromEntries(Object.entries(now).sort()), null, 2)}\n`);
      return;
    }
    const external = new Set(
      fixtures()
        .filter((f) => f.external && !existsSync(f.source))
        .map((f) => f.name),
    );
    for (const name of Object.keys(recorded)) {
      if (external.has(name)) continue;
      expect(now[name], `fixture ${name} has a recorded score but was not scored`).toBeDefined();
    }
  });
});
