import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bigramText, openStore, type Store, searchQuery, snippet } from '../src/index.js';
import { CITY, makeDoc, makeNorm, OTHER_CITY, obs, tempDb } from './helpers.js';

/** Issue 14 item 8: search that Datasette and sqlite-utils detect, and that finds two-character Japanese words. */
let store: Store;
let file: string;
beforeEach(() => {
  file = tempDb();
  store = openStore(file);
  store.upsertMunicipalities([CITY, OTHER_CITY]);
  // blocks: 第6期障害福祉計画 / グループホームの整備を進めます(v1); caption 共同生活援助の見込量; cells 区分, R3計画,
  // 共同生活援助, 45 (a number: not indexed)
  store.ingestDocument(makeDoc('/plans/a.tsv'), makeNorm([obs()]));
  store.ingestDocument(makeDoc('/plans/b.tsv'), makeNorm([obs()], OTHER_CITY));
});
afterEach(() => store.close());

/** The query Datasette's and sqlite-utils' `detect_fts(table)` run (sqlite-utils db.py; datasette database.py). */
const detectFts = (table: string) =>
  store.db
    .prepare(`SELECT name FROM sqlite_master WHERE rootpage = 0 AND (
        sql LIKE :like OR sql LIKE :like2 OR (tbl_name = :table AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))`)
    .pluck()
    .all({
      like: `%VIRTUAL TABLE%USING FTS%content=[${table}]%`,
      like2: `%VIRTUAL TABLE%USING FTS%content="${table}"%`,
      table,
    });

describe('search', () => {
  it('Datasette and sqlite-utils find the FTS table of blocks and of search_items', () => {
    expect(detectFts('blocks')).toEqual(['blocks_fts']);
    expect(detectFts('search_items')).toEqual(['search_items_fts']);
  });

  it('the trigram index misses a two-character word; the pair index finds it', () => {
    const trigram = store.db.prepare('SELECT count(*) FROM blocks_fts WHERE blocks_fts MATCH ?').pluck();
    expect(trigram.get('整備')).toBe(0);
    expect(trigram.get('整備を')).toBe(2);
    const r = store.search(['整備']);
    expect(r.total).toBe(2);
    expect(r.hits.map((h) => [h.municipality_name, h.document_path, h.page, h.source, h.snippet])).toEqual([
      ['所沢市', '/plans/b.tsv', 1, 'block', 'グループホームの【整備】を進めます(v1)'],
      ['東松山市', '/plans/a.tsv', 1, 'block', 'グループホームの【整備】を進めます(v1)'],
    ]);
  });

  it('indexes table captions and cells with words, with where they are', () => {
    const r = store.search(['援助'], { municipality: CITY.code });
    expect(r.hits.map((h) => [h.source, h.table_index, h.row, h.col, h.snippet])).toEqual([
      ['caption', 0, null, null, '共同生活【援助】の見込量'],
      ['cell', 0, 1, 0, '共同生活【援助】'],
    ]);
    // a cell of digits alone is a number, not a word
    expect(store.search(['45']).total).toBe(0);
    // NFKC and case: R3計画 is found as ｒ３計画
    expect(store.search(['ｒ３計画']).hits.map((h) => h.snippet)).toEqual(['【R3計画】', '【R3計画】']);
  });

  it('every word must occur; a longer word is the phrase of its pairs; one character is found anywhere', () => {
    expect(store.search(['グループホーム', '整備']).total).toBe(2);
    expect(store.search(['グループ', '拠点']).total).toBe(0);
    expect(store.search(['生活援助']).total).toBe(4); // caption and cell of both documents
    expect(store.search(['援助生活']).total).toBe(0); // pairs out of order
    expect(store.search(['助']).total).toBe(4); // the last character of 共同生活援助
    expect(store.search(['見']).total).toBe(2); // inside 見込量
  });

  it('re-reading a document does not double its items; deleting it removes them', () => {
    const before = store.db.prepare('SELECT count(*) FROM search_items').pluck().get() as number;
    store.ingestDocument(makeDoc('/plans/a.tsv'), makeNorm([obs()]), { force: true });
    expect(store.db.prepare('SELECT count(*) FROM search_items').pluck().get()).toBe(before);
    store.db.prepare("DELETE FROM documents WHERE path = '/plans/b.tsv'").run();
    expect(store.search(['整備']).total).toBe(1);
    expect(
      store.db.prepare("SELECT count(*) FROM search_items_fts WHERE search_items_fts MATCH '整備'").pluck().get(),
    ).toBe(1);
  });

  it('documents stored before the index existed are indexed when the file is next opened for writing', () => {
    store.db.exec('DELETE FROM search_items; INSERT INTO search_pending (document_id) SELECT id FROM documents');
    expect(store.search(['整備']).total).toBe(0);
    store.close();
    store = openStore(file);
    expect(store.search(['整備']).total).toBe(2);
    expect(store.db.prepare('SELECT count(*) FROM search_pending').pluck().get()).toBe(0);
  });
});

describe('pairs', () => {
  it('writes CJK runs as overlapping pairs and their last character, other words as they are', () => {
    expect(bigramText('地域生活支援拠点 2か所')).toBe('地域 域生 生活 活支 支援 援拠 拠点 点 2 か所 所');
    expect(bigramText('就労継続支援Ｂ型')).toBe('就労 労継 継続 続支 支援 援 b 型');
    expect(searchQuery(['拠点', 'B型'])).toBe('"拠点" AND "b 型"*');
    expect(searchQuery(['相談支援'])).toBe('"相談 談支 支援"');
    expect(searchQuery(['"; DROP'])).toBe('"drop"');
    expect(searchQuery(['、。'])).toBeNull();
    expect(snippet('a'.repeat(40) + '拠点' + 'b'.repeat(40), ['拠点'], 5)).toBe('…aaaaa【拠点】bbbbb…');
  });
});
