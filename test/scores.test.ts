/**
 * The fixture ratchet: run the pipeline on every fixture, score it against its hand-checked expectations with the
 * evaluation scorer, and fail if any fixture's F1 fell below `fixtures/scores.json`.
 * `UPDATE_SCORES=1 pnpm test:unit test/scores.test.ts` rewrites the file (refused in CI).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score } from '../tools/score.mjs';
import { exportFixture, FIXTURES, fixtures, ROOT, readJsonl } from './pipeline.js';

const SCORES = join(FIXTURES, 'scores.json');
const update = process.env.UPDATE_SCORES === '1';
type Row = { expected: number; actual: number; matched: number; precision: number; recall: number; f1: number };

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
  for (const f of fixtures()) {
    if (!existsSync(f.expectedPath)) continue;
    const expected = readJsonl(f.expectedPath);
    if (expected.length === 0) continue;
    it(`${f.name} scores no lower than recorded`, async () => {
      const actual = await exportFixture(f.source);
      const { misses: _m, extras: _x, ...r } = score(expected, actual);
      const round = (x: number) => Math.round(x * 1000) / 1000;
      const row = { ...r, precision: round(r.precision), recall: round(r.recall), f1: round(r.f1) };
      now[f.name] = row;
      console.log(
        `${f.name.padEnd(36)} P ${row.precision.toFixed(3)} R ${row.recall.toFixed(3)} F1 ${row.f1.toFixed(3)} (${row.matched}/${row.expected} expected, ${row.actual} actual)`,
      );
      const before = recorded[f.name];
      if (!update && before) expect(row.f1, `F1 of ${f.name} fell`).toBeGreaterThanOrEqual(before.f1 - 1e-9);
    }, 120_000);
  }

  it('every fixture with a recorded score was scored', () => {
    if (update) {
      writeFileSync(SCORES, `${JSON.stringify(Object.fromEntries(Object.entries(now).sort()), null, 2)}\n`);
      return;
    }
    for (const name of Object.keys(recorded)) {
      expect(now[name], `fixture ${name} has a recorded score but was not scored`).toBeDefined();
    }
  });
});
