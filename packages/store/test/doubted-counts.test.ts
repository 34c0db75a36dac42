/**
 * Migration 013: `doubted_by_municipality` reads `doubted_counts`, kept by the store with every document's
 * observations. After each kind of write (new document, a second one of the same city, other bytes at a path, a
 * re-read in place with another city, a path seen holding another document's bytes, a failed ingest rolled back)
 * it must hold the README's former query: the doubted rows of `observations_flat` counted per municipality name.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.js';
import { sql as migration013 } from '../src/migrations/013_doubted.js';
import { CITY, makeDoc, makeNorm, OTHER_CITY, obs, tempDb } from './helpers.js';

let store: Store;

const FROM_OBSERVATIONS = `SELECT municipality_name, count(*) AS doubted FROM observations_flat
  WHERE confidence < 0.6 OR warnings <> '[]' GROUP BY municipality_name ORDER BY doubted DESC, municipality_name`;
const FROM_COUNTS =
  'SELECT municipality_name, doubted FROM doubted_by_municipality ORDER BY doubted DESC, municipality_name';
const rows = (sql: string) => store.db.prepare(sql).all();

function expectSameCount(): void {
  expect(rows(FROM_COUNTS)).toEqual(rows(FROM_OBSERVATIONS));
}

// 東松山市: three doubted (a low confidence, a warning, both), one sure
const first = () =>
  makeNorm([
    obs({ confidence: 0.5 }),
    obs({ col: 2, warnings: ['sum of the rows differs from the total row'] }),
    obs({ col: 3, confidence: 0.26, warnings: ['no unit'] }),
    obs({ col: 4, confidence: 0.6 }),
  ]);

beforeEach(() => {
  store = openStore(tempDb());
  store.upsertMunicipalities([CITY, OTHER_CITY]);
});
afterEach(() => store.close());

describe('doubted_by_municipality', () => {
  it('counts what observations_flat holds after every kind of write', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv'), first());
    expectSameCount();
    expect(rows(FROM_COUNTS)).toEqual([{ municipality_name: CITY.name, doubted: 3 }]);

    // a second document of the same city, and one of another city
    store.ingestDocument(makeDoc('/plans/a2.tsv'), makeNorm([obs({ confidence: 0.2 }), obs({ col: 2 })]));
    store.ingestDocument(makeDoc('/plans/b.tsv'), makeNorm([obs({ confidence: 0.4 })], OTHER_CITY));
    expectSameCount();
    expect(rows(FROM_COUNTS)).toEqual([
      { municipality_name: CITY.name, doubted: 4 },
      { municipality_name: OTHER_CITY.name, doubted: 1 },
    ]);

    // other bytes at a.tsv: the first version is dropped with its counts
    store.ingestDocument(makeDoc('/plans/a.tsv', 'v2'), makeNorm([obs({ value: 1 })]));
    expectSameCount();
    // (a tie: by name, 所沢市 before 東松山市)
    expect(rows(FROM_COUNTS)).toEqual([
      { municipality_name: OTHER_CITY.name, doubted: 1 },
      { municipality_name: CITY.name, doubted: 1 },
    ]);

    // a2.tsv read anew with another city: its count moves
    store.ingestDocument(makeDoc('/plans/a2.tsv'), makeNorm([obs({ confidence: 0.2 })], OTHER_CITY, 'option'));
    expectSameCount();
    expect(rows(FROM_COUNTS)).toEqual([{ municipality_name: OTHER_CITY.name, doubted: 2 }]);

    // a document without a city: its doubted numbers count under no name, as in observations_flat
    store.ingestDocument(makeDoc('/plans/c.tsv'), makeNorm([obs({ confidence: 0.1 })], null));
    expectSameCount();

    // b.tsv's bytes seen at a2.tsv's path: a2.tsv (seen nowhere else) is dropped
    expect(store.recordPath(makeDoc('/plans/b.tsv').sha256, '/plans/a2.tsv')?.status).toBe('replaced');
    expectSameCount();
    expect(rows(FROM_COUNTS)).toEqual([
      { municipality_name: null, doubted: 1 },
      { municipality_name: OTHER_CITY.name, doubted: 1 },
    ]);
  });

  it('a failed ingest leaves the counts as they were', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv'), first());
    expect(() =>
      store.ingestDocument(makeDoc('/plans/a.tsv', 'v2'), makeNorm([obs({ confidence: 0.1 })]), {
        failAfterObservations: 1,
      }),
    ).toThrow();
    expect(rows(FROM_COUNTS)).toEqual([{ municipality_name: CITY.name, doubted: 3 }]);
    expectSameCount();
  });

  it('the migration counts the observations already stored', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv'), first());
    store.ingestDocument(makeDoc('/plans/b.tsv'), makeNorm([obs({ confidence: 0.4 })], OTHER_CITY));
    store.db.exec('DROP VIEW doubted_by_municipality; DROP TABLE doubted_counts');
    store.db.exec(migration013);
    expectSameCount();
    expect(rows(FROM_COUNTS)).toHaveLength(2);
  });
});
