/**
 * Migration 011 on the fixtures database: `shiryo ingest fixtures` (every bundled fixture, each document written
 * in its own transaction, the groups kept at ingest), then the view read from `plan_vs_actual_groups` must hold
 * exactly the rows 009's view computes from the observations, and README query 1 (through `observations_flat`)
 * must read the covering index in its own order.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql as view009 } from '../packages/store/src/migrations/009_restatements.js';
import { FIXTURES, ROOT } from './pipeline.js';

const db = join(mkdtempSync(join(tmpdir(), 'shiryo-pva-')), 'fixtures.sqlite');
let conn: Database.Database;

beforeAll(async () => {
  // (spawned, not spawnSync: a minute of a blocked worker times out vitest's own messages)
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'packages/cli/bin/shiryo.mjs'), 'ingest', FIXTURES, '--db', db], {
      stdio: 'ignore',
    });
    child.on('error', fail).on('close', done);
  });
  expect(code).toBe(0);
  conn = new Database(db);
  const at = view009.lastIndexOf('CREATE VIEW plan_vs_actual AS');
  conn.exec(view009.slice(at).replace('CREATE VIEW plan_vs_actual AS', 'CREATE TEMP VIEW plan_vs_actual_009 AS'));
}, 600_000);

const ORDER = `ORDER BY municipality_code, indicator_id, indicator_label, subgroup, measure, unit, fiscal_year, plan,
  estimate, actual, achievement_rate, conflicts, n_observations, n_documents, confidence`;

describe('plan_vs_actual from the groups kept at ingest, on the fixtures', () => {
  it('has the rows of 009’s view, column for column', () => {
    const now = conn.prepare(`SELECT * FROM plan_vs_actual ${ORDER}`).all() as Record<string, unknown>[];
    const then = conn.prepare(`SELECT * FROM temp.plan_vs_actual_009 ${ORDER}`).all();
    // the fixtures give the view something to show: many rows, rates of the document's own, conflicts
    expect(now.length).toBeGreaterThan(1000);
    expect(now.filter((r) => r.achievement_rate !== null).length).toBeGreaterThan(50);
    expect(now.filter((r) => r.conflicts !== null).length).toBeGreaterThan(50);
    expect(now).toEqual(then);
    // the same types too (an integer stays an integer: the groups' columns are untyped)
    const types = (view: string) =>
      conn
        .prepare(`SELECT typeof(plan) || typeof(actual) || typeof(computed_rate) || typeof(confidence) t, count(*) n
          FROM ${view} GROUP BY t ORDER BY t`)
        .all();
    expect(types('plan_vs_actual')).toEqual(types('temp.plan_vs_actual_009'));
  });

  it('README query 1 reads the covering index in the order of its GROUP BY', () => {
    const details = (
      conn
        .prepare(`EXPLAIN QUERY PLAN SELECT municipality_name, fiscal_year, unit, max(value) AS users
          FROM observations_flat
          WHERE indicator_id = 'service.kyodo_seikatsu_enjo' AND value_kind = 'actual' AND confidence >= 0.8
          GROUP BY municipality_name, fiscal_year, unit ORDER BY municipality_name, fiscal_year, unit`)
        .all() as { detail: string }[]
    ).map((r) => r.detail);
    expect(
      details.some((d) =>
        /^SEARCH o USING COVERING INDEX observations_indicator_kind \(indicator_id=\? AND value_kind=\?\)/.test(d),
      ),
    ).toBe(true);
    expect(details.some((d) => /TEMP B-TREE/.test(d))).toBe(false);
  });
});
