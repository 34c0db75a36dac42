import { EXPORT_KEYS } from '@shiryo/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.js';
import { CITY, makeDoc, makeNorm, OTHER_CITY, obs, tempDb } from './helpers.js';

let store: Store;
beforeEach(() => {
  store = openStore(tempDb());
  store.upsertMunicipalities([CITY, OTHER_CITY]);
  store.upsertCatalog([
    {
      id: 'service.kyodo_seikatsu_enjo',
      label: '共同生活援助',
      plan: 'shogai',
      units: ['person/month'],
      aliases: ['グループホーム'],
    },
    { id: 'service.kyotaku_kaigo', label: '居宅介護', plan: 'shogai', goal_area: '訪問系', aliases: [] },
  ]);
  // 東松山市: two documents; 所沢市: one. 共同生活援助 FY2021 plan in both cities, twice in 東松山市 (45 and 47).
  store.ingestDocument(makeDoc('/plans/a.tsv'), makeNorm([obs(), obs({ value_kind: 'actual', value: 41, col: 2 })]));
  store.ingestDocument(
    makeDoc('/plans/a2.tsv'),
    makeNorm([obs({ value: 47, indicator_label: 'グループホーム' })], CITY, 'path'),
  );
  store.ingestDocument(
    makeDoc('/plans/b.tsv'),
    makeNorm([obs({ value: 60 }), obs({ indicator_id: null, indicator_label: '独自事業' })], OTHER_CITY),
  );
});
afterEach(() => store.close());

describe('views', () => {
  it('observations_flat: the export keys in order, then the extra columns', () => {
    const cols = store.db
      .prepare('SELECT * FROM observations_flat LIMIT 1')
      .columns()
      .map((c) => c.name);
    expect(cols.slice(0, EXPORT_KEYS.length)).toEqual([...EXPORT_KEYS]);
    expect(cols.slice(EXPORT_KEYS.length)).toEqual([
      'document_title',
      'indicator_canonical_label',
      'observation_id',
      'document_id',
      'restates',
    ]);
    const rows = store.db
      .prepare(
        "SELECT indicator_label, indicator_canonical_label, document_title FROM observations_flat WHERE document_path = '/plans/a2.tsv'",
      )
      .all();
    expect(rows).toEqual([
      {
        indicator_label: 'グループホーム',
        indicator_canonical_label: '共同生活援助',
        document_title: '東松山市障害者計画',
      },
    ]);
    expect(store.db.prepare('SELECT count(*) FROM observations_flat').pluck().get()).toBe(5);
  });

  it('city_comparison: one row per city, with the agreed value or the spread when several', () => {
    const rows = store.db
      .prepare(`SELECT municipality_code, municipality_name, indicator_label, value, n_values, min_value, max_value, n_documents
        FROM city_comparison WHERE indicator_id = 'service.kyodo_seikatsu_enjo' AND fiscal_year = 2021 AND value_kind = 'plan'
        ORDER BY municipality_code`)
      .all();
    expect(rows).toEqual([
      {
        municipality_code: OTHER_CITY.code,
        municipality_name: '所沢市',
        indicator_label: '共同生活援助',
        value: 60,
        n_values: 1,
        min_value: 60,
        max_value: 60,
        n_documents: 1,
      },
      {
        municipality_code: CITY.code,
        municipality_name: '東松山市',
        indicator_label: '共同生活援助',
        value: null,
        n_values: 2,
        min_value: 45,
        max_value: 47,
        n_documents: 2,
      },
    ]);
    const own = store.db
      .prepare("SELECT indicator_id, value FROM city_comparison WHERE indicator_label = '独自事業'")
      .all();
    expect(own).toEqual([{ indicator_id: null, value: 45 }]);
  });

  it('documents_summary and summary(): documents, tables, observations per city', () => {
    expect(store.summary()).toEqual([
      {
        municipality_code: OTHER_CITY.code,
        municipality_name: '所沢市',
        prefecture: '埼玉県',
        documents: 1,
        tables: 1,
        observations: 2,
        sources: { text: 1 },
      },
      {
        municipality_code: CITY.code,
        municipality_name: '東松山市',
        prefecture: '埼玉県',
        documents: 2,
        tables: 2,
        observations: 3,
        sources: { path: 1, text: 1 },
      },
    ]);
    expect(store.stats()).toMatchObject({ documents: 3, tables: 3, observations: 5, indicators: 2, municipalities: 2 });
  });

  it('catalog upsert updates labels and replaces aliases', () => {
    store.upsertCatalog([
      { id: 'service.kyodo_seikatsu_enjo', label: '共同生活援助（GH）', plan: 'shogai', aliases: ['GH'] },
    ]);
    expect(
      store.db
        .prepare('SELECT alias FROM indicator_aliases WHERE indicator_id = ?')
        .pluck()
        .all('service.kyodo_seikatsu_enjo'),
    ).toEqual(['GH']);
    expect(
      store.db
        .prepare('SELECT DISTINCT indicator_canonical_label FROM observations_flat WHERE indicator_id IS NOT NULL')
        .pluck()
        .all(),
    ).toEqual(['共同生活援助（GH）']);
  });

  it('blocks_fts finds a block by a Japanese word (trigram tokenizer)', () => {
    const hits = store.db
      .prepare(`SELECT d.path, b.text FROM blocks_fts f JOIN blocks b ON b.id = f.rowid JOIN documents d ON d.id = b.document_id
        WHERE blocks_fts MATCH ? ORDER BY d.path`)
      .all('グループホーム');
    expect(hits.map((h) => (h as { path: string }).path)).toEqual(['/plans/a.tsv', '/plans/a2.tsv', '/plans/b.tsv']);
    expect(
      store.db.prepare('SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH ?').pluck().get('障害福祉計画'),
    ).toBe(3);
    expect(store.db.prepare('SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH ?').pluck().get('介護保険')).toBe(
      0,
    );
  });
});
