/**
 * Crash safety: `ingest` killed with SIGKILL at random moments (SHIRYO_KILLS times, default 50, spread over the
 * time an uninterrupted run takes; in CI always that many kills, elsewhere as many as fit in
 * SHIRYO_KILL_BUDGET_MS, default 60 s, and at least 5 runs), then after each: integrity_check ok, no document half
 * stored (its tables and observations all there or none); and a last uninterrupted run gives the same export as a
 * run never killed. The killed runs use --force, so each one rewrites every document and the kills also land
 * inside replacements.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
const KILLS = Number(process.env.SHIRYO_KILLS ?? 50);
const BUDGET_MS = Number(process.env.SHIRYO_KILL_BUDGET_MS ?? 60_000);
/** In CI (CI=true, as .ci/run sets) the time budget does not apply: at least KILLS runs are killed (issue 16). */
const IN_CI = Boolean(process.env.CI);

function run(
  args: string[],
  killAfterMs?: number,
): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', fail).on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, out });
    });
  });
}

/** xorshift32, so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const exportOf = async (db: string) =>
  (await run(['export', '--db', db, '--format', 'jsonl'])).out.split('\n').filter(Boolean).sort();

describe('SIGKILL during ingest', () => {
  it(
    `up to ${KILLS} kills at random moments: never corrupt, never half stored, a re-run completes it`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'shiryo-kill-'));
      const docs = join(dir, 'docs');
      mkdirSync(docs);
      const good = readFileSync(join(ROOT, 'test/corpus/good-utf8.txt'), 'utf8');
      for (let i = 0; i < 12; i++) writeFileSync(join(docs, `doc${i}.txt`), good.replace('120', String(500 + i)));
      const args = (db: string) => ['ingest', docs, '--db', db, '-q', '--no-summary'];

      const ref = join(dir, 'ref.db');
      const t0 = Date.now();
      expect((await run(args(ref))).code).toBe(0);
      const span = Date.now() - t0;
      const expected = await exportOf(ref);
      expect(expected).toHaveLength(12 * 4);

      const db = join(dir, 'killed.db');
      const random = rng(0x5eed);
      let killed = 0;
      let runs = 0;
      const start = Date.now();
      for (;;) {
        if (killed >= KILLS || runs >= 2 * KILLS) break;
        if (!IN_CI && runs >= 5 && Date.now() - start >= BUDGET_MS) break;
        runs++;
        // --force: every run stores every document anew (replacing it), so a kill lands mid-work however far the
        // runs before it got
        const r = await run([...args(db), '--force'], Math.floor(random() * span));
        if (r.signal === 'SIGKILL') killed++;
        const sql = new Database(db);
        try {
          expect(sql.pragma('integrity_check', { simple: true })).toBe('ok');
          const half = sql
            .prepare(
              `SELECT d.path FROM documents d
             WHERE d.n_observations != (SELECT count(*) FROM observations o WHERE o.document_id = d.id)
                OR d.n_tables != (SELECT count(*) FROM tables t WHERE t.document_id = d.id)`,
            )
            .all();
          expect(half).toEqual([]);
        } catch (e) {
          // a kill before the schema exists leaves an empty file: nothing to check yet
          if (!(e instanceof Error && /no such table/.test(e.message))) throw e;
        } finally {
          sql.close();
        }
      }
      console.info(`kill test: ${killed} of ${runs} runs killed, uninterrupted run ${span} ms`);
      // most runs were killed mid-way, not after they had finished
      expect(killed).toBeGreaterThan(runs / 2);
      if (IN_CI) expect(killed).toBeGreaterThanOrEqual(KILLS);
      expect((await run(args(db))).code).toBe(0);
      expect(await exportOf(db)).toEqual(expected);
    }, // 50 kills: ~2–3 min on an idle machine (a run costs ~3 s of CPU); over 10 min under a load of 19 on 2 cores (timed out at 600 s)
    IN_CI ? 900_000 : 600_000,
  );
});
