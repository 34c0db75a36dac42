/** allRows: better-sqlite3's row arrays made into objects in JavaScript, equal to its own `.all()` objects. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { allRows } from '../src/queries.js';

describe('rows built from arrays', () => {
  it('are the objects .all() gives: keys in order, types, nulls, a repeated column name, parameters', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE t (code TEXT, name TEXT, n INTEGER, x REAL, b BLOB);
      INSERT INTO t VALUES ('011002', '札幌市', 3, 0.89, x'00ff'), ('012025', NULL, NULL, 1e-3, NULL),
        ('"quoted"', '函館市', -7, 96.6, NULL)`);
    const sql = `SELECT code, name, n, x, b, n AS "a "" key", name AS code FROM t WHERE n IS NULL OR n < ? ORDER BY rowid`;
    const own = db.prepare(sql).all(10);
    const ours = allRows<Record<string, unknown>>(db.prepare(sql), 10);
    expect(ours).toEqual(own);
    expect(ours.map((r) => Object.keys(r))).toEqual(own.map((r) => Object.keys(r as object)));
    // the later `code` wins, at the first one's place, as in better-sqlite3's objects
    expect(ours).toEqual([
      { code: '札幌市', name: '札幌市', n: 3, x: 0.89, b: Buffer.from([0, 255]), 'a " key': 3 },
      { code: null, name: null, n: null, x: 0.001, b: null, 'a " key': null },
      { code: '函館市', name: '函館市', n: -7, x: 96.6, b: null, 'a " key': -7 },
    ]);
    expect(Object.keys(ours[0]!)).toEqual(['code', 'name', 'n', 'x', 'b', 'a " key']);
    expect(allRows(db.prepare(sql), -100)).toEqual([ours[1]]);
  });
});
